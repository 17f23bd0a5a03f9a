"""Make resources/smoke-clip.mp4 from resources/smoke-face.jpg: uv run python scripts/make_smoke_clip.py

A tiny H.264 clip for the build's self-check (--smoke-test): the face still on a grey
background, 8 frames at 4 fps (2 s), 240x240, one keyframe. The same bytes on every run:
fixed size, fixed encoder settings, no timestamps of its making (bitexact), one thread.
"""

from __future__ import annotations

import io
import sys
from fractions import Fraction
from pathlib import Path

import av
import numpy as np
from PIL import Image

ROOT = Path(__file__).resolve().parent.parent
FACE = ROOT / "resources" / "smoke-face.jpg"
CLIP = ROOT / "resources" / "smoke-clip.mp4"
SIDE = 240
FPS = 4
FRAMES = 8


def clip_bytes() -> bytes:
    face = Image.open(FACE).convert("RGB")
    face.thumbnail((SIDE, SIDE))
    picture = np.full((SIDE, SIDE, 3), 128, np.uint8)
    top, left = (SIDE - face.height) // 2, (SIDE - face.width) // 2
    picture[top : top + face.height, left : left + face.width] = np.asarray(face)
    out = io.BytesIO()
    with av.open(out, mode="w", format="mp4", options={"fflags": "+bitexact"}) as output:
        stream = output.add_stream("libx264", rate=FPS)
        stream.width = stream.height = SIDE
        stream.pix_fmt = "yuv420p"
        stream.options = {"preset": "medium", "crf": "28", "threads": "1"}
        stream.codec_context.time_base = Fraction(1, FPS)
        for index in range(FRAMES):
            frame = av.VideoFrame.from_ndarray(picture, format="rgb24")
            frame.pts = index
            output.mux(stream.encode(frame))
        output.mux(stream.encode(None))
    return out.getvalue()


def main() -> int:
    data = clip_bytes()
    CLIP.write_bytes(data)
    print(f"{CLIP.relative_to(ROOT)}: {len(data)} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
