"""The Requests page's "They answered…": what came back, the next letter, tracked with its deadline."""

from __future__ import annotations

import shutil
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialogButtonBox

from exposure_audit.audit.store import Audit
from exposure_audit.i18n.formats import format_date
from exposure_audit.rights import tracker
from exposure_audit.vocabulary import FollowUp, MissingItem, ReplyKind
from tests.support.pdf import pdf_text
from tests.support.ui import confirmed_facebook_audit, open_audit
from ui.pages.requests.reply_dialog import ReplyChoice, ReplyDialog

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def confirmed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Your Facebook profile picture, confirmed as you; your details saved."""
    return confirmed_facebook_audit(tmp_path_factory.mktemp("replies"))


@pytest.fixture
def audit_path(confirmed: Path, tmp_path: Path) -> Path:
    target = tmp_path / "mine.audit"
    shutil.copyfile(confirmed, target)
    return target


def _tracked(path: Path, types: list[str], jurisdiction: str = "EU", days_ago: int = 10) -> int:
    with Audit.open(path) as audit:
        sent = date.today() - timedelta(days=days_ago)
        return tracker.record_request(audit, "meta", types, jurisdiction, "en", "email", sent)


def _open(qtbot, window, path: Path):
    page = window.requests
    with qtbot.waitSignals([page.requests_loaded, page.controllers_loaded], timeout=15_000):
        open_audit(qtbot, window, path)
    window.show_page("requests")
    return page


def _ok(dialog: ReplyDialog):
    return dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)


def test_the_dialog_asks_the_kind_the_date_and_what_is_missing(qtbot) -> None:
    today = date(2027, 1, 12)
    dialog = ReplyDialog("Meta", "EU", True, today)
    qtbot.addWidget(dialog)
    assert [b.text() for b in dialog.kinds.buttons()] == [k.label for k in ReplyKind]
    assert not _ok(dialog).isEnabled()  # nothing picked yet
    assert dialog.choice() is None
    dialog.kind_buttons[ReplyKind.ID_DEMANDED].click()
    assert _ok(dialog).isEnabled()
    assert not dialog.missing_box.isEnabled()
    assert dialog.choice() == ReplyChoice(ReplyKind.ID_DEMANDED)  # no date unless ticked
    dialog.dated.setChecked(True)
    dialog.reply_date.setDate(QDate(2027, 1, 5))
    assert dialog.choice() == ReplyChoice(ReplyKind.ID_DEMANDED, date(2027, 1, 5))
    dialog.kind_buttons[ReplyKind.PARTIAL].click()
    assert dialog.missing_box.isEnabled()
    assert not _ok(dialog).isEnabled()  # a partial answer needs what is missing
    dialog.missing_checks[MissingItem.COPY].setChecked(True)
    dialog.missing_checks[MissingItem.RECIPIENTS].setChecked(True)
    assert _ok(dialog).isEnabled()
    assert dialog.choice() == ReplyChoice(
        ReplyKind.PARTIAL, date(2027, 1, 5), (MissingItem.RECIPIENTS, MissingItem.COPY)
    )
    dialog.kind_buttons[ReplyKind.NO_ANSWER].click()
    assert not dialog.reply_date.isEnabled()  # no answer has no date
    assert dialog.choice() == ReplyChoice(ReplyKind.NO_ANSWER)


def test_the_dialog_offers_only_what_the_law_of_the_request_knows(qtbot) -> None:
    ccpa = ReplyDialog("Meta", "CCPA", True, date(2027, 1, 12))
    qtbot.addWidget(ccpa)
    shown = {item for item, check in ccpa.missing_checks.items() if not check.isHidden()}
    assert shown == {MissingItem.PURPOSES, MissingItem.CATEGORIES, MissingItem.RECIPIENTS,
                     MissingItem.SOURCE, MissingItem.COPY}  # fmt: skip
    erasure = ReplyDialog("Meta", "EU", False, date(2027, 1, 12))
    qtbot.addWidget(erasure)
    assert not erasure.kind_buttons[ReplyKind.PARTIAL].isEnabled()  # no access was asked
    assert not erasure.partial_note.isHidden()


def test_they_answered_writes_the_answer_and_tracks_it(qtbot, window, audit_path, tmp_path):
    request_id = _tracked(audit_path, ["access"])
    with Audit.open(audit_path) as audit:
        due = tracker.get_request(audit, request_id).due
    assert due is not None
    page = _open(qtbot, window, audit_path)
    box = page.tracker_box
    assert not box.reply_button.isEnabled()  # nothing selected
    box.select_request(request_id)
    assert box.reply_button.isEnabled()
    replied = date.today() - timedelta(days=3)
    asked: list[ReplyDialog] = []

    def answer(request):
        """The person ticks what came back in the page's own dialog."""
        dialog = ReplyDialog("Meta", request.jurisdiction, "access" in request.types,
                             page.today(), page)  # fmt: skip
        qtbot.addWidget(dialog)
        dialog.kind_buttons[ReplyKind.ID_DEMANDED].click()
        dialog.dated.setChecked(True)
        dialog.reply_date.setDate(QDate(replied.year, replied.month, replied.day))
        asked.append(dialog)
        return dialog.choice()

    page.ask_reply = answer
    with qtbot.waitSignal(page.letter_ready, timeout=10_000):
        qtbot.mouseClick(box.reply_button, Qt.MouseButton.LeftButton)
    assert len(asked) == 1
    letter = page.letter_box.letter
    assert letter.kind == FollowUp.REPLY
    assert letter.request_id == request_id
    text = page.letter_box.preview.toPlainText()
    assert "Article 12(6) GDPR" in text
    assert "I will not send a copy of an identity document." in text
    assert f"your reply of {format_date(replied, 'en')}" in text
    assert f"ends on {format_date(due, 'en')}" in text
    assert page.letter_box.mark_sent.text() == "Mark the answer as sent"
    assert page.letter_box.title().startswith("Answer to their reply to ")

    pdf = tmp_path / "answer.pdf"
    with qtbot.waitSignal(page.file_saved, timeout=20_000):
        page.letter_box.save_pdf_to(pdf)
    assert "Article 12(6)" in pdf_text(pdf)

    with qtbot.waitSignal(page.requests_loaded, timeout=10_000):
        page.mark_as_sent(date.today(), "email")
    column = page.requests.HEADERS.index("Their reply")
    assert page.requests.index(0, column).data() == (
        f"ID demanded on {replied}; answer sent on {date.today()}, due {due}"
    )
    assert page.letter_box.mark_sent.text() == "Recorded as sent"
    with Audit.open(audit_path) as audit:
        (reply,) = tracker.get_request(audit, request_id).replies
    assert (reply.kind, reply.received_on, reply.due_on) == (ReplyKind.ID_DEMANDED, replied, due)


def test_no_answer_gives_the_reminder(qtbot, window, audit_path):
    request_id = _tracked(audit_path, ["erasure"], days_ago=120)
    page = _open(qtbot, window, audit_path)
    page.tracker_box.select_request(request_id)
    page.ask_reply = lambda request: ReplyChoice(ReplyKind.NO_ANSWER)
    with qtbot.waitSignal(page.letter_ready, timeout=10_000):
        qtbot.mouseClick(page.tracker_box.reply_button, Qt.MouseButton.LeftButton)
    assert page.letter_box.letter.kind == FollowUp.REMINDER
    assert page.letter_box.mark_sent.text() == "Mark the reminder as sent"


def test_a_cancelled_dialog_writes_nothing(qtbot, window, audit_path):
    request_id = _tracked(audit_path, ["access"])
    page = _open(qtbot, window, audit_path)
    page.tracker_box.select_request(request_id)
    page.ask_reply = lambda request: None
    qtbot.mouseClick(page.tracker_box.reply_button, Qt.MouseButton.LeftButton)
    qtbot.wait(400)
    shown = page.letter_box.letter
    assert shown is None or shown.kind == "first"  # at most the first letter, drafted on opening
    with Audit.open(audit_path) as audit:
        assert tracker.get_request(audit, request_id).replies == ()
