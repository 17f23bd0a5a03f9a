"""Google Takeout: Google Photos sidecars (every naming quirk) and the Profile photo."""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from typing import Any

from exposure_audit.errors import BadData
from exposure_audit.exports import cutoff
from exposure_audit.exports.common import (
    account_from,
    as_dict,
    as_list,
    as_text,
    complete,
    coordinates,
    iso_from_epoch,
    load_json,
    media_paths,
    safe_read,
)
from exposure_audit.exports.context import ExportReading, ExportTree, PhotoContext
from exposure_audit.vocabulary import AudienceBasis, PhotoKind

EXPORT_NAME = "Google Takeout"
PHOTOS = "Google Photos"
SUPPLEMENTAL = "supplemental-metadata"
EDITED_SUFFIXES = (
    "-edited",
    "-bearbeitet",
    "-modifié",
    "-editado",
    "-modificato",
    "-bewerkt",
    "-redigerad",
    "-redigeret",
    "-muokattu",
    "-edytowane",
    "-upravené",
    "-編集済み",
)
COUNTER = re.compile(r"^(.*)\((\d+)\)$")
MIN_TRUNCATED = 30
PROFILE_HINT = "profil"


@dataclass(frozen=True)
class Sidecar:
    base: str
    title: str | None
    data: dict[str, Any]


def split_counter(name: str) -> tuple[str, int]:
    """``img(2)`` → (``img``, 2); names without a trailing counter get 0."""
    match = COUNTER.match(name)
    return (match[1], int(match[2])) if match else (name, 0)


def sidecar_key(json_name: str) -> tuple[str, int]:
    """The media name a sidecar file name points at, and its duplicate counter."""
    base, counter = split_counter(json_name[: -len(".json")])
    head, dot, last = base.rpartition(".")
    if dot and head and SUPPLEMENTAL.startswith(last):
        base = head
    if counter == 0:
        base, counter = split_counter(base)
    return base, counter


def strip_edited(stem: str) -> str:
    lowered = stem.lower()
    for suffix in EDITED_SUFFIXES:
        if lowered.endswith(suffix):
            return stem[: -len(suffix)]
    return stem


def media_keys(name: str) -> list[tuple[str, str, int]]:
    """(canonical name, stem, counter) candidates for a media file, best first."""
    stem, ext = posixpath.splitext(name)
    stem = strip_edited(stem)
    plain, counter = split_counter(stem)
    plain = strip_edited(plain)
    keys = [(plain + ext, plain, counter)]
    if counter:
        keys.append((stem + ext, stem, 0))
    return keys


def names_match(sidecar: Sidecar, canonical: str, stem: str) -> int:
    """How well a sidecar fits a media name: 3 exact, 2 extension dropped, 1 truncated, 0 no."""
    if canonical in (sidecar.base, sidecar.title):
        return 3
    if stem == sidecar.base:
        return 2
    base = sidecar.base
    if min(len(base), len(stem)) >= MIN_TRUNCATED and (
        canonical.startswith(base) or base.startswith(stem)
    ):
        return 1
    return 0


class SidecarIndex:
    """Sidecars grouped by folder and duplicate counter."""

    def __init__(self) -> None:
        self.groups: dict[tuple[str, int], list[Sidecar]] = {}

    def add(self, path: str, data: dict[str, Any]) -> None:
        folder, name = posixpath.split(path)
        base, counter = sidecar_key(name)
        sidecar = Sidecar(base, as_text(data.get("title")), data)
        self.groups.setdefault((folder, counter), []).append(sidecar)

    def folders(self) -> set[str]:
        return {folder for folder, _ in self.groups}

    def find(self, media_path: str) -> Sidecar | None:
        folder, name = posixpath.split(media_path)
        for canonical, stem, counter in media_keys(name):
            candidates = self.groups.get((folder, counter), [])
            scored = [(names_match(s, canonical, stem), s) for s in candidates]
            best = max(scored, key=lambda pair: pair[0], default=(0, None))
            if best[0] > 0:
                return best[1]
        return None


def is_sidecar(data: dict[str, Any]) -> bool:
    return "photoTakenTime" in data or ("creationTime" in data and "title" in data)


def is_profile(data: dict[str, Any]) -> bool:
    return "displayName" in data or ("emails" in data and "name" in data)


def place_of(data: dict[str, Any]) -> tuple[float | None, float | None]:
    for key in ("geoData", "geoDataExif"):
        geo = as_dict(data.get(key))
        lat, lon = coordinates(geo.get("latitude"), geo.get("longitude"))
        if lat is not None:
            return lat, lon
    return None, None


def timestamp(data: dict[str, Any], key: str) -> str | None:
    return iso_from_epoch(as_dict(data.get(key)).get("timestamp"))


def album_audience(album: dict[str, Any]) -> tuple[str, str]:
    access = as_text(album.get("access"))
    if access and access.lower() in ("public", "protected"):
        return "public", AudienceBasis.GOOGLE_ALBUM_SHARED
    return "private", AudienceBasis.GOOGLE_ALBUM_PRIVATE


def sidecar_context(sidecar: Sidecar | None, album: dict[str, Any] | None) -> PhotoContext:
    data = sidecar.data if sidecar else {}
    lat, lon = place_of(data)
    basis: str = AudienceBasis.GOOGLE_LIBRARY
    kind, audience = "library", "private"
    if album is not None:
        kind = "album"
        audience, basis = album_audience(album)
    if data.get(PhotoKind.ARCHIVED) is True:
        kind = PhotoKind.ARCHIVED
    if data.get(PhotoKind.TRASHED) is True:
        kind, audience, basis = PhotoKind.TRASHED, "private", AudienceBasis.GOOGLE_BIN
    people = tuple(
        name for p in as_list(data.get("people")) if (name := as_text(as_dict(p).get("name")))
    )
    return PhotoContext(
        platform=PHOTOS,
        kind=kind,
        album=as_text(album.get("title")) if album else None,
        taken_at=timestamp(data, "photoTakenTime"),
        uploaded_at=timestamp(data, "creationTime"),
        caption=as_text(data.get("description")),
        latitude=lat,
        longitude=lon,
        audience=audience,
        audience_basis=basis,
        url=as_text(data.get("url")),
        people=people,
        orphan=sidecar is None,
    )


PROFILE_CONTEXT = PhotoContext(
    platform="Google",
    kind=PhotoKind.PROFILE_PICTURE,
    audience="public",
    audience_basis=AudienceBasis.GOOGLE_PROFILE,
)


class TakeoutAdapter:
    """Recognises ``Takeout/`` roots or sidecars holding ``photoTakenTime``."""

    platform = EXPORT_NAME
    keeps_exif = True

    def recognise(self, tree: ExportTree) -> bool:
        if any(p.startswith("Takeout/") or "/Takeout/" in p for p in tree.paths):
            return True
        jsons = [p for p in tree.paths if p.lower().endswith(".json")][:50]
        return any(b'"photoTakenTime"' in (safe_read(tree, p) or b"") for p in jsons)

    def read(self, tree: ExportTree) -> ExportReading:
        reading = ExportReading(platform=self.platform)
        sidecars, albums, profile_dirs = self._index(tree, reading)
        photo_dirs = sidecars.folders() | set(albums)
        for path in media_paths(tree):
            folder = posixpath.dirname(path)
            if folder in profile_dirs or self._looks_like_profile(folder):
                reading.contexts[path] = PROFILE_CONTEXT
                continue
            sidecar = sidecars.find(path)
            if sidecar is None and folder not in photo_dirs:
                continue
            reading.contexts[path] = sidecar_context(sidecar, albums.get(folder))
        return complete(reading, tree, EXPORT_NAME, "Google")

    def _index(
        self, tree: ExportTree, reading: ExportReading
    ) -> tuple[SidecarIndex, dict[str, dict[str, Any]], set[str]]:
        sidecars, albums, profile_dirs = SidecarIndex(), {}, set()
        for path in tree.paths:
            if not path.lower().endswith(".json"):
                continue
            cutoff.check()
            try:
                data = as_dict(load_json(tree, path))
            except BadData as err:
                reading.problems.append(str(err))
                continue
            folder = posixpath.dirname(path)
            if is_sidecar(data):
                sidecars.add(path, data)
            elif is_profile(data):
                profile_dirs.add(folder)
                reading.account.update(
                    account_from(data, {"displayName": "name", "emails": "email"})
                )
            elif "title" in data:
                albums[folder] = data
        return sidecars, albums, profile_dirs

    @staticmethod
    def _looks_like_profile(folder: str) -> bool:
        parts = folder.split("/")
        return len(parts) == 2 and parts[0] == "Takeout" and PROFILE_HINT in parts[1].lower()
