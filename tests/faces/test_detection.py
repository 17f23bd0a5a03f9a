"""Face finding and matching on real photos."""

from __future__ import annotations

import io
from collections.abc import Callable

import numpy as np
import pytest
from PIL import Image, ImageFilter, ImageOps

from exposure_audit.faces import detection
from exposure_audit.faces.analysis import CROWD_WORK_SIDE, AnalysisSettings, Task, analyse
from exposure_audit.faces.detection import STRONG_MAX, band_for, encode_boxes, find_faces
from exposure_audit.imaging import DecodedImage, read_image
from tests.support.photos import crowd, face_bytes, pasted_on_canvas, reencode, rotated_with_exif


def nearest(data: bytes, refs: np.ndarray) -> float:
    faces = find_faces(read_image(data), refs)
    distances = [f.distance for f in faces if f.distance is not None]
    return min(distances) if distances else 9.0


def test_same_person_matches_and_others_do_not(obama_refs: np.ndarray) -> None:
    assert nearest(face_bytes("obama3.jpg"), obama_refs) < 0.45
    for other in ("biden.jpg", "kit1.jpg", "rose1.jpg", "alex1.png"):
        assert nearest(face_bytes(other), obama_refs) > 0.6, other


def test_group_photo_finds_everyone(obama_refs: np.ndarray) -> None:
    faces = find_faces(read_image(face_bytes("two_people.jpg")), obama_refs)
    assert len(faces) == 2
    assert sorted(band_for(f.distance) or "none" for f in faces) == ["none", "strong"]


def test_boxes_are_in_full_resolution_upright_pixels(obama_refs: np.ndarray) -> None:
    upright = find_faces(read_image(face_bytes("obama3.jpg"), work_side=800), obama_refs)[0]
    full = find_faces(read_image(face_bytes("obama3.jpg"), work_side=2400), obama_refs)[0]
    # Detected at a third of the resolution, the box still lands on the same face.
    assert np.allclose(upright.box, full.box, atol=40)
    rotated = find_faces(read_image(rotated_with_exif(face_bytes("obama.jpg"))), obama_refs)[0]
    plain = find_faces(read_image(face_bytes("obama.jpg")), obama_refs)[0]
    assert np.allclose(rotated.box, plain.box, atol=12)


def test_sideways_and_webp_photos_are_found(obama_refs: np.ndarray) -> None:
    assert nearest(rotated_with_exif(face_bytes("obama3.jpg"), 8), obama_refs) < 0.5
    assert nearest(reencode(face_bytes("obama3.jpg"), "WEBP", quality=70), obama_refs) < 0.5


@pytest.mark.parametrize("face_width", [220, 300])
def test_small_face_on_a_large_canvas_is_found(obama_refs: np.ndarray, face_width: int) -> None:
    assert nearest(pasted_on_canvas(face_bytes("obama.jpg"), face_width), obama_refs) < 0.6


def looking_closer(data: bytes, looks: list[int]) -> Callable[[], DecodedImage]:
    """A ``larger`` for find_faces that counts how often it is asked for."""

    def larger() -> DecodedImage:
        looks.append(1)
        return read_image(data, work_side=CROWD_WORK_SIDE)

    return larger


@pytest.mark.slow
@pytest.mark.parametrize("face_width", [34, 40])
def test_user_as_one_small_face_in_a_crowd_is_found(
    obama_refs: np.ndarray, face_width: int
) -> None:
    data = crowd("obama3.jpg", face_width)
    looks: list[int] = []
    faces = find_faces(read_image(data), obama_refs, larger=looking_closer(data, looks))
    assert looks == [1]  # measured on the photo decoded larger
    assert sum(f.distance is not None and f.distance < 0.5 for f in faces) == 1
    # Once the user is found beyond doubt, the crowd's other faces are not looked for further:
    # what follows the user's face is only what the same patch held (a neighbour each side).
    # At 34 px this face measures 0.44-0.46, at the edge of doubtless: the looks may go on.
    sure = [i for i, f in enumerate(faces) if f.distance is not None and f.distance <= STRONG_MAX]
    assert len(sure) == 1 if face_width == 40 else len(sure) <= 1
    assert all(len(faces) - 1 - i <= 2 for i in sure)


@pytest.mark.slow
def test_a_crowd_without_the_user_matches_no_one(obama_refs: np.ndarray) -> None:
    data = crowd(None, 38)
    faces = find_faces(read_image(data), obama_refs, larger=looking_closer(data, []))
    assert len(faces) >= 20
    assert all(band_for(f.distance) is None for f in faces)


def test_texture_that_nearly_looks_like_faces_costs_few_looks_and_finds_no_one(
    obama_refs: np.ndarray, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Blurred noise, like gravel or grass: the pointer may show it, dlib finds no face.
    noise = np.random.default_rng(1).integers(0, 255, (1365, 2048, 3), dtype=np.uint8)
    texture = ImageOps.autocontrast(Image.fromarray(noise).filter(ImageFilter.GaussianBlur(2)))
    out = io.BytesIO()
    texture.save(out, "JPEG", quality=90)
    patches: list[tuple[float, float, float]] = []
    look_at = detection._Passes._look_at
    monkeypatch.setattr(
        detection._Passes,
        "_look_at",
        lambda self, *spot: patches.append(spot) or look_at(self, *spot),
    )
    data = out.getvalue()
    assert find_faces(read_image(data), obama_refs, larger=looking_closer(data, [])) == []
    assert len(patches) <= 4


@pytest.mark.slow
def test_a_crowd_is_searched_at_the_photos_own_resolution(obama_refs: np.ndarray) -> None:
    # An export's 2048 px photo has detail a 34 px face needs that the 1600 px work image drops.
    task = Task("crowd", crowd("obama3.jpg", 34))
    outcome = analyse(task, obama_refs, AnalysisSettings())
    assert outcome.error is None
    assert any(d is not None and d < 0.5 for _, d in outcome.faces)


@pytest.mark.slow
def test_a_crowds_faces_are_remeasured_where_they_were_found(obama_refs: np.ndarray) -> None:
    # New selfies re-measure stored faces at their boxes: a crowd's, on the larger decode.
    data = crowd("obama3.jpg", 34)
    first = analyse(Task("crowd", data), obama_refs, AnalysisSettings())
    boxes = tuple(box for box, _ in first.faces)
    again = analyse(Task("crowd", data, boxes), obama_refs, AnalysisSettings())
    nearest_first = min(d for _, d in first.faces if d is not None)
    nearest_again = min(d for _, d in again.faces if d is not None)
    assert nearest_first < 0.5
    assert nearest_again == pytest.approx(nearest_first, abs=0.03)


def test_tiny_profile_picture_is_found(obama_refs: np.ndarray) -> None:
    tiny = reencode(face_bytes("obama2.jpg"), "JPEG")
    image = Image.open(io.BytesIO(tiny))
    image.thumbnail((200, 200))
    out = io.BytesIO()
    image.save(out, "JPEG")
    assert nearest(out.getvalue(), obama_refs) < 0.6


def test_remeasuring_known_boxes_gives_the_same_distances(obama_refs: np.ndarray) -> None:
    image = read_image(face_bytes("two_people.jpg"))
    detected = find_faces(image, obama_refs)
    again = encode_boxes(image, [f.box for f in detected], obama_refs)
    for a, b in zip(detected, again, strict=True):
        assert a.distance == pytest.approx(b.distance, abs=0.03)


def test_no_references_means_no_distance() -> None:
    faces = find_faces(read_image(face_bytes("kit2.jpg")), np.empty((0, 128)))
    assert len(faces) == 1
    assert faces[0].distance is None


def test_bands() -> None:
    assert band_for(0.3) == "strong"
    assert band_for(0.5) == "likely"
    assert band_for(0.58) == "possible"
    assert band_for(0.61) is None
    assert band_for(0.5, threshold=0.4) is None
    assert band_for(None) is None


def test_cnn_detector_finds_the_same_face(obama_refs: np.ndarray) -> None:
    image = read_image(face_bytes("obama-240p.jpg"))
    hog = find_faces(image, obama_refs)
    cnn = find_faces(image, obama_refs, detector="cnn")
    assert len(cnn) == 1
    assert band_for(cnn[0].distance) == "strong"
    assert np.allclose(cnn[0].box, hog[0].box, atol=20)


def test_threads_take_turns_on_the_face_models(obama_refs: np.ndarray) -> None:
    # dlib's models are shared per process; two threads at once once took 80 times as long.
    import threading
    import time

    image = read_image(face_bytes("two_people.jpg"))
    started = time.perf_counter()
    alone = find_faces(image, obama_refs)
    serial = time.perf_counter() - started
    results: list[list[object]] = []
    threads = [
        threading.Thread(target=lambda: results.append(find_faces(image, obama_refs)))
        for _ in range(2)
    ]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert time.perf_counter() - started < 10 * serial + 1
    assert results == [alone, alone]
