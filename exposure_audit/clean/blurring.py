"""Faces in a clean copy: found with every detection pass, told apart, blurred until unmatchable.

Other people's encodings live only in memory while their faces are blurred and checked; they
are never returned or stored.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
from PIL import Image, ImageFilter

from exposure_audit.errors import BadData
from exposure_audit.faces import model_files
from exposure_audit.faces.analysis import CROWD_WORK_SIDE
from exposure_audit.faces.detection import (
    DEFAULT_THRESHOLD,
    SEARCH_SIDE,
    Box,
    Face,
    Pixels,
    encode_boxes,
    find_faces,
    found_larger,
    nearest_distance,
)
from exposure_audit.i18n import _
from exposure_audit.imaging import (
    DEFAULT_MAX_PIXELS,
    DEFAULT_WORK_SIDE,
    DecodedImage,
    LargeImage,
    read_image,
    read_large,
)

NO_REFERENCES = np.empty((0, 128))
# A blurred face must be this much further from its own encoding than a match would be.
SAFETY_MARGIN = 0.05


@dataclass(frozen=True)
class Strength:
    """One step of blurring: how far past the face box, and into how many blocks across."""

    margin: float  # of the face's width and height, on each side
    cells: int  # 0: one flat colour


# From strong to total; a face that can still be matched goes one step further.
STRENGTHS = (Strength(0.25, 7), Strength(0.4, 4), Strength(0.5, 0))


@dataclass
class FaceToBlur:
    box: Box
    encoding: np.ndarray  # its own, from the photo before blurring; memory only
    step: int = 0


@dataclass(frozen=True)
class FacesFound:
    """The user's face (if recognised) and everyone's faces, with encodings for the check."""

    user: Face | None
    others: list[Face]


def work_images(image: Image.Image) -> tuple[DecodedImage, Callable[[], DecodedImage]]:
    """The photo as the scan sees it: a work copy, and the larger one a crowd needs."""

    def at(side: int) -> DecodedImage:
        rgb = image.convert("RGB")
        if max(rgb.size) > side:
            rgb = rgb.copy()
            rgb.thumbnail((side, side), Image.Resampling.BILINEAR)
        array = np.ascontiguousarray(np.asarray(rgb, dtype=np.uint8))
        return DecodedImage(array, image.width / array.shape[1], image.size, "clean")

    return at(DEFAULT_WORK_SIDE), lambda: at(CROWD_WORK_SIDE)


def find_everyone(image: Image.Image, references: np.ndarray, threshold: float) -> FacesFound:
    """Every face in the photo, and which one is the user's (the nearest match, if any).

    The search runs as if the user were not there, so that no pass stops early: every small
    face of a group is looked for.
    """
    work, larger = work_images(image)
    faces = find_faces(work, NO_REFERENCES, keep_encodings=True, larger=larger, everyone=True)
    faces += _enlarged_pass(work, [f.box for f in faces])
    faces = [f for f in faces if f.encoding is not None]
    distances = [
        nearest_distance(f.encoding, references) if f.encoding is not None else None for f in faces
    ]
    matches = [(d, i) for i, d in enumerate(distances) if d is not None and d <= threshold]
    if not matches:
        return FacesFound(None, faces)
    _, mine = min(matches)
    return FacesFound(faces[mine], [f for i, f in enumerate(faces) if i != mine])


def _enlarged_pass(work: DecodedImage, known: list[Box]) -> list[Face]:
    """Faces the scan's passes leave for later: the whole search copy, enlarged twice.

    The scan looks closer only where the user may still be; a clean copy must find every
    bystander, and turned or half-hidden faces are often found only at this size.
    """
    height, width = work.rgb.shape[:2]
    factor = max(1.0, max(height, width) / SEARCH_SIDE)
    grey = Image.fromarray(work.rgb).convert("L")
    if factor > 1.0:
        grey = grey.resize((round(width / factor), round(height / factor)), Image.Resampling.BOX)
    with model_files.engine_lock:
        rects = model_files.get("hog_detector")(np.asarray(grey), 1)
    s = factor * work.scale
    boxes = [
        (round(r.top() * s), round(r.right() * s), round(r.bottom() * s), round(r.left() * s))
        for r in rects
    ]
    new = [box for box in boxes if not any(_overlap(box, other) for other in known)]
    return encode_boxes(work, new, NO_REFERENCES) if new else []


def _overlap(a: Box, b: Box) -> bool:
    """Whether two boxes are one face: they share over a third of the smaller one."""
    top, right = max(a[0], b[0]), min(a[1], b[1])
    bottom, left = min(a[2], b[2]), max(a[3], b[3])
    if bottom <= top or right <= left:
        return False
    smaller = min((a[1] - a[3]) * (a[2] - a[0]), (b[1] - b[3]) * (b[2] - b[0]))
    return (bottom - top) * (right - left) > 0.3 * max(1, smaller)


def blur_faces(
    image: Image.Image,
    faces: Sequence[FaceToBlur],
    keep: Box | None,
    encode: Callable[[Image.Image], bytes],
    *,
    threshold: float = DEFAULT_THRESHOLD,
    max_pixels: int = DEFAULT_MAX_PIXELS,
) -> tuple[bytes, Image.Image]:
    """Blur ``faces`` and encode the copy, blurring harder until none of them can be matched.

    Each face is checked on the encoded copy, as anyone would read it: the encoder at its box,
    and the detector over the whole photo, against the face's own encoding. ``keep`` (the
    user's face) is left sharp.

    Raises:
        BadData: a face still matches when nothing of it is left (never seen; nothing written).
    """
    limit = max(threshold, DEFAULT_THRESHOLD) + SAFETY_MARGIN
    while True:
        blurred = _apply(image, faces, keep)
        data = encode(blurred)
        matched = still_matched(data, faces, limit, max_pixels)
        if not matched:
            return data, blurred
        if all(faces[i].step == len(STRENGTHS) - 1 for i in matched):
            raise BadData(_("a face could not be blurred beyond recognition; nothing written"))
        for i in matched:
            faces[i].step = min(faces[i].step + 1, len(STRENGTHS) - 1)


def still_matched(
    data: bytes, faces: Sequence[FaceToBlur], limit: float, max_pixels: int
) -> set[int]:
    """Which of ``faces`` the encoder or the detector still matches in the encoded copy."""
    if not faces:
        return set()
    copy = read_image(data, work_side=DEFAULT_WORK_SIDE, max_pixels=max_pixels)
    larger: LargeImage | None = None
    matched = set()
    for number, face in enumerate(faces):
        measured_on: Pixels = copy
        if found_larger(copy, [face.box]):
            larger = larger or read_large(data, work_side=CROWD_WORK_SIDE, max_pixels=max_pixels)
            measured_on = larger
        again = encode_boxes(measured_on, [face.box], face.encoding[None])
        if again and again[0].distance is not None and again[0].distance <= limit:
            matched.add(number)
    own = np.stack([face.encoding for face in faces])
    for face in faces:
        for found in _faces_near(copy, face.box):
            if found.encoding is not None:
                distances = np.linalg.norm(own - found.encoding, axis=1)
                matched.update(int(i) for i in np.flatnonzero(distances <= limit))
    return matched


def _faces_near(copy: DecodedImage, box: Box) -> list[Face]:
    """Faces the detector finds around a blurred face, searched for enlarged (a small patch
    gets every pass): whether anything there is still a face, and whose."""
    top, right, bottom, left = (round(v / copy.scale) for v in box)
    reach = max(right - left, bottom - top)
    height, width = copy.rgb.shape[:2]
    y0, y1 = max(0, top - reach), min(height, bottom + reach)
    x0, x1 = max(0, left - reach), min(width, right + reach)
    if y1 - y0 < 8 or x1 - x0 < 8:
        return []
    patch = np.ascontiguousarray(copy.rgb[y0:y1, x0:x1])
    around = DecodedImage(patch, copy.scale, (x1 - x0, y1 - y0), copy.format)
    return find_faces(around, NO_REFERENCES, keep_encodings=True)


def user_still_recognised(
    data: bytes, box: Box, references: np.ndarray, threshold: float, max_pixels: int
) -> bool:
    """Whether the user's face, left sharp, is still matched in the encoded copy."""
    copy: Pixels = read_image(data, work_side=DEFAULT_WORK_SIDE, max_pixels=max_pixels)
    if found_larger(copy, [box]):
        copy = read_large(data, work_side=CROWD_WORK_SIDE, max_pixels=max_pixels)
    again = encode_boxes(copy, [box], references)
    return bool(again) and again[0].distance is not None and again[0].distance <= threshold


def _apply(image: Image.Image, faces: Sequence[FaceToBlur], keep: Box | None) -> Image.Image:
    out = image.copy()
    for face in faces:
        _blur_one(out, face.box, STRENGTHS[face.step])
    if keep is not None and faces:
        top, right, bottom, left = keep
        area = (max(0, left), max(0, top), min(out.width, right), min(out.height, bottom))
        if area[2] > area[0] and area[3] > area[1]:
            out.paste(image.crop(area), area[:2])  # a neighbour's margin must not cover it
    return out


def _blur_one(image: Image.Image, box: Box, strength: Strength) -> None:
    top, right, bottom, left = box
    pad_x, pad_y = strength.margin * (right - left), strength.margin * (bottom - top)
    area = (
        max(0, int(left - pad_x)),
        max(0, int(top - pad_y)),
        min(image.width, int(right + pad_x) + 1),
        min(image.height, int(bottom + pad_y) + 1),
    )
    width, height = area[2] - area[0], area[3] - area[1]
    if width <= 0 or height <= 0:
        return
    patch = image.crop(area)
    if strength.cells == 0:
        mean = tuple(int(v) for v in np.asarray(patch).reshape(-1, len(patch.getbands())).mean(0))
        patch = Image.new(patch.mode, patch.size, mean if len(mean) > 1 else mean[0])
    else:
        across = max(1, strength.cells)
        down = max(1, round(across * height / width))
        blocks = patch.resize((across, down), Image.Resampling.BOX)
        patch = blocks.resize(patch.size, Image.Resampling.NEAREST)
        patch = patch.filter(ImageFilter.GaussianBlur(max(1.0, width / across / 3)))
    image.paste(patch, area[:2])


def encoded(image: Image.Image, fmt: str, **options: object) -> bytes:
    """``image`` written as ``fmt`` from its pixels alone: no EXIF, no profile, no text."""
    plain = Image.frombytes(image.mode, image.size, image.tobytes())  # carries no ``info``
    out = io.BytesIO()
    plain.save(out, fmt, **options)
    return out.getvalue()


def shown_blurred(image: Image.Image, boxes: Sequence[Box]) -> Image.Image:
    """``image`` with the faces at ``boxes`` blurred, for showing a photo before it is cleaned."""
    out = image.copy()
    for box in boxes:
        _blur_one(out, box, STRENGTHS[-2])
    return out
