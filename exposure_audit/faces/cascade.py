"""Where faces too small for dlib's detector may be: OpenCV's Haar cascade as a pointer.

dlib's HOG detector needs a face of about 80 px; one of 1/80 of a phone photo (50 px at 4032)
would need the whole photo searched at 1.6 times its own size. The cascade's window is 20 px
and it rejects most places after a few sums of an integral image, so it is run once over the
analysis image. It decides nothing: each place it points to is searched again by dlib's
detector in a patch enlarged as that face needs, and only what dlib finds there is measured.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np
from PIL import Image

from exposure_audit.errors import EnvironmentProblem
from exposure_audit.i18n import _

# The frontal cascade trained on 20 px faces ("alt2"): the smallest window OpenCV ships.
CASCADE_FILE = "haarcascade_frontalface_alt2.xml"
CASCADE_WINDOW = 20
# Window sizes 25 % apart (the cascade takes a face a tenth off its size) and two overlapping
# hits to count as a place. On bench/group_photos.py's photos this points to every user's face
# and 94 % of all faces at 58 % of the work of sizes 15 % apart; its extra places (under one a
# photo) each cost one small patch.
SCALE_STEP = 1.25
NEIGHBOURS = 1

Spot = tuple[int, int, int]  # (left, top, side) in the searched image's pixels


def face_spots(rgb: np.ndarray, largest: int) -> list[Spot]:
    """Places in ``rgb`` (H x W x 3 uint8) that may hold a face from ``CASCADE_WINDOW`` to
    ``largest`` px wide: every batch of ``spot_batches`` in one list."""
    return [spot for batch in spot_batches(rgb, largest) for spot in batch]


def spot_batches(rgb: np.ndarray, largest: int) -> Iterator[list[Spot]]:
    """Places in ``rgb`` (H x W x 3 uint8) that may hold a face from ``CASCADE_WINDOW`` to
    ``largest`` px wide, in two batches, each most face-like first: faces of twice the window
    and more, looked for on a copy half as large (a quarter of the work), then the smallest.
    A caller that finds what it looks for in the first batch is spared the larger search."""
    if largest < CASCADE_WINDOW or min(rgb.shape[:2]) < CASCADE_WINDOW:
        return
    image = Image.fromarray(rgb)
    split = 2 * CASCADE_WINDOW
    if largest >= split:
        half = np.asarray(image.reduce(2).convert("L"))
        yield [(2 * x, 2 * y, 2 * side) for x, y, side in _run(half, largest // 2)]
    yield _run(np.asarray(image.convert("L")), min(largest, split))


def _run(grey: np.ndarray, largest: int) -> list[Spot]:
    """The cascade's places in ``grey``, most face-like first."""
    if min(grey.shape[:2]) < CASCADE_WINDOW:
        return []
    rects, _levels, weights = _cascade().detectMultiScale3(
        np.ascontiguousarray(grey),
        scaleFactor=SCALE_STEP,
        minNeighbors=NEIGHBOURS,
        minSize=(CASCADE_WINDOW, CASCADE_WINDOW),
        maxSize=(largest, largest),
        outputRejectLevels=True,
    )
    ranked = sorted(
        zip(np.ravel(weights).tolist(), np.asarray(rects).reshape(-1, 4).tolist(), strict=True),
        key=lambda pair: -pair[0],
    )
    return [(int(x), int(y), int(side)) for _, (x, y, side, _h) in ranked]


@cache
def _cascade() -> Any:
    try:
        import cv2
    except ImportError as exc:  # pragma: no cover - depends on the installation
        raise EnvironmentProblem(
            _("OpenCV (opencv-python-headless) is not installed. Reinstall Exposure Audit.")
        ) from exc
    cv2.setNumThreads(1)  # a scan's worker processes are its parallelism
    path = Path(cv2.data.haarcascades) / CASCADE_FILE  # type: ignore[attr-defined]
    classifier = cv2.CascadeClassifier(str(path))
    if classifier.empty():
        raise EnvironmentProblem(
            _("The face model file {path} is missing or damaged. Reinstall Exposure Audit.").format(
                path=path
            )
        )
    return classifier
