"""The Requests page itself: your details and the three boxes, wired to each other and the audit."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any, ClassVar

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from exposure_audit.errors import UserMistake
from exposure_audit.i18n import _
from exposure_audit.rights.tracker import TrackedRequest
from exposure_audit.vocabulary import FollowUp
from ui.errors import explain, report_error
from ui.models.requests import ControllersModel, RequestsModel
from ui.pages.requests import background
from ui.pages.requests.controllers import NO_COMPANY_YET, ControllerBox
from ui.pages.requests.controls import ask_save_path, button
from ui.pages.requests.letter import LetterBox
from ui.pages.requests.reply_dialog import ReplyChoice, ReplyDialog
from ui.pages.requests.tracker import TrackerBox
from ui.session import Session
from ui.widgets.identity_form import IdentityFields, IdentityForm
from ui.widgets.saved_note import SavedNote
from ui.workers import run_task, with_audit


class RequestsPage(QWidget):
    """Your details, the companies behind your confirmed photos, the letter, and the tracker."""

    key: ClassVar[str] = "requests"
    icon_name: ClassVar[str] = "letter"
    needs_audit: ClassVar[bool] = True

    @staticmethod
    def title() -> str:
        return _("Requests")

    identity_loaded = Signal()
    identity_saved = Signal()
    controllers_loaded = Signal()
    letter_ready = Signal()
    file_saved = Signal(object)  # Path
    request_recorded = Signal(int)
    requests_loaded = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.today: Callable[[], date] = date.today
        self.controllers = ControllersModel(self)
        self.requests = RequestsModel(self)
        self._build()
        self._connect_boxes()
        session.opened.connect(lambda _p: self.reload())
        session.closed.connect(self._on_session_closed)
        session.findings_changed.connect(self.load_controllers)
        session.findings_changed.connect(self.load_suggestions)
        session.decision_saved.connect(lambda *_: self.load_controllers())

    # -- layout -------------------------------------------------------------------------------

    def _build(self) -> None:
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self._details_box())
        self.controller_box = ControllerBox(self.session, self.controllers)
        column.addWidget(self.controller_box, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(left)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # Its bar always there: a longer note about the chosen company must not narrow the table.
        scroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        top = QSplitter(Qt.Orientation.Horizontal)
        top.setChildrenCollapsible(False)  # no pane squeezed to nothing
        self.top = top
        self.details_scroll = scroll
        top.addWidget(scroll)
        self.letter_box = LetterBox(self.session, self.controller_box, self._today)
        top.addWidget(self.letter_box)
        top.setStretchFactor(0, 2)
        top.setStretchFactor(1, 3)
        top.setSizes([360, 540])
        split = QSplitter(Qt.Orientation.Vertical)
        split.setChildrenCollapsible(False)
        split.addWidget(top)
        self.tracker_box = TrackerBox(self.session, self.requests, self._today)
        split.addWidget(self.tracker_box)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        self.saved_note = SavedNote()
        self.file_saved.connect(self.saved_note.show_saved)
        layout = QVBoxLayout(self)
        layout.addLayout(self._header())
        layout.addWidget(self.saved_note)
        layout.addWidget(split, 1)

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Side by side when both panes have room for their words, else one above the other."""
        super().resizeEvent(event)
        self._arrange()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._arrange()

    def _arrange(self) -> None:
        details = self.details_scroll.widget()
        assert details is not None
        need = (
            details.minimumSizeHint().width()
            + self.details_scroll.verticalScrollBar().sizeHint().width()
        )
        self.details_scroll.setMinimumWidth(need)
        letter = self.letter_box.minimumSizeHint().width()
        wide = self.width() >= need + letter + 40
        orientation = Qt.Orientation.Horizontal if wide else Qt.Orientation.Vertical
        if self.top.orientation() != orientation:
            self.top.setOrientation(orientation)
        self.details_scroll.setMinimumHeight(0 if wide else details.minimumSizeHint().height())

    def _today(self) -> date:
        # The boxes ask the page for the date, so replacing ``today`` on the page reaches them.
        return self.today()

    def _details_box(self) -> QGroupBox:
        box = QGroupBox(_("Your details"))
        self.identity = IdentityForm()
        self.identity.save_requested.connect(self._on_identity_save_requested)
        QVBoxLayout(box).addWidget(self.identity)
        return box

    def _header(self) -> QHBoxLayout:
        intro = QLabel(
            _(
                "<h2>Requests</h2><p>Ask the companies that hold your photos for a copy, "
                "or to delete them, and keep track of their deadlines.</p>"
            )
        )
        intro.setWordWrap(True)
        self.ics_button = button(
            _("Export deadlines (.ics)…"),
            _("Export the deadlines as a calendar"),
            self._on_ics_clicked,
        )
        self.report_button = button(
            _("Save exposure report…"), _("Save the exposure report"), self._on_report_clicked
        )
        header = QHBoxLayout()
        header.addWidget(intro, 1)
        header.addWidget(self.ics_button, 0, Qt.AlignmentFlag.AlignBottom)
        header.addWidget(self.report_button, 0, Qt.AlignmentFlag.AlignBottom)
        return header

    def _connect_boxes(self) -> None:
        companies, letter, tracker = self.controller_box, self.letter_box, self.tracker_box
        companies.region_changed.connect(letter.follow_region)
        companies.current_changed.connect(letter.follow_company)
        companies.loaded.connect(self._on_controllers_loaded)
        letter.letter_ready.connect(self.letter_ready)
        letter.marked_sent.connect(self.mark_as_sent)
        letter.authority_unknown.connect(self._on_authority_unknown)
        letter.drafting_failed.connect(self._on_letter_error)
        tracker.recorded.connect(self.request_recorded)
        tracker.loaded.connect(self.requests_loaded)
        tracker.follow_up_wanted.connect(self.write_follow_up)
        tracker.reply_wanted.connect(self._on_reply_wanted)
        for box in (companies, letter, tracker):
            box.failed.connect(self._on_error)
        for box in (letter, tracker):
            box.file_saved.connect(self.file_saved)

    # -- loading ------------------------------------------------------------------------------

    def reload(self) -> None:
        self.session.db(background.platform_names, self._on_platforms_loaded, self._on_error)
        self.session.db(background.load_identity, self._on_identity_loaded, self._on_error)
        self.load_controllers()
        self.load_requests()

    def load_suggestions(self) -> None:
        """Account ids found in the exports, offered as soon as a scan has read them."""
        self.session.db(
            background.load_identity,
            lambda result: self.identity.set_suggestions(result[1]),
            self._on_error,
        )

    def load_controllers(self) -> None:
        self.controller_box.load()

    def load_requests(self) -> None:
        self.tracker_box.load()

    def _on_session_closed(self) -> None:
        self.controllers.set_rows([])
        self.requests.set_rows([], {})
        self.letter_box.clear()

    def _on_platforms_loaded(self, names: set[str]) -> None:
        self.identity.platforms = set(names)

    def _on_identity_loaded(self, result: tuple[Any, dict[str, str]]) -> None:
        identity, suggestions = result
        self.identity.set_identity(identity, suggestions)
        self.identity_loaded.emit()

    def _on_identity_save_requested(self, fields: IdentityFields) -> None:
        def saved(identity: Any) -> None:
            self.identity.set_identity(identity, self.identity.suggestions)
            self.identity_saved.emit()
            self.letter_box.redraft_soon()

        self.session.db(
            lambda audit: background.save_identity(audit, fields), saved, self._on_error
        )

    def _on_controllers_loaded(self, any_listed: bool) -> None:
        if not any_listed:
            self.letter_box.preview.setPlaceholderText(NO_COMPANY_YET)
        self.controllers_loaded.emit()

    # -- between the letter and the tracker ---------------------------------------------------

    def mark_as_sent(self, sent_on: date, channel: str) -> None:
        """Record the letter shown as sent on ``sent_on`` by ``channel``."""
        letter = self.letter_box.letter
        if letter is None:
            return
        if letter is self.letter_box.sent_letter:
            explain(self, _("This letter is already recorded as sent: see the list of requests."))
            return
        self.letter_box.mark_recorded(letter)  # at once: a second click cannot record it again
        self.tracker_box.record(letter, sent_on, channel)

    def write_follow_up(self, kind: FollowUp, country: str | None = None) -> None:
        """Draft the reminder or complaint for the selected tracked request into the preview.

        A complaint goes to the authority where you live; when your address does not say which,
        you are asked (``choose_authority``).
        """
        status = self.tracker_box.current_request()
        if status is not None:
            request = status.request
            self.letter_box.write_follow_up(request.id, request.controller, kind, country)

    def _on_reply_wanted(self) -> None:
        status = self.tracker_box.current_request()
        if status is None:
            return
        choice = self.ask_reply(status.request)
        if choice is not None:
            self.write_reply(choice)

    def write_reply(self, choice: ReplyChoice) -> None:
        """Draft the answer to what came back for the selected tracked request."""
        status = self.tracker_box.current_request()
        if status is not None:
            request = status.request
            self.letter_box.write_reply(request.id, request.controller, choice)

    def ask_reply(self, request: TrackedRequest) -> ReplyChoice | None:
        """Ask what came back (kind, date, what is missing); None when cancelled."""
        dialog = ReplyDialog(
            self.requests.company_name(request.controller),
            request.jurisdiction,
            "access" in request.types,
            self.today(),
            self,
        )
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.choice()

    def _on_authority_unknown(self, kind: FollowUp) -> None:
        chosen = self.choose_authority(background.authority_choices())
        if chosen:
            self.write_follow_up(kind, chosen)

    def choose_authority(self, choices: list[tuple[str, str]]) -> str | None:
        """Ask which supervisory authority is yours (country, or Land in Germany)."""
        labels = [label for _key, label in choices]
        label, ok = QInputDialog.getItem(
            self,
            _("Where do you live?"),
            _(
                "Your address does not say which data protection authority is "
                "yours.\nChoose your country (in Germany, your Land):"
            ),
            labels,
            0,
            False,
        )
        if not ok:
            return None
        return dict(zip(labels, (key for key, _ in choices), strict=True)).get(label)

    # -- the header's files -------------------------------------------------------------------

    def save_report_to(self, path: Path) -> None:
        """The exposure report; the format follows the name (.html, .pdf, .csv, .json)."""
        audit = self.session.path
        if audit is not None:
            run_task(
                self.session.job_pool,
                lambda: with_audit(audit, lambda a: background.save_report(a, Path(path))),
                self.file_saved.emit,
                self._on_error,
                owner=self,
            )

    def _on_ics_clicked(self) -> None:
        path = ask_save_path(
            self, _("Export the deadlines"), "deadlines.ics", _("Calendar (*.ics)")
        )
        if path is not None:
            self.tracker_box.export_ics_to(path)

    def _on_report_clicked(self) -> None:
        path = ask_save_path(
            self,
            _("Save the exposure report"),
            "exposure-report.html",
            _("Web page (*.html);;PDF (*.pdf);;Spreadsheet (*.csv);;Data (*.json)"),
        )
        if path is not None:
            self.save_report_to(path)

    # -- errors -------------------------------------------------------------------------------

    def _on_error(self, exc: Exception) -> None:
        report_error(self, exc)

    def _on_letter_error(self, exc: Exception) -> None:
        """The core refuses a letter it cannot write (e.g. no authority for a complaint)."""
        if isinstance(exc, UserMistake):
            why = _("This letter cannot be written: %(problem)s") % {"problem": exc}
            self.letter_box.show_letter(None, why)
            explain(self, why)
        else:
            report_error(self, exc)
