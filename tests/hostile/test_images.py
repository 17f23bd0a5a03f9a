"""Hostile and broken photos: each becomes BadData with a readable message, quickly."""

from __future__ import annotations

import io
import struct
import time
import zlib
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from exposure_audit.audit.store import Audit
from exposure_audit.errors import BadData
from exposure_audit.imaging import read_image, sniff_format, thumbnail_jpeg
from exposure_audit.scan.pipeline import ScanSettings, add_sources, scan
from tests.support.photos import face_bytes

JPEG = face_bytes("obama-240p.jpg")


def encoded(fmt: str, size: tuple[int, int] = (64, 48), **options: object) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, (90, 120, 200)).save(out, fmt, **options)
    return out.getvalue()


def png_claiming(width: int, height: int) -> bytes:
    """A valid PNG header for a huge image whose pixel data is a few bytes."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return (
            struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    data = zlib.compress(b"\0" * 1024)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", data) + chunk(b"IEND", b"")
    )


def test_decompression_bomb_is_refused_before_decoding() -> None:
    bomb = png_claiming(50_000, 50_000)
    assert len(bomb) < 2_000
    started = time.monotonic()
    # Pillow's own limit, set to the tool's, may stop it first: then the count is shown.
    pixels = r"(50000x50000|2,500,000,000) pixels"
    with pytest.raises(BadData, match=pixels + r", over the limit .* decompression bomb"):
        read_image(bomb)
    assert time.monotonic() - started < 1.0


def test_pixel_limit_is_a_setting() -> None:
    photo = encoded("PNG", (300, 200))
    read_image(photo, max_pixels=60_000)
    with pytest.raises(BadData, match="over the limit of 59,999"):
        read_image(photo, max_pixels=59_999)


@pytest.mark.parametrize("fmt", ["JPEG", "PNG", "HEIF", "WEBP", "GIF", "TIFF"])
@pytest.mark.parametrize("keep", [0.3, 0.7, 0.95])
def test_truncated_photos_are_bad_data(fmt: str, keep: float) -> None:
    whole = face_bytes("obama.jpg") if fmt == "JPEG" else encoded(fmt, (320, 240))
    cut = whole[: int(len(whole) * keep)]
    with pytest.raises(BadData, match=r"(corrupt or truncated|not a supported)"):
        read_image(cut)


@pytest.mark.parametrize("fmt", ["JPEG", "PNG", "HEIF", "WEBP"])
def test_corrupt_photos_are_bad_data(fmt: str) -> None:
    whole = bytearray(face_bytes("obama.jpg") if fmt == "JPEG" else encoded(fmt, (320, 240)))
    for at in range(40, len(whole), 7):  # keep the signature, wreck the rest
        whole[at] ^= 0xA5
    try:
        image = read_image(bytes(whole))
    except BadData as exc:
        message = str(exc)
    else:  # some decoders conceal damage; the result must still be a usable picture
        message = "decoded"
        assert image.rgb.ndim == 3
    assert message


def test_zero_byte_and_lying_extensions(tmp_path: Path) -> None:
    with pytest.raises(BadData, match="not a supported image format"):
        read_image(b"")
    assert sniff_format(encoded("PNG")) == "PNG"  # content decides, never the name
    folder = tmp_path / "photos"
    folder.mkdir()
    (folder / "empty.jpg").write_bytes(b"")
    (folder / "really-a-png.jpg").write_bytes(encoded("PNG"))
    (folder / "really-a-jpeg.txt").write_bytes(JPEG)
    (folder / "text.jpg").write_bytes(b"hello, not a photo")
    with Audit.open(tmp_path / "a.audit") as audit:
        audit.add_reference("me", "0" * 64, np.zeros(128), (0, 1, 1, 0), {})
        add_sources(audit, [str(folder)])
        list(scan(audit, ScanSettings(workers=1)))
        rows = dict(audit.db.execute("SELECT location, status FROM locations").fetchall())
        problems = {location: message for _, location, message in audit.problems()}
    assert (
        problems["empty.jpg"]
        == problems["text.jpg"]
        == "named like a photo, but empty or another kind of file"
    )
    assert rows == {
        "empty.jpg": "error",
        "really-a-jpeg.txt": "image",
        "really-a-png.jpg": "image",
        "text.jpg": "error",
    }


def test_animated_image_with_thousands_of_frames_reads_only_the_first() -> None:
    frames = [Image.new("P", (16, 16), i % 256) for i in range(3000)]
    out = io.BytesIO()
    frames[0].save(out, "GIF", save_all=True, append_images=frames[1:], duration=1)
    started = time.monotonic()
    image = read_image(out.getvalue())
    assert image.rgb.shape == (16, 16, 3)
    assert time.monotonic() - started < 2.0


def test_animated_webp_and_png_read_the_first_frame() -> None:
    frames = [Image.new("RGB", (32, 32), (i, 0, 0)) for i in range(200)]
    for fmt in ("WEBP", "PNG"):
        out = io.BytesIO()
        frames[0].save(out, fmt, save_all=True, append_images=frames[1:])
        assert read_image(out.getvalue()).rgb.shape == (32, 32, 3)


def test_unusual_modes_decode_to_rgb() -> None:
    for mode in ("1", "L", "LA", "P", "PA", "I", "I;16", "F", "CMYK", "YCbCr", "LAB", "HSV"):
        image = Image.new(mode, (20, 10))
        out = io.BytesIO()
        fmt = "TIFF" if mode not in ("PA", "P", "LA", "I;16") else "PNG"
        if mode == "PA":
            image = image.convert("RGBA")
        try:
            image.save(out, fmt)
        except (OSError, ValueError, KeyError):
            continue  # Pillow cannot write this mode; nothing to read back
        assert read_image(out.getvalue()).rgb.shape == (10, 20, 3)


def test_fuzz_regression_heif_over_the_decoders_own_limit() -> None:
    """Found by fuzz/fuzz_image.py: pillow-heif's RuntimeError once escaped read_image."""
    photo = bytearray(encoded("HEIF", (64, 64)))
    at = photo.find(b"ispe")
    photo[at + 12 : at + 16] = struct.pack(">I", 16_777_280)  # height: 64 x 16,777,280 pixels
    # No caller can lift the process-wide limit; either stop is bad data, never a RuntimeError.
    with pytest.raises(BadData, match=r"Security limit exceeded|decompression bomb"):
        read_image(bytes(photo), max_pixels=10**12)


def test_thumbnails_go_through_the_same_limits() -> None:
    with pytest.raises(BadData, match="decompression bomb"):
        thumbnail_jpeg(png_claiming(40_000, 40_000))
    assert thumbnail_jpeg(JPEG)[:3] == b"\xff\xd8\xff"
