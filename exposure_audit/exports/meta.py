"""Pieces shared by the Facebook and Instagram readers (same JSON dialect, same quirks)."""

from __future__ import annotations

import html
import posixpath
import re
from collections.abc import Callable, Iterator
from typing import Any

from exposure_audit.errors import BadData
from exposure_audit.exports import cutoff
from exposure_audit.exports.common import (
    PathIndex,
    as_dict,
    as_list,
    as_text,
    coordinates,
    iso_from_epoch,
    iso_from_text,
    load_json,
    media_paths,
    safe_read,
    segments,
)
from exposure_audit.exports.context import ExportReading, ExportTree, PhotoContext
from exposure_audit.vocabulary import PhotoKind

MESSAGE_BOXES = (
    "inbox",
    "archived_threads",
    "filtered_threads",
    "e2ee_cutover",
    "message_requests",
    "messages",
)
PROFILE_HINTS = ("profil", "perfil", "avatar")
COVER_HINTS = (PhotoKind.COVER, "titelbild", "couverture", "portada", "copertina")
FOLDER_KINDS = (
    ("stories", "story"),
    ("reels", "reel"),
    ("archived_posts", PhotoKind.ARCHIVED),
    ("recently_deleted", PhotoKind.TRASHED),
    ("your_posts", "post"),
    ("posts", "post"),
    ("photos", "post"),
    ("profile", PhotoKind.PROFILE_PICTURE),
)
EXIF_TIME_FORMATS = ("%Y:%m:%d %H:%M:%S", "%Y%m%dT%H%M%S.%f%z", "%Y-%m-%d %H:%M:%S")
ALBUM_PARENTS = ("media", "photos_and_videos", "album")
NOT_ALBUMS = ("other", "videos", "gifs", "files", "audio")
ALBUM_ID = re.compile(r"_(\d+|[0-9A-Za-z-]{6,})$")
REFERENCE = re.compile(r"""(?:src|href)\s*=\s*["']([^"'<>]{1,2000})["']""", re.IGNORECASE)


def media_fields(media: dict[str, Any]) -> dict[str, Any]:
    """taken/uploaded times and GPS of one Meta media object."""
    exif = merged_exif(media)
    lat, lon = coordinates(exif.get("latitude"), exif.get("longitude"))
    taken = iso_from_epoch(exif.get("taken_timestamp")) or iso_from_text(
        exif.get("date_time_original"), EXIF_TIME_FORMATS
    )
    return {
        "taken_at": taken,
        "uploaded_at": iso_from_epoch(media.get("creation_timestamp")),
        "latitude": lat,
        "longitude": lon,
    }


def merged_exif(media: dict[str, Any]) -> dict[str, Any]:
    photo = as_dict(as_dict(media.get("media_metadata")).get("photo_metadata"))
    merged: dict[str, Any] = {k: v for k, v in photo.items() if k != "exif_data"}
    for item in as_list(photo.get("exif_data")):
        merged.update(as_dict(item))
    return merged


def is_message_thread(data: Any) -> bool:
    return (
        isinstance(data, dict)
        and isinstance(data.get("messages"), list)
        and ("participants" in data or "thread_path" in data)
    )


def message_contexts(
    data: dict[str, Any], index: PathIndex, platform: str, basis: str
) -> Iterator[tuple[str, PhotoContext]]:
    """Contexts for the photos attached to one message thread."""
    thread = as_text(data.get("title"), meta=True)
    for message in as_list(data.get("messages")):
        message = as_dict(message)
        sent = iso_from_epoch(message.get("timestamp_ms"), millis=True)
        for key in ("photos", "gifs", "videos"):
            for media in as_list(message.get(key)):
                path = index.resolve(str(as_dict(media).get("uri") or ""))
                if path:
                    yield (
                        path,
                        PhotoContext(
                            platform=platform,
                            kind=PhotoKind.MESSAGE_ATTACHMENT,
                            album=thread,
                            uploaded_at=sent
                            or iso_from_epoch(as_dict(media).get("creation_timestamp")),
                            caption=as_text(message.get("content"), meta=True),
                            audience="private",
                            audience_basis=basis,
                        ),
                    )


def folder_kind(path: str) -> tuple[str | None, str | None]:
    """(kind, album) suggested by where a Meta export keeps a file."""
    original = segments(path)[:-1]
    parts = [s.lower() for s in original]
    if any(box in parts for box in MESSAGE_BOXES):
        return PhotoKind.MESSAGE_ATTACHMENT, None
    if not parts:
        return None, None
    folder = parts[-1]
    if any(hint in folder for hint in PROFILE_HINTS):
        return PhotoKind.PROFILE_PICTURE, None
    if any(hint in folder for hint in COVER_HINTS):
        return PhotoKind.COVER, None
    for name, kind in FOLDER_KINDS:
        if name == folder or (len(parts) >= 2 and name == parts[-2]):
            return kind, None
    if len(parts) >= 2 and parts[-2] in ALBUM_PARENTS and folder not in NOT_ALBUMS:
        return "album", album_from_folder(original[-1])
    return None, None


def album_from_folder(folder: str) -> str:
    return ALBUM_ID.sub("", folder).replace("_", " ").strip() or folder


def html_references(tree: ExportTree, index: PathIndex, reading: ExportReading) -> set[str]:
    """Media paths referenced (src/href) from the export's .html files."""
    found: set[str] = set()
    for page in (p for p in tree.paths if p.lower().endswith((".html", ".htm"))):
        cutoff.per_file(reading, page, _references_of, tree, page, index, found)
    return found


def _references_of(tree: ExportTree, page: str, index: PathIndex, found: set[str]) -> None:
    text = (safe_read(tree, page) or b"").decode("utf-8", errors="replace")
    folder = posixpath.dirname(page)
    for match in REFERENCE.finditer(text):
        cutoff.check()
        ref = html.unescape(match[1])
        if ref.startswith(("#", "mailto:", "javascript:", "data:")):
            continue
        local = posixpath.normpath(posixpath.join(folder, ref)) if "://" not in ref else ""
        path = local if local in index.paths else index.resolve(ref)
        if path:
            found.add(path)


def iter_json(tree: ExportTree, reading: ExportReading) -> Iterator[tuple[str, Any]]:
    """(path, parsed JSON) for each .json member; unreadable ones are recorded as problems."""
    for path in tree.paths:
        if path.lower().endswith(".json"):
            try:
                yield path, load_json(tree, path)
            except BadData as err:
                reading.problems.append(str(err))


def media_index(tree: ExportTree) -> PathIndex:
    return PathIndex(media_paths(tree))


def fill_from_folders(
    reading: ExportReading, audience_for: Callable[[str | None], tuple[str, str]]
) -> None:
    """Give contexts without a kind the kind/album/audience their folder suggests."""
    for path, ctx in list(reading.contexts.items()):
        if ctx.kind is not None:
            continue
        kind, album = folder_kind(path)
        audience, basis = audience_for(kind)
        hint = PhotoContext(kind=kind, album=album, audience=audience, audience_basis=basis)
        reading.contexts[path] = ctx.merged_over(hint)
