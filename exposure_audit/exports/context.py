"""Where a photo came from: the context an export gives it, and the adapter contract."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, fields
from typing import Any, Protocol

from exposure_audit.vocabulary import PhotoKind

KINDS = (
    PhotoKind.PROFILE_PICTURE,
    PhotoKind.COVER,
    "post",
    "story",
    "reel",
    "album",
    "library",
    PhotoKind.MESSAGE_ATTACHMENT,
    "tagged",
    PhotoKind.ARCHIVED,
    PhotoKind.TRASHED,
    PhotoKind.WEB_PAGE,
    PhotoKind.VIDEO_MESSAGE,
    PhotoKind.LIVE_PHOTO,
    "other",
)
AUDIENCES = ("public", "friends", "private", "unknown")


@dataclass(frozen=True)
class PhotoContext:
    """What an export says about one photo; every field is None where unknown.

    Times are ISO 8601 strings with an offset (``2016-03-05T14:02:11+00:00``).
    ``audience_basis`` says what the audience was derived from, in words a person reads.
    """

    platform: str | None = None
    kind: str | None = None
    album: str | None = None
    taken_at: str | None = None
    uploaded_at: str | None = None
    caption: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    place: str | None = None
    audience: str | None = None
    audience_basis: str | None = None
    url: str | None = None
    people: tuple[str, ...] = ()
    export: str | None = None
    orphan: bool = False

    def to_dict(self) -> dict[str, Any]:
        out = {f.name: getattr(self, f.name) for f in fields(self)}
        out["people"] = list(self.people)
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> PhotoContext:
        known = {f.name for f in fields(cls)}
        values = {k: v for k, v in data.items() if k in known}
        values["people"] = tuple(values.get("people") or ())
        return cls(**values)

    def merged_over(self, base: PhotoContext) -> PhotoContext:
        """This context, with unknown fields filled from ``base``."""
        values = {}
        for f in fields(self):
            mine = getattr(self, f.name)
            values[f.name] = mine if mine not in (None, ()) else getattr(base, f.name)
        return PhotoContext(**values)


@dataclass(frozen=True)
class LinkedMedia:
    """A photo or video the export only links to (not included in this export)."""

    platform: str
    url: str
    taken_at: str | None = None
    kind: str | None = None
    description: str | None = None


@dataclass(frozen=True)
class ExportTree:
    """A read-only view of one export, possibly spread over several parts.

    ``paths`` are POSIX member paths relative to the export's root, NFC-normalised,
    junk (``__MACOSX/``, ``._*``, ``.DS_Store``) already removed.
    ``read(path)`` returns a member's bytes (raises ``BadData`` if unreadable).
    ``part_of(path)`` names the part (archive file name or folder) holding that path.
    ``head(path, n)``, where given, returns a member's first bytes without reading it whole.
    """

    name: str
    paths: Sequence[str]
    read: Callable[[str], bytes]
    part_of: Callable[[str], str]
    head: Callable[[str, int], bytes] | None = None


@dataclass
class ExportReading:
    """What an adapter learnt from an export."""

    platform: str
    contexts: dict[str, PhotoContext] = field(default_factory=dict)
    linked_media: list[LinkedMedia] = field(default_factory=list)
    account: dict[str, str] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)


class ExportAdapter(Protocol):
    """One platform's export reader. Recognises by structure, never by translated folder names."""

    platform: str

    def recognise(self, tree: ExportTree) -> bool: ...

    def read(self, tree: ExportTree) -> ExportReading: ...
