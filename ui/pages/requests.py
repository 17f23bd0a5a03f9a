"""Requests: letters to the companies holding your photos, and the deadlines they must meet."""

from __future__ import annotations

import html
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, QItemSelectionModel, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from exposure_audit.escaping import safe_link
from exposure_audit.vocabulary import (
    RIGHT_DESCRIPTIONS,
    Channel,
    FollowUp,
    Ground,
    Jurisdiction,
    Language,
    NextStep,
    Region,
    RequestStage,
    Right,
    Word,
)
from ui import request_work as work
from ui.errors import explain, report_error
from ui.icons import icon
from ui.models.requests import ControllerRow, ControllersModel, ItemRole, RequestsModel
from ui.session import Session
from ui.widgets.identity_form import IdentityFields, IdentityForm
from ui.widgets.saved_note import SavedNote
from ui.workers import run_task, with_audit

# Withdrawing consent is left to the command line: few photo platforms rely on consent alone.
OFFERED_RIGHTS = (Right.ACCESS, Right.ERASURE, Right.RESTRICTION, Right.OBJECTION)
LETTER_TITLES = {"first": "Letter", **{kind: kind.label for kind in FollowUp}}


def _combo(name: str, words: type[Word]) -> QComboBox:
    combo = QComboBox()
    combo.setAccessibleName(name)
    for word in words:
        combo.addItem(word.label, word)
    return combo


def _button(text: str, name: str, slot: Callable[[], None], icon_name: str = "") -> QPushButton:
    button = QPushButton(icon(icon_name), text) if icon_name else QPushButton(text)
    button.setAccessibleName(name)
    button.clicked.connect(slot)
    return button


def _table(model: Any, name: str) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setAccessibleName(name)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().hide()
    view.setWordWrap(False)
    view.horizontalHeader().setStretchLastSection(True)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    return view


NO_COMPANY_YET = (
    "No company to write to yet. Mark photos as 'That's me' on the Findings page first "
    "(press Y on each photo of you), or tick 'Also strong matches' above to use the photos "
    "that are almost certainly you."
)


class RequestsPage(QWidget):
    """Your details, the companies behind your confirmed photos, the letter, and the tracker."""

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
        self.letter: work.Letter | None = None
        self.today: Callable[[], date] = date.today
        self._generation = 0  # a letter written for an older request is dropped, not shown
        self._follow_up_of: str | None = None  # the company whose follow-up is shown or written
        self._rebuild = QTimer(self)
        self._rebuild.setSingleShot(True)
        self._rebuild.setInterval(120)
        self._rebuild.timeout.connect(self.draft_letter)
        self.controllers = ControllersModel(self)
        self.requests = RequestsModel(self)
        self._build()
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
        column.addWidget(self._controllers_box(), 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(left)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        top = QSplitter(Qt.Orientation.Horizontal)
        top.addWidget(scroll)
        top.addWidget(self._letter_box())
        top.setStretchFactor(0, 2)
        top.setStretchFactor(1, 3)
        top.setSizes([360, 540])
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(top)
        split.addWidget(self._tracker_box())
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        intro = QLabel(
            "<h2>Requests</h2><p>Ask the companies that hold your photos for a copy, or to "
            "delete them, and keep track of their deadlines.</p>"
        )
        intro.setWordWrap(True)
        header = QHBoxLayout()
        header.addWidget(intro, 1)
        header.addWidget(self.ics_button, 0, Qt.AlignmentFlag.AlignBottom)
        header.addWidget(self.report_button, 0, Qt.AlignmentFlag.AlignBottom)
        self.saved_note = SavedNote()
        self.file_saved.connect(self.saved_note.show_saved)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.saved_note)
        layout.addWidget(split, 1)

    def _details_box(self) -> QGroupBox:
        box = QGroupBox("Your details")
        self.identity = IdentityForm()
        self.identity.save_requested.connect(self._on_identity_save_requested)
        QVBoxLayout(box).addWidget(self.identity)
        return box

    def _controllers_box(self) -> QGroupBox:
        box = QGroupBox("Who has your photos")
        self.region = _combo("Where you live", Region)
        self.region.currentIndexChanged.connect(self._on_region_changed)
        self.include_strong = QCheckBox("Also strong matches I have not decided on")
        self.include_strong.setAccessibleName("Include undecided strong matches")
        self.include_strong.toggled.connect(self.load_controllers)
        self.controller_view = _table(self.controllers, "Companies holding your photos")
        header = self.controller_view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        header.setMinimumSectionSize(48)
        self.controller_view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.controller_view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.controller_view.selectionModel().currentRowChanged.connect(
            self._on_controller_view_current_changed
        )
        self.controller_note = QLabel(NO_COMPANY_YET)
        self.controller_note.setWordWrap(True)
        self.links = QLabel("")
        self.links.setWordWrap(True)
        self.links.setTextFormat(Qt.TextFormat.RichText)
        self.links.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.links.setOpenExternalLinks(False)  # opened by _open, and only when clicked
        self.links.linkActivated.connect(self._open)
        self.links.setAccessibleName("Self-service pages of the chosen company (open your browser)")
        where = QHBoxLayout()
        where.addWidget(QLabel("You live in"))
        where.addWidget(self.region, 1)
        column = QVBoxLayout(box)
        column.addLayout(where)
        column.addWidget(self.include_strong)
        column.addWidget(self.controller_view, 1)
        column.addWidget(self.controller_note)
        column.addWidget(self.links)
        return box

    def _letter_options(self) -> QGridLayout:
        self.rights: dict[Right, QCheckBox] = {}
        grid = QGridLayout()
        for number, right in enumerate(OFFERED_RIGHTS):
            check = QCheckBox(right.label)
            check.setAccessibleName(RIGHT_DESCRIPTIONS[right])
            check.setToolTip(RIGHT_DESCRIPTIONS[right])
            check.setChecked(right == Right.ACCESS)
            check.toggled.connect(self._on_options_changed)
            self.rights[right] = check
            grid.addWidget(check, 0, number)
        self.grounds: dict[Ground, QCheckBox] = {}
        self.grounds_label = QLabel("Why they must delete them (tick what is true):")
        grid.addWidget(self.grounds_label, 1, 0, 1, 4)
        for number, ground in enumerate(Ground):
            check = QCheckBox(ground.label)
            check.setAccessibleName(f"Erasure ground: {ground.label}")
            check.toggled.connect(self._on_options_changed)
            self.grounds[ground] = check
            grid.addWidget(check, 2 + number, 0, 1, 4)
        self.language = _combo("Letter language", Language)
        self.jurisdiction = _combo("Law the letter relies on", Jurisdiction)
        self.thumbnails = QCheckBox("Include thumbnails")
        self.thumbnails.setAccessibleName("Include thumbnails of the photos in the PDF annex")
        self.thumbnails.setToolTip("Other people's faces are blurred in the thumbnails.")
        for widget in (self.language, self.jurisdiction):
            widget.currentIndexChanged.connect(self._on_options_changed)
        self.thumbnails.toggled.connect(self._on_options_changed)
        self.reference_photo = QCheckBox("I will enclose a photo of me for their search")
        self.reference_photo.setAccessibleName(
            "Say in the letter that a photo of you is enclosed, for their search only"
        )
        self.reference_photo.setToolTip(
            "Face-search companies can only find you by your face. The letter limits the photo "
            "to this search and asks them to delete it afterwards. Attach it yourself."
        )
        self.reference_photo.toggled.connect(self._on_options_changed)
        self.reference_photo.hide()
        row = QHBoxLayout()
        row.addWidget(self.language)
        row.addWidget(self.jurisdiction)
        row.addWidget(self.thumbnails)
        row.addWidget(self.reference_photo)
        row.addStretch()
        grid.addLayout(row, 2 + len(Ground), 0, 1, 4)
        self._enable_grounds()
        return grid

    def _letter_box(self) -> QGroupBox:
        self.letter_box = QGroupBox("Letter")
        self.preview = QPlainTextEdit()
        self.preview.setReadOnly(True)
        self.preview.setAccessibleName("Letter preview")
        self.preview.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.preview.setPlaceholderText("Choose a company on the left to draft a letter.")
        self.save_pdf = _button("Save PDF…", "Save the letter as PDF", self._on_save_pdf_clicked)
        self.save_eml = _button(
            "Save .eml…", "Save the letter as an e-mail draft", self._on_save_eml_clicked
        )
        self.copy = _button(
            "Copy text", "Copy the letter text for a web form", self._on_copy_clicked, "copy"
        )
        self.mail = _button(
            "Open in mail app", "Open the letter in your mail app", self._on_mail_clicked
        )
        self.webform = _button(
            "Open web form", "Open the company's request form", self._on_webform_clicked, "link"
        )
        self.sent_on = QDateEdit()
        self.sent_on.setCalendarPopup(True)
        self.sent_on.setDisplayFormat("yyyy-MM-dd")
        self.sent_on.setAccessibleName("Date you sent it")
        self.sent_on.setDate(QDate.currentDate())
        self.channel = _combo("How you sent it", Channel)
        self.channel.currentIndexChanged.connect(self._on_options_changed)
        self.mark_sent = _button(
            "Mark as sent", "Mark this letter as sent", self._on_mark_sent_clicked, "yes"
        )
        outputs = QHBoxLayout()
        for widget in (self.save_pdf, self.save_eml, self.copy, self.mail, self.webform):
            outputs.addWidget(widget)
        outputs.addStretch()
        sent = QHBoxLayout()
        sent.addWidget(QLabel("Sent on"))
        sent.addWidget(self.sent_on)
        sent.addWidget(QLabel("by"))
        sent.addWidget(self.channel)
        sent.addWidget(self.mark_sent)
        sent.addStretch()
        column = QVBoxLayout(self.letter_box)
        column.addLayout(self._letter_options())
        column.addWidget(self.preview, 1)
        column.addLayout(outputs)
        column.addLayout(sent)
        self._enable_letter_buttons()
        return self.letter_box

    def _tracker_box(self) -> QGroupBox:
        box = QGroupBox("Tracked requests")
        self.request_view = _table(self.requests, "Tracked requests")
        self.request_view.selectionModel().currentRowChanged.connect(
            lambda *_: self._enable_request_buttons()
        )
        self.extend_button = _button(
            "Extension", "They extended the deadline", lambda: self.change_request("extend")
        )
        self.answered_button = _button(
            "Answered", "They answered", lambda: self.change_request("answered"), "yes"
        )
        self.closed_button = _button(
            "Closed", "Close this request", lambda: self.change_request("closed")
        )
        self.reminder_button = _button(
            "Write reminder", "Write a reminder", lambda: self.write_follow_up(FollowUp.REMINDER)
        )
        self.complaint_button = _button(
            "Write complaint",
            "Write a complaint to the data protection authority",
            lambda: self.write_follow_up(FollowUp.COMPLAINT),
        )
        self.ics_button = _button(
            "Export deadlines (.ics)…", "Export the deadlines as a calendar", self._on_ics_clicked
        )
        self.report_button = _button(
            "Save exposure report…", "Save the exposure report", self._on_report_clicked
        )
        buttons = QHBoxLayout()
        for button in (
            self.extend_button,
            self.answered_button,
            self.closed_button,
            self.reminder_button,
            self.complaint_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch()
        column = QVBoxLayout(box)
        column.addWidget(self.request_view, 1)
        column.addLayout(buttons)
        self._enable_request_buttons()
        return box

    # -- loading ------------------------------------------------------------------------------

    def reload(self) -> None:
        self.session.db(work.platform_names, self._on_platforms_loaded, self._on_error)
        self.session.db(work.load_identity, self._on_identity_loaded, self._on_error)
        self.load_controllers()
        self.load_requests()

    def load_suggestions(self) -> None:
        """Account ids found in the exports, offered as soon as a scan has read them."""
        self.session.db(
            work.load_identity,
            lambda result: self.identity.set_suggestions(result[1]),
            self._on_error,
        )

    def _on_session_closed(self) -> None:
        self._follow_up_of = None
        self.controllers.set_rows([])
        self.requests.set_rows([], {})
        self._show_letter(None)

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
            self._rebuild.start()

        self.session.db(lambda audit: work.save_identity(audit, fields), saved, self._on_error)

    def load_controllers(self) -> None:
        region, strong = self.region.currentData(), self.include_strong.isChecked()
        self.session.db(
            lambda audit: work.controller_rows(audit, region, strong),
            self._on_controllers_loaded,
            self._on_error,
        )

    def _on_controllers_loaded(self, rows: list[ControllerRow]) -> None:
        chosen = self.current_controller()
        self.controllers.set_rows(rows)
        self.controller_note.setVisible(not rows)
        if not rows:
            self.preview.setPlaceholderText(NO_COMPANY_YET)
        slugs = [r.slug for r in rows]
        if rows:
            number = slugs.index(chosen.slug) if chosen and chosen.slug in slugs else 0
            self.controller_view.selectionModel().setCurrentIndex(
                self.controllers.index(number, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
        else:
            self._on_controller_view_current_changed()
        self.controllers_loaded.emit()

    def load_requests(self) -> None:
        today = self.today()

        def shown(result: tuple[list[Any], dict[str, str]]) -> None:
            current = self.current_request()
            rows, names = result
            self.requests.set_rows(rows, names, today)
            ids = [s.request.id for s in rows]
            if current is not None and current.request.id in ids:
                self.request_view.selectRow(ids.index(current.request.id))
            self._enable_request_buttons()
            self.requests_loaded.emit()

        self.session.db(lambda audit: work.requests(audit, today), shown, self._on_error)

    # -- the controller and the letter --------------------------------------------------------

    def current_controller(self) -> ControllerRow | None:
        index = self.controller_view.currentIndex()
        return index.data(ItemRole) if index.isValid() else None

    def select_controller(self, slug: str) -> None:
        for number, row in enumerate(self.controllers.rows()):
            if row.slug == slug:
                self.controller_view.selectRow(number)

    def _on_region_changed(self) -> None:
        self.jurisdiction.setCurrentIndex(
            self.jurisdiction.findData(Region(self.region.currentData()).jurisdiction)
        )
        self.load_controllers()

    def _on_controller_view_current_changed(self, *_args: object) -> None:
        row = self.current_controller()
        self.links.setText(self._links_html(row))
        face_search = bool(row and row.face_search)
        self.reference_photo.setVisible(face_search)
        if face_search and row is not None:
            public = (
                "This photo of you was public"
                if row.photos == 1
                else f"These {row.photos} photos of you were public"
            )
            self.links.setText(
                f"{public}, which is what companies like "
                f"{html.escape(row.name)} collect. The letter names their web addresses, "
                "asks who searched for your face, and asks them to erase everything and never "
                "collect you again."
            )
        if row is not None:
            self.channel.setCurrentIndex(
                self.channel.findData(Channel.EMAIL if row.email else Channel.WEBFORM)
            )
        # A reload that keeps the same company must not replace the follow-up asked for.
        if row is None or row.slug != self._follow_up_of:
            self._rebuild.start()

    @staticmethod
    def _links_html(row: ControllerRow | None) -> str:
        if row is None or not row.links:
            return ""
        links = " · ".join(
            f'<a href="{html.escape(url, quote=True)}">{html.escape(text)}</a>'
            for text, url in row.links.items()
        )
        return f"Do it yourself at {html.escape(row.name.split(' (')[0])}: {links}"

    def _on_options_changed(self, *_args: object) -> None:
        self._enable_grounds()
        self._rebuild.start()

    def _enable_grounds(self) -> None:
        """Erasure grounds are Art. 17(1) GDPR: only for erasure, not under the CCPA."""
        erasure = (
            self.rights[Right.ERASURE].isChecked()
            and self.jurisdiction.currentData() != Jurisdiction.CCPA
        )
        self.grounds_label.setEnabled(erasure)
        for check in self.grounds.values():
            check.setEnabled(erasure)

    def options(self) -> dict[str, Any]:
        """The letter options as ``build_letter`` takes them."""
        erasure = self.rights[Right.ERASURE].isChecked()
        return {
            "types": [key for key, check in self.rights.items() if check.isChecked()],
            "jurisdiction": self.jurisdiction.currentData(),
            "language": self.language.currentData(),
            "region": self.region.currentData(),
            "grounds": [k for k, c in self.grounds.items() if erasure and c.isChecked()],
            "thumbnails": self.thumbnails.isChecked(),
            "today": self.today(),
            "channel": self.channel.currentData(),
            "reference_photo": self.reference_photo.isVisible()
            and self.reference_photo.isChecked(),
        }

    def draft_letter(self) -> None:
        """Write the first letter to the chosen company with the chosen options (on a worker)."""
        self._rebuild.stop()
        self._follow_up_of = None
        self._generation += 1
        generation, row, options = self._generation, self.current_controller(), self.options()
        if row is None or not options["types"]:
            self._show_letter(None, "" if row is None else "Tick at least one request.")
            return
        self.preview.setPlainText("Writing the letter…")

        def done(letter: work.Letter | None) -> None:
            if generation == self._generation:
                self._show_letter(letter, "Save your details first: every letter needs your name.")

        self.session.db(
            lambda audit: work.first_letter(audit, row.slug, options), done, self._on_letter_error
        )

    def write_follow_up(self, kind: FollowUp, country: str | None = None) -> None:
        """Draft the reminder or complaint for the selected tracked request into the preview.

        A complaint goes to the authority where you live; when your address does not say which,
        you are asked (``choose_authority``).
        """
        status = self.current_request()
        if status is None:
            return
        self._rebuild.stop()  # a first letter still waiting to be drafted is not wanted now
        self._follow_up_of = status.request.controller
        self._generation += 1
        generation, request_id, today = self._generation, status.request.id, self.today()

        def done(letter: work.Letter) -> None:
            if generation == self._generation:
                self._show_letter(letter)

        def failed(exc: Exception) -> None:
            from exposure_audit.rights.tracker import ResidenceUnknown

            if isinstance(exc, ResidenceUnknown) and country is None:
                chosen = self.choose_authority(work.authority_choices())
                if chosen:
                    self.write_follow_up(kind, chosen)
                return
            self._on_letter_error(exc)

        self.session.db(
            lambda audit: work.follow_up(audit, request_id, kind, today, country), done, failed
        )

    def choose_authority(self, choices: list[tuple[str, str]]) -> str | None:
        """Ask which supervisory authority is yours (country, or Land in Germany)."""
        labels = [label for _key, label in choices]
        label, ok = QInputDialog.getItem(
            self,
            "Where do you live?",
            "Your address does not say which data protection authority is yours.\n"
            "Choose your country (in Germany, your Land):",
            labels,
            0,
            False,
        )
        if not ok:
            return None
        return dict(zip(labels, (key for key, _ in choices), strict=True)).get(label)

    def _show_letter(self, letter: work.Letter | None, empty: str = "") -> None:
        self.letter = letter
        self.preview.setPlainText(letter.text if letter else empty)
        if letter is not None:
            entity = letter.request.controller.entity(letter.request.entity_region)
            title = f"{LETTER_TITLES[letter.kind]} to {entity.name}"
            if letter.kind == FollowUp.COMPLAINT and letter.request.authority is not None:
                title = f"Complaint to {letter.request.authority.name}"
            elif letter.kind == "complaint":
                title = f"Complaint to {entity.name} (UK: to the company first)"
            self.letter_box.setTitle(title)
        else:
            self.letter_box.setTitle("Letter")
        self._enable_letter_buttons()
        if letter is not None:
            self.letter_ready.emit()

    def _enable_letter_buttons(self) -> None:
        ready = self.letter is not None
        for button in (self.save_pdf, self.save_eml, self.copy, self.mail, self.mark_sent):
            button.setEnabled(ready)
        row = self.current_controller()
        self.webform.setEnabled(bool(row and row.webform))
        self.mark_sent.setText(
            "Mark as sent"
            if not self.letter or self.letter.kind == "first"
            else f"Mark {self.letter.kind} as sent"
        )

    # -- outputs ------------------------------------------------------------------------------

    def _suggested_name(self, suffix: str) -> str:
        if self.letter is None:
            return f"letter{suffix}"
        slug = self.letter.request.controller.slug
        return f"{slug}-{self.letter.kind}-{self.today().isoformat()}{suffix}"

    def _ask_path(self, title: str, name: str, filters: str) -> Path | None:
        chosen, _filter = QFileDialog.getSaveFileName(self, title, str(Path.home() / name), filters)
        return Path(chosen) if chosen else None

    def _job(self, fn: Callable[[], Path]) -> None:
        run_task(
            self.session.job_pool,
            fn,
            lambda path: self.file_saved.emit(path),
            self._on_error,
            owner=self,
        )

    def save_pdf_to(self, path: Path) -> None:
        """Write the letter shown, with its evidence annex, as a PDF (on a worker)."""
        letter, thumbs = self.letter, self.thumbnails.isChecked()
        if letter is not None:
            self._job(lambda: work.save_pdf(letter, Path(path), thumbs))

    def save_eml_to(self, path: Path) -> None:
        """Write the letter shown as an e-mail draft with the PDF attached (on a worker)."""
        letter, thumbs = self.letter, self.thumbnails.isChecked()
        if letter is not None:
            self._job(lambda: work.save_eml(letter, Path(path), thumbs))

    def export_ics_to(self, path: Path) -> None:
        audit = self.session.path
        if audit is not None:
            self._job(lambda: with_audit(audit, lambda a: work.save_ics(a, Path(path))))

    def save_report_to(self, path: Path) -> None:
        """The exposure report; the format follows the name (.html, .pdf, .csv, .json)."""
        audit = self.session.path
        if audit is not None:
            self._job(lambda: with_audit(audit, lambda a: work.save_report(a, Path(path))))

    def _on_save_pdf_clicked(self) -> None:
        path = self._ask_path("Save the letter as PDF", self._suggested_name(".pdf"), "PDF (*.pdf)")
        if path is not None:
            self.save_pdf_to(path)

    def _on_save_eml_clicked(self) -> None:
        path = self._ask_path(
            "Save an e-mail draft", self._suggested_name(".eml"), "E-mail draft (*.eml)"
        )
        if path is not None:
            self.save_eml_to(path)

    def _on_ics_clicked(self) -> None:
        path = self._ask_path("Export the deadlines", "deadlines.ics", "Calendar (*.ics)")
        if path is not None:
            self.export_ics_to(path)

    def _on_report_clicked(self) -> None:
        path = self._ask_path(
            "Save the exposure report",
            "exposure-report.html",
            "Web page (*.html);;PDF (*.pdf);;Spreadsheet (*.csv);;Data (*.json)",
        )
        if path is not None:
            self.save_report_to(path)

    def _on_copy_clicked(self) -> None:
        if self.letter is not None:
            QGuiApplication.clipboard().setText(self.letter.text)

    def _on_mail_clicked(self) -> None:
        if self.letter is not None:
            self._open(self.letter.mailto)

    def _on_webform_clicked(self) -> None:
        row = self.current_controller()
        if row is not None and row.webform:
            self._open(row.webform)

    @staticmethod
    def _open(url: str) -> None:
        """Web forms and the letter's own mailto: link; never file: or script links."""
        link = url if url.startswith("mailto:") else safe_link(url)
        if link is not None:
            QDesktopServices.openUrl(QUrl(link))

    # -- the tracker --------------------------------------------------------------------------

    def _on_mark_sent_clicked(self) -> None:
        self.mark_as_sent(self.sent_on.date().toPython(), self.channel.currentData())

    def mark_as_sent(self, sent_on: date, channel: str) -> None:
        """Record the letter shown as sent on ``sent_on`` by ``channel``."""
        letter = self.letter
        if letter is None:
            return

        def recorded(request_id: int) -> None:
            self.request_recorded.emit(request_id)
            self.load_requests()

        self.session.db(
            lambda audit: work.record(audit, letter, sent_on, channel), recorded, self._on_error
        )

    def current_request(self) -> Any:
        index = self.request_view.currentIndex()
        return index.data(ItemRole) if index.isValid() else None

    def select_request(self, request_id: int) -> None:
        for number, status in enumerate(self.requests.rows()):
            if status.request.id == request_id:
                self.request_view.selectRow(number)
        self._enable_request_buttons()

    def change_request(self, action: str) -> None:
        status = self.current_request()
        if status is None:
            return
        request_id, today = status.request.id, self.today()
        self.session.db(
            lambda audit: work.change_request(audit, request_id, action, today),
            lambda _none: self.load_requests(),
            self._on_error,
        )

    def _enable_request_buttons(self) -> None:
        status = self.current_request()
        req = status.request if status else None
        sent = req is not None and req.status == "sent"
        self.extend_button.setEnabled(sent and req.extended_to is None)
        self.answered_button.setEnabled(sent)
        self.closed_button.setEnabled(req is not None and req.status != RequestStage.CLOSED)
        self.reminder_button.setEnabled(status is not None and status.step == NextStep.REMINDER)
        self.complaint_button.setEnabled(status is not None and status.step == NextStep.COMPLAINT)

    def _on_error(self, exc: Exception) -> None:
        report_error(self, exc)

    def _on_letter_error(self, exc: Exception) -> None:
        """The core refuses a letter it cannot write (e.g. no authority for a complaint)."""
        if isinstance(exc, ValueError):
            self._show_letter(None, f"This letter cannot be written: {exc}")
            explain(self, f"This letter cannot be written: {exc}")
        else:
            report_error(self, exc)
