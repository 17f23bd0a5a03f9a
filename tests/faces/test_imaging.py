"""Reading photos: every format by content, orientation, reduced decoding, limits."""

from __future__ import annotations

import io

import numpy as np
import pytest
from PIL import Image

from exposure_audit.errors import BadData
from exposure_audit.imaging import (
    downscaled,
    read_image,
    read_large,
    sniff_format,
    thumbnail_jpeg,
)
from tests.support.photos import face_bytes, reencode, rotated_with_exif


@pytest.mark.parametrize(
    ("fmt", "options", "expected"),
    [
        ("JPEG", {}, "JPEG"),
        ("PNG", {}, "PNG"),
        ("WEBP", {"quality": 80}, "WEBP"),
        ("GIF", {}, "GIF"),
        ("BMP", {}, "BMP"),
        ("TIFF", {}, "TIFF"),
        ("HEIF", {}, "HEIF"),
        ("AVIF", {}, "AVIF"),
    ],
)
def test_every_format_is_read_by_content(
    fmt: str, options: dict[str, object], expected: str
) -> None:
    data = reencode(face_bytes("obama.jpg"), fmt, **options)
    image = read_image(data)
    assert image.format == expected
    assert image.full_size == (910, 1137)
    assert image.rgb.dtype == np.uint8
    assert image.rgb.shape[2] == 3


def test_extension_is_irrelevant() -> None:
    # Only the bytes count; a PNG is a PNG whatever the file was called.
    assert sniff_format(reencode(face_bytes("kit2.jpg"), "PNG")[:32]) == "PNG"
    assert sniff_format(b"<html><body>not a photo</body></html>") is None


def test_sixteen_bit_png_keeps_its_contrast() -> None:
    gradient = (np.arange(256 * 64, dtype=np.uint32).reshape(64, 256) * 4).astype(np.uint16)
    out = io.BytesIO()
    Image.fromarray(gradient).save(out, "PNG")
    image = read_image(out.getvalue())
    assert image.rgb[:, :, 0].max() > 200  # scaled from 16 bits, not clipped to white
    assert image.rgb[:, :, 0].min() < 10


def test_palette_and_alpha_are_composited_on_white() -> None:
    transparent = Image.new("RGBA", (40, 30), (0, 0, 0, 0))
    out = io.BytesIO()
    transparent.save(out, "PNG")
    assert read_image(out.getvalue()).rgb.min() == 255
    out = io.BytesIO()
    transparent.convert("P").save(out, "PNG", transparency=0)
    assert read_image(out.getvalue()).rgb.shape == (30, 40, 3)


def test_exif_orientation_is_applied() -> None:
    upright = read_image(face_bytes("obama.jpg"))
    sideways = read_image(rotated_with_exif(face_bytes("obama.jpg"), 6))
    assert sideways.full_size == upright.full_size
    assert sideways.rgb.shape == upright.rgb.shape


@pytest.mark.parametrize("orientation", range(1, 9))
def test_large_image_regions_are_the_upright_photo_s_pixels(orientation: int) -> None:
    stored = Image.open(io.BytesIO(face_bytes("obama.jpg"))).convert("RGB").resize((300, 200))
    exif = Image.Exif()
    exif[0x0112] = orientation
    out = io.BytesIO()
    stored.save(out, "JPEG", quality=90, exif=exif.tobytes())
    whole = read_image(out.getvalue(), work_side=4096)
    large = read_large(out.getvalue(), work_side=4096)
    assert (large.height, large.width) == whole.rgb.shape[:2]
    assert (large.scale, large.full_size) == (whole.scale, whole.full_size)
    # Inside, and hanging over each edge: clipped as a slice of the whole is.
    for left, top, right, bottom in ((17, 31, 120, 90), (-40, -5, 60, 70), (150, 120, 999, 999)):
        expected = whole.rgb[max(0, top) : bottom, max(0, left) : right]
        assert np.array_equal(large.region(left, top, right, bottom), expected)


def test_large_jpeg_is_decoded_small() -> None:
    big = Image.open(io.BytesIO(face_bytes("obama3.jpg"))).resize((6000, 9760))
    out = io.BytesIO()
    big.save(out, "JPEG", quality=80)
    image = read_image(out.getvalue(), work_side=1600)
    assert max(image.rgb.shape[:2]) <= 1600
    assert image.full_size == (6000, 9760)
    assert image.scale == pytest.approx(6000 / image.rgb.shape[1])


def test_analysis_keeps_a_jpeg_decoded_at_half_size_as_it_comes() -> None:
    phone = Image.open(io.BytesIO(face_bytes("obama3.jpg"))).convert("RGB").resize((4032, 3024))
    out = io.BytesIO()
    phone.save(out, "JPEG", quality=85)
    kept = read_image(out.getvalue(), work_side=1600, keep_reduced=True)
    assert kept.rgb.shape[:2] == (1512, 2016)  # the decoder's half size: no resize after it
    assert kept.scale == 2.0
    assert max(read_image(out.getvalue(), work_side=1600).rgb.shape[:2]) == 1600
    png = io.BytesIO()
    phone.resize((2000, 1500)).save(png, "PNG")  # not decoded reduced: resized as ever
    assert max(read_image(png.getvalue(), work_side=1600, keep_reduced=True).rgb.shape) == 1600


@pytest.mark.parametrize(
    ("size", "side", "expected"),
    [
        ((2016, 1512), 1024, (1008, 756)),  # blocks of 2, within 5 % of the side
        ((2016, 1512), 960, (960, 720)),  # blocks of 2, then resized the rest of the way
        ((2016, 1512), 256, (252, 189)),
        ((1600, 1200), 960, (960, 720)),
        ((900, 600), 960, (900, 600)),  # small enough: the same array
    ],
)
def test_downscaled_copies_are_at_most_the_side(
    size: tuple[int, int], side: int, expected: tuple[int, int]
) -> None:
    rgb = np.random.default_rng(3).integers(0, 256, (size[1], size[0], 3), dtype=np.uint8)
    small, factor = downscaled(rgb, side)
    assert (small.shape[1], small.shape[0]) == expected
    assert factor == pytest.approx(size[0] / expected[0])
    assert small.mean() == pytest.approx(rgb.mean(), abs=1.0)  # averaged, not sampled
    if size == expected:
        assert small is rgb


def test_pixel_bomb_is_refused_before_decoding() -> None:
    out = io.BytesIO()
    Image.new("L", (20000, 20000)).save(out, "PNG")
    with pytest.raises(BadData, match="over the limit"):
        read_image(out.getvalue(), max_pixels=100_000_000)


@pytest.mark.parametrize("cut", [0.3, 0.6])
def test_truncated_photo_is_bad_data(cut: float) -> None:
    data = face_bytes("obama.jpg")
    with pytest.raises(BadData):
        read_image(data[: int(len(data) * cut)])


def test_zero_bytes_and_garbage_are_bad_data() -> None:
    with pytest.raises(BadData, match="not a supported image"):
        read_image(b"")
    with pytest.raises(BadData):
        read_image(b"\x89PNG\r\n\x1a\n" + b"\x00" * 100)


def test_animated_gif_reads_its_first_frame() -> None:
    frames = [Image.new("RGB", (32, 32), (i, 0, 0)) for i in range(0, 250, 10)]
    out = io.BytesIO()
    frames[0].save(out, "GIF", save_all=True, append_images=frames[1:])
    image = read_image(out.getvalue())
    assert image.rgb.shape == (32, 32, 3)


def test_thumbnail_is_small_and_upright() -> None:
    thumb = Image.open(
        io.BytesIO(thumbnail_jpeg(rotated_with_exif(face_bytes("kit1.jpg")), side=128))
    )
    assert max(thumb.size) <= 128
    assert thumb.width > thumb.height  # kit1 is landscape once turned upright
