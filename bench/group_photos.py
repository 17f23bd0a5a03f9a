"""Large group photos: the user as one small face (1/40-1/80 of the longer side) among a few.

    uv run python bench/group_photos.py --runs 3            # both sets, both tools, 2 cores
    uv run python bench/group_photos.py --write DIR         # only write the photos

Each photo is a phone-size canvas (3264-4032 px on its longer side) holding one or two rows of
heads cut from the labelled test faces, each scaled so its face is 1/40-1/80 of the longer
side (50-100 px at 4032), blended into a procedurally made background: plain, foliage,
gravel, print, and (in the test set only) wood grain, whose colour is close to skin. The
user is in two photos of three. Two sets with their own seeds and people, so that what is
tuned on one is checked on the other: ``tune`` has obama as the user, ``test`` has
kit_harington (one selfie) and a background the tune set never shows.
"""

from __future__ import annotations

import os

# One BLAS thread, as in a scan's workers (exposure_audit/__init__.py), set before numpy loads:
# the costs printed here are one worker's.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("OMP_NUM_THREADS", "1")

import argparse
import io
import random
import shutil
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont, ImageOps

sys.path.insert(0, str(Path(__file__).resolve().parent))

from crowds import SHARED_FACES, Crop, face_crops

SIZES = ((4032, 3024), (3024, 4032), (4000, 3000), (3264, 2448))


@dataclass(frozen=True)
class PhotoSet:
    name: str
    user: str
    selfies: tuple[str, ...]
    others: tuple[str, ...]
    backgrounds: tuple[str, ...]
    seed: int


SETS = {
    "tune": PhotoSet(
        "tune",
        "obama",
        ("obama/obama.jpg", "obama/obama2.jpg"),
        ("biden", "alex_lacamoire", "lin_manuel_miranda"),
        ("plain", "foliage", "gravel", "print"),
        seed=22,
    ),
    "test": PhotoSet(
        "test",
        "kit_harington",
        ("kit_harington/kit1.jpg",),
        ("obama", "biden", "alex_lacamoire", "lin_manuel_miranda"),
        ("plain", "foliage", "gravel", "print", "wood"),
        seed=2022,
    ),
}


@dataclass(frozen=True)
class GroupPhoto:
    name: str
    data: bytes
    has_user: bool
    faces: int
    user_face: int | None  # the user's face width in px, when shown
    background: str
    # Every face pasted: (left, top, width) in the photo's pixels, and whether it is the user.
    boxes: tuple[tuple[int, int, int, bool], ...] = ()


def group_photos(chosen: PhotoSet, count: int) -> list[GroupPhoto]:
    rng = random.Random(chosen.seed)
    crops = face_crops(chosen.selfies)
    mine = [c for c in crops if c.person == chosen.user]
    others = [c for c in crops if c.person in chosen.others]
    photos = []
    for index in range(count):
        size = SIZES[index % len(SIZES)]
        background = chosen.backgrounds[index % len(chosen.backgrounds)]
        canvas = BACKGROUNDS[background](size, rng)
        people = rng.randint(3, 9)
        has_user = index % 3 != 2
        seats = [rng.choice(others) for _ in range(people)]
        if has_user:
            seats[rng.randrange(people)] = rng.choice(mine)
        boxes = _seat(canvas, seats, rng, mine if has_user else [])
        user_face = next((width for _, _, width, user in boxes if user), None)
        out = io.BytesIO()
        canvas.save(out, "JPEG", quality=90)
        name = f"{chosen.name}_{index:02d}_{background}.jpg"
        photos.append(
            GroupPhoto(name, out.getvalue(), has_user, people, user_face, background, tuple(boxes))
        )
    return photos


def _seat(
    canvas: Image.Image, seats: list[Crop], rng: random.Random, mine: list[Crop]
) -> list[tuple[int, int, int, bool]]:
    """Paste the heads in one or two rows; returns each face's (left, top, width, is user)."""
    side = max(canvas.size)
    rows = 1 if len(seats) <= 4 else 2
    per_row = -(-len(seats) // rows)
    boxes = []
    top = rng.uniform(0.2, 0.5) * canvas.height
    for row in range(rows):
        x = rng.uniform(0.05, 0.3) * canvas.width
        for crop in seats[row * per_row : (row + 1) * per_row]:
            face = round(side / rng.uniform(40, 80))
            scale = face / crop.face_width
            piece = crop.image.resize(
                (max(1, round(crop.image.width * scale)), max(1, round(crop.image.height * scale))),
                Image.Resampling.LANCZOS,
            )
            left = round(crop.face_at[0] * scale)
            if rng.random() < 0.5:
                piece = ImageOps.mirror(piece)
                left = piece.width - left - face
            y = round(top + row * 3.2 * face + rng.uniform(-0.3, 0.3) * face)
            canvas.paste(piece, (round(x), y), _soft_oval(piece.size))
            face_top = y + round(crop.face_at[1] * scale)
            boxes.append((round(x) + left, face_top, face, crop in mine))
            x += rng.uniform(1.8, 2.6) * face
    return boxes


def _soft_oval(size: tuple[int, int]) -> Image.Image:
    """Head and shoulders blended into the background, not a rectangle pasted on it."""
    mask = Image.new("L", size, 0)
    width, height = size
    ImageDraw.Draw(mask).ellipse(
        (width * 0.08, height * 0.02, width * 0.92, height * 1.3), fill=255
    )
    return mask.filter(ImageFilter.GaussianBlur(max(1, width // 25)))


def _noise(size: tuple[int, int], cells: int, rng: random.Random) -> np.ndarray:
    """Smooth noise in [0, 1] with about ``cells`` features across the longer side."""
    width, height = size
    small = (max(2, cells * width // max(size)), max(2, cells * height // max(size)))
    field = np.random.default_rng(rng.randrange(1 << 30)).random(small[::-1]) * 255
    image = Image.fromarray(field.astype(np.uint8)).resize(size, Image.Resampling.BICUBIC)
    return np.asarray(image, dtype=np.float32) / 255


def _plain(size: tuple[int, int], rng: random.Random) -> Image.Image:
    top = np.array([rng.randrange(40, 220) for _ in range(3)], np.float32)
    bottom = np.array([rng.randrange(40, 220) for _ in range(3)], np.float32)
    ramp = np.linspace(0, 1, size[1], dtype=np.float32)[:, None, None]
    pixels = top * (1 - ramp) + bottom * ramp + np.zeros((1, size[0], 1), np.float32)
    grain = np.random.default_rng(rng.randrange(1 << 30)).normal(0, 5, pixels.shape)
    return Image.fromarray(np.clip(pixels + grain, 0, 255).astype(np.uint8))


def _foliage(size: tuple[int, int], rng: random.Random) -> Image.Image:
    """Leaves: noise at several scales, dark gaps and lit edges, greens and browns."""
    light = sum(_noise(size, cells, rng) / (i + 1) for i, cells in enumerate((8, 40, 200, 900)))
    light = (light - light.min()) / (light.max() - light.min())
    hue = _noise(size, 20, rng)[..., None]
    green = np.array([50, 110, 40], np.float32)
    brown = np.array([110, 90, 40], np.float32)
    pixels = (green * (1 - hue) + brown * hue) * (0.3 + 1.4 * light[..., None])
    return Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8))


def _gravel(size: tuple[int, int], rng: random.Random) -> Image.Image:
    """Stones: thousands of shaded ellipses of greys and browns, a few px to a face wide."""
    canvas = Image.new("RGB", size, (110, 105, 95))
    draw = ImageDraw.Draw(canvas)
    side = max(size)
    for _ in range(side * 6):
        x, y = rng.uniform(0, size[0]), rng.uniform(0, size[1])
        r = side / rng.uniform(60, 600)
        tone = rng.randrange(50, 200)
        colour = (tone + rng.randrange(-15, 25), tone + rng.randrange(-15, 15), tone - 10)
        draw.ellipse((x - r, y - r * rng.uniform(0.5, 1), x + r, y + r), fill=colour)
        draw.ellipse((x - r / 2, y - r / 2, x, y), fill=tuple(min(255, c + 30) for c in colour))
    return canvas


def _print(size: tuple[int, int], rng: random.Random) -> Image.Image:
    """A wall of posters and newsprint: lines of letters of many sizes, dark on light."""
    canvas = Image.new("RGB", size, (225, 220, 205))
    draw = ImageDraw.Draw(canvas)
    letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789 "
    y = 0.0
    while y < size[1]:
        height = max(size) / rng.uniform(20, 150)
        font = ImageFont.load_default(height)
        text = "".join(rng.choice(letters) for _ in range(int(size[0] / height * 2)))
        ink = tuple(rng.randrange(0, 120) for _ in range(3))
        draw.text((rng.uniform(-height, 0), y), text, fill=ink, font=font)
        y += height * rng.uniform(1.1, 1.6)
    return canvas


def _wood(size: tuple[int, int], rng: random.Random) -> Image.Image:
    """Wood grain: warm bands bent by noise, close to skin in colour."""
    ys = np.arange(size[1], dtype=np.float32)[:, None] / max(size)
    bend = _noise(size, 6, rng) * 0.05 + _noise(size, 60, rng) * 0.004
    grain = 0.5 + 0.5 * np.sin((ys + bend) * rng.uniform(150, 300))
    base = np.array([190, 140, 100], np.float32)
    pixels = base * (0.7 + 0.35 * grain[..., None]) + 20 * _noise(size, 400, rng)[..., None]
    return Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8))


BACKGROUNDS = {
    "plain": _plain,
    "foliage": _foliage,
    "gravel": _gravel,
    "print": _print,
    "wood": _wood,
}


def measure(chosen: PhotoSet, count: int, cpus: int, runs: int) -> None:
    import benchmark

    photos = group_photos(chosen, count)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for directory in ("groups", "known"):
            (folder / directory).mkdir()
        for photo in photos:
            (folder / "groups" / photo.name).write_bytes(photo.data)
        for selfie in chosen.selfies:
            shutil.copy(SHARED_FACES / selfie, folder / "known" / Path(selfie).name)
        rows = [benchmark.Photo(p.name, p.data, p.has_user, False) for p in photos]
        faces = sorted(p.user_face for p in photos if p.user_face)
        print(
            f"{chosen.name} set: {len(photos)} photos, {sum(p.faces for p in photos)} faces, "
            f"the user in {len(faces)} (face {faces[0]}-{faces[-1]} px); {cpus} processes"
        )
        for run in range(1, runs + 1):
            ours, wall, _ = benchmark.run_ours(
                folder, cpus, folder / f"g{run}.audit", selfies=chosen.selfies, source="groups"
            )
            theirs, their_wall = benchmark.run_reference_cli(
                folder, cpus, unknown="groups", user=Path(chosen.selfies[0]).stem
            )
            print(f"run {run}:")
            benchmark._table(
                [("exposure-audit", ours, wall), ("face_recognition CLI", theirs, their_wall)],
                rows,
            )
            print(f"speed ratio: {their_wall / wall:.2f}x")
            missed = sorted(p.name for p in photos if p.has_user and p.name not in ours)
            print(
                f"missed: {missed}; false: {sorted(ours - {p.name for p in photos if p.has_user})}"
            )
        cost_of_looks(chosen, photos)


def cost_of_looks(chosen: PhotoSet, photos: list[GroupPhoto]) -> None:
    """What the closer looks cost, in this process: the pointer over each photo, each patch it
    shows (detection, and measuring what is found there), and the larger decodes."""
    import time

    from exposure_audit.faces import detection, pointers
    from exposure_audit.faces.analysis import CROWD_WORK_SIDE
    from exposure_audit.imaging import read_image, read_large

    selfies = [read_image((SHARED_FACES / s).read_bytes()) for s in chosen.selfies]
    empty = np.empty((0, 128))
    refs = np.array(
        [
            max(
                detection.find_faces(s, empty, keep_encodings=True),
                key=lambda f: f.box[1] - f.box[3],
            ).encoding
            for s in selfies
        ]
    )
    spent = {"pointer": 0.0, "patches": 0.0, "larger decode": 0.0, "all": 0.0}
    counts = {"patches": 0, "larger decode": 0}
    # The pointer this installation uses: the network (its glance, its look at the whole
    # photo and its second looks at places it was unsure of), or the cascade where it is
    # missing.
    if pointers.pointer_name() == "network":
        pointer_parts = ["glance", "_network_spots", "_recheck"]
    else:
        pointer_parts = ["_run"]
    originals = {name: getattr(pointers, name) for name in pointer_parts}
    look_at = detection._Passes._look_at

    def timed(run: Callable[..., object]) -> Callable[..., object]:
        def timed_run(*args: object) -> object:
            started = time.process_time()
            try:
                return run(*args)
            finally:
                spent["pointer"] += time.process_time() - started

        return timed_run

    def timed_look(self: detection._Passes, *spot: float) -> bool:
        started = time.process_time()
        try:
            looked = look_at(self, *spot)
            counts["patches"] += looked
            return looked
        finally:
            spent["patches"] += time.process_time() - started

    for name, run in originals.items():
        setattr(pointers, name, timed(run))
    detection._Passes._look_at = timed_look  # type: ignore[method-assign,assignment]
    try:
        for photo in photos:

            def larger(data: bytes = photo.data) -> object:
                started = time.process_time()
                counts["larger decode"] += 1
                image = read_large(data, work_side=CROWD_WORK_SIDE)
                spent["larger decode"] += time.process_time() - started
                return image

            started = time.process_time()
            detection.find_faces(read_image(photo.data), refs, larger=larger)  # type: ignore[arg-type]
            spent["all"] += time.process_time() - started
    finally:
        for name, run in originals.items():
            setattr(pointers, name, run)
        detection._Passes._look_at = look_at  # type: ignore[method-assign]
    n = len(photos)
    per_patch = spent["patches"] / max(1, counts["patches"])
    print(
        f"closer looks, CPU of one process: all detection and measuring "
        f"{1000 * spent['all'] / n:.0f} ms a photo, of which the pointer "
        f"({pointers.pointer_name()}) {1000 * spent['pointer'] / n:.0f} ms, "
        f"{counts['patches'] / n:.1f} patches a photo "
        f"at {1000 * per_patch:.0f} ms each (measuring what is found included), the larger "
        f"decode in {counts['larger decode']} of {n} photos at "
        f"{1000 * spent['larger decode'] / max(1, counts['larger decode']):.0f} ms"
    )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--cpus", type=int, default=2)
    parser.add_argument("--count", type=int, default=30, help="photos per set")
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--set", choices=sorted(SETS), action="append")
    parser.add_argument("--write", type=Path, help="only write the photos to this folder")
    args = parser.parse_args()
    for name in args.set or sorted(SETS, reverse=True):
        if args.write:
            args.write.mkdir(parents=True, exist_ok=True)
            for photo in group_photos(SETS[name], args.count):
                (args.write / photo.name).write_bytes(photo.data)
            continue
        measure(SETS[name], args.count, args.cpus, args.runs)


if __name__ == "__main__":
    main()
