"""The Requests page on a real scan: confirmed finding → letter saved → request tracked → reopened."""

from __future__ import annotations

import shutil
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt

from exposure_audit.audit.store import Audit
from exposure_audit.rights import tracker
from exposure_audit.rights.deadlines import due_date
from exposure_audit.scan.pipeline import Finished, ScanSettings, scan
from exposure_audit.vocabulary import FollowUp
from tests.support.exportkit import build_export
from tests.support.pdf import pdf_text
from tests.support.ui import enrolled_audit, open_audit
from ui.main_window import MainWindow
from ui.models.requests import OVERDUE_BACKGROUND, ControllerRow, ControllersModel, RequestsModel
from ui.models.roles import RowRole

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def scanned(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An audit whose scan found your face as a Facebook profile picture; nothing decided yet."""
    root = tmp_path_factory.mktemp("requests")
    built = build_export("facebook_2024", root)
    path = enrolled_audit(root / "scanned.audit", built.paths)
    with Audit.open(path) as audit:
        events = list(scan(audit, ScanSettings(detector="hog", workers=1)))
        assert isinstance(events[-1], Finished)
        assert [r.context.get("platform") for r in audit.findings()] == ["Facebook"]
    return path


@pytest.fixture
def audit_path(scanned: Path, tmp_path: Path) -> Path:
    target = tmp_path / "mine.audit"
    shutil.copyfile(scanned, target)
    return target


def confirm_all(path: Path) -> None:
    with Audit.open(path) as audit:
        for row in audit.findings():
            audit.set_decision(row.face_id, "me")


def cell(model, row: int, column: int) -> str:
    return model.index(row, column).data()


def test_confirmed_finding_to_saved_letter_and_tracked_request(
    qtbot, tmp_path, window, audit_path, monkeypatch
):
    page = window.requests
    with qtbot.waitSignals([page.identity_loaded, page.controllers_loaded], timeout=15_000):
        open_audit(qtbot, window, audit_path)
    assert page.controllers.rowCount() == 0  # nothing confirmed yet

    # Findings: confirm the Facebook profile picture as "That's me".
    findings = window.findings
    window.show_page("findings")
    qtbot.waitUntil(lambda: findings.proxy.rowCount() == 1, timeout=10_000)
    findings.gallery.select_row(0)
    assert findings.proxy.index(0, 0).data(RowRole).context["platform"] == "Facebook"
    with qtbot.waitSignal(page.controllers_loaded, timeout=10_000):
        findings.decide("me")

    # Requests: Meta's Irish entity, holding one photo.
    window.show_page("requests")
    assert window.current_page() is page
    platforms = [r for r in page.controllers.rows() if not r.face_search]
    assert len(platforms) == 1
    assert page.controllers.rowCount() > 1  # the public profile picture: face-search companies
    row: ControllerRow = page.controller_box.current()
    assert (row.slug, row.entity, row.photos) == ("meta", "Meta Platforms Ireland Limited", 1)
    assert cell(page.controllers, 0, 2) == "1"
    qtbot.waitUntil(
        lambda: "Save your details first" in page.letter_box.preview.toPlainText(), timeout=5_000
    )
    assert not page.letter_box.save_pdf.isEnabled()

    # Your details, with the account name the export reveals.
    form = page.identity
    assert "Facebook username = jdoe" in form.hint.text()
    qtbot.keyClicks(form.name, "Jane Doe")
    form.address.setPlainText("Hauptstraße 1\n10115 Berlin\nGermany")
    qtbot.keyClicks(form.email, "jane@example.org")
    qtbot.mouseClick(form.use_suggestions, Qt.MouseButton.LeftButton)
    assert form.accounts.toPlainText() == "Facebook name = Jane Doe\nFacebook username = jdoe"
    with qtbot.waitSignals([page.identity_saved, page.letter_ready], timeout=10_000):
        qtbot.mouseClick(form.save, Qt.MouseButton.LeftButton)
    assert "Jane Doe" in page.letter_box.preview.toPlainText()

    # Access + erasure, in German, on two grounds.
    with qtbot.waitSignal(page.letter_ready, timeout=10_000):
        page.letter_box.rights["erasure"].setChecked(True)
        page.letter_box.grounds["b"].setChecked(True)
        page.letter_box.grounds["d"].setChecked(True)
        page.letter_box.language.setCurrentIndex(page.letter_box.language.findData("de"))
    text = page.letter_box.preview.toPlainText()
    with Audit.open(audit_path) as audit:
        digest = audit.findings(decision="me")[0].sha256
    assert digest in text
    assert "Löschung" in text
    assert "Meta Platforms Ireland Limited" in text
    assert page.letter_box.letter.request.types == frozenset({"access", "erasure"})
    assert page.letter_box.letter.request.erasure_grounds == frozenset({"b", "d"})
    assert page.letter_box.preview.isReadOnly()

    # Save PDF (as the file dialog would), the .eml draft, the mailto link on click only.
    pdf = tmp_path / "letter.pdf"
    with qtbot.waitSignal(page.file_saved, timeout=20_000):
        page.letter_box.save_pdf_to(pdf)
    assert digest in "".join(pdf_text(pdf).split())
    eml = tmp_path / "letter.eml"
    with qtbot.waitSignal(page.file_saved, timeout=20_000):
        page.letter_box.save_eml_to(eml)
    assert b"application/pdf" in eml.read_bytes()
    opened: list[str] = []
    monkeypatch.setattr(
        "ui.desktop.QDesktopServices.openUrl",
        lambda url: opened.append(url.toString()) or True,
    )
    qtbot.mouseClick(page.letter_box.mail, Qt.MouseButton.LeftButton)
    assert len(opened) == 1
    assert opened[0].startswith("mailto:")

    # Mark as sent by web form a few days ago: tracked with the EU due date.
    sent = date.today() - timedelta(days=3)
    page.letter_box.sent_on.setDate(QDate(sent.year, sent.month, sent.day))
    page.letter_box.channel.setCurrentIndex(page.letter_box.channel.findData("webform"))
    with qtbot.waitSignals([page.request_recorded, page.requests_loaded], timeout=10_000):
        qtbot.mouseClick(page.letter_box.mark_sent, Qt.MouseButton.LeftButton)
    # Meta is written to in Ireland: an Irish public holiday or a weekend moves the deadline.
    expected = due_date(tracker.received_on(sent, "webform", "Europe/Dublin"), "EU", country="IE")
    assert page.requests.rowCount() == 1
    assert cell(page.requests, 0, 0) == "Meta (Facebook, Instagram, Messenger)"
    assert cell(page.requests, 0, 1) == "See them + Delete them (EU GDPR)"
    assert cell(page.requests, 0, 2) == f"{sent} by Web form"
    assert cell(page.requests, 0, 3) == str(expected)
    assert cell(page.requests, 0, 4).startswith("Waiting for an answer")

    # A second "Mark as sent" records nothing: it says the letter is already recorded.
    assert not page.letter_box.mark_sent.isEnabled()
    told: list[str] = []
    monkeypatch.setattr("ui.pages.requests.page.explain", lambda _w, text: told.append(text))
    page.mark_as_sent(sent, "webform")
    qtbot.wait(300)
    with Audit.open(audit_path) as audit:
        assert len(tracker.list_requests(audit)) == 1
    assert page.requests.rowCount() == 1
    assert told
    assert "already recorded" in told[0]
    assert page.letter_box.language.currentData() == "de"
    window.close()

    # A new window on the same audit: the details and the request are still there.
    again = MainWindow()
    qtbot.addWidget(again)
    again.show()
    page = again.requests
    with qtbot.waitSignals([page.identity_loaded, page.requests_loaded], timeout=15_000):
        open_audit(qtbot, again, audit_path)
    assert page.identity.name.text() == "Jane Doe"
    assert (
        page.identity.accounts.toPlainText() == "Facebook name = Jane Doe\nFacebook username = jdoe"
    )
    assert page.requests.rowCount() == 1
    assert cell(page.requests, 0, 3) == str(expected)
    again.close()


def test_overdue_request_offers_reminder_then_complaint(qtbot, tmp_path, window, audit_path):
    from exposure_audit.rights.evidence import save_identity
    from exposure_audit.rights.letters import Identity

    confirm_all(audit_path)
    sent = date.today() - timedelta(days=120)
    with Audit.open(audit_path) as audit:
        save_identity(audit, Identity("Jane Doe", ("Hauptstraße 1", "10115 Berlin")))
        request_id = tracker.record_request(audit, "meta", ["erasure"], "EU", "en", "email", sent)
        reference = tracker.get_request(audit, request_id).reference
    page = window.requests
    with qtbot.waitSignals([page.requests_loaded, page.controllers_loaded], timeout=15_000):
        open_audit(qtbot, window, audit_path)
    window.show_page("requests")
    status = cell(page.requests, 0, 4)
    assert status.startswith("Overdue since")
    assert "write a reminder" in status
    assert page.requests.index(0, 0).data(Qt.ItemDataRole.BackgroundRole) == OVERDUE_BACKGROUND
    page.tracker_box.select_request(request_id)
    assert page.tracker_box.reminder_button.isEnabled()
    assert not page.tracker_box.complaint_button.isEnabled()

    with qtbot.waitSignal(page.letter_ready, timeout=10_000):
        qtbot.mouseClick(page.tracker_box.reminder_button, Qt.MouseButton.LeftButton)
    assert page.letter_box.letter.kind == "reminder"
    assert reference in page.letter_box.preview.toPlainText()
    assert page.letter_box.mark_sent.text() == "Mark the reminder as sent"
    reminded = date.today() - timedelta(days=20)
    with qtbot.waitSignal(page.requests_loaded, timeout=10_000):
        page.mark_as_sent(reminded, "email")
    assert page.tracker_box.complaint_button.isEnabled()
    assert "write a complaint" in cell(page.requests, 0, 4)

    with qtbot.waitSignal(page.letter_ready, timeout=10_000):
        qtbot.mouseClick(page.tracker_box.complaint_button, Qt.MouseButton.LeftButton)
    assert page.letter_box.letter.kind == "complaint"
    assert page.letter_box.title().startswith("Complaint to ")
    pdf = tmp_path / "complaint.pdf"
    with qtbot.waitSignal(page.file_saved, timeout=20_000):
        page.letter_box.save_pdf_to(pdf)
    assert pdf.read_bytes().startswith(b"%PDF-")

    # Deadlines as a calendar, the report as data; then the request is answered.
    ics = tmp_path / "deadlines.ics"
    with qtbot.waitSignal(page.file_saved, timeout=10_000):
        page.tracker_box.export_ics_to(ics)
    assert reference in ics.read_text()
    report = tmp_path / "report.json"
    with qtbot.waitSignal(page.file_saved, timeout=20_000):
        page.save_report_to(report)
    assert reference in report.read_text()
    with qtbot.waitSignal(page.requests_loaded, timeout=10_000):
        qtbot.mouseClick(page.tracker_box.answered_button, Qt.MouseButton.LeftButton)
    assert cell(page.requests, 0, 4) == f"Answered on {date.today()}"
    assert page.requests.index(0, 0).data(Qt.ItemDataRole.BackgroundRole) is None


def test_reminder_asked_for_is_not_replaced_by_a_pending_first_letter(qtbot, window, audit_path):
    """A company list reload just before "Write reminder" used to redraft the first letter."""
    from exposure_audit.rights.evidence import save_identity
    from exposure_audit.rights.letters import Identity

    confirm_all(audit_path)
    with Audit.open(audit_path) as audit:
        save_identity(audit, Identity("Jane Doe", ("Hauptstraße 1", "10115 Berlin")))
        sent = date.today() - timedelta(days=120)
        request_id = tracker.record_request(audit, "meta", ["erasure"], "EU", "en", "email", sent)
        reference = tracker.get_request(audit, request_id).reference
    page = window.requests
    with qtbot.waitSignals([page.requests_loaded, page.controllers_loaded], timeout=15_000):
        open_audit(qtbot, window, audit_path)
    page.tracker_box.select_request(request_id)
    with qtbot.waitSignal(page.controllers_loaded, timeout=10_000):
        page.load_controllers()  # leaves the first letter's redraft pending
    with qtbot.waitSignal(page.letter_ready, timeout=10_000):
        page.write_follow_up(FollowUp.REMINDER)
    qtbot.wait(600)  # well past the redraft delay, and room for a redraft to finish
    assert page.letter_box.letter is not None
    assert page.letter_box.letter.kind == FollowUp.REMINDER
    assert reference in page.letter_box.preview.toPlainText()
    assert page.letter_box.title().startswith("Reminder to ")


def test_models_pass_the_model_tester(qtmodeltester, audit_path):
    controllers = ControllersModel()
    controllers.set_rows(
        [ControllerRow("meta", "Meta", "Meta Platforms Ireland Limited", 3, None, "https://x")]
    )
    qtmodeltester.check(controllers)
    confirm_all(audit_path)
    with Audit.open(audit_path) as audit:
        tracker.record_request(audit, "meta", ["access"], "EU", "en", "email", date(2020, 1, 6))
        tracker.record_request(audit, "meta", ["erasure"], "UK", "en", None, None)
        statuses = tracker.list_requests(audit, date(2020, 1, 20))
    requests = RequestsModel()
    requests.set_rows(statuses, {"meta": "Meta"}, date(2020, 1, 20))
    qtmodeltester.check(requests)
    assert cell(requests, 1, 4) == "Not sent yet"


def test_add_these_fills_the_name_and_email_found_but_keeps_what_was_typed(qtbot) -> None:
    from ui.widgets.identity_form import IdentityForm

    found = {
        "Facebook name": "Jane Doe",
        "Facebook username": "jdoe",
        "Facebook email": "jane@example.org",
    }
    form = IdentityForm()
    qtbot.addWidget(form)
    form.set_suggestions(found)
    form.use_suggestions.click()
    assert form.name.text() == "Jane Doe"
    assert form.email.text() == "jane@example.org"
    assert "Facebook username = jdoe" in form.accounts.toPlainText()

    typed = IdentityForm()
    qtbot.addWidget(typed)
    typed.name.setText("Jane Q. Doe")
    typed.set_suggestions(found)
    typed.use_suggestions.click()
    assert typed.name.text() == "Jane Q. Doe"
