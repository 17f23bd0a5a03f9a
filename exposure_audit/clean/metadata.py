"""What a photo's metadata gives away, read before it is dropped: place, camera, dates, the rest."""

from __future__ import annotations

import warnings
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from PIL import ExifTags, Image

from exposure_audit.exports.common import coordinates

MAKE, MODEL = 0x010F, 0x0110
BODY_SERIAL, LENS_MAKE, LENS_MODEL, LENS_SERIAL = 0xA431, 0xA433, 0xA434, 0xA435
CAMERA_TAGS = frozenset({MAKE, MODEL, BODY_SERIAL, LENS_MAKE, LENS_MODEL, LENS_SERIAL})
# DateTime, DateTimeOriginal, DateTimeDigitized, their offsets and sub-seconds, GPS date/time.
DATE_TAGS = frozenset({0x0132, 0x9003, 0x9004, 0x9010, 0x9011, 0x9012, 0x9290, 0x9291, 0x9292})
GPS_DATE_TAGS = frozenset({0x0007, 0x001D})
MAKER_NOTE = 0x927C
CAMERA_TEXT_LIMIT = 80
# Keys of Pillow's ``info`` that describe how pixels are stored, not who, where or what.
_STORAGE_KEYS = frozenset(
    {
        "dpi",
        "jfif",
        "jfif_version",
        "jfif_unit",
        "jfif_density",
        "adobe",
        "adobe_transform",
        "progressive",
        "progression",
        "transparency",
        "gamma",
        "duration",
        "loop",
        "background",
        "version",
        "compression",
        "interlace",
        "aspect",
        "srgb",
        "chromaticity",
        "bit_depth",
        "default_image",
        "blend",
        "disposal",
        "timestamp",
        "extension",
        "mode",
        "exif",
        "xmp",
        "XML:com.adobe.xmp",
        "icc_profile",
        "photoshop",
        "comment",
        "primary",
        "depth_images",
        "thumbnails",
        "metadata",
        "original_orientation",
        "chroma",
        "nclx_profile",
        "stride",
        "save_parameters",
        "use_float",
        "aux",
    }
)


@dataclass(frozen=True)
class Removed:
    """What the copy no longer carries, counted from the photo before it was cleaned."""

    gps: tuple[float, float] | None = None  # the position, when the GPS tags hold a valid one
    gps_tags: int = 0
    camera: str | None = None  # make and model as the photo names them
    camera_tags: int = 0
    dates: int = 0
    other_tags: int = 0
    maker_note: bool = False
    thumbnail: bool = False
    xmp: bool = False
    iptc: bool = False
    colour_profile: bool = False
    text_chunks: int = 0  # PNG text chunks and JPEG comments
    other_blocks: int = 0  # HEIF/WebP/PNG metadata of any other kind
    unreadable: bool = False  # EXIF so broken it could not be counted (it is gone all the same)

    @property
    def anything(self) -> bool:
        return bool(
            self.gps_tags
            or self.camera_tags
            or self.dates
            or self.other_tags
            or self.maker_note
            or self.thumbnail
            or self.xmp
            or self.iptc
            or self.colour_profile
            or self.text_chunks
            or self.other_blocks
            or self.unreadable
        )

    def as_dict(self) -> dict[str, Any]:
        return {
            "gps": list(self.gps) if self.gps else None,
            "gps_tags": self.gps_tags,
            "camera": self.camera,
            "camera_tags": self.camera_tags,
            "dates": self.dates,
            "other_tags": self.other_tags,
            "maker_note": self.maker_note,
            "thumbnail": self.thumbnail,
            "xmp": self.xmp,
            "iptc": self.iptc,
            "colour_profile": self.colour_profile,
            "text_chunks": self.text_chunks,
            "other_blocks": self.other_blocks,
            "unreadable": self.unreadable,
        }


def read_removed(image: Image.Image) -> Removed:
    """Count what ``image`` (opened, not yet decoded) carries besides its pixels.

    Crafted metadata can break any reader: what cannot be read is marked unreadable, never
    raised, since the copy drops it whatever it says.
    """
    info: dict[Any, Any] = dict(image.info)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # Pillow's words on corrupt EXIF
        tags, unreadable = _exif_tags(image)
    main, exif_ifd, gps, thumbnail = tags
    every = {**main, **exif_ifd}
    camera_tags = sum(1 for tag in every if tag in CAMERA_TAGS)
    exif_dates = sum(1 for tag in every if tag in DATE_TAGS)
    dates = exif_dates + sum(1 for tag in gps if tag in GPS_DATE_TAGS)
    other_tags = len(every) - camera_tags - exif_dates - (MAKER_NOTE in exif_ifd)
    text = _text_chunks(image, info)
    return Removed(
        gps=_position(gps),
        gps_tags=len(gps),
        camera=_camera(every),
        camera_tags=camera_tags,
        dates=dates,
        other_tags=other_tags + _gps_only_other(gps),
        maker_note=MAKER_NOTE in exif_ifd,
        thumbnail=bool(thumbnail) or bool(info.get("thumbnails")),
        xmp=bool(info.get("xmp") or info.get("XML:com.adobe.xmp")),
        iptc=bool(info.get("photoshop")) or 0x83BB in main,
        colour_profile=bool(info.get("icc_profile")),
        text_chunks=text + (1 if info.get("comment") else 0),
        other_blocks=_other_blocks(info, text),
        unreadable=unreadable,
    )


def _gps_only_other(gps: Mapping[int, Any]) -> int:
    """GPS tags that are neither the position nor a date (altitude, speed, direction...)."""
    return sum(1 for tag in gps if tag not in GPS_DATE_TAGS and tag not in (1, 2, 3, 4))


_Tags = tuple[dict[int, Any], dict[int, Any], dict[int, Any], dict[int, Any]]


def _exif_tags(image: Image.Image) -> tuple[_Tags, bool]:
    try:
        exif = image.getexif()
        main = {tag: value for tag, value in exif.items() if tag not in (0x8769, 0x8825, 0xA005)}
        found = (
            main,
            dict(exif.get_ifd(ExifTags.IFD.Exif)),
            dict(exif.get_ifd(ExifTags.IFD.GPSInfo)),
            dict(exif.get_ifd(ExifTags.IFD.IFD1)),
        )
    except Exception:  # noqa: BLE001 - hostile EXIF: counted as unreadable, dropped anyway
        return ({}, {}, {}, {}), True
    return found, False


def _position(gps: Mapping[int, Any]) -> tuple[float, float] | None:
    lat, lon = _degrees(gps.get(2)), _degrees(gps.get(4))
    if lat is None or lon is None:
        return None
    if str(gps.get(1, "N")).upper().startswith("S"):
        lat = -lat
    if str(gps.get(3, "E")).upper().startswith("W"):
        lon = -lon
    la, lo = coordinates(lat, lon)
    return None if la is None or lo is None else (la, lo)


def _degrees(value: Any) -> float | None:
    try:
        d, m, s = (float(v) for v in value)
    except (TypeError, ValueError, ZeroDivisionError, OverflowError):
        return None
    result = d + m / 60 + s / 3600
    return result if result == result else None  # NaN from crafted rationals


def _camera(tags: Mapping[int, Any]) -> str | None:
    parts = []
    for tag in (MAKE, MODEL):
        value = tags.get(tag)
        if isinstance(value, bytes):
            value = value.decode("latin-1", "replace")
        if isinstance(value, str):
            text = " ".join(value.replace("\x00", " ").split())
            if text and text not in parts:
                parts.append(text)
    joined = " ".join(parts)
    return joined[:CAMERA_TEXT_LIMIT] or None


def _text_chunks(image: Image.Image, info: Mapping[Any, Any]) -> int:
    if image.format != "PNG":
        return 0
    try:
        text = getattr(image, "text", {})
    except Exception:  # noqa: BLE001 - a broken zTXt chunk: it is dropped anyway
        return 1
    return len([key for key in text if key != "XML:com.adobe.xmp"]) or sum(
        1 for key in info if key not in _STORAGE_KEYS
    )


def _other_blocks(info: Mapping[Any, Any], text_chunks: int) -> int:
    """Metadata Pillow keeps that is none of the above (HEIF boxes, unknown PNG chunks)."""
    boxes = info.get("metadata")  # pillow-heif: HEIF metadata items other than EXIF and XMP
    heif = len(boxes) if isinstance(boxes, list) else 0
    if text_chunks:
        return heif
    return heif + sum(1 for key in info if key not in _STORAGE_KEYS)
