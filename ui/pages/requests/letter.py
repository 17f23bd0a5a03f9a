"""The letter: what it asks for, its preview, and saving, copying, mailing or marking it as sent."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QDate, Qt, QTimer, Signal
from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from exposure_audit.i18n import N_, _
from exposure_audit.rights.evidence import LetterOptions
from exposure_audit.rights.tracker import ResidenceUnknown
from exposure_audit.vocabulary import (
    Channel,
    FollowUp,
    Ground,
    Jurisdiction,
    Language,
    Region,
    RestrictionGround,
    Right,
    right_description,
)
from ui.errors import explain
from ui.models.requests import ControllerRow
from ui.pages.requests import background
from ui.pages.requests.controls import ask_save_path, button, combo, open_link
from ui.pages.requests.kit import ReferencePhoto
from ui.pages.requests.reply_dialog import ReplyChoice
from ui.session import Session
from ui.widgets.flow import FlowLayout
from ui.widgets.wrapping_check import WrappingCheckBox
from ui.workers import Freshness, run_task

# Withdrawing consent is left to the command line: few photo platforms rely on consent alone.
OFFERED_RIGHTS = (Right.ACCESS, Right.ERASURE, Right.RESTRICTION, Right.OBJECTION)
# The button that records a follow-up as sent names it; a first letter is just "sent".
MARK_SENT: dict[str, str] = {
    FollowUp.REMINDER: N_("Mark the reminder as sent"),
    FollowUp.COMPLAINT: N_("Mark the complaint as sent"),
    FollowUp.REPLY: N_("Mark the answer as sent"),
}


class ChosenCompany(Protocol):
    """What a letter reads of the company list: the company chosen, and where you live."""

    def current(self) -> ControllerRow | None: ...

    def region_chosen(self) -> Region: ...


class LetterBox(QGroupBox):
    """The first letter to the chosen company, or the follow-up asked for, ready to send."""

    letter_ready = Signal()
    marked_sent = Signal(object, object)  # date, Channel
    authority_unknown = Signal(object)  # FollowUp: the address does not say whose authority
    drafting_failed = Signal(object)  # Exception
    file_saved = Signal(object)  # Path
    failed = Signal(object)  # Exception

    def __init__(
        self,
        session: Session,
        company: ChosenCompany,
        today: Callable[[], date],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(_("Letter"), parent)
        self.session = session
        self.company = company
        self.today = today
        self.letter: background.Letter | None = None
        self.sent_letter: background.Letter | None = None  # the letter last recorded as sent
        self._latest = Freshness()  # a letter written for an older request is dropped, not shown
        self._follow_up_of: str | None = None  # the company whose follow-up is shown or written
        self._rebuild = QTimer(self)
        self._rebuild.setSingleShot(True)
        self._rebuild.setInterval(120)
        self._rebuild.timeout.connect(self.draft)
        self._build()

    # -- layout -------------------------------------------------------------------------------

    def _build(self) -> None:
        self.preview = QPlainTextEdit()
        self.preview.setReadOnly(True)
        self.preview.setAccessibleName(_("Letter preview"))
        self.preview.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.preview.setPlaceholderText(_("Choose a company on the left to draft a letter."))
        outputs = self._outputs_row()
        sent = self._sent_row()
        column = QVBoxLayout(self)
        column.addLayout(self._options_grid())
        column.addWidget(self.preview, 1)
        column.addLayout(outputs)
        column.addLayout(sent)
        self._enable_letter_buttons()

    def _outputs_row(self) -> FlowLayout:
        self.save_pdf = button(
            _("Save PDF…"), _("Save the letter as PDF"), self._on_save_pdf_clicked
        )
        self.save_eml = button(
            _("Save .eml…"), _("Save the letter as an e-mail draft"), self._on_save_eml_clicked
        )
        self.save_text = button(
            _("Save text…"),
            _("Save the letter as plain text, e.g. for a web form"),
            self._on_save_text_clicked,
        )
        self.copy = button(
            _("Copy text"),
            _("Copy the letter text for a web form"),
            self._on_copy_clicked,
            icon_name="copy",
        )
        self.mail = button(
            _("Open in mail app"), _("Open the letter in your mail app"), self._on_mail_clicked
        )
        self.webform = button(
            _("Open web form"),
            _("Open the company's request form"),
            self._on_webform_clicked,
            icon_name="link",
        )
        outputs = FlowLayout()
        for widget in (
            self.save_pdf,
            self.save_eml,
            self.save_text,
            self.copy,
            self.mail,
            self.webform,
        ):
            outputs.addWidget(widget)
        return outputs

    def _sent_row(self) -> QHBoxLayout:
        self.sent_on = QDateEdit()
        self.sent_on.setCalendarPopup(True)
        self.sent_on.setDisplayFormat("yyyy-MM-dd")
        self.sent_on.setAccessibleName(_("Date you sent it"))
        self.sent_on.setDate(QDate.currentDate())
        self.channel = combo(_("How you sent it"), Channel)
        self.channel.currentIndexChanged.connect(self._on_options_changed)
        self.mark_sent = button(
            _("Mark as sent"),
            _("Mark this letter as sent"),
            self._on_mark_sent_clicked,
            icon_name="yes",
        )
        sent = QHBoxLayout()
        sent.addWidget(QLabel(_("Sent on")))
        sent.addWidget(self.sent_on)
        sent.addWidget(QLabel(_("by")))
        sent.addWidget(self.channel)
        sent.addWidget(self.mark_sent)
        sent.addStretch()
        return sent

    def _options_grid(self) -> QGridLayout:
        grid = QGridLayout()
        self.rights = self._right_checks()
        for number, check in enumerate(self.rights.values()):
            grid.addWidget(check, 0, number)
        self.grounds_label = QLabel(_("Why they must delete them (tick what is true):"))
        self.grounds_label.setWordWrap(True)
        grid.addWidget(self.grounds_label, 1, 0, 1, 4)
        self.grounds = self._ground_checks()
        for number, check in enumerate(self.grounds.values()):
            grid.addWidget(check, 2 + number, 0, 1, 4)
        grid.addLayout(self._restriction_row(), 2 + len(Ground), 0, 1, 4)
        grid.addLayout(self._choices_row(), 3 + len(Ground), 0, 1, 4)
        self._enable_grounds()
        return grid

    def _right_checks(self) -> dict[Right, QCheckBox]:
        checks: dict[Right, QCheckBox] = {}
        for right in OFFERED_RIGHTS:
            check = QCheckBox(right.label)
            check.setAccessibleName(right_description(right))
            check.setToolTip(right_description(right))
            check.setChecked(right == Right.ACCESS)
            check.toggled.connect(self._on_options_changed)
            checks[right] = check
        return checks

    def _ground_checks(self) -> dict[Ground, QCheckBox]:
        checks: dict[Ground, QCheckBox] = {}
        for ground in Ground:
            check = WrappingCheckBox(ground.label)
            check.setAccessibleName(_("Erasure ground: %(label)s") % {"label": ground.label})
            check.toggled.connect(self._on_options_changed)
            checks[ground] = check
        return checks

    def _restriction_row(self) -> QHBoxLayout:
        """Art. 18(1) needs a ground; the one resting on an objection needs a situation the
        page does not ask for, so the page offers the other two."""
        self.restriction_label = QLabel(_("Why they must pause use:"))
        self.restriction_label.setWordWrap(True)
        self.restriction_ground = QComboBox()
        self.restriction_ground.setAccessibleName(_("Ground for pausing use (Art. 18(1))"))
        for ground in (RestrictionGround.CONTESTED, RestrictionGround.UNLAWFUL):
            self.restriction_ground.addItem(ground.label, ground)
            self.restriction_ground.setItemData(
                self.restriction_ground.count() - 1, ground.label, Qt.ItemDataRole.ToolTipRole
            )
        # The grounds are sentences; the closed box shows their start, the list the whole.
        self.restriction_ground.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.restriction_ground.setMinimumContentsLength(24)
        self.restriction_ground.currentIndexChanged.connect(self._on_options_changed)
        row = QHBoxLayout()
        row.addWidget(self.restriction_label)
        row.addWidget(self.restriction_ground, 1)
        return row

    def _choices_row(self) -> QVBoxLayout:
        self.language = combo(_("Letter language"), Language)
        self.jurisdiction = combo(_("Law the letter relies on"), Jurisdiction)
        self.thumbnails = QCheckBox(_("Include thumbnails"))
        self.thumbnails.setAccessibleName(_("Include thumbnails of the photos in the PDF annex"))
        self.thumbnails.setToolTip(_("Other people's faces are blurred in the thumbnails."))
        for widget in (self.language, self.jurisdiction):
            widget.currentIndexChanged.connect(self._on_options_changed)
        self.thumbnails.toggled.connect(self._on_options_changed)
        self.reference_photo = ReferencePhoto(self.session)
        self.reference_photo.changed.connect(self._on_options_changed)
        self.reference_photo.failed.connect(self.failed)
        self.reference_photo.offer(False)
        row = QHBoxLayout()
        row.addWidget(self.language)
        row.addWidget(self.jurisdiction)
        row.addWidget(self.thumbnails)
        row.addStretch()
        lines = QVBoxLayout()
        lines.addLayout(row)
        lines.addWidget(self.reference_photo)
        return lines

    # -- options ------------------------------------------------------------------------------

    def follow_company(self) -> None:
        """The chosen company changed: how to send to it, the photo offer, a new first letter."""
        row = self.company.current()
        self.reference_photo.offer(bool(row and row.face_search))
        if row is not None:
            self.channel.setCurrentIndex(
                self.channel.findData(Channel.EMAIL if row.email else Channel.WEBFORM)
            )
        # A reload that keeps the same company must not replace the follow-up asked for.
        if row is None or row.slug != self._follow_up_of:
            self._rebuild.start()

    def follow_region(self, region: Region) -> None:
        """Where you live picks the law the letter relies on."""
        self.jurisdiction.setCurrentIndex(self.jurisdiction.findData(region.jurisdiction))

    def redraft_soon(self) -> None:
        self._rebuild.start()

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
        restriction = (
            self.rights[Right.RESTRICTION].isChecked()
            and self.jurisdiction.currentData() != Jurisdiction.CCPA
        )
        self.restriction_label.setEnabled(restriction)
        self.restriction_ground.setEnabled(restriction)

    def options(self) -> LetterOptions:
        """What the form says the letter is to ask, and how."""
        erasure = self.rights[Right.ERASURE].isChecked()
        restriction = self.restriction_ground.isEnabled()
        return LetterOptions(
            types=tuple(key for key, check in self.rights.items() if check.isChecked()),
            jurisdiction=self.jurisdiction.currentData(),
            language=self.language.currentData(),
            region=self.company.region_chosen(),
            grounds=tuple(k for k, c in self.grounds.items() if erasure and c.isChecked()),
            restriction_grounds=(self.restriction_ground.currentData(),) if restriction else (),
            thumbnails=self.thumbnails.isChecked(),
            today=self.today(),
            channel=self.channel.currentData(),
            # The letter says a photo is enclosed only once there is one to enclose.
            reference_photo=self.reference_photo.photo() is not None,
        )

    # -- drafting -----------------------------------------------------------------------------

    def draft(self) -> None:
        """Write the first letter to the chosen company with the chosen options (on a worker)."""
        self._rebuild.stop()
        self._follow_up_of = None
        self._latest.renew()
        row, options = self.company.current(), self.options()
        photo = self.reference_photo.photo() if options.reference_photo else None
        if row is None or not options.types:
            self.show_letter(None, "" if row is None else _("Tick at least one request."))
            return
        self.preview.setPlainText(_("Writing the letter…"))

        def done(letter: background.Letter | None) -> None:
            self.show_letter(letter, _("Save your details first: every letter needs your name."))

        self.session.db(
            lambda audit: background.first_letter(audit, row.slug, options, photo),
            self._latest.guard(done),
            self.drafting_failed.emit,
        )

    def write_follow_up(
        self, request_id: int, company: str, kind: FollowUp, country: str | None = None
    ) -> None:
        """Draft the reminder or complaint for a tracked request to ``company``.

        A complaint goes to the authority where you live, or in ``country``; when your address
        does not say which, ``authority_unknown`` asks for it.
        """
        self._rebuild.stop()  # a first letter still waiting to be drafted is not wanted now
        self._follow_up_of = company
        self._latest.renew()
        today = self.today()

        def failed(exc: Exception) -> None:
            if isinstance(exc, ResidenceUnknown) and country is None:
                self.authority_unknown.emit(kind)
            else:
                self.drafting_failed.emit(exc)

        self.session.db(
            lambda audit: background.follow_up(audit, request_id, kind, today, country),
            self._latest.guard(self.show_letter),
            failed,
        )

    def write_reply(self, request_id: int, company: str, choice: ReplyChoice) -> None:
        """Draft the answer to what came back for a tracked request to ``company``.

        With no answer at all it is the reminder, then the complaint (``authority_unknown``
        asks where you live when your address does not say).
        """
        self._rebuild.stop()
        self._follow_up_of = company
        self._latest.renew()
        today = self.today()

        def failed(exc: Exception) -> None:
            if isinstance(exc, ResidenceUnknown):
                self.authority_unknown.emit(FollowUp.COMPLAINT)
            else:
                self.drafting_failed.emit(exc)

        self.preview.setPlainText(_("Writing the letter…"))
        self.session.db(
            lambda audit: background.reply_letter(audit, request_id, choice, today),
            self._latest.guard(self.show_letter),
            failed,
        )

    def clear(self) -> None:
        """No letter and no follow-up asked for, as when the audit is closed."""
        self._follow_up_of = None
        self.show_letter(None)

    def mark_recorded(self, letter: background.Letter) -> None:
        """``letter`` is tracked now: it cannot be recorded a second time."""
        self.sent_letter = letter
        self._enable_letter_buttons()

    def show_letter(self, letter: background.Letter | None, empty: str = "") -> None:
        self.letter = letter
        self.preview.setPlainText(letter.text if letter else empty)
        self.setTitle(self._title(letter) if letter is not None else _("Letter"))
        self._enable_letter_buttons()
        if letter is not None:
            self.letter_ready.emit()

    @staticmethod
    def _title(letter: background.Letter) -> str:
        entity = letter.request.controller.entity(letter.request.entity_region)
        what = FollowUp(letter.kind).label if letter.kind in FollowUp.values() else _("Letter")
        title = _("%(letter)s to %(company)s") % {"letter": what, "company": entity.name}
        if letter.kind == FollowUp.COMPLAINT and letter.request.authority is not None:
            title = _("Complaint to %(authority)s") % {
                "authority": letter.request.authority.name_in(letter.request.language)
            }
        elif letter.kind == FollowUp.COMPLAINT:
            title = _("Complaint to %(company)s (UK: to the company first)") % {
                "company": entity.name
            }
        return title

    def _enable_letter_buttons(self) -> None:
        ready = self.letter is not None
        for widget in (
            self.save_pdf,
            self.save_eml,
            self.save_text,
            self.copy,
            self.mail,
            self.mark_sent,
        ):
            widget.setEnabled(ready)
        row = self.company.current()
        self.webform.setEnabled(bool(row and row.webform))
        self.mark_sent.setText(
            _(MARK_SENT.get(self.letter.kind if self.letter else "", N_("Mark as sent")))
        )
        if ready and self.letter is self.sent_letter:
            self.mark_sent.setEnabled(False)
            self.mark_sent.setText(_("Recorded as sent"))

    # -- outputs ------------------------------------------------------------------------------

    def save_pdf_to(self, path: Path) -> None:
        """Write the letter shown, with its evidence annex, as a PDF (on a worker); the
        reference photo it encloses beside it."""
        letter, thumbs = self.letter, self.thumbnails.isChecked()
        if letter is not None:
            self._save(lambda: background.save_pdf(letter, Path(path), thumbs))

    def save_eml_to(self, path: Path) -> None:
        """Write the letter shown as an e-mail draft with the PDF (and the reference photo it
        encloses) attached, the photo also beside it (on a worker)."""
        letter, thumbs = self.letter, self.thumbnails.isChecked()
        if letter is not None:
            self._save(lambda: background.save_eml(letter, Path(path), thumbs))

    def save_text_to(self, path: Path) -> None:
        """Write the letter shown as plain text, the reference photo it encloses beside it."""
        letter = self.letter
        if letter is not None:
            self._save(lambda: background.save_text(letter, Path(path)))

    def _save(self, write: Callable[[], Path]) -> None:
        run_task(self.session.job_pool, write, self.file_saved.emit, self.failed.emit, owner=self)

    def _suggested_name(self, suffix: str) -> str:
        if self.letter is None:
            return f"letter{suffix}"
        slug = self.letter.request.controller.slug
        return f"{slug}-{self.letter.kind}-{self.today().isoformat()}{suffix}"

    def _on_save_pdf_clicked(self) -> None:
        name = self._suggested_name(".pdf")
        path = ask_save_path(self, _("Save the letter as PDF"), name, _("PDF (*.pdf)"))
        if path is not None:
            self.save_pdf_to(path)

    def _on_save_eml_clicked(self) -> None:
        name = self._suggested_name(".eml")
        path = ask_save_path(self, _("Save an e-mail draft"), name, _("E-mail draft (*.eml)"))
        if path is not None:
            self.save_eml_to(path)

    def _on_save_text_clicked(self) -> None:
        name = self._suggested_name(".txt")
        path = ask_save_path(self, _("Save the letter as text"), name, _("Text (*.txt)"))
        if path is not None:
            self.save_text_to(path)

    def _on_copy_clicked(self) -> None:
        if self.letter is not None:
            QGuiApplication.clipboard().setText(self.letter.text)

    def _on_mail_clicked(self) -> None:
        if self.letter is not None:
            open_link(self.letter.mailto)

    def _on_webform_clicked(self) -> None:
        row = self.company.current()
        if row is not None and row.webform:
            open_link(row.webform)

    def _on_mark_sent_clicked(self) -> None:
        if self.letter is not None and self.letter is self.sent_letter:
            explain(self, _("This letter is already recorded as sent: see the list of requests."))
            return
        sent_on = self.sent_on.date().toPython()
        assert isinstance(sent_on, date)
        self.marked_sent.emit(sent_on, self.channel.currentData())
