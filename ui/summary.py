"""The overview's numbers, worked out on a worker from the findings (no Qt here)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from exposure_audit.audit.store import FindingRow
from exposure_audit.report.findings import exposure_of
from exposure_audit.vocabulary import Decision
from ui import labels


@dataclass
class Overview:
    photos: int = 0
    platforms: Counter[str] = field(default_factory=Counter)
    kinds: Counter[str] = field(default_factory=Counter)
    years: Counter[int] = field(default_factory=Counter)
    with_gps: int = 0
    public_profile: int = 0
    levels: Counter[str] = field(default_factory=Counter)
    reasons: dict[str, Counter[str]] = field(default_factory=dict)


def exposure(context: dict[str, Any]) -> tuple[str, list[str]]:
    """The exposure level and its reasons: the core's rules when present, else a plain reading.

    The plain reading is a stop-gap while the core's exposure rules are not shipped.
    """
    found = exposure_of(context)
    if found.get("level"):
        return str(found["level"]), [str(r) for r in found.get("reasons") or []]
    reasons, level = [], "low"
    if context.get("audience") == "public":
        reasons.append("shared publicly")
        level = "high"
    if context.get("kind") in ("profile_picture", "cover"):
        reasons.append("a profile or cover picture, shown wherever the account appears")
        level = "high" if context.get("audience") in ("public", None) else "medium"
    if labels.has_location(context):
        reasons.append("carries GPS coordinates of where it was taken")
        level = "high" if level == "high" else "medium"
    if context.get("audience") == "friends":
        reasons.append("visible to friends")
        level = "medium" if level == "low" else level
    if not reasons:
        reasons.append("no sign it was shared beyond this copy")
    return level, reasons


def summarise(rows: list[FindingRow]) -> Overview:
    """Count each photo once (not each face), leaving out faces marked 'Not me'."""
    out = Overview()
    seen: set[tuple[str, str]] = set()
    for row in rows:
        key = (row.source, row.location)
        if row.decision == Decision.NOT_ME or key in seen:
            continue
        seen.add(key)
        context = row.context
        out.photos += 1
        out.platforms[labels.platform_label(context.get("platform"))] += 1
        out.kinds[labels.kind_label(context.get("kind"))] += 1
        year = labels.year_of(context)
        if year:
            out.years[int(year)] += 1
        out.with_gps += labels.has_location(context)
        out.public_profile += context.get("kind") == "profile_picture" and context.get(
            "audience"
        ) in ("public", None)
        level, reasons = exposure(context)
        out.levels[level] += 1
        bucket = out.reasons.setdefault(level, Counter())
        bucket.update(reasons)
    return out
