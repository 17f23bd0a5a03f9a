"""Requests page: face-search letters, complaints routed to your own authority, deletion check."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from exposure_audit.audit.store import Audit
from exposure_audit.rights import tracker
from exposure_audit.rights.evidence import save_identity
from exposure_audit.rights.letters import Identity
from tests.support.exportkit import build_export
from tests.support.scanning import run_scan
from tests.support.ui import confirmed_facebook_audit, open_audit

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def confirmed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Your public Facebook profile picture, confirmed as you; your details saved."""
    path = confirmed_facebook_audit(tmp_path_factory.mktemp("letters"))
    with Audit.open(path) as audit:
        assert [r.context.get("audience") for r in audit.findings()] == ["public"]
    return path


@pytest.fixture
def audit_path(confirmed: Path, tmp_path: Path) -> Path:
    target = tmp_path / "mine.audit"
    shutil.copyfile(confirmed, target)
    return target


def _open(qtbot, window, path: Path):
    page = window.requests
    loaded = [page.identity_loaded, page.controllers_loaded, page.requests_loaded]
    with qtbot.waitSignals(loaded, timeout=15_000):  # a later load_requests is then the one waited
        open_audit(qtbot, window, path)
    window.show_page("requests")
    return page


def test_face_search_companies_suggested_for_public_photos(qtbot, window, audit_path):
    page = _open(qtbot, window, audit_path)
    rows = page.controllers.rows()
    slugs = [row.slug for row in rows]
    assert slugs[0] == "meta"
    assert {"clearview-ai", "pimeyes", "lenso-ai"} <= set(slugs)
    clearview = next(row for row in rows if row.slug == "clearview-ai")
    assert clearview.face_search
    assert clearview.photos == 1
    with qtbot.waitSignal(page.letter_ready, timeout=10_000):
        page.controller_box.select("clearview-ai")
    assert "This photo of you was public" in page.controller_box.links.text()
    names = [page.controllers.index(n, 0).data() for n in range(page.controllers.rowCount())]
    assert "Clearview AI (face search)" in names
    assert not page.letter_box.reference_photo.include.isHidden()
    text = page.letter_box.preview.toPlainText()
    assert "Article 3(2)(b) GDPR" in text
    assert "jdoe" not in text  # no account ids for a company you have no account with
    assert "I do not enclose a photograph" in text
    kit = page.letter_box.reference_photo
    with qtbot.waitSignal(page.letter_ready, timeout=10_000):
        page.letter_box.rights["erasure"].setChecked(True)
        kit.include.setChecked(True)
    # these selfies were enrolled without their faces kept: no photo, and none said enclosed
    qtbot.waitUntil(lambda: "No selfie of you alone" in kit.note.text(), timeout=10_000)
    assert "solely so that you can search" not in page.letter_box.preview.toPlainText()
    assert not page.letter_box.letter.request.reference_photo
    with qtbot.waitSignal(page.letter_ready, timeout=10_000):
        page.controller_box.select("meta")
    assert kit.include.isHidden()
    assert "jdoe" in page.letter_box.preview.toPlainText()


def test_posted_letter_and_tracker_agree(qtbot, window, audit_path):
    page = _open(qtbot, window, audit_path)
    page.today = lambda: date(2027, 1, 29)
    with qtbot.waitSignal(page.letter_ready, timeout=10_000):
        page.controller_box.select("meta")
        page.letter_box.channel.setCurrentIndex(page.letter_box.channel.findData("post"))
    letter = page.letter_box.letter
    assert letter.request.channel == "post"
    assert "electronically" not in page.letter_box.preview.toPlainText()
    with qtbot.waitSignal(page.request_recorded, timeout=10_000) as recorded:
        page.mark_as_sent(date(2027, 1, 29), "post")
    with Audit.open(audit_path) as audit:
        tracked = tracker.get_request(audit, recorded.args[0])
    assert tracked.reference == letter.request.reference
    assert tracked.due == letter.request.due


def _overdue_request(path: Path, types: list[str]) -> int:
    with Audit.open(path) as audit:
        rid = tracker.record_request(audit, "meta", types, "EU", "en", "email", date(2027, 1, 29))
        tracker.mark_reminder_sent(audit, rid, date(2027, 3, 5))
    return rid


def test_complaint_goes_to_the_land_authority_in_german(qtbot, window, audit_path):
    rid = _overdue_request(audit_path, ["erasure"])
    page = _open(qtbot, window, audit_path)
    page.today = lambda: date(2027, 4, 1)
    with qtbot.waitSignal(page.requests_loaded, timeout=10_000):
        page.load_requests()
    page.tracker_box.select_request(rid)
    assert page.tracker_box.complaint_button.isEnabled()
    with qtbot.waitSignal(page.letter_ready, timeout=10_000):
        page.write_follow_up("complaint")
    assert page.letter_box.title() == (
        "Complaint to Berliner Beauftragte für Datenschutz und Informationsfreiheit"
    )
    text = page.letter_box.preview.toPlainText()
    assert "Beschwerde" in text
    assert "5. März 2027" in text  # the reminder that was really sent


def test_complaint_asks_where_you_live_when_the_address_does_not_say(qtbot, window, audit_path):
    with Audit.open(audit_path) as audit:
        save_identity(audit, Identity("Jane Doe", ("Somewhere 1",), "jane@example.org"))
    rid = _overdue_request(audit_path, ["access"])
    page = _open(qtbot, window, audit_path)
    page.today = lambda: date(2027, 4, 1)
    asked: list[list[tuple[str, str]]] = []

    def choose(choices: list[tuple[str, str]]) -> str:
        asked.append(choices)
        return "IE"

    page.choose_authority = choose
    with qtbot.waitSignal(page.requests_loaded, timeout=10_000):
        page.load_requests()
    page.tracker_box.select_request(rid)
    with qtbot.waitSignal(page.letter_ready, timeout=10_000):
        page.write_follow_up("complaint")
    assert asked
    assert "DE-BE" in dict(asked[0])
    assert page.letter_box.letter.request.authority.country == "IE"


def test_deletion_check_on_the_requests_page(qtbot, window, audit_path, tmp_path):
    (tmp_path / "later").mkdir()
    with Audit.open(audit_path) as audit:
        rid = tracker.record_request(audit, "meta", ["erasure"], "EU", "en", "email",
                                     date(2026, 1, 5))  # fmt: skip
        run_scan(audit, build_export("facebook_2024", tmp_path / "later").paths)
    page = _open(qtbot, window, audit_path)
    with qtbot.waitSignal(page.requests_loaded, timeout=10_000):
        page.load_requests()
    row = next(n for n, s in enumerate(page.requests.rows()) if s.request.id == rid)
    column = page.requests.columnCount() - 1
    assert page.requests.headerData(column, Qt.Orientation.Horizontal) == "Deleted?"
    assert page.requests.index(row, column).data().startswith("1 of 1 still there")
    tooltip = page.requests.index(row, column).data(Qt.ItemDataRole.ToolTipRole)
    assert "Still in the newer export" in tooltip


def test_account_ids_without_a_platform_are_pointed_out(qtbot, window, audit_path):
    page = _open(qtbot, window, audit_path)
    form = page.identity
    form.accounts.setPlainText("Facebook username = jdoe\nUser id = 100012345")
    with qtbot.waitSignal(page.identity_saved, timeout=10_000):
        qtbot.mouseClick(form.save, Qt.MouseButton.LeftButton)
    assert "User id: start with the platform" in form.state.text()
    form.accounts.setPlainText("Facebook username = jdoe\nFacebook user id = 100012345")
    with qtbot.waitSignal(page.identity_saved, timeout=10_000):
        qtbot.mouseClick(form.save, Qt.MouseButton.LeftButton)
    assert form.state.text() == "Saved in this audit; every letter uses these details."


def test_pausing_use_asks_on_the_chosen_ground_of_article_18(qtbot, window, audit_path):
    page = _open(qtbot, window, audit_path)
    with qtbot.waitSignal(page.letter_ready, timeout=10_000):
        page.controller_box.select("meta")
    box = page.letter_box
    assert not box.restriction_ground.isEnabled()  # nothing to pause yet
    with qtbot.waitSignal(page.letter_ready, timeout=10_000):
        box.rights["restriction"].setChecked(True)
    assert box.restriction_ground.isEnabled()
    text = box.preview.toPlainText()
    assert "restrict the processing" in text
    assert "18(1)(a)" in text
    assert "18(1)(b)" not in text
    with qtbot.waitSignal(page.letter_ready, timeout=10_000):
        box.restriction_ground.setCurrentIndex(box.restriction_ground.findData("b"))
    text = box.preview.toPlainText()
    assert "18(1)(b)" in text
    assert "18(1)(a)" not in text


def test_choosing_a_company_moves_no_column(qtbot, window, audit_path):
    """A face-search company brings its own options: the panes and the table stay as they were."""
    window.resize(1280, 720)
    page = _open(qtbot, window, audit_path)
    with qtbot.waitSignal(page.letter_ready, timeout=10_000):
        page.controller_box.select("meta")
    qtbot.wait(50)
    table = page.controller_box.view

    def layout() -> tuple:
        return (
            page.top.orientation(),
            tuple(page.top.sizes()),
            tuple(table.columnWidth(n) for n in range(page.controllers.columnCount())),
            page.letter_box.mapTo(page, page.letter_box.rect().topLeft()),
            page.letter_box.preview.mapTo(page, page.letter_box.preview.rect().topLeft()),
        )

    before = layout()
    with qtbot.waitSignal(page.letter_ready, timeout=10_000):
        page.controller_box.select("clearview-ai")
    qtbot.wait(50)
    assert not page.letter_box.reference_photo.include.isHidden()
    after = layout()
    assert after == before
