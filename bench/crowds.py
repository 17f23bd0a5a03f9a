"""Group and crowd photos built from the labelled test faces, the user one small face among many.

Each photo is a 2048 x 1365 canvas (the size platforms export) holding rows of faces cut from
the test photos, each scaled so that its face is ``--face`` pixels wide (30-40 by default);
the user is one of them in two photos out of three. Faces are cut from photos that are not
the selfies, with head and shoulders around them, and some are mirrored.
"""

from __future__ import annotations

import io
import json
import random
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from PIL import Image, ImageOps

# The labelled faces live in shared/ beside the project's folder (or beside its worktrees').
SHARED_FACES = next(
    (
        folder / "shared" / "faces"
        for folder in Path(__file__).resolve().parents
        if (folder / "shared" / "faces").is_dir()
    ),
    Path(__file__).resolve().parent.parent.parent / "shared" / "faces",
)
CANVAS = (2048, 1365)


@dataclass(frozen=True)
class Crop:
    person: str
    image: Image.Image
    face_width: int  # of the face in ``image``, as dlib's detector boxes it
    face_at: tuple[int, int] = (0, 0)  # the face box's top left corner in ``image``


def face_crops(exclude: tuple[str, ...]) -> list[Crop]:
    """One crop (head and shoulders) per single-person test photo, except ``exclude``."""
    from exposure_audit.faces import model_files

    detector = model_files.get("hog_detector")
    labels = json.loads((SHARED_FACES / "labels.json").read_text())
    crops = []
    for path, people in sorted(labels.items()):
        if len(people) != 1 or path in exclude or "partial" in path:
            continue
        image = ImageOps.exif_transpose(Image.open(SHARED_FACES / path)).convert("RGB")
        rects = list(detector(np.asarray(image), 1))
        if not rects:
            continue
        rect = max(rects, key=lambda r: r.area())
        side = rect.width()
        box = (
            max(0, rect.left() - side),
            max(0, rect.top() - side),
            min(image.width, rect.right() + side),
            min(image.height, rect.bottom() + 2 * side),
        )
        face_at = (rect.left() - box[0], rect.top() - box[1])
        crops.append(Crop(people[0], image.crop(box), side, face_at))
    return crops


@dataclass(frozen=True)
class CrowdPhoto:
    name: str
    data: bytes
    has_user: bool
    faces: int


def crowd_photos(
    user: str, exclude: tuple[str, ...], count: int, face_px: tuple[int, int], seed: int = 11
) -> list[CrowdPhoto]:
    rng = random.Random(seed)
    crops = face_crops(exclude)
    mine = [c for c in crops if c.person == user]
    others = [c for c in crops if c.person != user]
    photos = []
    for index in range(count):
        rows, per_row = rng.randint(3, 4), rng.randint(7, 10)
        slots = rows * per_row
        has_user = index % 3 != 2
        chosen = [rng.choice(others) for _ in range(slots)]
        if has_user:
            chosen[rng.randrange(slots)] = rng.choice(mine)
        canvas = _background(rng)
        spacing = 2.3 * face_px[1]
        left0 = rng.randint(40, int(CANVAS[0] - per_row * spacing - 40))
        top0 = rng.randint(40, int(CANVAS[1] - rows * 2.8 * face_px[1] - 40))
        for slot, crop in enumerate(chosen):
            row, col = divmod(slot, per_row)
            width = rng.randint(*face_px)
            scale = width / crop.face_width
            piece = crop.image.resize(
                (max(1, round(crop.image.width * scale)), max(1, round(crop.image.height * scale))),
                Image.Resampling.LANCZOS,
            )
            if rng.random() < 0.5:
                piece = ImageOps.mirror(piece)
            x = round(left0 + col * spacing + (row % 2) * spacing / 2)
            y = round(top0 + row * 2.8 * face_px[1])
            canvas.paste(piece, (x, y))
        out = io.BytesIO()
        canvas.save(out, "JPEG", quality=90)
        photos.append(CrowdPhoto(f"crowd_{index:02d}.jpg", out.getvalue(), has_user, slots))
    return photos


def _background(rng: random.Random) -> Image.Image:
    top = np.array([rng.randrange(40, 220) for _ in range(3)], dtype=np.float32)
    bottom = np.array([rng.randrange(40, 220) for _ in range(3)], dtype=np.float32)
    ramp = np.linspace(0, 1, CANVAS[1], dtype=np.float32)[:, None, None]
    pixels = top * (1 - ramp) + bottom * ramp + np.zeros((1, CANVAS[0], 1), np.float32)
    noise = np.random.default_rng(rng.randrange(1 << 30)).normal(0, 6, pixels.shape)
    return Image.fromarray(np.clip(pixels + noise, 0, 255).astype(np.uint8))


if __name__ == "__main__":
    import sys

    folder = Path(sys.argv[1])
    folder.mkdir(parents=True, exist_ok=True)
    for photo in crowd_photos("obama", ("obama/obama.jpg", "obama/obama2.jpg"), 6, (30, 40)):
        (folder / photo.name).write_bytes(photo.data)
