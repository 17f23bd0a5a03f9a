"""Plain words for the values the core stores (kinds, bands, decisions, dates)."""

from __future__ import annotations

from typing import Any

from exposure_audit.audit.store import FindingRow
from exposure_audit.vocabulary import Decision

BANDS = {"strong": "Strong match", "likely": "Likely match", "possible": "Possible match"}


def decision_label(decision: str | None) -> str:
    return Decision(decision or Decision.UNDECIDED).label


def kind_label(kind: str | None) -> str:
    return (kind or "other").replace("_", " ").capitalize()


def platform_label(platform: str | None) -> str:
    return platform or "No platform (own files)"


def band_label(band: str | None) -> str:
    return BANDS.get(band or "", "Weak match")


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
