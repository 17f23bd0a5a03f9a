"""Fuzz the archive walker: any bytes as a zip or tar, listed, nested and read under small limits."""

from __future__ import annotations

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


def walk(data: bytes) -> None:
    kind = archive_kind(data[:512], "fuzz.tar.gz") or ("zip" if data[:1] == b"P" else "tar")
    problems: list[tuple[str, str]] = []
    try:
        container = open_archive(kind, io.BytesIO(data), "fuzz", LIMITS)
    except BadData:
        return
    root = Export("fuzz", "fuzz!/", container, depth=0)
    for export in _expand(root, LIMITS, lambda loc, msg: problems.append((loc, msg))):
        for entry in export.entries:
            try:
                export.container.head(entry.path, 32)
                export.container.read(entry.path, LIMITS.max_member_bytes)
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
