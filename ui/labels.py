"""Plain words for the values the core stores (kinds, bands, decisions, dates)."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from exposure_audit.audit.store import FindingRow
from exposure_audit.exposure import OWN_FILES
from exposure_audit.faces.detection import band_for
from exposure_audit.i18n import N_, _
from exposure_audit.report.words import platform_words
from exposure_audit.vocabulary import (
    Band,
    Decision,
    PhotoKind,
    audience_basis_text,
    similarity_percent,
    video_moment,
)

# What a selfie shows, and screen readers say, while its face is being judged.
CHECKING = N_("Checking…")


# Who could see a photo, as the readers store it: a code, shown in words.
AUDIENCES = {
    "public": N_("anyone"),
    "friends": N_("friends"),
    "private": N_("only you"),
    "unknown": N_("not known"),
}


def basis_text(stored: object) -> str | None:
    """Why the audience is what it is, in the language in force (None when nothing is known)."""
    return audience_basis_text(stored if isinstance(stored, str) else None) or None


def audience_label(audience: object) -> str | None:
    """Who could see a photo, in words; a code this version does not know, as it is."""
    if not audience:
        return None
    code = str(audience)
    return _(AUDIENCES[code]) if code in AUDIENCES else code


def decision_label(decision: str | None) -> str:
    return Decision(decision or Decision.UNDECIDED).label


def kind_key(kind: str | None) -> str:
    """The code a photo's kind is filtered by: one this version does not know is "other"."""
    return kind if kind in PhotoKind.values() else PhotoKind.OTHER.value


def kind_label(kind: str | None) -> str:
    return PhotoKind.label_of(kind)


def platform_key(platform: str | None) -> str:
    """What a platform is filtered by: its name, or "" for the person's own files."""
    return "" if platform in OWN_FILES else str(platform)


def platform_label(platform: str | None) -> str:
    return _("Your own files") if platform in OWN_FILES else platform_words(platform)


def band_label(band: str | None) -> str:
    try:
        return Band(band or Band.NONE).label
    except ValueError:
        return Band.NONE.label


def banded(rows: list[FindingRow], threshold: float) -> list[FindingRow]:
    """Rows with their band at the audit's threshold: beyond it a face is 'Not a match'."""
    return [replace(row, band=band_for(row.distance, threshold) or Band.NONE) for row in rows]


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
    if context.get("kind") == PhotoKind.MESSAGE_ATTACHMENT:
        return _("Conversation")
    return _("Album")


def year_of(context: dict[str, Any]) -> str | None:
    stamp = context.get("taken_at") or context.get("uploaded_at")
    return str(stamp)[:4] if stamp and str(stamp)[:4].isdigit() else None


def has_location(context: dict[str, Any]) -> bool:
    return context.get("latitude") is not None and context.get("longitude") is not None


def similarity(distance: float) -> int:
    """A 0–100 figure people read more easily than a distance (higher is more alike)."""
    return similarity_percent(distance)


def file_name(row: FindingRow) -> str:
    return row.location.rsplit("!/", 1)[-1].rsplit("/", 1)[-1]


def media_note(row: FindingRow) -> str:
    """ "video · 0:03" for a video (the moment of its best frame), "" for a photo."""
    if not row.is_video:
        return ""
    return _("video · %(time)s") % {"time": video_moment(row.video_time or 0.0)}


def shown_name(row: FindingRow) -> str:
    """The file's name, and for a video the moment the person is in it."""
    note = media_note(row)
    return f"{file_name(row)} · {note}" if note else file_name(row)


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
        return year_of(context) or _("Unknown year")
    if group == "location":
        return _("Has a location") if has_location(context) else _("No location")
    if group == "decision":
        return decision_label(row.decision)
    return ""
