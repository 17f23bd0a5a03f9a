"""A photo's pixels, and nothing else: decoded whole within the tool's limits, upright, in sRGB."""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass

import numpy as np
from PIL import Image, ImageCms, JpegImagePlugin

from exposure_audit.clean.metadata import Removed, read_removed
from exposure_audit.errors import BadData
from exposure_audit.i18n import _
from exposure_audit.imaging import (
    DECODER_ERRORS,
    DEFAULT_MAX_PIXELS,
    brief,
    open_image,
    orientation_of,
    sniff_format,
    upright,
)

# Quality for a JPEG copy of a photo whose own quality cannot be read (HEIC, WebP, TIFF, ...).
DEFAULT_QUALITY = 92
# The IJG base tables (ITU T.81 Annex K) in natural order; encoders scale them by quality.
_LUMA = (
    16, 11, 10, 16, 24, 40, 51, 61, 12, 12, 14, 19, 26, 58, 60, 55,
    14, 13, 16, 24, 40, 57, 69, 56, 14, 17, 22, 29, 51, 87, 80, 62,
    18, 22, 37, 56, 68, 109, 103, 77, 24, 35, 55, 64, 81, 104, 113, 92,
    49, 64, 78, 87, 103, 121, 120, 101, 72, 92, 95, 98, 112, 100, 103, 99,
)  # fmt: skip
_CHROMA = (
    17, 18, 24, 47, 99, 99, 99, 99, 18, 21, 26, 66, 99, 99, 99, 99,
    24, 26, 56, 99, 99, 99, 99, 99, 47, 66, 99, 99, 99, 99, 99, 99,
    *([99] * 32),
)  # fmt: skip


@dataclass
class Pixels:
    """The photo as it will be written: upright pixels in sRGB, and what its file carried."""

    image: Image.Image  # mode RGB, or RGBA for a PNG with transparency
    format: str
    removed: Removed
    quality: int | None = None  # of a JPEG source, estimated from its quantisation tables
    subsampling: int | None = None
    frames: int = 1
    colours_converted: bool = False
    profile_unreadable: bool = False
    flattened: bool = False  # transparency composited on white (a JPEG copy has none)


def decode_whole(data: bytes, max_pixels: int = DEFAULT_MAX_PIXELS) -> Pixels:
    """Decode every pixel of the photo's first frame, upright, converted to sRGB.

    Raises:
        BadData: not an image, over ``max_pixels``, truncated or corrupt.
    """
    fmt = sniff_format(data[:32])
    if fmt is None:
        raise BadData(_("not a photo this tool can read"))
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", UserWarning)  # Pillow's words on corrupt EXIF
            return _decode(data, fmt, max_pixels)
    except BadData:
        raise
    except DECODER_ERRORS as exc:
        raise BadData(
            _("corrupt or truncated {fmt} image ({reason})").format(fmt=fmt, reason=brief(exc))
        ) from exc
    except MemoryError as exc:
        raise BadData(_("{fmt} image too large to decode").format(fmt=fmt)) from exc


def _decode(data: bytes, fmt: str, max_pixels: int) -> Pixels:
    image = open_image(data, max_pixels)
    removed = read_removed(image)
    frames = _frames(image)
    orientation = orientation_of(image)
    quality, subsampling = _jpeg_settings(image)
    image.seek(0)
    image.load()
    out = Pixels(image, fmt, removed, quality, subsampling, frames)
    converted = _to_srgb(image, out)
    out.image = upright(_plain_mode(converted, keep_alpha=fmt == "PNG", pixels=out), orientation)
    return out


def _frames(image: Image.Image) -> int:
    try:
        return max(1, int(getattr(image, "n_frames", 1)))
    except Exception:  # noqa: BLE001 - a broken frame index: the first frame is what is read
        return 1


def _jpeg_settings(image: Image.Image) -> tuple[int | None, int | None]:
    if not isinstance(image, JpegImagePlugin.JpegImageFile):
        return None, None
    tables = getattr(image, "quantization", None) or {}
    sampling = JpegImagePlugin.get_sampling(image)
    return estimate_quality(tables), (sampling if sampling in (0, 1, 2) else None)


def estimate_quality(tables: dict[int, list[int]]) -> int | None:
    """The IJG quality (1-100) whose scaled tables are nearest to a JPEG's quantisation tables.

    Cameras and phones use tables of their own; the nearest standard quality re-encodes the
    copy at about the same fidelity and size. None when the tables are not 8-bit 8x8 ones.
    """
    luma, chroma = tables.get(0), tables.get(1)
    if luma is None or len(luma) != 64 or max(luma) > 255:
        return None
    pairs: list[tuple[list[int], tuple[int, ...]]] = [(list(luma), _LUMA)]
    if chroma is not None and len(chroma) == 64 and max(chroma) <= 255:
        pairs.append((list(chroma), _CHROMA))

    def error(quality: int) -> int:
        scale = 5000 // quality if quality < 50 else 200 - 2 * quality
        return sum(
            abs(value - min(255, max(1, (base * scale + 50) // 100)))
            for found, bases in pairs
            for value, base in zip(found, bases, strict=True)
        )

    return min(range(1, 101), key=lambda q: (error(q), -q))


def _to_srgb(image: Image.Image, out: Pixels) -> Image.Image:
    """Pixels converted from the photo's own colour profile to sRGB; the profile is dropped.

    A copy without a profile is shown as sRGB everywhere; converting keeps its colours, and no
    profile (with its description, copyright and device text) travels with the copy.
    """
    profile = image.info.get("icc_profile")
    if not profile:
        return image
    mode = image.mode
    if mode not in ("RGB", "RGBA", "CMYK", "L"):
        return image
    target = "RGBA" if mode == "RGBA" else "RGB"
    try:
        source = ImageCms.ImageCmsProfile(io.BytesIO(profile))
        converted = ImageCms.profileToProfile(
            image, source, ImageCms.createProfile("sRGB"), outputMode=target
        )
    except (ImageCms.PyCMSError, OSError, ValueError, TypeError):
        out.profile_unreadable = True  # the colours are kept as stored
        return image
    if converted is None:  # pragma: no cover - only when converting in place
        return image
    out.colours_converted = True
    return converted


def _plain_mode(image: Image.Image, *, keep_alpha: bool, pixels: Pixels) -> Image.Image:
    """8-bit RGB (RGBA where a PNG copy keeps transparency); 16-bit depth scaled, not clipped."""
    if image.mode in ("I;16", "I;16B", "I;16L", "I", "F"):
        array = np.asarray(image, dtype=np.float64)
        peak = 65535.0 if image.mode != "I" or array.max(initial=0) > 255 else 255.0
        grey = np.clip(array * 255.0 / peak, 0, 255).astype(np.uint8)
        return Image.fromarray(grey, "L").convert("RGB")
    has_alpha = image.mode in ("RGBA", "LA", "PA", "RGBa", "La") or (
        image.mode == "P" and "transparency" in image.info
    )
    if not has_alpha:
        return image.convert("RGB") if image.mode != "RGB" else image
    rgba = image.convert("RGBA")
    if keep_alpha:
        return rgba
    alpha = np.asarray(rgba.getchannel("A"))
    if alpha.min(initial=255) < 255:
        pixels.flattened = True
    background = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
    return Image.alpha_composite(background, rgba).convert("RGB")
