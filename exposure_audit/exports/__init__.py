"""Export adapters: pick the one that recognises an export and read photo contexts from it."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Sequence
from typing import Any

from exposure_audit.exports import cutoff
from exposure_audit.exports.common import complete, forget_heads, safe_read
from exposure_audit.exports.context import ExportAdapter, ExportReading, ExportTree
from exposure_audit.exports.exif import read_exif
from exposure_audit.exports.facebook import FacebookAdapter
from exposure_audit.exports.generic import GenericAdapter
from exposure_audit.exports.icloud import ICloudAdapter
from exposure_audit.exports.instagram import InstagramAdapter
from exposure_audit.exports.linked import DiscordAdapter, SnapchatAdapter, TikTokAdapter
from exposure_audit.exports.takeout import TakeoutAdapter
from exposure_audit.exports.telegram import TelegramAdapter
from exposure_audit.exports.twitter import XAdapter
from exposure_audit.exports.webpage import WebPageAdapter
from exposure_audit.exports.whatsapp import WhatsAppAdapter
from exposure_audit.i18n import _
from exposure_audit.sources.containers import is_junk
from exposure_audit.sources.containers import normalise as normalise_path

__all__ = ["ADAPTERS", "GENERIC", "group_parts", "is_junk", "normalise_path", "read_export"]

ADAPTERS: list[ExportAdapter] = [
    TakeoutAdapter(),
    XAdapter(),
    InstagramAdapter(),
    FacebookAdapter(),
    TelegramAdapter(),
    ICloudAdapter(),
    SnapchatAdapter(),
    DiscordAdapter(),
    TikTokAdapter(),
    WhatsAppAdapter(),
    WebPageAdapter(),
]
GENERIC = GenericAdapter()

PART_PATTERNS = (
    re.compile(r"^(?P<key>.+)-(?P<num>\d{3})\.(?P<ext>zip|tgz|tar\.gz)$", re.IGNORECASE),
    re.compile(r"^(?P<key>.+?) Part (?P<num>\d+) of \d+\.zip$", re.IGNORECASE),
    re.compile(
        r"^(?P<key>(?:facebook|instagram)-[^-]+-(?:\d{4}-\d{2}-\d{2}|\d{2}_\d{2}_\d{4}|\d{8}))"
        r"-[^.]+\.zip$",
        re.IGNORECASE,
    ),
    re.compile(r"^(?P<key>.+?)[._ -]part[_ -]?(?P<num>\d+)\.(?P<ext>zip|tgz|tar\.gz)$", re.I),
    re.compile(r"^(?P<key>.+\.zip)\.(?P<num>\d{3})$", re.IGNORECASE),
)


def _part_key(name: str) -> tuple[str, int] | None:
    base = posixpath.basename(name)
    for pattern in PART_PATTERNS:
        match = pattern.match(base)
        if match:
            number = match.groupdict().get("num")
            return match["key"].lower(), int(number) if number else 0
    return None


def group_parts(names: Sequence[str]) -> list[list[str]]:
    """Group archive names into multi-part exports; each group sorted, singletons alone."""
    groups: dict[str, list[tuple[int, str]]] = {}
    for name in names:
        key = _part_key(name)
        slot = f"{posixpath.dirname(name)}\0{key[0]}" if key else f"\1{name}"
        groups.setdefault(slot, []).append((key[1] if key else 0, name))
    ordered = [[name for _, name in sorted(group)] for group in groups.values()]
    return sorted(ordered, key=lambda group: group[0])


def _recognising(tree: ExportTree, problems: list[str]) -> Any:
    for adapter in ADAPTERS:
        try:
            if adapter.recognise(tree):
                return adapter
        except Exception as err:  # noqa: BLE001 - hostile input must never escape
            problems.append(f"{adapter.platform}: could not check this export ({err!r:.200})")
    return GENERIC


def _fill_exif_gaps(reading: ExportReading, tree: ExportTree) -> None:
    for path, ctx in list(reading.contexts.items()):
        if ctx.taken_at is not None and ctx.latitude is not None:
            continue
        data = safe_read(tree, path)
        if data:
            reading.contexts[path] = ctx.merged_over(read_exif(data))


def read_export(tree: ExportTree, *, fill_exif: bool = True) -> ExportReading:
    """Read one export with the first adapter that recognises it (EXIF-only fallback).

    ``fill_exif`` reads every image whose metadata lacks a time or place; the scan passes
    False because its workers read EXIF from the photos they decode anyway.
    """
    problems: list[str] = []
    adapter = _recognising(tree, problems)
    try:
        with cutoff.timed(tree.name, cutoff.SECONDS_PER_EXPORT):
            reading = adapter.read(tree)
    except cutoff.ReadingCutOff as cut:
        problems.append(
            _(
                "{export}: reading its metadata took longer than {seconds} seconds; its photos "
                "and videos are scanned without their context"
            ).format(export=tree.name, seconds=f"{cut.clock.seconds:g}")
        )
        reading = _salvage(tree, adapter.platform)
    except Exception as err:  # noqa: BLE001 - hostile input must never escape
        problems.append(f"{adapter.platform}: export only partly readable ({err!r:.200})")
        reading = _salvage(tree, adapter.platform)
    reading.problems[:0] = problems
    forget_heads(tree)
    if fill_exif and getattr(adapter, "keeps_exif", False):
        try:
            _fill_exif_gaps(reading, tree)
        except Exception as err:  # noqa: BLE001 - hostile input must never escape
            reading.problems.append(f"EXIF could not be read ({err!r:.200})")
    return reading


def _salvage(tree: ExportTree, platform: str) -> ExportReading:
    """Orphan contexts for every image, when an adapter failed outright."""
    reading = ExportReading(platform=platform)
    try:
        return complete(reading, tree, platform, platform)
    except Exception as err:  # noqa: BLE001 - hostile input must never escape
        reading.problems.append(f"images could not be listed ({err!r:.200})")
        return reading
