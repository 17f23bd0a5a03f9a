"""A clean copy of one photo, in memory: pixels only, other people's faces blurred."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

import numpy as np
from PIL import Image

from exposure_audit.clean.blurring import (
    NO_REFERENCES,
    FaceToBlur,
    blur_faces,
    encoded,
    find_everyone,
    user_still_recognised,
)
from exposure_audit.clean.pixels import DEFAULT_QUALITY, Pixels, decode_whole
from exposure_audit.clean.result import CleanNote, CleanResult
from exposure_audit.errors import BadData
from exposure_audit.faces.detection import DEFAULT_THRESHOLD, Box
from exposure_audit.imaging import DEFAULT_MAX_PIXELS
from exposure_audit.vocabulary import BlurMode

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class CleanOptions:
    """Whose faces to blur, and the user's references (N x 128) to recognise their face by."""

    blur: BlurMode = BlurMode.OTHERS
    references: np.ndarray = field(default_factory=lambda: NO_REFERENCES)
    threshold: float = DEFAULT_THRESHOLD
    max_pixels: int = DEFAULT_MAX_PIXELS


@dataclass(frozen=True)
class CleanCopy:
    """The copy's bytes (None when it could not be made) and what making it did."""

    result: CleanResult
    data: bytes | None = None
    preview: Image.Image | None = None  # the copy's pixels, for a before/after view
    original: Image.Image | None = None  # the photo's pixels before, upright
    others: tuple[Box, ...] = ()  # where other people's faces are (to blur them when shown)


def output_format(source_format: str | None) -> str:
    """PNG for a PNG, JPEG for everything else."""
    return "PNG" if source_format == "PNG" else "JPEG"


def clean_photo(data: bytes, source: str, options: CleanOptions) -> CleanCopy:
    """Make the clean copy of one photo; bad or hostile input becomes a result with a problem."""
    try:
        return _clean(data, source, options)
    except BadData as exc:
        return CleanCopy(CleanResult(source, problem=str(exc)))
    except MemoryError:
        return CleanCopy(CleanResult(source, problem="too large to clean in the memory here"))
    except Exception as exc:  # one photo must not end the others; the bug is logged
        log.exception("unexpected error cleaning a photo")
        problem = f"unexpected error ({type(exc).__name__}); see the log"
        return CleanCopy(CleanResult(source, problem=problem))


def _clean(data: bytes, source: str, options: CleanOptions) -> CleanCopy:
    pixels = decode_whole(data, options.max_pixels)
    fmt = output_format(pixels.format)
    quality = (pixels.quality or DEFAULT_QUALITY) if fmt == "JPEG" else None
    save: dict[str, object] = {}
    if fmt == "JPEG":
        save.update(quality=quality, optimize=True)
        if pixels.subsampling is not None:
            save["subsampling"] = pixels.subsampling
    notes = _pixel_notes(pixels)
    image = pixels.image
    if options.blur == BlurMode.NONE:
        out = encoded(image, fmt, **save)
        result = _result(source, pixels, fmt, quality, [*notes, CleanNote.FACES_NOT_LOOKED_FOR])
        return CleanCopy(result, out, image, image)
    found = find_everyone(image, options.references, options.threshold)
    keep_user = options.blur == BlurMode.OTHERS and found.user is not None
    faces = list(found.others) + ([] if keep_user or found.user is None else [found.user])
    to_blur = [FaceToBlur(f.box, f.encoding) for f in faces if f.encoding is not None]
    keep: Box | None = found.user.box if keep_user and found.user is not None else None
    out, blurred = blur_faces(
        image,
        to_blur,
        keep,
        lambda im: encoded(im, fmt, **save),
        threshold=options.threshold,
        max_pixels=options.max_pixels,
    )
    if options.blur == BlurMode.OTHERS:
        notes += _user_notes(options, found.user is not None)
    if keep is not None and not user_still_recognised(
        out, keep, options.references, options.threshold, options.max_pixels
    ):
        notes.append(CleanNote.YOU_NO_LONGER_RECOGNISED)
    result = _result(source, pixels, fmt, quality, notes)
    yours = 1 if found.user is not None and not keep_user else 0
    result = _with_faces(result, len(to_blur) - yours, yours, keep is not None)
    return CleanCopy(result, out, blurred, image, tuple(f.box for f in found.others))


def _user_notes(options: CleanOptions, user_found: bool) -> list[CleanNote]:
    if options.references.size == 0:
        return [CleanNote.NO_SELFIES]
    return [] if user_found else [CleanNote.YOU_NOT_FOUND]


def _pixel_notes(pixels: Pixels) -> list[CleanNote]:
    notes = []
    if pixels.frames > 1:
        notes.append(CleanNote.FIRST_FRAME)
    if pixels.colours_converted:
        notes.append(CleanNote.COLOURS_CONVERTED)
    if pixels.profile_unreadable:
        notes.append(CleanNote.PROFILE_UNREADABLE)
    if pixels.flattened:
        notes.append(CleanNote.TRANSPARENCY_FLATTENED)
    return notes


def _result(
    source: str, pixels: Pixels, fmt: str, quality: int | None, notes: list[CleanNote]
) -> CleanResult:
    return CleanResult(
        source,
        format=pixels.format,
        output_format=fmt,
        size=pixels.image.size,
        quality=quality,
        removed=pixels.removed,
        notes=tuple(notes),
    )


def _with_faces(result: CleanResult, others: int, yours: int, kept: bool) -> CleanResult:
    from dataclasses import replace

    return replace(result, others_blurred=others, yours_blurred=yours, your_face_kept=kept)
