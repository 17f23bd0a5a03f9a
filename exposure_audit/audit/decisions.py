"""Deciding findings: "that's me", "not me" or undecided, by location; shared by CLI and app."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from exposure_audit.audit.store import Audit, FindingRow
from exposure_audit.vocabulary import Decision


@dataclass(frozen=True)
class DecideResult:
    """How many faces changed, and which of the named locations matched no finding."""

    changed: int
    unknown: tuple[str, ...]


def _by_location(rows: list[FindingRow]) -> dict[str, list[FindingRow]]:
    """Findings by their location, also reachable as "<source>/<location>" for folder sources."""
    out: dict[str, list[FindingRow]] = {}
    for row in rows:
        out.setdefault(row.location, []).append(row)
        if row.source and not row.location.startswith(row.source):
            out.setdefault(f"{row.source}/{row.location}", []).append(row)
    return out


def _by_photo(rows: list[FindingRow]) -> list[list[FindingRow]]:
    out: dict[tuple[str, str], list[FindingRow]] = {}
    for row in rows:
        out.setdefault((row.source, row.location), []).append(row)
    return list(out.values())


def decide(
    audit: Audit, decision: Decision, locations: Iterable[str] | None = None
) -> DecideResult:
    """Set ``decision`` on the findings at ``locations`` (every finding when None).

    A photo shows its owner once: "that's me" marks the nearest matched face of each photo and
    leaves the others as they were; "not me" and undecided apply to every matched face there.
    """
    decision = Decision.parse(decision, "decision")
    rows = audit.findings()
    unknown: tuple[str, ...] = ()
    if locations is None:
        groups = _by_photo(rows)
    else:
        index = _by_location(rows)
        wanted = list(dict.fromkeys(locations))
        unknown = tuple(place for place in wanted if place not in index)
        groups = [index[place] for place in wanted if place in index]
    stored = None if decision == Decision.UNDECIDED else decision
    changed = 0
    for group in groups:
        chosen = [min(group, key=lambda r: r.distance)] if decision == Decision.ME else group
        for row in chosen:
            if row.decision != stored:
                audit.set_decision(row.face_id, stored)
                changed += 1
    return DecideResult(changed, unknown)
