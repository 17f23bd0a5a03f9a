"""Real video clips built from the real face photos: a face shown over a moving background
for known seconds, encoded with the decoder's own encoders (H.264, HEVC) in MP4 or MOV."""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path

import av
import numpy as np
from PIL import Image

from tests.support.photos import face_bytes


@dataclass(frozen=True)
class Shown:
    """A face photo on screen from ``start`` to ``end`` seconds, ``share`` of the frame's height."""

    photo: str
    start: float
    end: float
    share: float = 0.8


def clip_bytes(
    shown: Sequence[Shown],
    *,
    seconds: float = 4.0,
    size: tuple[int, int] = (320, 240),
    fps: int = 15,
    codec: str = "libx264",
    container: str = "mp4",
    photo_bytes: dict[str, bytes] | None = None,
    gop: int | None = None,
    preset: str = "ultrafast",
) -> bytes:
    """A clip of ``seconds`` at ``size`` (width, height), a keyframe every ``gop`` frames (the
    encoder's choice when None); each face shown where it says."""
    width, height = size
    pictures = {s.photo: _picture(s, height, photo_bytes) for s in shown}
    out = io.BytesIO()
    with av.open(out, mode="w", format=container) as output:
        stream = output.add_stream(codec, rate=fps)
        stream.width, stream.height = width, height
        stream.pix_fmt = "yuv420p"
        stream.options = {"preset": preset} if codec in ("libx264", "libx265") else {}
        if gop:
            stream.codec_context.gop_size = gop
        if codec == "libx265":
            stream.options["x265-params"] = "log-level=error"
        stream.codec_context.time_base = Fraction(1, fps)
        for index in range(round(seconds * fps)):
            moment = index / fps
            frame = _background(width, height, index)
            for item in shown:
                if item.start <= moment < item.end:
                    _paste(frame, pictures[item.photo], index)
            video = av.VideoFrame.from_ndarray(frame, format="rgb24")
            video.pts = index
            output.mux(stream.encode(video))
        output.mux(stream.encode(None))
    return out.getvalue()


def write_clip(path: Path, shown: Sequence[Shown], **options: object) -> Path:
    container = "mov" if path.suffix.lower() == ".mov" else "mp4"
    path.write_bytes(clip_bytes(shown, container=container, **options))  # type: ignore[arg-type]
    return path


def _picture(item: Shown, height: int, photo_bytes: dict[str, bytes] | None) -> np.ndarray:
    data = (photo_bytes or {}).get(item.photo) or face_bytes(item.photo)
    image = Image.open(io.BytesIO(data)).convert("RGB")
    side = max(8, round(height * item.share))
    factor = min(side / image.height, 2 * side / image.width)
    image = image.resize(
        (max(1, round(image.width * factor)), max(1, round(image.height * factor)))
    )
    return np.asarray(image)


def _background(width: int, height: int, index: int) -> np.ndarray:
    """A slowly moving gradient: real motion for the encoder, no face-like texture."""
    xs = (np.arange(width) + index * 3) % 256
    ys = np.arange(height)[:, None] % 256
    frame = np.empty((height, width, 3), np.uint8)
    frame[..., 0] = xs[None, :]
    frame[..., 1] = ys
    frame[..., 2] = 128
    return frame


def _paste(frame: np.ndarray, picture: np.ndarray, index: int) -> None:
    """The picture near the frame's centre, drifting a little as a hand-held camera does."""
    h, w = picture.shape[:2]
    height, width = frame.shape[:2]
    h, w = min(h, height), min(w, width)
    top = max(0, min(height - h, (height - h) // 2 + (index % 8) - 4))
    left = max(0, min(width - w, (width - w) // 2 + (index % 6) - 3))
    frame[top : top + h, left : left + w] = picture[:h, :w]
