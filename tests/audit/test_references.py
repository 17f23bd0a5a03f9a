"""The user's selfies: encodings kept and given back exactly; old verdicts become codes.

Audits written before verdicts were codes: their English sentences become codes on opening.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import numpy as np
import pytest

from exposure_audit.audit import references
from exposure_audit.audit.schema_check import statements
from exposure_audit.audit.store import MIGRATIONS, Audit
from exposure_audit.faces.enrollment import Remark
from exposure_audit.vocabulary import SelfieCheck


def test_references_round_trip(tmp_path: Path) -> None:
    encoding = np.linspace(-0.2, 0.2, 128)
    with Audit.open(tmp_path / "a.audit") as audit:
        ref_id = audit.add_reference("me.jpg", "ab" * 32, encoding, (1, 2, 3, 4), {"usable": True})
        assert np.array_equal(audit.reference_matrix()[0], encoding)
        assert audit.references()[0].box == (1, 2, 3, 4)
        audit.remove_reference(ref_id)
        assert audit.reference_matrix().shape == (0, 128)


def test_a_forgotten_selfie_is_put_back_exactly(tmp_path: Path) -> None:
    encoding = np.linspace(-0.2, 0.2, 128)
    with Audit.open(tmp_path / "a.audit") as audit:
        audit.add_reference("me.jpg", "ab" * 32, encoding, (1, 2, 3, 4), {"usable": True})
        audit.reject_selfie("other.jpg", "cd" * 32, {"usable": False, "remarks": []})
        before = (audit.references(), audit.rejected_selfies(), audit.references_key())
        used = audit.forget_selfie("ab" * 32)
        rejected = audit.forget_selfie("cd" * 32)
        assert audit.references() == []
        assert audit.rejected_selfies() == []
        audit.put_back_selfie(used)
        audit.put_back_selfie(rejected)
        after = (audit.references(), audit.rejected_selfies(), audit.references_key())
        assert [r.id for r in after[0]] == [r.id for r in before[0]]
        assert np.array_equal(after[0][0].encoding, encoding)
        assert after[1] == before[1]
        assert after[2] == before[2]


def test_a_rejected_selfie_keeps_its_file_and_leaves_once_it_is_used(tmp_path: Path) -> None:
    encoding = np.linspace(-0.2, 0.2, 128)
    with Audit.open(tmp_path / "a.audit") as audit:
        audit.reject_selfie("me.jpg", "ab" * 32, {"problems": [{"code": "blurry"}]}, "/p/me.jpg")
        audit.reject_selfie("me.jpg", "ab" * 32, {"problems": [{"code": "no_face"}]})
        [rejected] = audit.rejected_selfies()
        assert rejected.origin == "/p/me.jpg"  # a verdict given again keeps where it came from
        assert rejected.verdict == {"problems": [{"code": "no_face"}]}
        audit.add_reference("me.jpg", "ab" * 32, encoding, (1, 2, 3, 4), {"usable": True})
        assert audit.rejected_selfies() == []
        assert audit.references_key() == "ab" * 32


# The sentences the version before codes wrote, verbatim (faces/enrolment.py, as that version named it).
OLD_NOTES = [
    "3 faces found; the largest is taken as yours — a photo of you alone is safer",
    "looks far apart from your other selfie (0.63): both are used; if they are both you"
    " (years apart, say), a third selfie would settle it",
]
OLD_PROBLEMS = [
    "cannot read this photo: not an image (or a format this tool cannot read)",
    "no face found: use a photo where your face is clearly visible, facing the camera",
    "face too small (63 px wide): use a closer photo, at least 90 px",
    "face is blurry: use a sharper photo",
]
OLD_SET_ASIDE_NOTES = [
    "looks far apart from your other selfies (0.71): used, as you said they are all you",
    "looks far apart from some of your other selfies (0.66): used; remove it if it is not you",
    "something an even older version said",
]
OLD_DISAGREES = (
    "does not look like your other selfies (nearest 0.74), likely another person: remove it,"
    " or say these are all you"
)

# The same verdicts as this version words them: figures on the app's one scale, % alike.
NEW_NOTES = [
    OLD_NOTES[0],
    "looks far apart from your other selfie (37 % alike): both are used; if they are both you"
    " (years apart, say), a third selfie would settle it",
]
NEW_SET_ASIDE_NOTES = [
    "looks far apart from your other selfies (29 % alike): used, as you said they are all you",
    "looks far apart from some of your other selfies (34 % alike): used; remove it if it is not"
    " you",
    OLD_SET_ASIDE_NOTES[2],
]
NEW_DISAGREES = (
    "does not look like your other selfies (at most 26 % alike), likely another person: remove"
    " it, or say these are all you"
)


def old_audit(path: Path) -> None:
    """An audit at the version before codes, holding verdicts as that version wrote them."""
    before = MIGRATIONS.index(references.SCHEMA_4)
    db = sqlite3.connect(path)
    for script in MIGRATIONS[:before]:
        for statement in statements(script):
            db.execute(statement)
    db.execute(f"PRAGMA user_version = {before}")
    quality = {"name": "me.jpg", "usable": True, "face_count": 3, "box": [1, 2, 3, 4]}
    db.execute(
        "INSERT INTO refs(label, sha256, encoding, box, quality, added_at) VALUES (?,?,?,?,?,?)",
        (
            "me.jpg",
            "a" * 64,
            bytes(1024),
            "[1, 2, 3, 4]",
            json.dumps({**quality, "problems": [], "disagrees": None, "notes": OLD_NOTES}),
            "2026-01-01T00:00:00+00:00",
        ),
    )
    verdicts = {
        "b" * 64: {"problems": OLD_PROBLEMS, "disagrees": None, "notes": []},
        "c" * 64: {"problems": [], "disagrees": OLD_DISAGREES, "notes": OLD_SET_ASIDE_NOTES},
    }
    for sha256, verdict in verdicts.items():
        db.execute(
            "INSERT INTO rejected_selfies(sha256, label, origin, verdict, assessed_at)"
            " VALUES (?, ?, NULL, ?, ?)",
            (sha256, f"{sha256[0]}.jpg", json.dumps(verdict), "2026-01-01T00:00:00+00:00"),
        )
    db.commit()
    db.close()


@pytest.fixture(scope="module")
def opened(tmp_path_factory: pytest.TempPathFactory) -> tuple[list, list]:
    path = tmp_path_factory.mktemp("old") / "old.audit"
    old_audit(path)
    path.chmod(0o600)
    with Audit.open(path) as audit:
        assert audit.db.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
        return audit.references(), audit.rejected_selfies()


def remarks(stored: list) -> list[Remark]:
    return [Remark.from_stored(item) for item in stored]


def test_notes_of_a_reference_become_codes_with_their_figures(opened) -> None:
    refs, _rejected = opened
    assert refs[0].quality["notes"] == [
        {"code": "several_faces", "value": 3},
        {"code": "far_from_other", "value": 0.63},
    ]


def test_problems_become_codes(opened) -> None:
    _refs, rejected = opened
    verdict = {r.sha256: r.verdict for r in rejected}["b" * 64]
    assert remarks(verdict["problems"]) == [
        Remark(SelfieCheck.UNREADABLE, text="not an image (or a format this tool cannot read)"),
        Remark(SelfieCheck.NO_FACE),
        Remark(SelfieCheck.TOO_SMALL, 63),
        Remark(SelfieCheck.BLURRY),
    ]


def test_a_set_aside_selfie_keeps_why_as_codes(opened) -> None:
    _refs, rejected = opened
    verdict = {r.sha256: r.verdict for r in rejected}["c" * 64]
    assert Remark.from_stored(verdict["disagrees"]) == Remark(SelfieCheck.UNLIKE_OTHERS, 0.74)
    assert remarks(verdict["notes"]) == [
        Remark(SelfieCheck.FAR_BUT_ALL_ME, 0.71),
        Remark(SelfieCheck.FAR_FROM_SOME, 0.66),
        Remark(SelfieCheck.OTHER, text="something an even older version said"),
    ]


def test_the_coded_verdicts_read_as_the_sentences_they_were(opened) -> None:
    refs, rejected = opened
    by_sha = {r.sha256: r.verdict for r in rejected}
    assert [r.words for r in remarks(refs[0].quality["notes"])] == NEW_NOTES
    assert [r.words for r in remarks(by_sha["b" * 64]["problems"])] == OLD_PROBLEMS
    assert Remark.from_stored(by_sha["c" * 64]["disagrees"]).words == NEW_DISAGREES
    assert [r.words for r in remarks(by_sha["c" * 64]["notes"])] == NEW_SET_ASIDE_NOTES


def test_new_verdicts_are_stored_as_codes(tmp_path: Path) -> None:
    from exposure_audit import actions
    from exposure_audit.faces.enrollment import Selfie

    with Audit.open(tmp_path / "new.audit") as audit:
        actions.enroll_selfies(audit, [Selfie("wall.jpg", b"not a photo")])
        verdict = audit.rejected_selfies()[0].verdict
    assert verdict["problems"][0]["code"] == "unreadable"
    assert all(isinstance(p, dict) for p in verdict["problems"])
