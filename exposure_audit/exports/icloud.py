"""Apple iCloud Photos export: ``Photo Details.csv`` rows and album CSVs, EXIF kept in originals."""

from __future__ import annotations

import csv
import io
import posixpath
from collections.abc import Iterator
from dataclasses import replace
from datetime import datetime, timezone
from typing import Any

from exposure_audit.exports import cutoff
from exposure_audit.exports.common import (
    complete,
    iso_from_datetime,
    media_paths,
    read_head,
    safe_read,
    sniff_video,
)
from exposure_audit.exports.context import ExportReading, ExportTree, PhotoContext
from exposure_audit.vocabulary import AudienceBasis, PhotoKind

PLATFORM = "iCloud Photos"
DETAILS_HEADER = "imgname"
ALBUM_HEADER = "images"
IMPORT_FORMATS = ("%A %B %d,%Y %I:%M %p", "%A %B %d, %Y %I:%M %p", "%Y-%m-%d %H:%M:%S")
UTC_SUFFIXES = (" GMT", " UTC")
TRUE = ("yes", "true", "1")


def csv_rows(tree: ExportTree, path: str) -> list[dict[str, str]]:
    text = (safe_read(tree, path) or b"").decode("utf-8-sig", errors="replace")
    try:
        # Rows longer than the header put their extra cells in a list under the key None.
        return [
            {
                k.strip().lower(): (v if isinstance(v, str) else "").strip()
                for k, v in row.items()
                if isinstance(k, str)
            }
            for row in _rows_in_time(csv.DictReader(io.StringIO(text)))
        ]
    except csv.Error:
        return []


def _rows_in_time(rows: Iterator[dict[Any, Any]]) -> Iterator[dict[Any, Any]]:
    for row in rows:
        cutoff.check()
        yield row


def header_of(tree: ExportTree, path: str) -> str:
    head = (safe_read(tree, path) or b"")[:200].decode("utf-8-sig", errors="replace")
    return head.split(",", 1)[0].split("\n", 1)[0].strip().lower()


def import_time(text: str) -> str | None:
    cleaned, zone = text.strip(), None
    for suffix in UTC_SUFFIXES:
        if cleaned.endswith(suffix):
            cleaned, zone = cleaned[: -len(suffix)], timezone.utc
    for fmt in IMPORT_FORMATS:
        try:
            moment = datetime.strptime(cleaned, fmt)
        except ValueError:
            continue
        return iso_from_datetime(moment.replace(tzinfo=zone) if zone else moment)
    return None


def row_context(row: dict[str, str], album: str | None) -> PhotoContext:
    kind = "album" if album else "library"
    if row.get("hidden", "").lower() in TRUE:
        kind = "archived"
    if row.get("deleted", "").lower() in TRUE:
        kind = "trashed"
    return PhotoContext(
        platform=PLATFORM,
        kind=kind,
        album=album,
        uploaded_at=import_time(row.get("importdate", "")),
        audience="private",
        audience_basis=AudienceBasis.ICLOUD_LIBRARY,
    )


def _live_photos(tree: ExportTree, reading: ExportReading) -> None:
    """A Live Photo's moving part (``IMG_0001.MOV`` beside ``IMG_0001.HEIC``) is a Live Photo,
    with its still's album and dates where the list says nothing of it."""
    stills: dict[str, str] = {}
    videos: list[str] = []
    for path in media_paths(tree):
        stem, suffix = posixpath.splitext(path)
        if sniff_video(read_head(tree, path)):
            videos.append(path)
        elif suffix:
            stills.setdefault(stem.lower(), path)
    for video in videos:
        still = stills.get(posixpath.splitext(video)[0].lower())
        if still is None:
            continue
        own = reading.contexts.get(video)
        base = reading.contexts.get(still) or PhotoContext(platform=PLATFORM)
        kept = own or base
        moving = kept.kind not in (PhotoKind.TRASHED, PhotoKind.ARCHIVED)  # these stay so
        paired = replace(kept, kind=PhotoKind.LIVE_PHOTO) if moving else kept
        reading.contexts[video] = paired.merged_over(base)


class ICloudAdapter:
    """Recognises a CSV whose first column is ``imgName`` (Photo Details.csv)."""

    platform = PLATFORM
    keeps_exif = True

    def recognise(self, tree: ExportTree) -> bool:
        return bool(self._csvs(tree, DETAILS_HEADER))

    def read(self, tree: ExportTree) -> ExportReading:
        reading = ExportReading(platform=PLATFORM)
        by_name: dict[str, list[str]] = {}
        for path in media_paths(tree):
            by_name.setdefault(posixpath.basename(path), []).append(path)
        albums: dict[str, str] = {}
        for path in self._csvs(tree, ALBUM_HEADER):
            album = posixpath.splitext(posixpath.basename(path))[0]
            for row in csv_rows(tree, path):
                albums.setdefault(row.get(ALBUM_HEADER, ""), album)
        for path in self._csvs(tree, DETAILS_HEADER):
            for row in csv_rows(tree, path):
                name = row.get(DETAILS_HEADER, "")
                for media in by_name.get(name, []):
                    reading.contexts[media] = row_context(row, albums.get(name))
        _live_photos(tree, reading)
        return complete(reading, tree, PLATFORM, PLATFORM)

    @staticmethod
    def _csvs(tree: ExportTree, header: str) -> list[str]:
        return [
            p for p in tree.paths if p.lower().endswith(".csv") and header_of(tree, p) == header
        ]
