"""Real face photos, and the variants of them that exports hold: rotated, small, re-encoded."""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image

FACES = Path(__file__).resolve().parents[1] / "data" / "faces"


def face_bytes(name: str) -> bytes:
    return (FACES / name).read_bytes()


def reencode(data: bytes, fmt: str, **options: object) -> bytes:
    out = io.BytesIO()
    image = Image.open(io.BytesIO(data))
    if fmt == "JPEG" and image.mode != "RGB":
        image = image.convert("RGB")
    image.save(out, fmt, **options)
    return out.getvalue()


def rotated_with_exif(data: bytes, orientation: int = 6) -> bytes:
    """The photo stored sideways with an EXIF tag saying how to turn it upright, as phones do."""
    image = Image.open(io.BytesIO(data)).convert("RGB")
    stored = {
        6: image.transpose(Image.Transpose.ROTATE_90),
        8: image.transpose(Image.Transpose.ROTATE_270),
        3: image.transpose(Image.Transpose.ROTATE_180),
    }[orientation]
    exif = Image.Exif()
    exif[0x0112] = orientation
    out = io.BytesIO()
    stored.save(out, "JPEG", quality=92, exif=exif.tobytes())
    return out.getvalue()


def pasted_on_canvas(data: bytes, face_width: int, canvas: tuple[int, int] = (2400, 1600)) -> bytes:
    """The photo shrunk to ``face_width`` px wide and pasted on a large plain canvas."""
    image = Image.open(io.BytesIO(data)).convert("RGB")
    image = image.resize((face_width, round(image.height * face_width / image.width)))
    background = Image.new("RGB", canvas, (120, 140, 160))
    background.paste(image, (canvas[0] // 3, canvas[1] // 3))
    out = io.BytesIO()
    background.save(out, "JPEG", quality=90)
    return out.getvalue()
