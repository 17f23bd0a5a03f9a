"""Controllers for findings, the evidence annex, identity, and the request tracker on a real scan."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest

from exposure_audit.audit.store import Audit
from exposure_audit.errors import UserMistake
from exposure_audit.exports import (
    facebook,
    generic,
    icloud,
    instagram,
    takeout,
    telegram,
    twitter,
    webpage,
    whatsapp,
)
from exposure_audit.rights import tracker
from exposure_audit.rights.deadlines import due_date
from exposure_audit.rights.evidence import (
    build_letter,
    controller_of,
    controllers_for_findings,
    evidence_for,
    load_identity,
    save_identity,
    suggest_account_ids,
)
from exposure_audit.rights.letters import Identity, render_text
from tests.support.actionkit import IDENTITY, encoding_texts, open_copy


@pytest.fixture
def audit(platform_audit: Path, tmp_path: Path) -> Iterator[Audit]:
    with open_copy(platform_audit, tmp_path) as opened:
        save_identity(opened, IDENTITY)
        yield opened


@pytest.mark.parametrize(
    ("platform", "slug"),
    [
        (facebook.PLATFORM, "meta"),
        (instagram.PLATFORM, "meta"),
        (takeout.PHOTOS, "google"),
        ("Google", "google"),
        (twitter.PLATFORM, "x"),
        (icloud.PLATFORM, "apple"),
        (whatsapp.PLATFORM, "whatsapp"),
        (telegram.PLATFORM, "telegram"),
        ("Snapchat", "snap"),
        ("Discord", "discord"),
        ("TikTok", "tiktok"),
        ("FACEBOOK", "meta"),
        (generic.PLATFORM, None),
        (webpage.PLATFORM, None),
        (None, None),
    ],
)
def test_adapter_platforms_map_to_controllers(platform: str | None, slug: str | None) -> None:
    controller = controller_of(platform, "EEA")
    assert (controller.slug if controller else None) == slug


def test_confirmed_facebook_finding_maps_to_meta(audit: Audit) -> None:
    groups = controllers_for_findings(audit, "EEA")
    assert list(groups) == ["meta"]
    assert all(row.decision == "me" for row in groups["meta"])
    entity = tracker.controller_by_slug("meta").entity("EEA")
    assert entity.name == "Meta Platforms Ireland Limited"


def test_evidence_rows_without_thumbnails_by_default(audit: Audit) -> None:
    rows = evidence_for(audit, "meta")
    confirmed = {r.sha256 for r in audit.findings(decision="me")}
    assert rows
    assert {r.sha256 for r in rows} == confirmed
    assert all(r.thumbnail_jpeg is None for r in rows)
    pp = next(r for r in rows if "ProfilePictures" in r.location)
    assert pp.platform == "Facebook"
    assert pp.date == "2024-03-05"
    assert pp.location.startswith("your_facebook_activity/")  # no private folder names
    assert pp.url_or_id == "pp1.jpg"


def test_evidence_thumbnails_on_request(audit: Audit) -> None:
    rows = evidence_for(audit, "meta", thumbnails=True)
    assert all(r.thumbnail_jpeg and r.thumbnail_jpeg[:3] == b"\xff\xd8\xff" for r in rows)


def test_strong_undecided_only_when_asked(audit: Audit) -> None:
    everything = evidence_for(audit)
    with_strong = evidence_for(audit, include_strong=True)
    assert len(with_strong) == len(everything) + 1
    assert {r.location for r in with_strong} - {r.location for r in everything} == {
        "two_people.jpg"
    }


def test_letter_carries_every_sha256_and_no_encoding(audit: Audit) -> None:
    req = build_letter(audit, "meta", ["access", "erasure"], language="de", grounds="bd")
    text = render_text(req)
    assert req.evidence
    for row in req.evidence:
        assert row.sha256 in text
    for number in encoding_texts(audit):
        assert number not in text
    assert "Meta Platforms Ireland Limited" in text


def test_identity_saved_once_and_replaced(audit: Audit) -> None:
    assert load_identity(audit) == IDENTITY
    other = Identity("J. Doe", ("Elsewhere 2",), None, {"Facebook username": "jdoe"})
    save_identity(audit, other)
    assert load_identity(audit) == other


def test_account_ids_suggested_from_the_exports(audit: Audit) -> None:
    # The name from profile_information.json, the username from the export's file name.
    assert suggest_account_ids(audit) == {"Facebook name": "Jane Doe", "Facebook username": "jdoe"}


def test_due_date_month_end_then_weekend(audit: Audit) -> None:
    rid = tracker.record_request(audit, "meta", ["access"], "EU", "en", "email", date(2027, 1, 31))
    req = tracker.get_request(audit, rid)
    assert due_date(date(2027, 1, 31), "EU", roll_weekend=False) == date(2027, 2, 28)
    assert req.received_on == date(2027, 1, 31)
    assert req.due == date(2027, 3, 1)  # 28 February 2027 is a Sunday
    assert req.channel == "email"
    assert req.reference == f"EA-2027-{rid:03d}"


@pytest.mark.parametrize(
    ("jurisdiction", "channel", "sent", "due"),
    [
        ("EU", "post", date(2027, 1, 29), date(2027, 3, 2)),  # received Tuesday 2 February
        ("UK", "webform", date(2027, 3, 31), date(2027, 4, 30)),
        ("CCPA", "email", date(2027, 1, 31), date(2027, 3, 17)),
    ],
)
def test_due_date_per_jurisdiction(
    audit: Audit, jurisdiction: str, channel: str, sent: date, due: date
) -> None:
    rid = tracker.record_request(audit, "meta", ["erasure"], jurisdiction, "en", channel, sent)
    assert tracker.get_request(audit, rid).due == due


def test_overdue_then_reminder_then_complaint(audit: Audit) -> None:
    rid = tracker.record_request(audit, "meta", ["access"], "EU", "en", "email", date(2027, 1, 31))
    due = date(2027, 3, 1)

    def step(day: date) -> tuple[bool, str]:
        status = next(s for s in tracker.list_requests(audit, day) if s.request.id == rid)
        return status.overdue, status.step

    assert step(due) == (False, "wait")
    assert step(due + timedelta(days=1)) == (True, "reminder")
    tracker.mark_reminder_sent(audit, rid, date(2027, 3, 2))
    assert step(date(2027, 3, 16)) == (True, "wait")
    assert step(date(2027, 3, 17)) == (True, "complaint")
    tracker.mark_complaint_sent(audit, rid, date(2027, 3, 17))
    assert step(date(2027, 3, 18)) == (True, "done")


def test_extension_and_answer(audit: Audit) -> None:
    rid = tracker.record_request(audit, "meta", ["access"], "EU", "en", "email", date(2027, 1, 31))
    assert tracker.extend(audit, rid) == date(2027, 4, 30)
    status = tracker.list_requests(audit, date(2027, 3, 5))[0]
    assert (status.overdue, status.step) == (False, "wait")
    tracker.mark_answered(audit, rid, date(2027, 4, 1))
    status = tracker.list_requests(audit, date(2027, 6, 1))[0]
    assert (status.overdue, status.step, status.request.status) == (False, "done", "answered")


def test_draft_waits_to_be_sent(audit: Audit) -> None:
    rid = tracker.record_request(audit, "meta", ["access"], "EU", "en", None, None)
    assert tracker.list_requests(audit, date(2030, 1, 1))[0].step == "send"
    tracker.mark_sent(audit, rid, date(2027, 1, 31), "email")
    assert tracker.get_request(audit, rid).due == date(2027, 3, 1)


def test_follow_up_letters_repeat_the_annex_as_sent(audit: Audit) -> None:
    rid = tracker.record_request(audit, "meta", ["erasure"], "EU", "en", "email", date(2027, 1, 31))
    sent = tracker.get_request(audit, rid)
    assert tracker.request_face_ids(audit, rid)
    for face in tracker.request_face_ids(audit, rid):
        audit.set_decision(face, "not_me")  # later changes do not rewrite what was sent
    req = tracker.get_request(audit, rid)
    assert req.evidence == sent.evidence
    reminder = render_text(tracker.reminder_for(audit, req, date(2027, 3, 2)))
    complaint = tracker.complaint_for(audit, req, date(2027, 3, 20))
    assert sent.reference in reminder
    assert all(row.sha256 in reminder for row in sent.evidence)
    assert complaint.authority is not None
    assert complaint.authority.key == "DE-BE"  # where the person lives (10115 Berlin)
    assert tracker.complaint_for(audit, req, date(2027, 3, 20), "DE-BE").authority.country == "DE"  # type: ignore[union-attr]


def test_bad_requests_refused(audit: Audit) -> None:
    with pytest.raises(UserMistake):
        tracker.record_request(audit, "nope", ["access"], "EU", "en", "email", date(2027, 1, 1))
    with pytest.raises(UserMistake, match="request types"):
        tracker.record_request(audit, "meta", ["hug"], "EU", "en", "email", date(2027, 1, 1))
    with pytest.raises(UserMistake, match="channel"):
        tracker.record_request(audit, "meta", ["access"], "EU", "en", "pigeon", date(2027, 1, 1))
    with pytest.raises(UserMistake):
        tracker.get_request(audit, 999)


def test_ics_one_event_per_sent_request(audit: Audit) -> None:
    for day in (date(2027, 1, 31), date(2027, 5, 10)):
        tracker.record_request(audit, "meta", ["access"], "EU", "en", "email", day)
    tracker.record_request(audit, "meta", ["access"], "EU", "en", None, None)  # draft: no date
    text = tracker.ics(audit)
    lines = text.split("\r\n")
    assert lines[0] == "BEGIN:VCALENDAR"
    assert lines[-2] == "END:VCALENDAR"
    assert text.count("BEGIN:VEVENT") == text.count("END:VEVENT") == 2
    assert "DTSTART;VALUE=DATE:20270301" in lines
    assert all(len(line.encode()) <= 75 for line in lines)
