"""Enrollment verdicts on real selfies."""

from __future__ import annotations

import io
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageFilter

from exposure_audit import actions
from exposure_audit.audit.store import Audit
from exposure_audit.faces import enrollment
from exposure_audit.faces.enrollment import (
    Selfie,
    SelfieReport,
    assess_selfie,
    assess_selfies,
    check_agreement,
)
from exposure_audit.vocabulary import SelfieCheck
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
    assert report.problems[0].code == SelfieCheck.NO_FACE


def test_several_faces_take_the_largest_and_say_so() -> None:
    report = assess_selfie(face_bytes("two_people.jpg"), "two.jpg")
    assert report.face_count == 2
    assert [n.code for n in report.notes] == [SelfieCheck.SEVERAL_FACES]
    assert "largest" in report.notes[0].words


def test_small_face_is_too_small() -> None:
    report = assess_selfie(face_bytes("obama-240p.jpg"), "small.jpg")
    assert any(p.code == SelfieCheck.TOO_SMALL for p in report.problems)


def test_blurry_face_is_blurry() -> None:
    report = assess_selfie(blurred("obama.jpg", 4), "blurry.jpg")
    assert any(p.code == SelfieCheck.BLURRY for p in report.problems)
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
    assert reports[3].disagrees is not None
    assert reports[3].disagrees.code == SelfieCheck.UNLIKE_OTHERS
    assert "does not look like your other selfies" in reports[3].disagrees.words
    assert not reports[3].problems  # it has a clear face: the user may overrule the verdict


def test_unreadable_selfie_is_reported() -> None:
    report = assess_selfie(b"not a photo", "x.jpg")
    assert not report.usable
    assert report.problems[0].code == SelfieCheck.UNREADABLE
    assert "cannot read" in report.problems[0].words


# The enrollment cannot tell a face that aged from another person's: it sees only distances.
# The rules are therefore tested with selfies whose faces are far apart, whoever is in them.


def selfies(*names: str) -> list[tuple[str, bytes]]:
    return [(n, face_bytes(n)) for n in names]


def test_two_selfies_far_apart_are_both_used_with_a_note() -> None:
    reports = assess_selfies(selfies("obama.jpg", "kit1.jpg"))
    assert all(r.usable for r in reports)
    for report in reports:
        assert any("a third selfie would settle it" in n.words for n in report.notes)


def test_two_even_groups_are_all_used_and_said_to_be_far_apart() -> None:
    reports = assess_selfies(selfies("obama.jpg", "obama2.jpg", "kit1.jpg", "kit2.jpg"))
    assert all(r.usable for r in reports)
    assert all(any(n.code.compares for n in r.notes) for r in reports)


def test_the_user_can_say_these_are_all_me() -> None:
    names = ("obama.jpg", "obama2.jpg", "obama3.jpg", "biden.jpg")
    reports = assess_selfies(selfies(*names), all_me=True)
    assert all(r.usable for r in reports)
    assert any(n.code == SelfieCheck.FAR_BUT_ALL_ME for n in reports[3].notes)


def test_what_is_objectively_unusable_stays_refused_when_all_are_mine() -> None:
    reports = assess_selfies(selfies("obama.jpg", "obama-240p.jpg"), all_me=True)
    assert [r.usable for r in reports] == [True, False]
    assert reports[1].problems[0].code == SelfieCheck.TOO_SMALL


def encoded(name: str, vector: list[float]) -> SelfieReport:
    encoding = np.zeros(128)
    encoding[: len(vector)] = vector
    return SelfieReport(name=name, sha256=name, box=(0, 100, 100, 0), encoding=encoding)


def test_faces_changing_gradually_form_one_group() -> None:
    """Young, middle-aged, old: each close to the next, the ends far apart."""
    reports = [encoded("young", [0.0]), encoded("middle", [0.4]), encoded("old", [0.8])]
    check_agreement(reports)
    assert all(r.usable and not r.notes for r in reports)


def test_a_minority_of_two_in_five_is_kept_with_a_note() -> None:
    """Two of five is not a clear minority: both are kept, with a note."""
    reports = [encoded(f"a{i}", [0.0, 0.1 * i]) for i in range(3)]
    reports += [encoded(f"b{i}", [1.0, 0.1 * i]) for i in range(2)]
    check_agreement(reports)
    assert all(r.usable for r in reports)
    assert all(any(n.code.compares for n in r.notes) for r in reports[3:])


def test_a_minority_of_one_in_four_is_set_aside() -> None:
    reports = [encoded(f"a{i}", [0.0, 0.1 * i]) for i in range(3)] + [encoded("b", [1.0])]
    check_agreement(reports)
    assert [r.usable for r in reports] == [True, True, True, False]


def given(*names: str) -> list[Selfie]:
    return [Selfie(n, face_bytes(n), n) for n in names]


def test_rejected_selfies_keep_their_verdict_after_reopening(tmp_path: Path) -> None:
    path = tmp_path / "me.audit"
    with Audit.open(path) as audit:
        actions.enroll_selfies(audit, given("obama.jpg", "obama2.jpg", "obama3.jpg", "biden.jpg"))
        actions.enroll_selfies(audit, given("obama-240p.jpg"))
    with Audit.open(path) as audit:
        assert {r.label for r in audit.references()} == {"obama.jpg", "obama2.jpg", "obama3.jpg"}
        rejected = {r.label: r for r in audit.rejected_selfies()}
    assert rejected["biden.jpg"].verdict["disagrees"]["code"] == "unlike_others"
    assert rejected["obama-240p.jpg"].verdict["problems"][0]["code"] == "too_small"
    assert rejected["biden.jpg"].origin == "biden.jpg"


def test_a_third_selfie_settles_which_one_is_apart(tmp_path: Path) -> None:
    with Audit.open(tmp_path / "me.audit") as audit:
        first = actions.enroll_selfies(audit, given("obama.jpg", "kit1.jpg"))
        assert all(r.usable for r in first)
        reports = actions.enroll_selfies(audit, given("obama2.jpg", "obama3.jpg"))
        assert {r.name: r.usable for r in reports}["kit1.jpg"] is False
        assert {r.label for r in audit.references()} == {"obama.jpg", "obama2.jpg", "obama3.jpg"}
        actions.enroll_selfies(audit, given("kit1.jpg"), all_me=True)
        assert len(audit.references()) == 4
        assert not audit.rejected_selfies()


def test_selfies_assessed_before_are_not_assessed_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    names = ("obama.jpg", "obama2.jpg", "obama-240p.jpg")
    with Audit.open(tmp_path / "me.audit") as audit:
        before = actions.enroll_selfies(audit, given(*names))
        assert not actions.needs_assessment(audit, given(*names))
        assert actions.needs_assessment(audit, given("obama3.jpg"))

        def refuse(data: bytes, name: str) -> SelfieReport:
            raise AssertionError(f"{name} was assessed again")

        monkeypatch.setattr(enrollment, "assess_selfie", refuse)
        again = actions.enroll_selfies(audit, given(*names))
    assert [(r.name, r.usable, r.problems) for r in again] == [
        (r.name, r.usable, r.problems) for r in before
    ]
    assert np.array_equal(again[0].encoding, before[0].encoding)
