"""The exposure score: one number from 0 to 100 per audit, and the parts it is made of.

Each part counts distinct photos of the person (faces marked "not me" left out) and earns its
points in proportion to that count, up to the count at which it is full:

    part                            counts photos …                                 points  full at
    public photos                   anyone could see                                    30        5
    indexable profile pictures      public profile or cover pictures, avatars on
                                    saved web pages (what face-search crawlers index)   20        2
    photos carrying GPS             shared with the exact place they were taken         15        3
    captions naming places, people  shared with a caption, a place name or name tags    15        3
    recent photos                   shared in the last 12 months                        10        3
    platforms                       (counts platforms holding photos of the person)     10        4

    points of a part = round(weight × min(count, full) / full);  score = sum of the parts

A photo counts as shared when a platform holds it and someone besides the person can see it
(everything but items only its owner sees; photos sent in private messages are shared with the
chat). A photo only on the person's own computer (no platform) adds nothing to any part.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, TypedDict

from exposure_audit.exposure import (
    LOCAL_PLATFORMS,
    has_gps,
    is_indexable,
    is_public,
    is_shared,
    names_things,
    on_platform,
)
from exposure_audit.i18n import _, ngettext
from exposure_audit.i18n.formats import format_number
from exposure_audit.vocabulary import Decision

__all__ = [
    "LOCAL_PLATFORMS",
    "Part",
    "PartJson",
    "Photo",
    "Score",
    "ScoreJson",
    "exposure_score",
    "is_indexable",
    "is_public",
    "is_shared",
    "score_of_findings",
]

RECENT_DAYS = 365


class PartJson(TypedDict):
    """One part of the score as reports and the command line write it."""

    key: str
    label: str
    count: int
    points: int
    max: int
    explanation: str


class ScoreJson(TypedDict):
    """The score and its parts as reports and the command line write them."""

    score: int
    parts: list[PartJson]


@dataclass(frozen=True)
class Photo:
    """One photo location of the person, reduced to what the score looks at."""

    sha256: str
    context: Mapping[str, Any]  # the photo's context, as the audit stores it


@dataclass(frozen=True)
class Part:
    """One reason in the score: how many photos (or platforms) and the points they earn."""

    key: str
    label: str
    count: int
    points: int
    weight: int
    full_at: int
    explanation: str

    def as_dict(self) -> PartJson:
        return {
            "key": self.key,
            "label": self.label,
            "count": self.count,
            "points": self.points,
            "max": self.weight,
            "explanation": self.explanation,
        }


@dataclass(frozen=True)
class Score:
    """The exposure score and its parts, largest contribution first."""

    score: int
    parts: tuple[Part, ...]

    def as_dict(self) -> ScoreJson:
        return {"score": self.score, "parts": [p.as_dict() for p in self.parts]}

    def biggest(self, count: int = 3) -> list[Part]:
        """The parts that add most, for "your three biggest risks"."""
        ranked = sorted(self.parts, key=lambda p: (-p.points, -p.weight))
        return [p for p in ranked if p.points > 0][:count]


def _shared_since(cutoff: str) -> Callable[[Mapping[str, Any]], bool]:
    def recent(ctx: Mapping[str, Any]) -> bool:
        moment = str(ctx.get("uploaded_at") or ctx.get("taken_at") or "")[:10]
        return is_shared(ctx) and bool(moment) and moment >= cutoff

    return recent


def _counted(sentence: str, count: int) -> str:
    """A sentence from ``ngettext`` (in the plural form for ``count``) with its count filled in."""
    return sentence.format(n=format_number(count))


def _part(key: str, label: str, count: int, weight: int, full_at: int, said: str) -> Part:
    points = round(weight * min(count, full_at) / full_at)
    return Part(key, label, count, points, weight, full_at, said)


def exposure_score(photos: Iterable[Photo], today: date | None = None) -> Score:
    """The score of the given photo locations (pass only faces not marked "not me")."""
    photos = list(photos)
    cutoff = ((today or date.today()) - timedelta(days=RECENT_DAYS)).isoformat()

    def count(test: Callable[[Mapping[str, Any]], bool]) -> int:
        return len({p.sha256 for p in photos if test(p.context)})

    platforms = {p.context["platform"] for p in photos if on_platform(p.context)}
    public, indexable, gps = count(is_public), count(is_indexable), count(has_gps)
    named, recent = count(names_things), count(_shared_since(cutoff))
    held = len(platforms)
    parts = (
        _part("public_photos", _("Public photos"), public, 30, 5, _counted(ngettext(
            "{n} photo of you anyone could see",
            "{n} photos of you anyone could see", public), public)),
        _part("indexable_profile_pictures", _("Profile pictures search engines index"),
              indexable, 20, 2, _counted(ngettext(
                  "{n} profile picture or avatar a face-search crawler can collect",
                  "{n} profile pictures or avatars a face-search crawler can collect",
                  indexable), indexable)),
        _part("gps", _("Photos carrying GPS"), gps, 15, 3, _counted(ngettext(
            "{n} shared photo carries the exact place it was taken",
            "{n} shared photos carry the exact place it was taken", gps), gps)),
        _part("captions", _("Captions naming places or people"), named, 15, 3, _counted(ngettext(
            "{n} shared photo has a caption, place or name tags",
            "{n} shared photos have a caption, place or name tags", named), named)),
        _part("recent", _("Recent photos"), recent, 10, 3, _counted(ngettext(
            "{n} photo shared in the last 12 months",
            "{n} photos shared in the last 12 months", recent), recent)),
        _part("platforms", _("Platforms"), held, 10, 4, _counted(ngettext(
            "{n} platform holds photos of you",
            "{n} platforms hold photos of you", held), held)),
    )  # fmt: skip
    return Score(sum(p.points for p in parts), parts)


def score_of_findings(rows: Iterable[Any], today: date | None = None) -> Score:
    """The score of an audit's findings (``FindingRow``s or finding dicts), "not me" left out.

    Photos are counted by content, as ``report.counts`` counts the photos of you.
    """
    photos = []
    for row in rows:
        if isinstance(row, dict):
            decision, sha, ctx = row.get("decision"), row.get("sha256", ""), row
        else:
            decision, sha, ctx = row.decision, row.sha256, row.context
        if decision != Decision.NOT_ME:
            photos.append(Photo(str(sha), dict(ctx)))
    return exposure_score(photos, today)
