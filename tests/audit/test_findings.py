"""Findings: the faces within the threshold, nearest first, and the user's decisions on them."""

from __future__ import annotations

from pathlib import Path

import pytest

from exposure_audit.audit.store import Audit
from exposure_audit.vocabulary import Band, Decision
from tests.support.recorded import record_photo


@pytest.fixture
def audit(tmp_path: Path):
    with Audit.open(tmp_path / "a.audit") as opened:
        source = opened.add_source("/exports/one", "folder")
        record_photo(opened, source, "far.jpg", [0.58, 0.75])
        record_photo(opened, source, "near.jpg", [0.3])
        record_photo(opened, source, "middle.jpg", [0.5])
        yield opened


def test_findings_are_the_faces_within_the_threshold_nearest_first(audit: Audit) -> None:
    found = audit.findings()
    assert [(f.location, f.distance, f.band) for f in found] == [
        ("near.jpg", 0.3, Band.STRONG),
        ("middle.jpg", 0.5, Band.LIKELY),
        ("far.jpg", 0.58, Band.POSSIBLE),
    ]
    assert audit.finding_count() == 3
    assert [f.location for f in audit.findings(threshold=0.45)] == ["near.jpg"]


def test_a_decision_is_kept_filtered_on_and_cleared(audit: Audit) -> None:
    near, middle, _far = audit.findings()
    audit.set_decision(near.face_id, Decision.ME)
    audit.set_decision(middle.face_id, Decision.NOT_ME)
    assert [f.location for f in audit.findings(decision=Decision.ME)] == ["near.jpg"]
    assert [f.location for f in audit.findings(decision=Decision.NOT_ME)] == ["middle.jpg"]
    assert [f.location for f in audit.findings(decision=Decision.UNDECIDED)] == ["far.jpg"]
    audit.set_decision(near.face_id, Decision.UNDECIDED)
    assert audit.findings()[0].decision is None


def test_saying_not_me_drops_the_thumbnail_that_showed_the_face(audit: Audit) -> None:
    near = audit.findings()[0]
    audit.set_thumbnail(near.item_id, b"jpeg showing the face sharp")
    audit.set_decision(near.face_id, Decision.ME)
    assert audit.thumbnail(near.item_id) == b"jpeg showing the face sharp"
    audit.set_decision(near.face_id, Decision.NOT_ME)
    assert audit.thumbnail(near.item_id) is None


def test_a_new_threshold_decides_which_faces_are_findings(audit: Audit) -> None:
    audit.set_threshold(0.4)
    assert [(f.location, f.band) for f in audit.findings()] == [("near.jpg", Band.STRONG)]
    audit.set_threshold(0.8)
    assert [(f.location, f.band) for f in audit.findings()][-1] == ("far.jpg", Band.POSSIBLE)
    assert audit.finding_count() == 4


def test_the_findings_of_one_photo_are_its_own(audit: Audit) -> None:
    far = next(f for f in audit.findings() if f.location == "far.jpg")
    assert [f.distance for f in audit.findings_of_item(far.item_id)] == [0.58]
    assert far.context == {"platform": "facebook", "audience": "public"}
    assert not far.is_video
