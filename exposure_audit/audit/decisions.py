"""Deciding findings: "that's me", "not me" or undecided, by location; shared by CLI and app."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from exposure_audit.audit.store import Audit, FindingRow

DECISIONS = ("me", "not_me", "undecided")


@dataclass(frozen=True)
class DecideResult:
    """How many faces changed, and which of the named locations matched no finding."""

    changed: int
    unknown: tuple[str, ...]


def _by_location(rows: list[FindingRow]) -> dict[str, list[FindingRow]]:
    out: dict[str, list[FindingRow]] = {}
    for row in rows:
        out.setdefault(row.location, []).append(row)
        if row.source and not row.location.startswith(row.source):
            out.setdefault(f"{row.source}/{row.location}", []).append(row)
    return out


def decide(audit: Audit, decision: str, locations: Iterable[str] | None = None) -> DecideResult:
    """Set ``decision`` on the findings at ``locations`` (every finding when None).

    A photo shows its owner once: "me" marks the nearest matched face of each photo and leaves
    the others as they were; "not_me" and "undecided" apply to every matched face there.
    """
    if decision not in DECISIONS:
        raise ValueError(f"decision must be one of {', '.join(DECISIONS)}")
    rows = audit.findings()
    index = _by_location(rows)
    wanted = list(dict.fromkeys(locations)) if locations is not None else None
    unknown = tuple(place for place in wanted or () if place not in index)
    if wanted is None:
        groups = list(_by_location_only(rows).values())
    else:
        groups = [index[place] for place in wanted if place in index]
    changed = 0
    for group in groups:
        chosen = [min(group, key=lambda r: r.distance)] if decision == "me" else group
        for row in chosen:
            if row.decision != (None if decision == "undecided" else decision):
                audit.set_decision(row.face_id, None if decision == "undecided" else decision)
                changed += 1
    return DecideResult(changed, unknown)


def _by_location_only(rows: list[FindingRow]) -> dict[tuple[str, str], list[FindingRow]]:
    out: dict[tuple[str, str], list[FindingRow]] = {}
    for row in rows:
        out.setdefault((row.source, row.location), []).append(row)
    return out
