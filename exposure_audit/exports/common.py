"""Shared helpers for export adapters: sniffing, times, text repair, safe JSON, path lookup."""

from __future__ import annotations

import json
import posixpath
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import replace
from datetime import datetime, timedelta, timezone
from typing import Any

from exposure_audit.errors import BadData
from exposure_audit.exports import cutoff
from exposure_audit.exports.context import ExportReading, ExportTree, PhotoContext
from exposure_audit.i18n import _
from exposure_audit.imaging import sniff_format

TEXT_SUFFIXES = (".json", ".js", ".html", ".htm", ".txt", ".csv", ".xml", ".css", ".md")
MAX_JSON_BYTES = 256 * 1024 * 1024
MAX_REFERENCE_CHARS = 4096
EARLIEST = datetime(1900, 1, 1, tzinfo=timezone.utc)
FUTURE_SLACK = timedelta(days=366)


def sniff_image(head: bytes) -> str | None:
    """The image format named by a file's first bytes (lower case, e.g. "jpeg"), or None."""
    fmt = sniff_format(head)
    return fmt.lower() if fmt else None


def sniff_video(head: bytes) -> str | None:
    """The video container named by a file's first bytes, or None."""
    if head[4:8] == b"ftyp" and sniff_image(head) is None:
        if head[8:12] == b"qt  ":
            return "mov"
        return "3gp" if head[8:11] == b"3gp" else "mp4"
    if head[4:8] in _QUICKTIME_ATOMS and sniff_image(head) is None:
        return "mov"  # older QuickTime files open with another atom than ftyp
    if head[:4] == b"\x1a\x45\xdf\xa3":
        return "webm"
    if head[:4] == b"RIFF" and head[8:12] == b"AVI ":
        return "avi"
    return None


_QUICKTIME_ATOMS = (b"moov", b"mdat", b"wide", b"free", b"skip", b"pnot")


def maybe_binary(path: str) -> bool:
    """False for files whose name says they are text data (never sniffed as media)."""
    return not path.lower().endswith(TEXT_SUFFIXES)


_HEADS: dict[int, tuple[ExportTree, dict[str, bytes]]] = {}


def read_head(tree: ExportTree, path: str) -> bytes:
    """The first bytes of a member (remembered until ``complete``), or b'' when unreadable."""
    entry = _HEADS.get(id(tree))
    if entry is None or entry[0] is not tree:
        entry = _HEADS[id(tree)] = (tree, {})
    heads = entry[1]
    if path not in heads:
        try:
            heads[path] = tree.head(path, 32) if tree.head else tree.read(path)[:32]
        except (BadData, OSError):
            heads[path] = b""
    return heads[path]


def forget_heads(tree: ExportTree) -> None:
    _HEADS.pop(id(tree), None)


def image_paths(tree: ExportTree) -> list[str]:
    """Every member whose content is an image."""
    return [p for p in tree.paths if maybe_binary(p) and sniff_image(read_head(tree, p))]


def media_paths(tree: ExportTree) -> list[str]:
    """Every member whose content is an image or a video."""
    out = []
    for path in tree.paths:
        if maybe_binary(path):
            head = read_head(tree, path)
            if sniff_image(head) or sniff_video(head):
                out.append(path)
    return out


# ---- times -----------------------------------------------------------------------------------


def plausible(moment: datetime) -> bool:
    """True for times between 1900 and a year from now (aware datetimes only)."""
    return EARLIEST <= moment <= datetime.now(timezone.utc) + FUTURE_SLACK


def iso_from_epoch(value: Any, *, millis: bool = False) -> str | None:
    """ISO 8601 UTC time from epoch seconds (or ms); None for bogus, zero or absurd values."""
    if isinstance(value, bool):
        return None
    try:
        number = float(value)
    except (TypeError, ValueError, OverflowError):
        return None
    if millis:
        number /= 1000
    if number == 0 or number != number:
        return None
    try:
        moment = datetime.fromtimestamp(number, tz=timezone.utc)
    except (OverflowError, OSError, ValueError):
        return None
    return moment.replace(microsecond=0).isoformat() if plausible(moment) else None


def iso_from_datetime(moment: datetime) -> str | None:
    """ISO text of a datetime; naive values (local time, zone unknown) stay without offset."""
    check = moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)
    if not plausible(check):
        return None
    return moment.replace(microsecond=0).isoformat()


def iso_from_text(text: Any, formats: Iterable[str] = ()) -> str | None:
    """Parse a date string as ISO 8601 or one of ``formats``; None when nothing fits."""
    if not isinstance(text, str) or not text.strip() or len(text) > 64:
        return None
    cleaned = text.strip()
    for fmt in formats:
        try:
            return iso_from_datetime(datetime.strptime(cleaned, fmt))
        except ValueError:
            continue
    try:
        return iso_from_datetime(datetime.fromisoformat(cleaned.replace("Z", "+00:00")))
    except ValueError:
        return None


# ---- text and typed access -------------------------------------------------------------------


def fix_mojibake(text: str) -> str:
    """Undo Meta's UTF-8-as-Latin-1 escaping; the original when it was not mojibake."""
    try:
        return text.encode("latin-1").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return text


def as_dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def as_text(value: Any, *, meta: bool = False) -> str | None:
    """A non-empty stripped string, mojibake-repaired when ``meta``; else None."""
    if not isinstance(value, str):
        return None
    text = value.strip()
    if meta:
        text = fix_mojibake(text)
    return text or None


def as_float(value: Any) -> float | None:
    if isinstance(value, bool):
        return None
    try:
        number = float(value)
    except (TypeError, ValueError, OverflowError):
        return None
    return number if number == number and abs(number) != float("inf") else None


def coordinates(lat: Any, lon: Any) -> tuple[float | None, float | None]:
    """A valid (lat, lon) pair; (None, None) for missing, out-of-range or 0/0 values."""
    la, lo = as_float(lat), as_float(lon)
    if la is None or lo is None or (la == 0 and lo == 0):
        return None, None
    if not (-90 <= la <= 90 and -180 <= lo <= 180):
        return None, None
    return la, lo


def load_json(tree: ExportTree, path: str) -> Any:
    """Parse a member as JSON; BadData when it is not valid UTF-8 JSON."""
    data = tree.read(path)
    if len(data) > MAX_JSON_BYTES:
        raise BadData(_("{path}: too large to read as JSON").format(path=path))
    try:
        return json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError, RecursionError) as err:
        raise BadData(
            _("{path}: not valid JSON ({error})").format(path=path, error=type(err).__name__)
        ) from err


def load_js_assignment(tree: ExportTree, path: str) -> Any:
    """Parse ``window.X = <json>`` files (X archive) by reading the JSON after the first '='."""
    data = tree.read(path)
    if len(data) > MAX_JSON_BYTES:
        raise BadData(_("{path}: too large to read as JSON").format(path=path))
    text = data.decode("utf-8-sig", errors="replace")
    _name, sep, body = text.partition("=")
    if not sep:
        raise BadData(_("{path}: not a data file").format(path=path))
    try:
        return json.loads(body.strip().rstrip(";"))
    except (ValueError, RecursionError) as err:
        raise BadData(
            _("{path}: not valid JSON ({error})").format(path=path, error=type(err).__name__)
        ) from err


def walk_dicts(value: Any, depth: int = 0) -> Iterator[dict[str, Any]]:
    """Every dict nested in a JSON value (depth-limited)."""
    if depth > 60:
        return
    if isinstance(value, dict):
        cutoff.check()
        yield value
        for item in value.values():
            yield from walk_dicts(item, depth + 1)
    elif isinstance(value, list):
        for item in value:
            yield from walk_dicts(item, depth + 1)


# ---- paths -----------------------------------------------------------------------------------


def segments(path: str) -> list[str]:
    return [s for s in path.split("/") if s]


def has_segment(tree: ExportTree, name: str) -> bool:
    return any(name in segments(p) for p in tree.paths)


def basename(path: str) -> str:
    return posixpath.basename(path)


class PathIndex:
    """Looks up an export-relative reference (uri, file name) among a tree's paths."""

    def __init__(self, paths: Iterable[str]) -> None:
        self.paths = set(paths)
        self.by_suffix: dict[str, list[str]] = {}
        for path in sorted(self.paths):
            parts = segments(path)
            for start in range(len(parts)):
                self.by_suffix.setdefault("/".join(parts[start:]), []).append(path)

    def resolve(self, reference: str) -> str | None:
        """The path a reference means: exact, then by ever shorter unique suffix."""
        if len(reference) > MAX_REFERENCE_CHARS:
            return None  # no real path is this long; suffix matching would be quadratic in it
        ref = reference.split("?", 1)[0].split("#", 1)[0]
        if "://" in ref:
            ref = ref.split("://", 1)[1].partition("/")[2]
        ref = unicodedata.normalize("NFC", ref.replace("\\", "/"))
        parts = [p for p in segments(ref) if p not in (".", "..")]
        if not parts:
            return None
        joined = "/".join(parts)
        if joined in self.paths:
            return joined
        for start in range(len(parts)):
            found = self.by_suffix.get("/".join(parts[start:]))
            if found:
                return found[0] if len(found) == 1 else min(found, key=len)
        return None


# ---- finishing a reading ---------------------------------------------------------------------


def export_label(tree: ExportTree, path: str, export_name: str) -> str:
    try:
        part = tree.part_of(path)
    except (BadData, OSError, KeyError):
        part = tree.name
    return f"{export_name} ({part})"


def complete(
    reading: ExportReading, tree: ExportTree, export_name: str, platform: str | None
) -> ExportReading:
    """Add orphan contexts for unreferenced photos and videos and fill ``export`` on every context."""
    for path in media_paths(tree):
        cutoff.check()
        if path not in reading.contexts:
            reading.contexts[path] = PhotoContext(platform=platform, orphan=True)
    for path, ctx in list(reading.contexts.items()):
        if ctx.export is None:
            label = export_label(tree, path, export_name)
            reading.contexts[path] = replace(ctx, export=label)
    forget_heads(tree)
    return reading


def safe_read(tree: ExportTree, path: str) -> bytes | None:
    try:
        return tree.read(path)
    except (BadData, OSError):
        return None


def first_text(*values: Any, meta: bool = False) -> str | None:
    for value in values:
        text = as_text(value, meta=meta)
        if text:
            return text
    return None


def account_from(data: Any, fields: dict[str, str]) -> dict[str, str]:
    """Account identifiers found anywhere in ``data``: ``fields`` maps a key to its label.

    A key's value may be text, or a dict holding it under "value" (Meta's string_map_data).
    """
    found: dict[str, str] = {}
    for item in walk_dicts(data):
        for key, label in fields.items():
            value = item.get(key)
            if isinstance(value, dict):
                value = value.get("value")
            if isinstance(value, list) and value and isinstance(value[0], dict):
                value = value[0].get("value")
            text = as_text(value, meta=True)
            if text and label not in found:
                found[label] = text[:200]
    return found
