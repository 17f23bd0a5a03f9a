"""The overview's numbers, worked out on a worker from the findings (no Qt here).

Every figure comes from the core's one definition of it (``exposure_audit.report.counts``), so the
overview, the score, the report and the takeaway agree.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from exposure_audit.audit.store import FindingRow
from exposure_audit.report.counts import Counts, count, located_copy, photos_of_you
from exposure_audit.report.findings import exposure_of
from exposure_audit.report.next_steps import PlatformSteps, next_steps
from exposure_audit.report.world_map import Place, places_of
from ui import labels


@dataclass
class Overview:
    counts: Counts = field(default_factory=Counts)
    platforms: Counter[str] = field(default_factory=Counter)
    kinds: Counter[str] = field(default_factory=Counter)
    years: Counter[int] = field(default_factory=Counter)
    reasons: dict[str, Counter[str]] = field(default_factory=dict)
    places: list[Place] = field(default_factory=list)
    next_steps: list[PlatformSteps] = field(default_factory=list)

    @property
    def photos(self) -> int:
        return self.counts.photos

    @property
    def with_gps(self) -> int:
        return self.counts.located

    @property
    def levels(self) -> dict[str, int]:
        return {level: n for level, n in self.counts.levels.items() if n}


def exposure(context: dict[str, Any]) -> tuple[str, list[str]]:
    """The exposure level and its reasons, by the core's one table of rules."""
    found = exposure_of(context)
    return str(found["level"]), [str(r) for r in found["reasons"]]


def summarise(rows: list[FindingRow]) -> Overview:
    """Count each photo of you once (not each face, not each copy), 'Not me' left out."""
    photos = photos_of_you(rows)
    counts = count(photos, len(rows))
    out = Overview(counts)
    for name, number in counts.by_platform.items():
        out.platforms[labels.platform_label(name)] += number
    for kind, number in counts.by_kind.items():
        out.kinds[labels.kind_label(kind or None)] += number
    out.years.update(counts.by_year)
    for photo in photos:
        out.reasons.setdefault(photo.level, Counter()).update(photo.reasons)
    out.places = places_of(c for c in map(located_copy, photos) if c is not None)
    out.next_steps = next_steps(photos)
    return out
