"""Fuzz every export parser (and the profile-page parser): one metadata file of a realistic
export replaced by fuzzed bytes, the same bytes also parsed as a fetched web page.

``read_export`` must never raise: that is a crash. An adapter raising anything but BadData is
a weakness (read_export then falls back to bare contexts for the whole export); each distinct
one is saved under build/fuzz/exports/adapter-errors/ with its input, or is a crash when
FUZZ_STRICT_ADAPTERS=1. The seeds are the synthetic exports the tests use (tests/support/exportkit.py).
"""

from __future__ import annotations

import hashlib
import os
import sys
import traceback
from pathlib import Path

import atheris

with atheris.instrument_imports():
    from exposure_audit.errors import BadData
    from exposure_audit.exports import ADAPTERS, GENERIC, read_export
    from exposure_audit.exports.common import maybe_binary
    from exposure_audit.exports.context import ExportReading
    from exposure_audit.sources.web import Response, declared_images

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from tests.support import exportkit

FIXTURES = [make() for make in exportkit.FIXTURES.values()]
STRICT = os.environ.get("FUZZ_STRICT_ADAPTERS") == "1"
ERRORS = Path(__file__).resolve().parent.parent / "build" / "fuzz" / "exports" / "adapter-errors"
seen: set[str] = set()
TEXTS = [sorted(p for p in f.files if not maybe_binary(p)) for f in FIXTURES]


def pick(data: bytes) -> tuple[int, int, bytes]:
    """(fixture, text file, new content) from the first two bytes and the rest."""
    if len(data) < 2:
        return 0, 0, data
    fixture = data[0] % len(FIXTURES)
    texts = TEXTS[fixture]
    return fixture, data[1] % max(1, len(texts)), data[2:]


def tree_for(data: bytes) -> exportkit.ExportTree:
    index, which, content = pick(data)
    fixture = FIXTURES[index]
    files = dict(fixture.files)
    if TEXTS[index]:
        files[TEXTS[index][which]] = content
    return exportkit.tree_from_files(files, fixture.name)


def TestOneInput(data: bytes) -> None:
    tree = tree_for(data)
    for adapter in [*ADAPTERS, GENERIC]:
        try:
            if adapter.recognise(tree):
                reading = adapter.read(tree)
                assert isinstance(reading, ExportReading)
        except BadData:
            pass
        except Exception as exc:
            if STRICT:
                raise
            note(adapter.platform, exc, data)
    reading = read_export(tree)
    assert all(isinstance(p, str) for p in reading.problems)
    # The same bytes as a profile page someone's URL returned.
    page = Response("https://example.org/profile", pick(data)[2], "text/html")
    assert all(isinstance(url, str) for url, _ in declared_images(page))


def note(platform: str, exc: Exception, data: bytes) -> None:
    """Save the first input for each distinct place an adapter raised from."""
    frame = traceback.extract_tb(exc.__traceback__)[-1]
    where = f"{platform}: {type(exc).__name__} at {Path(frame.filename).name}:{frame.lineno}"
    if where in seen:
        return
    seen.add(where)
    ERRORS.mkdir(parents=True, exist_ok=True)
    name = hashlib.sha1(where.encode()).hexdigest()[:12]
    (ERRORS / f"{name}.bin").write_bytes(data)
    (ERRORS / f"{name}.txt").write_text(f"{where}\n{exc!r:.300}\n", encoding="utf-8")


if __name__ == "__main__":
    atheris.Setup(sys.argv, TestOneInput)
    atheris.Fuzz()
