"""The overview's numbers, worked out on a worker from the findings (no Qt here)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from exposure_audit.audit.store import FindingRow
from exposure_audit.report.findings import exposure_of
from exposure_audit.report.next_steps import PlatformSteps, next_steps
from exposure_audit.report.world_map import Place, places_of
from exposure_audit.vocabulary import Decision, PhotoKind
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
    places: list[Place] = field(default_factory=list)
    next_steps: list[PlatformSteps] = field(default_factory=list)


def exposure(context: dict[str, Any]) -> tuple[str, list[str]]:
    """The exposure level and its reasons, by the core's one table of rules."""
    found = exposure_of(context)
    return str(found["level"]), [str(r) for r in found["reasons"]]


def summarise(rows: list[FindingRow]) -> Overview:
    """Count each photo once (not each face), leaving out faces marked 'Not me'."""
    out = Overview()
    seen: set[tuple[str, str]] = set()
    photos: list[tuple[dict[str, Any], str]] = []
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
        out.public_profile += context.get("kind") == PhotoKind.PROFILE_PICTURE and context.get(
            "audience"
        ) in ("public", None)
        level, reasons = exposure(context)
        photos.append((context, level))
        out.levels[level] += 1
        bucket = out.reasons.setdefault(level, Counter())
        bucket.update(reasons)
    out.places = places_of(context for context, _ in photos)
    out.next_steps = next_steps(photos)
    return out
