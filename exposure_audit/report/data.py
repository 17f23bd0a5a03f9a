"""The exposure report as typed data: built once by ``report.build``, read by the HTML and PDF
writers, and written as JSON and CSV through ``to_json``, whose keys and order are the files'."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass
from typing import Any

from exposure_audit.faces.detection import Box
from exposure_audit.report.counts import Counts
from exposure_audit.report.next_steps import PlatformSteps
from exposure_audit.report.world_map import Place
from exposure_audit.rights.tracker import RequestStatus
from exposure_audit.score import Score
from exposure_audit.vocabulary import Decision, ExposureLevel, MediaKind


def _as_json(value: Any) -> Any:
    """``value`` with its tuples as lists, as a JSON document reads back."""
    if isinstance(value, dict):
        return {k: _as_json(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_as_json(v) for v in value]
    return value


@dataclass(frozen=True)
class ReportFinding:
    """One finding as the report shows it: the match, where the photo is, and its context."""

    face_id: int
    item_id: int
    sha256: str
    platform: str  # "Files" for the person's own files
    controller: str | None  # the company's code, when the platform has a known one
    date: str  # taken, else uploaded, as YYYY-MM-DD; "" when unknown
    exposure: ExposureLevel
    reasons: tuple[str, ...]
    people: tuple[str, ...]
    source: str
    location: str  # the photo's place inside its export
    distance: float
    band: str
    box: Box
    decision: Decision | None
    media: MediaKind
    video_time: float | None
    video_spans: tuple[tuple[float, float], ...]
    video_at: str | None  # where in a video, in words
    kind: str | None
    album: str | None
    taken_at: str | None
    uploaded_at: str | None
    audience: str | None
    caption: str | None
    place: str | None
    latitude: float | None
    longitude: float | None
    url: str | None
    export: str | None

    def to_json(self) -> dict[str, Any]:
        return _as_json(asdict(self))


@dataclass(frozen=True)
class PlatformRow:
    """One platform (or the person's own files): its findings, photos, kinds and levels."""

    platform: str
    controller: str | None
    findings: int
    photos: int
    kinds: Mapping[str, int]  # most photos first
    levels: Mapping[str, int]  # every level, most exposed first


@dataclass(frozen=True)
class YearRow:
    """Photos of the person taken (else uploaded) in one year, by platform."""

    year: str  # "unknown" when the photo has no date
    count: int
    platforms: Mapping[str, int]


@dataclass(frozen=True)
class LocatedFinding:
    """A finding that gives away a place: a name, coordinates or both."""

    platform: str
    kind: str | None
    date: str
    latitude: float | None
    longitude: float | None
    place: str | None
    location: str
    sha256: str


@dataclass(frozen=True)
class ProfilePicture:
    """A profile or cover picture anyone could see (or whose audience is not known)."""

    platform: str
    kind: str | None
    date: str
    audience: str | None
    url: str | None
    location: str
    sha256: str


@dataclass(frozen=True)
class MediaLink:
    """A photo or video the exports only link to."""

    platform: str | None
    url: str | None
    taken_at: str | None
    kind: str | None
    description: str | None


@dataclass(frozen=True)
class Summary:
    """The report's figures in numbers, in the order they are shown."""

    sources: int
    photos_scanned: int
    findings: int
    photos_with_you: int
    videos_with_you: int
    confirmed: int
    undecided: int
    platforms: int
    exposure_high: int
    exposure_medium: int
    exposure_low: int
    exposure_local: int
    locations_exposed: int
    public_photos: int
    public_profile_pictures: int
    linked_media: int
    requests: int
    requests_overdue: int

    def items(self) -> list[tuple[str, int]]:
        """(key, number) of every figure, in order; ``words.summary_label`` names each key."""
        return list(asdict(self).items())


@dataclass(frozen=True)
class Report:
    """The whole exposure report of one audit on one day."""

    title: str  # untranslated: translated where shown
    generated_on: str  # ISO day
    audit: str  # the audit file's name
    threshold: float
    findings: tuple[ReportFinding, ...]  # undated last
    platforms: tuple[PlatformRow, ...]  # most findings first
    timeline: tuple[YearRow, ...]
    locations: tuple[LocatedFinding, ...]
    profile_pictures: tuple[ProfilePicture, ...]
    linked_media: tuple[MediaLink, ...]
    requests: tuple[RequestStatus, ...]
    counts: Counts
    places: tuple[Place, ...]
    next_steps: tuple[PlatformSteps, ...]
    summary: Summary
    exposure: Score

    def to_json(self) -> dict[str, Any]:
        """The report as one JSON document (no thumbnails, no face encodings)."""
        return {
            "title": self.title,
            "generated_on": self.generated_on,
            "audit": self.audit,
            "threshold": self.threshold,
            "findings": [f.to_json() for f in self.findings],
            "platforms": [_as_json(asdict(p)) for p in self.platforms],
            "timeline": [_as_json(asdict(t)) for t in self.timeline],
            "locations": [asdict(x) for x in self.locations],
            "profile_pictures": [asdict(p) for p in self.profile_pictures],
            "linked_media": [asdict(m) for m in self.linked_media],
            "requests": [r.as_dict() for r in self.requests],
            "counts": self.counts.as_dict(),
            "levels": dict(self.counts.levels),
            "places": [asdict(p) for p in self.places],
            "next_steps": [_as_json(asdict(step)) for step in self.next_steps],
            "summary": asdict(self.summary),
            "exposure": self.exposure.as_dict(),
        }
