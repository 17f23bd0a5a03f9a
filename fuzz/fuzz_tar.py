"""Fuzz the tar reader alone: any bytes as a (compressed) tar, listed and streamed."""

from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports():
    from fuzz_archive import walk


def TestOneInput(data: bytes) -> None:
    walk(data, "tar")


if __name__ == "__main__":
    atheris.Setup(sys.argv, TestOneInput)
    atheris.Fuzz()
