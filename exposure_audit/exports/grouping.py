"""Giving every location its export context: multi-part exports joined, adapters run, links kept."""

from __future__ import annotations

import json
import logging
from collections import Counter
from collections.abc import Callable

from exposure_audit.errors import BadData
from exposure_audit.exports.context import ExportReading, ExportTree, PhotoContext
from exposure_audit.i18n import _
from exposure_audit.sources.containers import Export

log = logging.getLogger(__name__)
METADATA_LIMIT = 64 * 1024 * 1024
ProblemSink = Callable[[int, str, str], None]


def context_json(context: PhotoContext | None, in_export: str | None = None) -> str | None:
    """The context as stored; ``in_export`` is the photo's path inside its export (for letters,
    which must not show the person's own folders around the export)."""
    if context is None:
        return None
    data = context.to_dict()
    if in_export is not None:
        data["in_export"] = in_export
    return json.dumps(data, ensure_ascii=False, sort_keys=True)


def read_contexts(
    exports: list[tuple[int, Export]], problem: ProblemSink
) -> tuple[dict[tuple[int, str], str | None], dict[int, str], dict[int, ExportReading]]:
    """Context JSON per (source id, location), a platform per source, and each reading.

    Exports are grouped into multi-part sets first, so a photo and its metadata may sit in
    different parts (even parts added as separate sources).
    """
    try:
        from exposure_audit.exports import group_parts, read_export
    except ImportError:  # pragma: no cover - a build without readers still scans
        log.warning("export readers unavailable; photos get no platform context")
        return {}, {}, {}
    contexts: dict[tuple[int, str], str | None] = {}
    platforms: dict[int, Counter[str]] = {}
    readings: dict[int, ExportReading] = {}
    for members in _group(exports, group_parts):
        tree, where = _tree(members)
        try:
            reading = read_export(tree, fill_exif=False)
        except Exception:  # adapters are meant never to raise; a bug here must not stop the scan
            log.exception("export reader failed on %s", tree.name)
            problem(
                members[0][0], tree.name, _("could not read this export's metadata (see the log)")
            )
            continue
        for path, context in reading.contexts.items():
            if path in where:
                sid, export, inner = where[path]
                contexts[(sid, export.location(inner))] = context_json(context, path)
        for message in reading.problems:
            problem(members[0][0], tree.name, message)
        for sid, _member in members:
            platforms.setdefault(sid, Counter())[reading.platform] += len(reading.contexts)
            readings.setdefault(sid, reading)
    chosen = {sid: counts.most_common(1)[0][0] for sid, counts in platforms.items() if counts}
    return contexts, chosen, readings


def _group(
    exports: list[tuple[int, Export]], group_parts: Callable[[list[str]], list[list[str]]]
) -> list[list[tuple[int, Export]]]:
    """Exports joined into multi-part sets by name; same-named exports are never joined."""
    names = Counter(export.name for _, export in exports)
    alone = [[pair] for pair in exports if names[pair[1].name] > 1]
    by_name = {export.name: (sid, export) for sid, export in exports if names[export.name] == 1}
    return alone + [[by_name[n] for n in group] for group in group_parts(list(by_name))]


def _tree(
    members: list[tuple[int, Export]],
) -> tuple[ExportTree, dict[str, tuple[int, Export, str]]]:
    where: dict[str, tuple[int, Export, str]] = {}
    for sid, export in members:
        for entry in export.entries:
            where.setdefault(entry.path, (sid, export, entry.path))

    def read(path: str) -> bytes:
        if path not in where:
            raise BadData(_("{path} is not in this export").format(path=path))
        _sid, export, inner = where[path]
        return export.container.read(inner, METADATA_LIMIT)

    def head(path: str, size: int) -> bytes:
        if path not in where:
            raise BadData(_("{path} is not in this export").format(path=path))
        _sid, export, inner = where[path]
        return export.container.head(inner, size)

    def part_of(path: str) -> str:
        return where[path][1].name if path in where else ""

    name = members[0][1].name
    tree = ExportTree(name=name, paths=list(where), read=read, part_of=part_of, head=head)
    return tree, where
