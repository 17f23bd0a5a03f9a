"""Fuzz the archive walker: any bytes as a zip or tar, listed, nested and read under small limits."""

from __future__ import annotations

import contextlib
import io
import sys

import atheris

with atheris.instrument_imports():
    from exposure_audit.errors import BadData
    from exposure_audit.sources.containers import (
        Export,
        Limits,
        _expand,
        archive_kind,
        members_in_order,
        open_archive,
    )

LIMITS = Limits(
    max_member_bytes=1 << 20,
    max_nested_archive_bytes=1 << 20,
    max_depth=2,
    max_compression_ratio=50,
    max_members=200,
    max_pixels=1 << 20,
)


def walk(data: bytes, kind: str | None = None) -> None:
    """List, nest and read as the scan does: heads out of order, then members in stream order."""
    kind = kind or archive_kind(data[:512], "fuzz.tar.gz") or ("zip" if data[:1] == b"P" else "tar")
    problems: list[tuple[str, str]] = []
    try:
        container = open_archive(kind, io.BytesIO(data), "fuzz", LIMITS)
    except BadData:
        return
    root = Export("fuzz", "fuzz!/", container, depth=0)
    for export in _expand(root, LIMITS, lambda loc, msg: problems.append((loc, msg))):
        for entry in export.entries:
            with contextlib.suppress(BadData):
                export.container.head(entry.path, 32)
        try:
            for _entry, member in members_in_order(export.container, export.entries):
                try:
                    member.head(32)
                    member.read(LIMITS.max_member_bytes)
                except BadData:
                    pass
        except BadData:
            pass
        export.container.close()
    for location, message in problems:
        assert isinstance(location, str)
        assert isinstance(message, str)
        assert message


def TestOneInput(data: bytes) -> None:
    walk(data)


if __name__ == "__main__":
    atheris.Setup(sys.argv, TestOneInput)
    atheris.Fuzz()
