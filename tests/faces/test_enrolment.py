"""Enrolment verdicts on real selfies."""

from __future__ import annotations

import io

from PIL import Image, ImageFilter

from exposure_audit.faces.enrolment import assess_selfie, assess_selfies
from tests.support.photos import face_bytes


def blurred(name: str, radius: float) -> bytes:
    out = io.BytesIO()
    Image.open(io.BytesIO(face_bytes(name))).filter(ImageFilter.GaussianBlur(radius)).save(
        out, "JPEG"
    )
    return out.getvalue()


def test_good_selfie_is_usable() -> None:
    report = assess_selfie(face_bytes("obama.jpg"), "obama.jpg")
    assert report.usable
    assert report.encoding is not None
    assert report.encoding.shape == (128,)
    assert report.face_count == 1


def test_photo_without_a_face_says_so() -> None:
    out = io.BytesIO()
    Image.new("RGB", (400, 300), (200, 180, 160)).save(out, "JPEG")
    report = assess_selfie(out.getvalue(), "wall.jpg")
    assert not report.usable
    assert "no face" in report.problems[0]


def test_several_faces_take_the_largest_and_say_so() -> None:
    report = assess_selfie(face_bytes("two_people.jpg"), "two.jpg")
    assert report.face_count == 2
    assert any("largest" in note for note in report.notes)


def test_small_face_is_too_small() -> None:
    report = assess_selfie(face_bytes("obama-240p.jpg"), "small.jpg")
    assert any("too small" in p for p in report.problems)


def test_blurry_face_is_blurry() -> None:
    report = assess_selfie(blurred("obama.jpg", 4), "blurry.jpg")
    assert any("blurry" in p for p in report.problems)
    assert assess_selfie(blurred("obama.jpg", 0.5), "fine.jpg").usable


def test_selfie_of_someone_else_is_flagged() -> None:
    reports = assess_selfies(
        [(n, face_bytes(n)) for n in ("obama.jpg", "obama2.jpg", "obama3.jpg", "biden.jpg")]
    )
    verdicts = {r.name: r.usable for r in reports}
    assert verdicts == {
        "obama.jpg": True,
        "obama2.jpg": True,
        "obama3.jpg": True,
        "biden.jpg": False,
    }
    assert "does not look like your other selfies" in reports[3].problems[0]


def test_unreadable_selfie_is_reported() -> None:
    report = assess_selfie(b"not a photo", "x.jpg")
    assert not report.usable
    assert "cannot read" in report.problems[0]
