"""Fuzz every export parser: one metadata file of a realistic export replaced by fuzzed bytes.

Adapters may give up on a file with BadData; any other exception is a crash. The seeds are the
synthetic exports the tests use (tests/exportkit.py), so the fuzzer starts from real layouts.
"""

from __future__ import annotations

import sys
from pathlib import Path

import atheris

with atheris.instrument_imports():
    from exposure_audit.context import ExportReading
    from exposure_audit.errors import BadData
    from exposure_audit.exports import ADAPTERS, GENERIC, read_export
    from exposure_audit.exports.common import maybe_binary

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
import exportkit

FIXTURES = [make() for make in exportkit.FIXTURES.values()]
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
    reading = read_export(tree)
    assert all(isinstance(p, str) for p in reading.problems)


if __name__ == "__main__":
    atheris.Setup(sys.argv, TestOneInput)
    atheris.Fuzz()
