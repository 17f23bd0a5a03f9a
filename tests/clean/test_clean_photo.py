"""One photo's clean copy: nothing but pixels survives, upright, at the source's quality."""

from __future__ import annotations

import hashlib
import io
import os
import struct
import zlib
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from exposure_audit.clean import CleanNote, CleanOptions, TargetExists, clean_photo
from exposure_audit.clean.files import Planned, clean_file, plan_copies, write_new
from exposure_audit.clean.pixels import estimate_quality
from exposure_audit.faces.detection import find_faces
from exposure_audit.imaging import read_image
from exposure_audit.vocabulary import BlurMode
from tests.clean.photos import (
    LATITUDE,
    LONGITUDE,
    SECRET,
    animated_gif,
    rotated_jpeg,
    tagged,
    tagged_jpeg,
    tagged_png,
)
from tests.support.photos import face_bytes, reencode

NO_BLUR = CleanOptions(BlurMode.NONE)
# What would give a place, a device or a person away, as it sits in the bytes of a file.
TELLTALES = (
    SECRET.encode(),
    b"Apple",
    b"iPhone",
    b"Exif\x00",
    b"adobe:ns:meta",
    b"8BIM",
    b"2024:05",
)


def copy_of(data: bytes, options: CleanOptions = NO_BLUR) -> tuple[bytes, Image.Image]:
    made = clean_photo(data, "photo", options)
    assert made.data is not None, made.result.problem
    return made.data, Image.open(io.BytesIO(made.data))


def assert_pixels_only(data: bytes, image: Image.Image) -> None:
    assert not image.getexif()
    for key in ("exif", "xmp", "XML:com.adobe.xmp", "photoshop", "comment", "icc_profile"):
        assert key not in image.info
    for telltale in TELLTALES:
        assert telltale not in data


def test_a_tagged_jpeg_loses_gps_camera_dates_xmp_iptc_comment_and_profile() -> None:
    made = clean_photo(tagged_jpeg("obama.jpg"), "photo.jpg", NO_BLUR)
    removed = made.result.removed
    assert removed.gps == pytest.approx((LATITUDE, LONGITUDE), abs=1e-4)
    assert removed.camera == "Apple iPhone 12"
    assert removed.dates == 2
    assert removed.maker_note
    assert removed.xmp
    assert removed.iptc
    assert removed.colour_profile
    assert removed.text_chunks == 1  # the JPEG comment
    assert made.result.summary().startswith(
        "GPS 52.3731, 4.8922 removed; camera and dates removed; maker notes, XMP, IPTC"
    )
    assert made.data is not None
    assert_pixels_only(made.data, Image.open(io.BytesIO(made.data)))


def test_a_camera_jpeg_loses_its_embedded_thumbnail() -> None:
    made = clean_photo(face_bytes("obama.jpg"), "camera.jpg", NO_BLUR)  # straight from a camera
    assert made.result.removed.thumbnail
    assert made.data is not None
    assert b"\xff\xd8" not in made.data[2:]  # no second JPEG (the thumbnail) inside


def test_png_text_chunks_and_exif_are_gone() -> None:
    data, image = copy_of(tagged_png("two_people.jpg"))
    assert image.format == "PNG"
    assert image.text == {}
    chunks = _png_chunks(data)
    assert set(chunks) <= {b"IHDR", b"IDAT", b"IEND"}, chunks
    assert_pixels_only(data, image)


@pytest.mark.parametrize("fmt", ["HEIF", "WEBP", "AVIF"])
def test_heic_webp_and_avif_become_plain_jpegs(fmt: str) -> None:
    made = clean_photo(tagged("biden.jpg", fmt, 400), "photo", NO_BLUR)
    assert made.result.removed.gps == pytest.approx((LATITUDE, LONGITUDE), abs=1e-4)
    assert made.result.removed.xmp
    assert made.data is not None
    image = Image.open(io.BytesIO(made.data))
    assert image.format == "JPEG"
    assert_pixels_only(made.data, image)


def test_orientation_goes_into_the_pixels(obama_refs: np.ndarray) -> None:
    source = rotated_jpeg("obama2.jpg")
    stored = Image.open(io.BytesIO(source)).size
    data, image = copy_of(source)
    assert image.size == (stored[1], stored[0])
    faces = find_faces(read_image(data), obama_refs)
    assert any(f.distance is not None and f.distance <= 0.6 for f in faces)


@pytest.mark.parametrize("quality", [30, 50, 75, 90, 95])
def test_jpeg_quality_is_read_from_the_quantisation_tables(quality: int) -> None:
    saved = reencode(face_bytes("obama-240p.jpg"), "JPEG", quality=quality)
    assert estimate_quality(Image.open(io.BytesIO(saved)).quantization) == quality
    made = clean_photo(saved, "photo.jpg", NO_BLUR)
    assert made.result.quality == quality
    assert made.data is not None
    assert estimate_quality(Image.open(io.BytesIO(made.data)).quantization) == quality


def test_an_animated_gif_keeps_its_first_frame_and_says_so() -> None:
    made = clean_photo(animated_gif("obama.jpg"), "party.gif", NO_BLUR)
    assert CleanNote.FIRST_FRAME in made.result.notes
    assert "only the first one is kept" in made.result.summary()
    assert made.data is not None
    assert Image.open(io.BytesIO(made.data)).format == "JPEG"


def test_transparency_stays_in_a_png_copy() -> None:
    sticker = Image.open(io.BytesIO(face_bytes("obama-240p.jpg"))).convert("RGBA")
    sticker.putalpha(Image.new("L", sticker.size, 0).resize(sticker.size))
    sticker.paste((255, 0, 0, 255), (10, 10, 50, 50))
    out = io.BytesIO()
    sticker.save(out, "PNG")
    _data, image = copy_of(out.getvalue())
    assert image.mode == "RGBA"
    alpha = np.asarray(image)[..., 3]
    assert alpha[0, 0] == 0
    assert alpha[20, 20] == 255


def test_a_colour_profile_is_converted_to_srgb_and_dropped() -> None:
    made = clean_photo(face_bytes("obama.jpg"), "camera.jpg", NO_BLUR)
    assert CleanNote.COLOURS_CONVERTED in made.result.notes
    assert made.data is not None
    assert b"ICC_PROFILE" not in made.data


def _bomb_png() -> bytes:
    header = struct.pack(">IIBBBBB", 100_000, 100_000, 8, 2, 0, 0, 0)

    def chunk(kind: bytes, body: bytes) -> bytes:
        crc = zlib.crc32(kind + body)
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", crc)

    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IEND", b"")


def _crafted_exif() -> bytes:
    """A JPEG whose EXIF block claims offsets far past its end and loops back on itself."""
    jpeg = reencode(face_bytes("obama-240p.jpg"), "JPEG", quality=80)
    body = b"Exif\x00\x00MM\x00*\x00\x00\x00\x08" + b"\x00\x02" + b"\x88\x25\x00\x04" * 8
    return jpeg[:2] + b"\xff\xe1" + struct.pack(">H", len(body) + 2) + body + jpeg[2:]


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (b"plain text, not a photo", "not a photo"),
        (face_bytes("obama.jpg")[:5000], "corrupt or truncated"),
        (_bomb_png(), "over the limit"),
    ],
    ids=["text", "truncated", "bomb"],
)
def test_hostile_input_is_a_problem_of_that_photo(data: bytes, problem: str) -> None:
    made = clean_photo(data, "bad", CleanOptions())
    assert made.data is None
    assert made.result.problem is not None
    assert problem in made.result.problem
    assert "not cleaned" in made.result.summary()


def test_crafted_exif_and_a_broken_profile_are_dropped_not_trusted() -> None:
    made = clean_photo(_crafted_exif(), "crafted.jpg", NO_BLUR)
    assert made.data is not None, made.result.problem
    assert_pixels_only(made.data, Image.open(io.BytesIO(made.data)))
    broken = io.BytesIO()
    Image.open(io.BytesIO(face_bytes("obama-240p.jpg"))).save(
        broken, "JPEG", icc_profile=b"not a profile at all" * 8
    )
    made = clean_photo(broken.getvalue(), "profile.jpg", NO_BLUR)
    assert CleanNote.PROFILE_UNREADABLE in made.result.notes
    assert made.data is not None
    assert b"not a profile" not in made.data


def test_a_copy_is_written_owner_only_and_never_over_a_file(tmp_path: Path) -> None:
    target = tmp_path / "out" / "photo.jpg"
    write_new(target, b"first")
    assert os.stat(target).st_mode & 0o777 == 0o600
    with pytest.raises(TargetExists):
        write_new(target, b"second")
    assert target.read_bytes() == b"first"
    write_new(target, b"second", overwrite=True)
    assert target.read_bytes() == b"second"
    assert [p.name for p in target.parent.iterdir()] == ["photo.jpg"]  # no temp file left


def test_the_original_is_only_read_and_a_copy_never_lands_on_it(tmp_path: Path) -> None:
    folder = tmp_path / "photos"
    folder.mkdir()
    (folder / "me.png").write_bytes(tagged_png("obama2_rgba.png"))
    (folder / "me.jpg").write_bytes(tagged_jpeg("obama-240p.jpg"))
    before = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.iterdir()}
    plan = plan_copies([folder], folder)  # copies asked for in the photos' own folder
    assert [p.target for p in plan.photos] == [None, None]
    for planned in plan.photos:
        result = clean_file(planned, NO_BLUR, overwrite=True)
        assert result.problem == "its copy would replace a photo being cleaned"
    elsewhere = plan_copies([folder / "me.jpg"], tmp_path / "out")
    assert clean_file(elsewhere.photos[0], NO_BLUR).ok
    after = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.iterdir()}
    assert after == before


def test_names_taken_twice_get_a_number(tmp_path: Path) -> None:
    for name in ("a.heic", "a.jpg"):
        (tmp_path / name).write_bytes(tagged_jpeg("obama-240p.jpg"))
    plan = plan_copies([tmp_path / "a.heic", tmp_path / "a.jpg"], tmp_path / "out")
    assert [p.target.name for p in plan.photos if p.target] == ["a.jpg", "a-2.jpg"]
    assert Planned(tmp_path, None).problem is None


def _png_chunks(data: bytes) -> list[bytes]:
    chunks, at = [], 8
    while at < len(data):
        length = struct.unpack(">I", data[at : at + 4])[0]
        chunks.append(data[at + 4 : at + 8])
        at += 12 + length
    return chunks
