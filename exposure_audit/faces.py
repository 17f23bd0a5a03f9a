"""Finding faces and measuring how close each is to the user's own.

Boxes are ``(top, right, bottom, left)`` tuples in pixels of the full-resolution photo as
displayed (EXIF orientation applied), as face_recognition orders them. Encodings are
128-float numpy vectors; distance is Euclidean, as dlib's model was trained for.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from . import models
from .imaging import DecodedImage

Box = tuple[int, int, int, int]

# dlib's HOG detector uses an 80x80 px window: smaller faces need the image enlarged.
HOG_WINDOW = 80
# Photos up to this size are cheap enough to always search enlarged (profile pictures, thumbnails).
SMALL_PHOTO_SIDE = 800

# Confidence bands. 0.6 is the decision threshold dlib's model was trained for
# (99.38% on LFW); the tighter bands mark matches that rarely come from another person.
STRONG_MAX = 0.45
LIKELY_MAX = 0.52
DEFAULT_THRESHOLD = 0.6
BANDS = ("strong", "likely", "possible")


@dataclass(frozen=True)
class Face:
    """One face in a photo: where it is, and how far it is from the user's references."""

    box: Box
    distance: float | None
    encoding: np.ndarray | None = None


def band_for(distance: float | None, threshold: float = DEFAULT_THRESHOLD) -> str | None:
    """The confidence band of a distance, or None if it is not a match at ``threshold``."""
    if distance is None or distance > threshold:
        return None
    if distance <= min(STRONG_MAX, threshold):
        return "strong"
    if distance <= min(LIKELY_MAX, threshold):
        return "likely"
    return "possible"


def nearest_distance(encoding: np.ndarray, references: np.ndarray) -> float | None:
    """Distance from one encoding to the nearest reference encoding (None if no references)."""
    if references.size == 0:
        return None
    return float(np.linalg.norm(references - encoding, axis=1).min())


def find_faces(
    image: DecodedImage,
    references: np.ndarray,
    *,
    detector: str = "hog",
    threshold: float = DEFAULT_THRESHOLD,
    jitters: int = 1,
    keep_encodings: bool = False,
) -> list[Face]:
    """Detect every face in ``image`` and measure it against ``references`` (N x 128).

    Small faces are searched for only where the photo needs it: small photos are always
    enlarged; large ones are enlarged only when the first pass found no face, or found faces
    near the detector's lower size limit (a hint that smaller ones may be there too), and
    none of them is the user.
    """
    rects = _detect(
        image.rgb, detector, upsample=1 if max(image.rgb.shape[:2]) <= SMALL_PHOTO_SIDE else 0
    )
    faces = _measure(image, rects, references, jitters)
    if _needs_closer_look(image, rects, faces, threshold, detector):
        extra = [r for r in _detect(image.rgb, detector, upsample=1) if not _overlaps_any(r, rects)]
        faces += _measure(image, extra, references, jitters)
    if not keep_encodings:
        faces = [Face(f.box, f.distance) for f in faces]
    return faces


def encode_boxes(
    image: DecodedImage, boxes: Sequence[Box], references: np.ndarray, jitters: int = 1
) -> list[Face]:
    """Re-measure faces at known full-resolution boxes, without running detection again."""
    dlib = models._dlib()
    rects = []
    for top, right, bottom, left in boxes:
        s = image.scale
        rects.append(
            dlib.rectangle(round(left / s), round(top / s), round(right / s), round(bottom / s))
        )
    return _measure(image, rects, references, jitters, keep=True)


def _needs_closer_look(
    image: DecodedImage, rects: list[Any], faces: list[Face], threshold: float, detector: str
) -> bool:
    if detector != "hog" or max(image.rgb.shape[:2]) <= SMALL_PHOTO_SIDE:
        return False
    if any(f.distance is not None and f.distance <= threshold for f in faces):
        return False
    return not rects or min(r.width() for r in rects) < 2 * HOG_WINDOW


def _detect(rgb: np.ndarray, detector: str, upsample: int) -> list[Any]:
    if detector == "cnn":
        return [d.rect for d in models.get("cnn_detector")(rgb, upsample)]
    return list(models.get("hog_detector")(rgb, upsample))


def _measure(
    image: DecodedImage, rects: list[Any], references: np.ndarray, jitters: int, keep: bool = True
) -> list[Face]:
    if not rects:
        return []
    dlib = models._dlib()
    predictor = models.get("landmarks5")
    shapes = dlib.full_object_detections([predictor(image.rgb, r) for r in rects])
    descriptors = models.get("encoder").compute_face_descriptor(image.rgb, shapes, jitters)
    faces = []
    for rect, descriptor in zip(rects, descriptors, strict=True):
        encoding = np.asarray(descriptor, dtype=np.float64)
        faces.append(
            Face(
                _full_box(rect, image),
                nearest_distance(encoding, references),
                encoding if keep else None,
            )
        )
    return faces


def _full_box(rect: Any, image: DecodedImage) -> Box:
    height, width = image.rgb.shape[:2]
    s = image.scale
    top, bottom = max(0, rect.top()), min(height, rect.bottom())
    left, right = max(0, rect.left()), min(width, rect.right())
    full_w, full_h = image.full_size
    return (
        min(full_h, round(top * s)),
        min(full_w, round(right * s)),
        min(full_h, round(bottom * s)),
        min(full_w, round(left * s)),
    )


def _overlaps_any(rect: Any, others: list[Any]) -> bool:
    for other in others:
        inter = rect.intersect(other)
        if inter.is_empty():
            continue
        if inter.area() > 0.3 * min(rect.area(), other.area()):
            return True
    return False
