"""Read taken time and GPS position from an image's EXIF with Pillow."""

from __future__ import annotations

import contextlib
from datetime import datetime
from typing import Any

from exposure_audit.errors import BadData
from exposure_audit.exports.common import coordinates, iso_from_datetime
from exposure_audit.exports.context import PhotoContext

EXIF_IFD = 0x8769
GPS_IFD = 0x8825
DATE_TIME_ORIGINAL = 0x9003
OFFSET_TIME_ORIGINAL = 0x9011
OFFSET_TIME = 0x9010
DATE_TIME = 0x0132


def _register_heif() -> None:
    try:
        import pillow_heif

        pillow_heif.register_heif_opener()
    except ImportError:
        return


def read_exif(data: bytes) -> PhotoContext:
    """A context holding only what EXIF says (taken_at, latitude, longitude)."""
    from PIL import UnidentifiedImageError

    from exposure_audit.imaging import open_image

    _register_heif()
    try:
        with open_image(data) as image:  # the tool's pixel limit, even for EXIF alone
            exif = image.getexif()
            main = dict(exif.get_ifd(EXIF_IFD))
            gps = dict(exif.get_ifd(GPS_IFD))
            fallback_time = exif.get(DATE_TIME)
    except (BadData, UnidentifiedImageError, OSError, ValueError, SyntaxError, TypeError):
        return PhotoContext()
    taken = _taken_at(main.get(DATE_TIME_ORIGINAL) or fallback_time, _offset(main))
    lat, lon = _gps(gps)
    return PhotoContext(taken_at=taken, latitude=lat, longitude=lon)


def _offset(main: dict[int, Any]) -> str | None:
    for tag in (OFFSET_TIME_ORIGINAL, OFFSET_TIME):
        value = main.get(tag)
        if isinstance(value, str) and len(value.strip()) == 6:
            return value.strip()
    return None


def _taken_at(value: Any, offset: str | None) -> str | None:
    if not isinstance(value, str):
        return None
    text = value.strip().rstrip("\x00")[:19]
    try:
        moment = datetime.strptime(text, "%Y:%m:%d %H:%M:%S")
    except ValueError:
        return None
    if offset:
        with contextlib.suppress(ValueError):
            moment = datetime.fromisoformat(moment.isoformat() + offset)
    return iso_from_datetime(moment)


def _degrees(value: Any) -> float | None:
    try:
        d, m, s = (float(v) for v in value)
    except (TypeError, ValueError, ZeroDivisionError):
        return None
    return d + m / 60 + s / 3600


def _gps(gps: dict[int, Any]) -> tuple[float | None, float | None]:
    lat, lon = _degrees(gps.get(2)), _degrees(gps.get(4))
    if lat is None or lon is None:
        return None, None
    if str(gps.get(1, "N")).upper().startswith("S"):
        lat = -lat
    if str(gps.get(3, "E")).upper().startswith("W"):
        lon = -lon
    return coordinates(lat, lon)
