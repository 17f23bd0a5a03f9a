"""The request tracker's rows: the faces each request is about, its dates, the replies to it."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from exposure_audit.audit.store import Audit
from tests.support.recorded import record_photo


def draft(**changes: Any) -> dict[str, Any]:
    """A request's values as the tracker writes them."""
    values = {
        "controller": "meta",
        "types": "access,erasure",
        "jurisdiction": "eu",
        "region": "eu",
        "language": "en",
        "grounds": "",
        "reference": "EA-1",
        "evidence": json.dumps([["a.jpg", "2024-05-01"]]),
    }
    return {**values, **changes}


@pytest.fixture
def audit(tmp_path: Path):
    with Audit.open(tmp_path / "a.audit") as opened:
        yield opened


def test_a_request_keeps_its_faces_and_the_sources_known_then(audit: Audit) -> None:
    source = audit.add_source("/exports/facebook.zip", "export")
    item = record_photo(audit, source, "a.jpg", [0.3, 0.4])
    faces = [face_id for face_id, _box, _distance in audit.faces_of(item)]
    request_id = audit.add_request(draft(), reversed(faces))
    audit.add_source("/exports/later.zip", "export")
    stored = audit.request(request_id)
    assert stored is not None
    assert (stored.types, stored.status, stored.sources_seen) == (("access", "erasure"), "draft", 1)
    assert stored.evidence == (("a.jpg", "2024-05-01"),)
    assert audit.request_face_ids(request_id) == faces


def test_dates_are_stored_and_read_as_dates(audit: Audit) -> None:
    request_id = audit.add_request(draft())
    audit.update_request(
        request_id, {"sent_on": date(2026, 3, 2), "due_on": date(2026, 4, 2), "status": "sent"}
    )
    stored = audit.request(request_id)
    assert stored is not None
    assert (stored.sent_on, stored.due_on, stored.status) == (
        date(2026, 3, 2),
        date(2026, 4, 2),
        "sent",
    )
    assert stored.answered_on is None


def test_references_taken_and_the_last_id(audit: Audit) -> None:
    assert audit.last_request_id() == 0
    first = audit.add_request(draft(reference="EA-1"))
    second = audit.add_request(draft(reference="EA-2"))
    assert audit.last_request_id() == second
    assert audit.request_reference_taken("EA-2")
    assert not audit.request_reference_taken("EA-3")
    assert [r.id for r in audit.all_requests()] == [first, second]


def test_replies_belong_to_their_request_and_go_with_it(audit: Audit) -> None:
    first = audit.add_request(draft(reference="EA-1"))
    second = audit.add_request(draft(reference="EA-2"))
    reply = audit.add_reply(
        {"request_id": first, "kind": "partial", "received_on": date(2026, 3, 9), "missing": "a,f"}
    )
    audit.add_reply({"request_id": second, "kind": "excessive", "received_on": None})
    [stored] = audit.replies(first)
    assert (stored.id, stored.kind, stored.received_on) == (reply, "partial", date(2026, 3, 9))
    assert stored.missing == ("a", "f")
    assert [r.kind for r in audit.replies()] == ["partial", "excessive"]
    audit.delete_request(first)
    assert audit.request(first) is None
    assert [r.request_id for r in audit.replies()] == [second]
