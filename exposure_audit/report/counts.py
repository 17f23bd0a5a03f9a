"""The figures an audit is told by, each defined once, for the app, the reports, the takeaway
and the command line alike.

    faces          faces like the person's at a place (one gallery cell each), those marked
                   "not me" included: they are matches the person has judged
    photos of you  distinct photos (by content) holding such a face; a photo found twice, or
                   with two of the person's faces, is one photo
    copies         the places (source and location) a photo of you was found in
    its level      the exposure level of its most exposed copy, so photos by level add up to
                   the photos of you
    platforms      the platforms (own files not counted) holding a copy of a photo of you
    public         photos of you anyone could see on a platform (score.is_public)
    profile        public profile pictures, covers and web-page avatars (score.is_indexable)
    located        photos of you carrying the place they were taken (GPS) in any copy
    shared         photos of you with a copy on a platform

By platform and by kind, a photo counts once under each platform (or kind) holding a copy: the
same profile picture on Facebook and on Instagram counts on both, and once in the photos of you.

Files checked (scan progress) count every file looked at, photos or not; photos checked count
only the files that are photos (``audit.stats()["locations"]``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from exposure_audit.exports.context import PhotoContext
from exposure_audit.exposure import (
    LEVELS,
    OWN_FILES,
    exposure_level,
    is_indexable,
    is_public,
    on_platform,
)
from exposure_audit.i18n import _, ngettext
from exposure_audit.i18n.formats import format_number
from exposure_audit.vocabulary import Decision


@dataclass(frozen=True)
class PhotoOfYou:
    """One distinct photo of the person and every place it was found."""

    sha256: str
    copies: tuple[Mapping[str, Any], ...]  # the context of each copy, most exposed first
    level: str
    reasons: tuple[str, ...]

    @property
    def context(self) -> Mapping[str, Any]:
        """The most exposed copy's context: where the photo is told about."""
        return self.copies[0]

    def platforms(self) -> set[str]:
        return {str(c["platform"]) for c in self.copies if on_platform(c)}


@dataclass(frozen=True)
class Counts:
    """Every figure shown about the photos of you, from one list of them."""

    photos: int = 0
    faces: int = 0
    shared: int = 0
    public: int = 0
    profile: int = 0
    located: int = 0
    platforms: tuple[str, ...] = ()  # most photos first
    levels: dict[str, int] = field(default_factory=dict)
    by_platform: dict[str, int] = field(default_factory=dict)  # own files under OWN_FILES[-1]
    by_kind: dict[str, int] = field(default_factory=dict)  # kind code ("" when not known)
    by_year: dict[int, int] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return {
            "photos": self.photos,
            "faces": self.faces,
            "shared": self.shared,
            "public": self.public,
            "profile": self.profile,
            "located": self.located,
            "platforms": len(self.platforms),
            "levels": dict(self.levels),
        }


def _parts(row: Any) -> tuple[Any, str, str, Mapping[str, Any]]:
    """(decision, sha256, place key, context) of a ``FindingRow`` or a finding dict."""
    if isinstance(row, Mapping):
        ctx = {k: v for k, v in row.items() if k not in ("exposure", "reasons")}
        return row.get("decision"), str(row.get("sha256", "")), _place(row), ctx
    return row.decision, str(row.sha256), f"{row.source}\n{row.location}", row.context


def _place(row: Mapping[str, Any]) -> str:
    return f"{row.get('source', '')}\n{row.get('location', '')}"


def _level(context: Mapping[str, Any]) -> tuple[str, list[str]]:
    ctx = dict(context)
    if ctx.get("platform") == "Files":  # the report names own files; the rules know them as such
        ctx["platform"] = None
    return exposure_level(PhotoContext.from_dict(ctx))


def photos_of_you(rows: Iterable[Any]) -> list[PhotoOfYou]:
    """The distinct photos of the person among findings (rows or dicts), "not me" left out.

    Ordered as the findings came (nearest first when they come from ``audit.findings()``).
    """
    copies: dict[str, dict[str, Mapping[str, Any]]] = {}
    for row in rows:
        decision, sha, place, context = _parts(row)
        if decision == Decision.NOT_ME:
            continue
        copies.setdefault(sha, {}).setdefault(place, context)
    out = []
    for sha, places in copies.items():
        judged = [(context, *_level(context)) for context in places.values()]
        judged.sort(key=lambda item: -LEVELS.index(item[1]))  # stable: found order within a level
        out.append(
            PhotoOfYou(
                sha,
                tuple(context for context, _level, _reasons in judged),
                judged[0][1],
                tuple(judged[0][2]),
            )
        )
    return out


def _year(context: Mapping[str, Any]) -> int | None:
    stamp = str(context.get("taken_at") or context.get("uploaded_at") or "")[:4]
    return int(stamp) if stamp.isdigit() else None


def count(photos: Iterable[PhotoOfYou], faces: int = 0) -> Counts:
    """The figures of these photos of the person (``faces``: the matches they came from)."""
    photos = list(photos)
    levels: Counter[str] = Counter(p.level for p in photos)
    by_platform: Counter[str] = Counter()
    by_kind: Counter[str] = Counter()
    by_year: Counter[int] = Counter()
    held: Counter[str] = Counter()
    for photo in photos:
        names = {str(c.get("platform")) if on_platform(c) else OWN_FILES[-1] for c in photo.copies}
        by_platform.update(names)
        held.update(photo.platforms())
        by_kind.update({str(c.get("kind") or "") for c in photo.copies})
        year = _year(photo.context)
        if year is not None:
            by_year[year] += 1
    return Counts(
        photos=len(photos),
        faces=faces,
        shared=sum(bool(p.platforms()) for p in photos),
        public=sum(any(is_public(c) for c in p.copies) for p in photos),
        profile=sum(any(is_indexable(c) for c in p.copies) for p in photos),
        located=sum(any(_located(c) for c in p.copies) for p in photos),
        platforms=tuple(name for name, _count in held.most_common()),
        levels={level: levels.get(level, 0) for level in reversed(LEVELS)},
        by_platform=dict(by_platform.most_common()),
        by_kind=dict(by_kind.most_common()),
        by_year=dict(sorted(by_year.items())),
    )


def _located(context: Mapping[str, Any]) -> bool:
    return context.get("latitude") is not None and context.get("longitude") is not None


def located_copy(photo: PhotoOfYou) -> dict[str, Any] | None:
    """The copy of a photo that carries its place, when one does (the most exposed first)."""
    for copy in photo.copies:
        if _located(copy):
            return dict(copy)
    return None


def counts_of(rows: Iterable[Any]) -> Counts:
    """The figures of an audit's findings (rows or dicts); "not me" photos left out."""
    rows = list(rows)
    return count(photos_of_you(rows), len(rows))


def story(figures: Mapping[str, int]) -> str:
    """The figures in the sentences the app, the report and the PDF open with.

    ``figures`` is ``Counts.as_dict()`` (the report keeps it as plain data).
    """
    photos, shared, platforms = figures["photos"], figures["shared"], figures["platforms"]
    if not photos:
        return _("No photo of you was found yet.")
    if shared:
        first = ngettext(
            "{photos} photo of you was found; ", "{photos} photos of you were found; ", photos
        ) + ngettext(
            "{shared} of them is on {platforms} platform.",
            "{shared} of them are on {platforms} platforms.",
            platforms,
        )
    else:
        first = ngettext(
            "{photos} photo of you was found, on no platform.",
            "{photos} photos of you were found, on no platform.",
            photos,
        )
    parts = [
        first.format(
            photos=format_number(photos), shared=format_number(shared), platforms=platforms
        )
    ]
    if figures["public"]:
        parts.append(_("{n} of them anyone could see.").format(n=format_number(figures["public"])))
    if figures["located"]:
        parts.append(
            ngettext(
                "{n} carries the place it was taken.",
                "{n} carry the place they were taken.",
                figures["located"],
            ).format(n=format_number(figures["located"]))
        )
    return " ".join(parts)


def counts_line(counts: Counts) -> str:
    """The figures in one line for the command line."""
    return _("faces like yours: {faces}; photos of you: {photos}; platforms: {platforms}").format(
        faces=counts.faces, photos=counts.photos, platforms=len(counts.platforms)
    )
