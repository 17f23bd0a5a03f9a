"""Fuzz the video path: any bytes are sampled into bounded frames or raise BadData."""

from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports():
    from exposure_audit.errors import BadData
    from exposure_audit.exports.common import sniff_video
    from exposure_audit.faces.frames import WORK_SIDE, VideoSampler, open_video


def TestOneInput(data: bytes) -> None:
    sniff_video(data[:32])
    try:
        container = open_video(data)
    except BadData as exc:
        if not str(exc):
            raise AssertionError("BadData without a message") from exc
        return
    try:
        sampler = VideoSampler(container, work_side=64)
        for sample in sampler.samples():
            assert sample.image.rgb.ndim == 3
            assert max(sample.image.rgb.shape[:2]) <= 64 <= WORK_SIDE
            assert sample.time >= 0
    except BadData as exc:
        if not str(exc):
            raise AssertionError("BadData without a message") from exc
    finally:
        container.close()


if __name__ == "__main__":
    atheris.Setup(sys.argv, TestOneInput)
    atheris.Fuzz()
