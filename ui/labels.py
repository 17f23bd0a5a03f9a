"""Plain words for the values the core stores (kinds, bands, decisions, dates)."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from exposure_audit.audit.store import FindingRow
from exposure_audit.exposure import OWN_FILES
from exposure_audit.faces.detection import band_for
from exposure_audit.vocabulary import Decision

# What a selfie shows, and screen readers say, while its face is being judged.
CHECKING = "Checking…"

BANDS = {
    "strong": "Strong match",
    "likely": "Likely match",
    "possible": "Possible match",
    "none": "Not a match",
}


def decision_label(decision: str | None) -> str:
    return Decision(decision or Decision.UNDECIDED).label


def kind_label(kind: str | None) -> str:
    return (kind or "other").replace("_", " ").capitalize()


def platform_label(platform: str | None) -> str:
    return "Your own files" if platform in OWN_FILES else str(platform)


def band_label(band: str | None) -> str:
    return BANDS.get(band or "", "Not a match")


def banded(rows: list[FindingRow], threshold: float) -> list[FindingRow]:
    """Rows with their band at the audit's threshold: beyond it a face is 'Not a match'."""
    return [replace(row, band=band_for(row.distance, threshold) or "none") for row in rows]


def local_time(stamp: object) -> str | None:
    """An ISO 8601 time as the person's locale writes it (date, then hour and minute)."""
    from PySide6.QtCore import QDateTime, QLocale, Qt

    if not stamp:
        return None
    moment = QDateTime.fromString(str(stamp), Qt.DateFormat.ISODate)
    if not moment.isValid():
        return str(stamp)
    if "T" in str(stamp):
        moment = moment.toLocalTime()
    locale = QLocale()
    day = locale.toString(moment.date(), QLocale.FormatType.LongFormat)
    if "T" not in str(stamp) and " " not in str(stamp).strip():
        return day  # a date without a time of day
    return f"{day}, {locale.toString(moment.time(), QLocale.FormatType.ShortFormat)}"


def album_caption(context: dict[str, Any]) -> str:
    """What the 'album' of a photo is: a conversation for a message, else an album."""
    return "Conversation" if context.get("kind") == "message_attachment" else "Album"


def year_of(context: dict[str, Any]) -> str | None:
    stamp = context.get("taken_at") or context.get("uploaded_at")
    return str(stamp)[:4] if stamp and str(stamp)[:4].isdigit() else None


def has_location(context: dict[str, Any]) -> bool:
    return context.get("latitude") is not None and context.get("longitude") is not None


def similarity(distance: float) -> int:
    """A 0–100 figure people read more easily than a distance (higher is more alike)."""
    return round(max(0.0, 1.0 - distance) * 100)


def file_name(row: FindingRow) -> str:
    return row.location.rsplit("!/", 1)[-1].rsplit("/", 1)[-1]


def group_value(row: FindingRow, group: str) -> str:
    """The value a finding is grouped under, for the named grouping."""
    context = row.context
    if group == "platform":
        return platform_label(context.get("platform"))
    if group == "kind":
        return kind_label(context.get("kind"))
    if group == "band":
        return band_label(row.band)
    if group == "year":
        return year_of(context) or "Unknown year"
    if group == "location":
        return "Has a location" if has_location(context) else "No location"
    if group == "decision":
        return decision_label(row.decision)
    return ""
