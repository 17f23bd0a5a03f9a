"""Real face photos, and the variants of them that exports hold: rotated, small, re-encoded."""

from __future__ import annotations

import io
from functools import cache
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


CROWD_CANVAS = (2048, 1365)
OTHER_PEOPLE = ("biden.jpg", "biden2.jpg", "kit1.jpg", "kit2.jpg", "rose1.jpg", "alex1.png")


@cache  # the same crowd serves several tests; building one runs the detector on seven photos
def crowd(user: str | None, face_width: int, rows: int = 3, per_row: int = 9) -> bytes:
    """A 2048 x 1365 group photo of ``rows`` rows of heads, each face about ``face_width`` px:
    other people from the test faces, and ``user`` (a test photo's name) once, or not at all."""
    heads = [_head(name, face_width) for name in OTHER_PEOPLE]
    seats = [heads[seat % len(heads)] for seat in range(rows * per_row)]
    if user:
        seats[len(seats) // 2 + 1] = _head(user, face_width)
    canvas = Image.new("RGB", CROWD_CANVAS, (96, 110, 128))
    for seat, head in enumerate(seats):
        row, column = divmod(seat, per_row)
        canvas.paste(head, ((2 * column + row + 4) * face_width, (3 * row + 6) * face_width))
    out = io.BytesIO()
    canvas.save(out, "JPEG", quality=90)
    return out.getvalue()


def _head(name: str, face_width: int) -> Image.Image:
    """The largest face of a test photo with some hair and neck, scaled to ``face_width``."""
    image = Image.open(FACES / name).convert("RGB")
    left, top, right, bottom = _largest_face(name)
    side = right - left + 1  # as dlib counts a box's width
    head = image.crop((left - side // 2, top - side // 2, right + side // 2, bottom + side))
    scale = face_width / side
    return head.resize((round(head.width * scale), round(head.height * scale)))


@cache
def _largest_face(name: str) -> tuple[int, int, int, int]:
    """Left, top, right and bottom of the largest face dlib finds in a test photo."""
    import numpy as np

    from exposure_audit.faces import model_files

    image = np.asarray(Image.open(FACES / name).convert("RGB"))
    face = max(model_files.get("hog_detector")(image, 1), key=lambda r: r.area())
    return face.left(), face.top(), face.right(), face.bottom()
