"""Fuzz the image reader: any bytes either decode to an RGB array or raise BadData."""

from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports():
    import numpy as np

    from exposure_audit.errors import BadData
    from exposure_audit.imaging import read_image, sniff_format

MAX_PIXELS = 4_000_000


def TestOneInput(data: bytes) -> None:
    sniff_format(data[:32])
    try:
        image = read_image(data, work_side=256, max_pixels=MAX_PIXELS)
    except BadData as exc:
        if not str(exc):
            raise AssertionError("BadData without a message") from exc
        return
    assert image.rgb.dtype == np.uint8
    assert image.rgb.ndim == 3
    assert image.rgb.shape[2] == 3
    assert max(image.rgb.shape[:2]) <= 256
    assert image.scale > 0


if __name__ == "__main__":
    atheris.Setup(sys.argv, TestOneInput)
    atheris.Fuzz()
