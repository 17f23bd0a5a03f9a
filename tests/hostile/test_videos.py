"""Hostile videos are a problem in the list or bounded work: never a crash, a hang or a flood."""

from __future__ import annotations

import io
import time
from fractions import Fraction
from pathlib import Path

import av
import numpy as np
import pytest

from exposure_audit.errors import BadData
from exposure_audit.faces import frames
from exposure_audit.faces.frames import VideoSampler, open_video
from exposure_audit.faces.video import analyse_video
from tests.support.clips import Shown, clip_bytes

FTYP = b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom"


def sampled(data: bytes) -> list[float]:
    container = open_video(data)
    try:
        return [s.time for s in VideoSampler(container).samples()]
    finally:
        container.close()


@pytest.mark.parametrize(
    "data",
    [
        b"",
        FTYP,
        FTYP + b"\x00" * 4096,
        FTYP + np.random.default_rng(7).integers(0, 256, 65536, dtype=np.uint8).tobytes(),
        b"\x1a\x45\xdf\xa3" + b"\xff" * 2048,
    ],
    ids=["empty", "header-only", "zeros", "noise", "webm-garbage"],
)
def test_garbage_is_bad_data(data: bytes) -> None:
    with pytest.raises(BadData, match="this video could not be read"):
        sampled(data)


def test_a_video_cut_in_the_middle_is_bad_data_or_read_up_to_the_cut() -> None:
    whole = clip_bytes([Shown("obama-240p.jpg", 0.0, 3.0, 1.0)], seconds=3)
    for share in (0.1, 0.5, 0.9):
        try:
            times = sampled(whole[: int(len(whole) * share)])
        except BadData:
            continue
        assert max(times) < 3.0


def test_a_file_with_many_streams_is_refused(tmp_path: Path) -> None:
    out = io.BytesIO()
    with av.open(out, mode="w", format="mp4") as output:
        streams = []
        for _ in range(80):
            stream = output.add_stream("libx264", rate=5)
            stream.width, stream.height, stream.pix_fmt = 16, 16, "yuv420p"
            stream.codec_context.time_base = Fraction(1, 5)
            streams.append(stream)
        frame = av.VideoFrame.from_ndarray(np.zeros((16, 16, 3), np.uint8), format="rgb24")
        for stream in streams:
            frame.pts = 0
            output.mux(stream.encode(frame))
            output.mux(stream.encode(None))
    started = time.monotonic()
    with pytest.raises(BadData):
        sampled(out.getvalue())
    assert time.monotonic() - started < 10


def test_a_sound_only_file_holds_no_picture() -> None:
    out = io.BytesIO()
    with av.open(out, mode="w", format="mp4") as output:
        stream = output.add_stream("aac", rate=8000)
        frame = av.AudioFrame.from_ndarray(
            np.zeros((2, 1024), np.float32), format="fltp", layout="stereo"
        )
        frame.sample_rate, frame.pts = 8000, 0
        output.mux(stream.encode(frame))
        output.mux(stream.encode(None))
    with pytest.raises(BadData, match="no picture track"):
        sampled(out.getvalue())


def test_a_long_video_costs_a_bounded_number_of_samples(monkeypatch: pytest.MonkeyPatch) -> None:
    """However long a video says it is, it is sampled at most MAX_SAMPLES times (twice that,
    keyframes counted), evenly over its length."""
    monkeypatch.setattr(frames, "MAX_SAMPLES", 5)
    data = clip_bytes([], seconds=20, size=(64, 48), fps=5, gop=5)
    times = sampled(data)
    assert len(times) <= 10
    assert max(times) >= 15  # spread over the whole video, not its first seconds


def test_frames_too_large_are_refused_before_decoding(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(frames, "MAX_FRAME_PIXELS", 100 * 100)
    data = clip_bytes([], seconds=1, size=(320, 240), fps=5)
    with pytest.raises(BadData, match="too large"):
        analyse_video(data, np.empty((0, 128)), detector="hog", threshold=0.6)
