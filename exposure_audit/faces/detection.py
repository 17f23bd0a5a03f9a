"""Finding faces and measuring how close each is to the user's own.

Boxes are ``(top, right, bottom, left)`` tuples in pixels of the full-resolution photo as
displayed (EXIF orientation applied), as face_recognition orders them. Encodings are
128-float numpy vectors; distance is Euclidean, as dlib's model was trained for.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from PIL import Image

from exposure_audit.faces import model_files
from exposure_audit.faces.network import encode_face
from exposure_audit.imaging import DecodedImage
from exposure_audit.vocabulary import Band

Box = tuple[int, int, int, int]

# dlib's detectors (HOG and CNN) look for faces of about 80 px: smaller ones need the image enlarged.
DETECTOR_WINDOW = 80
# Photos up to this size are cheap enough to always search enlarged (profile pictures, thumbnails).
SMALL_PHOTO_SIDE = 400
# Faces are searched for on a copy at most this large: finding a face needs fewer pixels than
# encoding it well, which uses the full analysis image.
SEARCH_SIDE = 1024
# HOG windows that scored up to this far below the detector's own threshold are near-misses.
# At the detector's two smallest sizes they may be faces too small for it to be sure of (a
# crowd, the back rows of a group), but texture (grass, gravel, print) makes them too, so the
# best few are first looked at closely, each in a patch of a few face widths.
NEAR_MISS_SCORE = -1.3
NEAR_MISS_SIZES = 1.25  # times the smallest face a pass can find: its two smallest pyramid levels
NEAR_MISS_PROBES = 3
PROBE_SIDE = 2  # a probe's patch, in widths of its near-miss
# Faces down to 1/80 of a large photo's side are below every pass above. Where to look for
# them is told by skin: a face is a patch of skin colour ringed by what is not (hair, clothes,
# background), which foliage, gravel and print are not, and a wall of skin-coloured wood is
# not either (its ring is skin too). The best few such places are searched in small patches.
SKIN_FACE_SIDE = 60  # the face size the skin map is measured for, in 1/x of the longer side
SKIN_CONTRAST = 0.25  # skin inside minus skin in the ring around
SKIN_PROBES = 24
SKIN_PATCH = 4  # a skin probe's patch, in face sides

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
    larger: Callable[[], DecodedImage] | None = None,
) -> list[Face]:
    """Detect every face in ``image`` and measure it against ``references`` (N x 128).

    Faces are searched for on a copy of at most ``SEARCH_SIDE`` pixels and encoded on the
    full analysis image. Smaller faces are searched for only where the photo needs it, and
    only while the user has not been found: (1) the search copy; (2) the search copy
    enlarged twice, when pass 1 found no face, or only in the rows of the faces it found when
    they were near the detector's lower size limit (a hint that smaller ones are there too:
    people photographed together stand in rows); (3) when pass 2 found faces near its limit,
    the rows of the analysis image holding them, enlarged twice; or, when pass 2 came close
    to faces at its smallest sizes and a close look at a few of those places finds a face (a
    crowd: its faces fill more rows than the near-misses show), the whole photo enlarged
    twice, decoded by ``larger`` when given (a crowd's faces need every pixel the photo has),
    else the analysis image. Photos up to ``SMALL_PHOTO_SIDE`` start at pass 2.
    """
    with model_files.engine_lock:
        return _find_faces(image, references, detector, threshold, jitters, keep_encodings, larger)


def _find_faces(
    image: DecodedImage,
    references: np.ndarray,
    detector: str,
    threshold: float,
    jitters: int,
    keep_encodings: bool,
    larger: Callable[[], DecodedImage] | None,
) -> list[Face]:
    search, factor = _search_copy(image.rgb)
    passes = _Passes(image, references, detector, jitters)
    first_upsample = 1 if max(search.shape[:2]) <= SMALL_PHOTO_SIDE else 0
    found = passes.run(search, factor, first_upsample)
    if first_upsample == 0 and passes.wants_more(
        found, threshold, DETECTOR_WINDOW * factor, first=True
    ):
        found = passes.run_rows(search, factor, found) if found else passes.run(search, factor, 1)
    limit = DETECTOR_WINDOW / 2 * factor
    if factor > 1.0 and passes.wants_more(found, threshold, limit, first=False):
        passes.run_rows(image.rgb, 1.0, found)
    elif factor > 1.0 and passes.holds_faces_too_small_to_confirm(threshold, limit):
        if larger is not None:
            passes.move_to(larger())
        passes.run(passes.image.rgb, 1.0, 1)
    elif factor > 1.0 and not passes.user_found(threshold):
        passes.probe_skin(search, factor, larger)
    if keep_encodings:
        return passes.faces
    return [Face(f.box, f.distance) for f in passes.faces]


class _Passes:
    """The faces found so far over successive detection passes of one photo."""

    def __init__(self, image: DecodedImage, references: np.ndarray, detector: str, jitters: int):
        self.image = image
        self.references = references
        self.detector = detector
        self.jitters = jitters
        self.rects: list[Any] = []
        self.faces: list[Face] = []
        # The last pass's near-misses, best first, placed on the analysis image.
        self.near_misses: list[Any] = []

    def run(self, pixels: np.ndarray, scale: float, upsample: int, offset: int = 0) -> list[Any]:
        """Detect on ``pixels``; new faces are measured. Returns what this pass found,
        placed on the analysis image."""
        found, near = _detect(np.ascontiguousarray(pixels), self.detector, upsample)
        placed = _scaled(found, scale, offset)
        self.near_misses = _scaled(near, scale, offset)
        new = [r for r in placed if not _overlaps_any(r, self.rects)]
        self.rects += new
        user_found = any(f.distance is not None and f.distance <= STRONG_MAX for f in self.faces)
        if user_found:
            self.faces += [Face(_full_box(r, self.image), None) for r in new]
        else:
            self.faces += _measure(
                self.image, new, self.references, self.jitters, stop_at=STRONG_MAX
            )
        return placed

    def run_rows(self, pixels: np.ndarray, scale: float, around: list[Any]) -> list[Any]:
        """Detect, enlarged twice, in the rows of ``pixels`` holding the faces ``around``."""
        top, bottom = _band(around, round(pixels.shape[0] * scale))
        first, last = int(top / scale), math.ceil(bottom / scale)
        return self.run(pixels[first:last], scale, 1, offset=round(first * scale))

    def wants_more(self, found: list[Any], threshold: float, limit: float, first: bool) -> bool:
        """Whether a pass that found ``found`` calls for a closer look.

        ``limit`` is the smallest face the pass could find, in analysis-image pixels.
        """
        if any(f.distance is not None and f.distance <= threshold for f in self.faces):
            return False
        if not found:
            return first  # nothing at this scale: look once more, enlarged, then stop
        return min(r.width() for r in found) < 2 * limit

    def holds_faces_too_small_to_confirm(self, threshold: float, limit: float) -> bool:
        """Whether, the user not yet found, a close look at the last pass's best near-misses
        at its smallest sizes (``limit``, in analysis-image pixels) finds a face."""
        if any(f.distance is not None and f.distance <= threshold for f in self.faces):
            return False
        small = [r for r in self.near_misses if r.width() < NEAR_MISS_SIZES * limit]
        return any(self._face_near(r) for r in small[:NEAR_MISS_PROBES])

    def _face_near(self, rect: Any) -> bool:
        """Whether a patch of the analysis image around ``rect``, enlarged four times (the
        faces it hints at are up to half its size), holds a face."""
        reach = PROBE_SIDE * max(rect.width(), rect.height()) // 2
        x, y = rect.center().x, rect.center().y
        patch = self.image.rgb[max(0, y - reach) : y + reach, max(0, x - reach) : x + reach]
        found, _ = _detect(np.ascontiguousarray(patch), self.detector, 2)
        return bool(found)

    def user_found(self, threshold: float) -> bool:
        return any(f.distance is not None and f.distance <= threshold for f in self.faces)

    def probe_skin(
        self, search: np.ndarray, factor: float, larger: Callable[[], DecodedImage] | None
    ) -> None:
        """Search small patches at the places skin points to, enlarged four times; faces found
        there are searched for again, and measured, on the photo decoded larger."""
        hits: list[Any] = []
        for x, y, side in skin_spots(search):
            reach = round(SKIN_PATCH * side * factor / 2)
            cx, cy = round(x * factor), round(y * factor)
            top, left = max(0, cy - reach), max(0, cx - reach)
            patch = self.image.rgb[top : cy + reach, left : cx + reach]
            found, _ = _detect(np.ascontiguousarray(patch), self.detector, 2)
            placed = [_shifted(r, left, top) for r in found]
            hits += [r for r in placed if not _overlaps_any(r, self.rects + hits)]
        if not hits:
            return
        if larger is not None:
            image = larger()
            ratio = self.image.scale / image.scale
            self.move_to(image)
            hits = _scaled(hits, ratio)
        for rect in hits:
            reach = max(rect.width(), rect.height()) * 3 // 2
            cx, cy = rect.center().x, rect.center().y
            top, left = max(0, cy - reach), max(0, cx - reach)
            patch = self.image.rgb[top : cy + reach, left : cx + reach]
            upsample = 1 if rect.width() < DETECTOR_WINDOW * 1.2 else 0
            found, _ = _detect(np.ascontiguousarray(patch), self.detector, upsample)
            new = [_shifted(r, left, top) for r in found]
            new = [r for r in new if not _overlaps_any(r, self.rects)]
            self.rects += new
            self.faces += _measure(
                self.image, new, self.references, self.jitters, stop_at=STRONG_MAX
            )
            if self.user_found(STRONG_MAX):
                return

    def move_to(self, image: DecodedImage) -> None:
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
        found, _ = _detect(np.ascontiguousarray(image.rgb), detector, 0)
        largest = sorted(found, key=lambda r: r.area(), reverse=True)[:max_faces]
        return _measure(image, largest, references, 1, keep=False, stop_at=STRONG_MAX)


def found_larger(image: DecodedImage, boxes: Sequence[Box]) -> bool:
    """Whether some of ``boxes`` are faces too small for ``image``: the crowd's faces that were
    found, and must be re-measured, on the photo decoded larger."""
    smallest = min((right - left for _, right, _, left in boxes), default=None)
    return smallest is not None and smallest / image.scale < DETECTOR_WINDOW / 2


def encode_boxes(
    image: DecodedImage, boxes: Sequence[Box], references: np.ndarray, jitters: int = 1
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


def _search_copy(rgb: np.ndarray) -> tuple[np.ndarray, float]:
    """The image at most ``SEARCH_SIDE`` px, and the factor back to ``rgb``'s pixels."""
    height, width = rgb.shape[:2]
    if max(height, width) <= SEARCH_SIDE:
        return rgb, 1.0
    factor = max(height, width) / SEARCH_SIDE
    size = (max(1, round(width / factor)), max(1, round(height / factor)))
    small = np.asarray(Image.fromarray(rgb).resize(size, Image.Resampling.BOX))
    return small, width / size[0]


def _scaled(rects: list[Any], factor: float, offset: int = 0) -> list[Any]:
    """Rectangles from a searched copy placed on the analysis image."""
    if factor == 1.0 and offset == 0:
        return rects
    dlib = model_files._dlib()
    return [
        dlib.rectangle(
            round(r.left() * factor),
            round(r.top() * factor) + offset,
            round(r.right() * factor),
            round(r.bottom() * factor) + offset,
        )
        for r in rects
    ]


def skin_spots(rgb: np.ndarray) -> list[tuple[int, int, int]]:
    """Places that may hold a face about 1/``SKIN_FACE_SIDE`` of the image's side, best first:
    ``(x, y, side)`` in ``rgb``'s pixels, where skin fills a face-sized square and not the
    ring three times as wide around it."""
    side = max(4, round(max(rgb.shape[:2]) / SKIN_FACE_SIDE))
    ycbcr = np.asarray(Image.fromarray(rgb).convert("YCbCr"), dtype=np.int16)
    luma, cb, cr = ycbcr[..., 0], ycbcr[..., 1], ycbcr[..., 2]
    skin = (luma > 40) & (cb >= 77) & (cb <= 127) & (cr >= 133) & (cr <= 173)
    inner = _box_mean(skin, side)
    outer = _box_mean(skin, 3 * side)
    ring = (outer * 9 - inner) / 8
    contrast = inner - ring
    spots: list[tuple[int, int, int]] = []
    # Only places past the contrast bar are ranked: sorting the whole map cost more than the rest.
    candidates = np.flatnonzero(contrast >= SKIN_CONTRAST)
    order = candidates[np.argsort(-contrast.flat[candidates], kind="stable")]
    for flat in order[: 50 * SKIN_PROBES * side]:
        if len(spots) == SKIN_PROBES:
            break
        y, x = divmod(int(flat), contrast.shape[1])
        if all(abs(x - sx) > side or abs(y - sy) > side for sx, sy, _ in spots):
            spots.append((x, y, side))
    return spots


def _box_mean(mask: np.ndarray, side: int) -> np.ndarray:
    """The mean of ``mask`` over the ``side`` square centred on each pixel (clipped at edges)."""
    total = np.pad(mask.astype(np.float32), ((1, 0), (1, 0))).cumsum(0).cumsum(1)
    height, width = mask.shape
    half = side // 2
    ys = np.arange(height)
    xs = np.arange(width)
    y0, y1 = np.clip(ys - half, 0, height), np.clip(ys + half + 1, 0, height)
    x0, x1 = np.clip(xs - half, 0, width), np.clip(xs + half + 1, 0, width)
    sums = total[y1][:, x1] - total[y0][:, x1] - total[y1][:, x0] + total[y0][:, x0]
    area = (y1 - y0)[:, None] * (x1 - x0)[None, :]
    return sums / area


def _shifted(rect: Any, left: int, top: int) -> Any:
    dlib = model_files._dlib()
    return dlib.rectangle(
        rect.left() + left, rect.top() + top, rect.right() + left, rect.bottom() + top
    )


def _band(found: list[Any], height: int) -> tuple[int, int]:
    """The rows holding the faces found, one face height above and below (analysis pixels).

    People photographed together stand or sit in rows: their faces share the rows.
    """
    reach = max(r.height() for r in found)
    top = max(0, min(r.top() for r in found) - reach)
    bottom = min(height, max(r.bottom() for r in found) + reach)
    return top, bottom


def _detect(rgb: np.ndarray, detector: str, upsample: int) -> tuple[list[Any], list[Any]]:
    """Faces found, and (HOG only) near-misses, best first: windows scoring just under the
    detector's threshold."""
    if detector == "cnn":
        return [d.rect for d in model_files.get("cnn_detector")(rgb, upsample)], []
    # HOG on grey levels: a third of the gradients of three channels, the same faces found.
    grey = np.asarray(Image.fromarray(rgb).convert("L"))
    rects, scores, _ = model_files.get("hog_detector").run(grey, upsample, NEAR_MISS_SCORE)
    found = [r for r, score in zip(rects, scores, strict=True) if score >= 0]
    near = sorted((p for p in zip(scores, rects, strict=True) if p[0] < 0), key=lambda p: -p[0])
    return found, [rect for _, rect in near]


def _measure(
    image: DecodedImage,
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
        shape = predictor(image.rgb, rect)
        encoding = encode_face(image.rgb, shape, jitters)
        distance = nearest_distance(encoding, references)
        faces.append(Face(_full_box(rect, image), distance, encoding if keep else None))
        found_user = stop_at is not None and distance is not None and distance <= stop_at
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
