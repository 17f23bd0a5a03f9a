"""Reading photos: format by content, EXIF orientation, reduced-size decoding, bomb limits."""

from __future__ import annotations

import io
import math
import re
import struct
import warnings
from dataclasses import dataclass

import numpy as np
from PIL import Image, ImageFile

from exposure_audit.errors import BadData
from exposure_audit.i18n import _
from exposure_audit.i18n.formats import format_number

try:  # HEIC/HEIF (and AVIF where Pillow lacks it)
    from pillow_heif import register_heif_opener

    register_heif_opener()
except ImportError:  # pragma: no cover - optional at run time
    pass

# What Pillow's and pillow-heif's decoders raise on hostile bytes: never a bug of ours.
_DECODER_ERRORS = (
    OSError,
    ValueError,
    SyntaxError,
    EOFError,
    RuntimeError,
    struct.error,
    IndexError,
    KeyError,
    TypeError,
    ZeroDivisionError,
    OverflowError,
    Image.DecompressionBombWarning,
    Image.DecompressionBombError,
)

ImageFile.LOAD_TRUNCATED_IMAGES = False

DEFAULT_MAX_PIXELS = 120_000_000
# Every decode in the process, from any origin (a photo, a thumbnail stored in an audit, a GIF
# frame), stops at the tool's own limit: Pillow refuses more than twice its setting. Its
# warning at the setting itself says nothing the limit does not; ``open_image`` is exact.
Image.MAX_IMAGE_PIXELS = DEFAULT_MAX_PIXELS // 2
warnings.filterwarnings("ignore", category=Image.DecompressionBombWarning)
_PILLOW_COUNT = re.compile(r"\((\d+) pixels\)")
DEFAULT_WORK_SIDE = 1600
# A JPEG's reduced decoding is so much cheaper than a full decode and resize that a work image
# down to this fraction of the work side is accepted to get it. For analysis one up to its
# inverse is kept as it comes (``keep_reduced``): a phone photo decoded at half size (2016 px)
# costs 26 ms, and resizing it to 1600 px another 34 ms, more than any later step spends on
# the larger image.
DRAFT_SLACK = 0.75
# ``downscaled``: a copy made of whole-pixel blocks may be this much smaller than asked.
DOWNSCALE_SLACK = 0.05
_ORIENTATION_TAG = 0x0112
_TRANSPOSE = {
    2: [Image.Transpose.FLIP_LEFT_RIGHT],
    3: [Image.Transpose.ROTATE_180],
    4: [Image.Transpose.FLIP_TOP_BOTTOM],
    5: [Image.Transpose.TRANSPOSE],
    6: [Image.Transpose.ROTATE_270],
    7: [Image.Transpose.TRANSVERSE],
    8: [Image.Transpose.ROTATE_90],
}
_HEIF_BRANDS = {
    b"heic",
    b"heix",
    b"heim",
    b"heis",
    b"hevc",
    b"hevx",
    b"mif1",
    b"msf1",
    b"avif",
    b"avis",
}


@dataclass(frozen=True)
class DecodedImage:
    """A photo ready for face detection.

    ``rgb`` is H x W x 3 uint8, upright (EXIF orientation applied), at most ``work_side`` on
    its longer side (read with ``keep_reduced``: up to a third more, see ``DRAFT_SLACK``).
    ``scale`` converts its pixel coordinates to the full-resolution upright photo:
    ``full = analysis * scale``. ``full_size`` is (width, height) as displayed.
    """

    rgb: np.ndarray
    scale: float
    full_size: tuple[int, int]
    format: str

    @property
    def height(self) -> int:
        return int(self.rgb.shape[0])

    @property
    def width(self) -> int:
        return int(self.rgb.shape[1])

    def region(self, left: int, top: int, right: int, bottom: int) -> np.ndarray:
        """The pixels of a box (clipped to the image) as an H x W x 3 uint8 array."""
        return np.ascontiguousarray(self.rgb[max(0, top) : bottom, max(0, left) : right])


@dataclass(frozen=True)
class LargeImage:
    """A photo decoded for its smallest faces, its pixels left in Pillow's image as stored.

    Regions are turned upright and made arrays as they are asked for: a phone photo's 12 Mpx
    made one array cost as much again as decoding them, and a crowd's faces need a few patches
    of it. Coordinates and ``scale`` are as for ``DecodedImage``: upright pixels.
    """

    stored: Image.Image  # RGB, before the EXIF orientation is applied
    orientation: int
    scale: float
    full_size: tuple[int, int]
    format: str

    @property
    def height(self) -> int:
        return self.stored.width if self.orientation in _SIDEWAYS else self.stored.height

    @property
    def width(self) -> int:
        return self.stored.height if self.orientation in _SIDEWAYS else self.stored.width

    def region(self, left: int, top: int, right: int, bottom: int) -> np.ndarray:
        """The pixels of an upright box (clipped to the image) as an H x W x 3 uint8 array."""
        left, top = max(0, left), max(0, top)
        right, bottom = max(left, min(self.width, right)), max(top, min(self.height, bottom))
        w, h = self.stored.size
        stored_box = {
            1: (left, top, right, bottom),
            2: (w - right, top, w - left, bottom),
            3: (w - right, h - bottom, w - left, h - top),
            4: (left, h - bottom, right, h - top),
            5: (top, left, bottom, right),
            6: (top, h - right, bottom, h - left),
            7: (w - bottom, h - right, w - top, h - left),
            8: (w - bottom, left, w - top, right),
        }[self.orientation]
        return np.asarray(upright(self.stored.crop(stored_box), self.orientation), dtype=np.uint8)


# EXIF orientations that turn the photo a quarter: its stored width is its displayed height.
_SIDEWAYS = (5, 6, 7, 8)


def sniff_format(head: bytes) -> str | None:
    """The image format named by a file's first bytes, or None if it is not an image we read."""
    if head.startswith(b"\xff\xd8\xff"):
        return "JPEG"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "PNG"
    if head[:6] in (b"GIF87a", b"GIF89a"):
        return "GIF"
    if head.startswith(b"RIFF") and head[8:12] == b"WEBP":
        return "WEBP"
    if head.startswith(b"BM") and len(head) >= 26:
        return "BMP"
    if head[:4] in (b"II*\x00", b"MM\x00*"):
        return "TIFF"
    if head[4:8] == b"ftyp" and head[8:12] in _HEIF_BRANDS:
        return "AVIF" if head[8:12] in (b"avif", b"avis") else "HEIF"
    return None


def read_image(
    data: bytes,
    *,
    work_side: int = DEFAULT_WORK_SIDE,
    max_pixels: int = DEFAULT_MAX_PIXELS,
    keep_reduced: bool = False,
) -> DecodedImage:
    """Decode ``data`` for analysis, never holding more pixels than ``work_side`` needs.

    ``keep_reduced``: a JPEG decoded at a reduced size is kept as it comes up to
    ``work_side / DRAFT_SLACK``, not resized to ``work_side`` (the scan's analysis).

    Raises:
        BadData: not an image, too many pixels, truncated or corrupt.
    """
    image, orientation, full_size, fmt = _guarded(data, work_side, max_pixels, keep_reduced)
    try:
        image = upright(image, orientation)
        rgb = np.ascontiguousarray(np.asarray(image, dtype=np.uint8))
    except MemoryError as exc:
        raise BadData(_("{fmt} image too large to decode").format(fmt=fmt)) from exc
    return DecodedImage(rgb=rgb, scale=full_size[0] / rgb.shape[1], full_size=full_size, format=fmt)


def read_large(
    data: bytes,
    *,
    work_side: int = DEFAULT_WORK_SIDE,
    max_pixels: int = DEFAULT_MAX_PIXELS,
) -> LargeImage:
    """Decode ``data`` as ``read_image`` does, its pixels left in Pillow's image (``LargeImage``).

    Raises:
        BadData: not an image, too many pixels, truncated or corrupt.
    """
    image, orientation, full_size, fmt = _guarded(data, work_side, max_pixels, False)
    width = image.height if orientation in _SIDEWAYS else image.width
    return LargeImage(image, orientation, full_size[0] / width, full_size, fmt)


def _guarded(
    data: bytes, work_side: int, max_pixels: int, keep_reduced: bool
) -> tuple[Image.Image, int, tuple[int, int], str]:
    """``_decode``, and the format by content; whatever the decoder raises on hostile bytes
    made ``BadData``."""
    fmt = sniff_format(data[:32])
    if fmt is None:
        raise BadData(_("not a supported image format"))
    try:
        return (*_decode(data, fmt, work_side, max_pixels, keep_reduced), fmt)
    except BadData:
        raise
    except _DECODER_ERRORS as exc:
        raise BadData(
            _("corrupt or truncated {fmt} image ({reason})").format(fmt=fmt, reason=_brief(exc))
        ) from exc
    except MemoryError as exc:
        raise BadData(_("{fmt} image too large to decode").format(fmt=fmt)) from exc


def downscaled(rgb: np.ndarray, side: int) -> tuple[np.ndarray, float]:
    """``rgb`` at most ``side`` px on its longer side, averaged down, and the factor from its
    pixels back to ``rgb``'s (1.0 when it is small enough already).

    Averaging blocks of whole pixels is several times cheaper than resizing: the copy is made
    that way, then resized only for what remains, and not at all when blocks alone come within
    ``DOWNSCALE_SLACK`` of ``side`` (a 2016 px photo's search copy is 1008 px, not 1024).
    """
    height, width = rgb.shape[:2]
    factor = max(height, width) / side
    if factor <= 1.0:
        return rgb, 1.0
    image = Image.fromarray(rgb)
    blocks = math.ceil(factor)
    if blocks / factor > 1 + DOWNSCALE_SLACK:
        blocks = math.floor(factor)
    if blocks >= 2:
        image = image.reduce(blocks)
    if max(image.size) > side:
        size = (max(1, round(width / factor)), max(1, round(height / factor)))
        image = image.resize(size, Image.Resampling.BOX)
    return np.asarray(image), width / image.width


def _brief(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text if len(text) <= 200 else text[:200] + "…"


def open_image(data: bytes, max_pixels: int = DEFAULT_MAX_PIXELS) -> Image.Image:
    """``data`` opened, not yet decoded, and refused if it holds more than ``max_pixels``.

    The one way the tool opens an image: decode it only after this.

    Raises:
        BadData: no pixels, or too many (a possible decompression bomb).
        Any of ``DECODER_ERRORS``: the bytes are not a readable image.
    """
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)  # exact check below
            image: Image.Image = Image.open(io.BytesIO(data))
    except Image.DecompressionBombError as exc:  # over the process-wide limit already
        count = _PILLOW_COUNT.search(str(exc))
        pixels = f"{int(count.group(1)):,}" if count else "too many"
        raise BadData(
            _(
                "image has {pixels} pixels, over the limit of {limit} (possible decompression bomb)"
            ).format(pixels=pixels, limit=f"{min(max_pixels, DEFAULT_MAX_PIXELS):,}")
        ) from exc
    width, height = image.size
    if width <= 0 or height <= 0:
        raise BadData(_("image has no pixels"))
    if width * height > max_pixels:
        raise BadData(
            _(
                "image has {width}x{height} pixels, over the limit of {max_pixels} (possible "
                "decompression bomb)"
            ).format(width=width, height=height, max_pixels=format_number(max_pixels))
        )
    return image


def _decode(
    data: bytes, fmt: str, work_side: int, max_pixels: int, keep_reduced: bool
) -> tuple[Image.Image, int, tuple[int, int]]:
    """The photo decoded to RGB at most ``work_side`` px (see ``read_image`` for
    ``keep_reduced``), as stored; its EXIF orientation, and its full (width, height) as
    displayed."""
    image = open_image(data, max_pixels)
    width, height = image.size
    orientation = _orientation(image)
    full_size = (height, width) if orientation in (5, 6, 7, 8) else (width, height)
    shrink = min(1.0, work_side * DRAFT_SLACK / max(width, height))
    if shrink < 1.0 and image.format == "JPEG":
        # JPEG can decode at 1/2, 1/4 or 1/8 size directly: the largest saving in a scan.
        image.draft("RGB", (max(1, int(width * shrink)), max(1, int(height * shrink))))
    reduced = keep_reduced and image.size != (width, height)
    image.seek(0)
    image.load()
    if max(image.size) > (work_side / DRAFT_SLACK if reduced else work_side):
        image.thumbnail((work_side, work_side), Image.Resampling.BILINEAR)
    return _to_rgb(image), orientation, full_size


def _orientation(image: Image.Image) -> int:
    try:
        value = image.getexif().get(_ORIENTATION_TAG, 1)
    except Exception:  # noqa: BLE001 - a broken EXIF block must not lose the photo
        return 1
    return value if isinstance(value, int) and 1 <= value <= 8 else 1


def _to_rgb(image: Image.Image) -> Image.Image:
    """RGB, with transparency composited on white and 16-bit depth scaled, not clipped."""
    if image.mode in ("I;16", "I;16B", "I;16L", "I"):
        array = np.asarray(image, dtype=np.uint32)
        peak = 65535 if image.mode != "I" or array.max(initial=0) > 255 else 255
        image = Image.fromarray((array * 255 // peak).astype(np.uint8), "L")
    if image.mode == "P":
        image = image.convert("RGBA")
    if image.mode in ("RGBA", "LA", "PA") or (image.mode != "RGB" and "A" in image.getbands()):
        image = image.convert("RGBA")
        background = Image.new("RGBA", image.size, (255, 255, 255, 255))
        image = Image.alpha_composite(background, image)
    return image.convert("RGB") if image.mode != "RGB" else image


def thumbnail_jpeg(data: bytes, side: int = 256, max_pixels: int = DEFAULT_MAX_PIXELS) -> bytes:
    """A small upright JPEG of a photo, for galleries and report annexes.

    Raises:
        BadData: the photo cannot be read.
    """
    image = read_image(data, work_side=side, max_pixels=max_pixels)
    out = io.BytesIO()
    Image.fromarray(image.rgb).save(out, "JPEG", quality=82)
    return out.getvalue()


# -- for callers that need the whole photo (clean copies) -----------------------------------

DECODER_ERRORS = _DECODER_ERRORS


def orientation_of(image: Image.Image) -> int:
    """The EXIF orientation (1-8) of an opened image; 1 when absent or unreadable."""
    return _orientation(image)


def upright(image: Image.Image, orientation: int) -> Image.Image:
    """``image`` turned as its EXIF ``orientation`` says, so its pixels are as displayed."""
    for method in _TRANSPOSE.get(orientation, []):
        image = image.transpose(method)
    return image


def brief(exc: BaseException) -> str:
    """An exception's message, short enough for one line of a problem list."""
    return _brief(exc)
