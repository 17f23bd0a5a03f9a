"""Finding faces and measuring how close each is to the user's own.

Boxes are ``(top, right, bottom, left)`` tuples in pixels of the full-resolution photo as
displayed (EXIF orientation applied), as face_recognition orders them. Encodings are
128-float numpy vectors; distance is Euclidean, as dlib's model was trained for.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import islice
from typing import Any

import numpy as np
from PIL import Image

from exposure_audit.faces import model_files, pointers
from exposure_audit.faces.network import encode_face
from exposure_audit.imaging import DecodedImage, LargeImage, downscaled
from exposure_audit.vocabulary import Band

Box = tuple[int, int, int, int]
# A photo's pixels: the analysis image, or the photo decoded larger for a crowd's faces.
Pixels = DecodedImage | LargeImage

# dlib's detectors (HOG and CNN) look for faces of about 80 px: smaller ones need the image enlarged.
DETECTOR_WINDOW = 80
# Photos up to this size are cheap enough to always search enlarged (profile pictures, thumbnails).
SMALL_PHOTO_SIDE = 400
# Faces are searched for on a copy at most this large: finding a face needs fewer pixels than
# encoding it well, which uses the full analysis image.
SEARCH_SIDE = 1024
# Before the first pass on a full-size search copy, the pointer's network glances at the photo
# (pointers.glance, a quarter of the pass's cost): with no face the pass could find it is not
# run, and when every face is at least twice the pass's smallest it runs on a copy half as
# large (a quarter of the work). The network's boxes run up to a third narrower than dlib's:
# a face counts as findable from half the pass's smallest, and as twice it from 2.5 times.
GLANCE_MARGIN = 0.5
HALF_SIZE_FACES = 2.5
# Below what the first pass can find, a pointer (faces/pointers.py) shows places that may hold
# a face; each is searched by dlib in a patch of 2.5 face widths (the face, dlib's window
# around it and room for the pointer's aim: at 2 one of bench/group_photos.py's 355 faces was
# lost, at 3 each patch costs 44 % more), on the photo decoded larger when the face is under
# half the detector's window. A crowd has up to a few dozen faces; past that many looks, the
# rest of a photo is not worth its cost.
PATCH_SIDES = 2.5
LOOK_FACE = 110  # px: the pointer's square is about a face; dlib's window is 80
MAX_LOOKS = 48
# Landmarks and the aligned chip of a face read no further than this many face widths around
# its box: only that region of a large photo is made an array.
FACE_SURROUNDS = 1.5
# A face of a quarter of the photo's shorter side or more makes it a close-up (a portrait, a
# selfie): the people in it are near the camera, and faces far behind them are not searched
# for (a limit the README states).
CLOSE_UP = 0.25

# Confidence bands. 0.6 is the decision threshold dlib's model was trained for
# (99.38% on LFW); the tighter bands mark matches that rarely come from another person.
STRONG_MAX = 0.45
LIKELY_MAX = 0.52
DEFAULT_THRESHOLD = 0.6
BANDS = (Band.STRONG, Band.LIKELY, Band.POSSIBLE)  # the bands of a match


@dataclass(frozen=True)
class Face:
    """One face in a photo: where it is, and how far it is from the user's references."""

    box: Box
    distance: float | None
    encoding: np.ndarray | None = None


def band_for(distance: float | None, threshold: float = DEFAULT_THRESHOLD) -> Band | None:
    """The confidence band of a distance, or None if it is not a match at ``threshold``."""
    if distance is None or distance > threshold:
        return None
    if distance <= min(STRONG_MAX, threshold):
        return Band.STRONG
    if distance <= min(LIKELY_MAX, threshold):
        return Band.LIKELY
    return Band.POSSIBLE


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
    larger: Callable[[], Pixels] | None = None,
    everyone: bool = False,
) -> list[Face]:
    """Detect every face in ``image`` and measure it against ``references`` (N x 128).

    Faces are searched for on a copy of at most ``SEARCH_SIDE`` pixels (enlarged twice when the
    photo is at most ``SMALL_PHOTO_SIDE``) and encoded on the full analysis image. While the
    user is not found, smaller faces are searched for only where the pointer shows, down to
    1/80 of a large photo's side: in patches, on the photo decoded by ``larger`` for faces too
    small for the analysis image (a crowd's faces need every pixel the photo has). Close-ups
    are not searched for small faces unless ``everyone`` is asked for (to blur every face).
    """
    with model_files.engine_lock:
        return _find_faces(
            image, references, detector, threshold, jitters, keep_encodings, larger, everyone
        )


def _find_faces(
    image: DecodedImage,
    references: np.ndarray,
    detector: str,
    threshold: float,
    jitters: int,
    keep_encodings: bool,
    larger: Callable[[], Pixels] | None,
    everyone: bool,
) -> list[Face]:
    passes = _Passes(image, references, detector, jitters)
    upsample = 1 if max(image.height, image.width) <= SMALL_PHOTO_SIDE else 0
    shrink = _first_pass_shrink(image.rgb) if detector == "hog" and not upsample else 1
    if shrink:
        search, factor = downscaled(image.rgb, SEARCH_SIDE // shrink)
        passes.run(search, factor, upsample)
        # The first pass found every face from its smallest size up (in analysis pixels).
        smallest = DETECTOR_WINDOW * factor / 2**upsample
    else:  # nothing it could find: every face is left to the pointer
        smallest = max(image.height, image.width)
    if not passes.user_found(threshold) and (everyone or not passes.holds_a_close_up()):
        # The pointer looks a little past the first pass's smallest faces, so a face at the
        # edge of both is not lost between.
        passes.look_where_pointed(round(1.25 * smallest), larger)
    if keep_encodings:
        return passes.faces
    return [Face(f.box, f.distance) for f in passes.faces]


class _Passes:
    """The faces found so far over successive detection passes of one photo."""

    def __init__(self, image: DecodedImage, references: np.ndarray, detector: str, jitters: int):
        self.analysis = image  # what the pointer searches
        self.image: Pixels = image  # what faces are found and measured on
        self.references = references
        self.detector = detector
        self.jitters = jitters
        self.rects: list[Any] = []
        self.faces: list[Face] = []

    def run(self, pixels: np.ndarray, scale: float, upsample: int) -> None:
        """Detect on ``pixels`` (``scale`` times smaller than the analysis image); new faces
        are measured."""
        found = _detect(np.ascontiguousarray(pixels), self.detector, upsample)
        self._add(_scaled(found, scale))

    def look_where_pointed(self, largest: int, larger: Callable[[], Pixels] | None) -> None:
        """Search patches where the pointer shows faces up to ``largest`` analysis pixels,
        until the user is found beyond doubt or ``MAX_LOOKS`` patches were searched."""
        looks = 0
        scale = self.analysis.scale
        for batch in pointers.spot_batches(self.analysis.rgb, largest):
            # In full-resolution pixels: the photo may be decoded larger on the way.
            spots = ((x * scale, y * scale, side * scale) for x, y, side in batch)
            for left, top, side in islice(spots, MAX_LOOKS - looks):
                if side / self.image.scale < DETECTOR_WINDOW / 2 and larger is not None:
                    self.move_to(larger())
                    larger = None
                s = self.image.scale
                looks += self._look_at(left / s, top / s, side / s)
                if self.user_found(STRONG_MAX):
                    return

    def _look_at(self, left: float, top: float, side: float) -> bool:
        """Detect in a patch of ``PATCH_SIDES`` face widths around the face-sized square at
        (``left``, ``top``), resized so that its face is ``LOOK_FACE`` px: the detector's
        first pyramid levels see it, and no time goes to the levels below. Whether it looked:
        not where a face was found already."""
        if _overlaps_any(_rect(round(left), round(top), round(side)), self.rects):
            return False
        reach = PATCH_SIDES * side / 2
        cx, cy = left + side / 2, top + side / 2
        x0, y0 = max(0, round(cx - reach)), max(0, round(cy - reach))
        patch = self.image.region(x0, y0, round(cx + reach), round(cy + reach))
        zoom = LOOK_FACE / side
        height, width = patch.shape[:2]
        size = (max(1, round(width * zoom)), max(1, round(height * zoom)))
        resized = np.asarray(Image.fromarray(patch).resize(size, Image.Resampling.BILINEAR))
        found = _detect(resized, self.detector, 0)
        self._add([_shifted(r, x0, y0) for r in _scaled(found, width / size[0])])
        return True

    def _add(self, placed: list[Any]) -> None:
        new = [r for r in placed if not _overlaps_any(r, self.rects)]
        self.rects += new
        if self.user_found(STRONG_MAX):
            self.faces += [Face(_full_box(r, self.image), None) for r in new]
        else:
            self.faces += _measure(
                self.image, new, self.references, self.jitters, stop_at=STRONG_MAX
            )

    def holds_a_close_up(self) -> bool:
        """Whether a face found is ``CLOSE_UP`` of the photo's shorter side or more."""
        shorter = min(self.image.height, self.image.width)
        return any(r.width() >= CLOSE_UP * shorter for r in self.rects)

    def user_found(self, threshold: float) -> bool:
        return any(f.distance is not None and f.distance <= threshold for f in self.faces)

    def move_to(self, image: Pixels) -> None:
        """Go on with the same photo decoded at another size."""
        ratio = self.image.scale / image.scale
        self.rects = _scaled(self.rects, ratio)
        self.image = image


def find_faces_in_frame(
    image: DecodedImage,
    references: np.ndarray,
    *,
    detector: str = "hog",
    max_faces: int = 12,
) -> list[Face]:
    """One detection pass over a video frame, its largest ``max_faces`` faces measured.

    No closer looks as for photos (``find_faces``): a video has many frames, and the next
    sample is a second away. Once the user is found beyond doubt, the rest go unmeasured.
    """
    with model_files.engine_lock:
        found = _detect(np.ascontiguousarray(image.rgb), detector, 0)
        largest = sorted(found, key=lambda r: r.area(), reverse=True)[:max_faces]
        return _measure(image, largest, references, 1, keep=False, stop_at=STRONG_MAX)


def found_larger(image: Pixels, boxes: Sequence[Box]) -> bool:
    """Whether some of ``boxes`` are faces too small for ``image``: the crowd's faces that were
    found, and must be re-measured, on the photo decoded larger."""
    smallest = min((right - left for _, right, _, left in boxes), default=None)
    return smallest is not None and smallest / image.scale < DETECTOR_WINDOW / 2


def encode_boxes(
    image: Pixels, boxes: Sequence[Box], references: np.ndarray, jitters: int = 1
) -> list[Face]:
    """Re-measure faces at known full-resolution boxes, without running detection again."""
    dlib = model_files._dlib()
    rects = []
    for top, right, bottom, left in boxes:
        s = image.scale
        rects.append(
            dlib.rectangle(round(left / s), round(top / s), round(right / s), round(bottom / s))
        )
    with model_files.engine_lock:
        return _measure(image, rects, references, jitters, keep=True)


def _first_pass_shrink(rgb: np.ndarray) -> int:
    """How much smaller than ``SEARCH_SIDE`` the first pass may run, after the pointer's
    glance at the photo: 1, 2, or 0 for no first pass (the glance saw no face it could find).

    Only for photos larger than the search copy, whose first pass costs about four glances."""
    factor = max(rgb.shape[:2]) / SEARCH_SIDE  # analysis pixels to the search copy's
    if factor <= 1.0:
        return 1
    widths = pointers.glance(rgb)
    if widths is None:  # no network: the first pass as ever
        return 1
    findable = [w / factor for w in widths if w / factor >= GLANCE_MARGIN * DETECTOR_WINDOW]
    if not findable:
        return 0
    return 2 if min(findable) >= HALF_SIZE_FACES * DETECTOR_WINDOW else 1


def _scaled(rects: list[Any], factor: float) -> list[Any]:
    """Rectangles from a searched copy placed on the analysis image."""
    if factor == 1.0:
        return rects
    dlib = model_files._dlib()
    return [
        dlib.rectangle(
            round(r.left() * factor),
            round(r.top() * factor),
            round(r.right() * factor),
            round(r.bottom() * factor),
        )
        for r in rects
    ]


def _rect(left: int, top: int, side: int) -> Any:
    return model_files._dlib().rectangle(left, top, left + side, top + side)


def _shifted(rect: Any, left: int, top: int) -> Any:
    dlib = model_files._dlib()
    return dlib.rectangle(
        rect.left() + left, rect.top() + top, rect.right() + left, rect.bottom() + top
    )


def _detect(rgb: np.ndarray, detector: str, upsample: int) -> list[Any]:
    """The faces the detector finds in ``rgb``, enlarged ``upsample`` times."""
    if detector == "cnn":
        return [d.rect for d in model_files.get("cnn_detector")(rgb, upsample)]
    # HOG on grey levels: a third of the gradients of three channels, the same faces found.
    grey = np.asarray(Image.fromarray(rgb).convert("L"))
    return list(model_files.get("hog_detector")(grey, upsample))


def _measure(
    image: Pixels,
    rects: list[Any],
    references: np.ndarray,
    jitters: int,
    keep: bool = True,
    stop_at: float | None = None,
) -> list[Face]:
    """Encode faces, largest first, and measure them against the references.

    Once one is nearer than ``stop_at`` (the user, beyond reasonable doubt), the others are
    not measured: a person is in a photo once, and the less is computed about other
    people's faces the better. They keep their boxes, with no distance.
    """
    predictor = model_files.get("landmarks5")
    faces = []
    found_user = False
    for rect in sorted(rects, key=lambda r: r.area(), reverse=True):
        if found_user:
            faces.append(Face(_full_box(rect, image), None))
            continue
        # Landmarks and the aligned chip need the face and some of what is around it.
        reach = round(FACE_SURROUNDS * max(rect.width(), rect.height()))
        x0, y0 = max(0, rect.left() - reach), max(0, rect.top() - reach)
        around = image.region(x0, y0, rect.right() + reach, rect.bottom() + reach)
        shape = predictor(around, _shifted(rect, -x0, -y0))
        encoding = encode_face(around, shape, jitters)
        distance = nearest_distance(encoding, references)
        faces.append(Face(_full_box(rect, image), distance, encoding if keep else None))
        found_user = stop_at is not None and distance is not None and distance <= stop_at
    return faces


def _full_box(rect: Any, image: Pixels) -> Box:
    height, width = image.height, image.width
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
