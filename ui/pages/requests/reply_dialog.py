"""What came back from a company: the kind of reply, its date if known, what a partial answer lacks."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from exposure_audit.i18n import _
from exposure_audit.rights.letters.request import CCPA_MISSING
from exposure_audit.vocabulary import Jurisdiction, MissingItem, ReplyKind


@dataclass(frozen=True)
class ReplyChoice:
    """What the person said came back: ``received_on`` only when they gave the reply's date."""

    kind: ReplyKind
    received_on: date | None = None
    missing: tuple[MissingItem, ...] = ()


class ReplyDialog(QDialog):
    """Asks what came back instead of compliance; the letter then answers exactly that.

    The reply's date is asked for, never assumed: unticked, the letter names no date. Missing
    items are offered for a partial answer only, and under the CCPA only those its right to
    know covers.
    """

    def __init__(
        self,
        company: str,
        jurisdiction: str,
        access: bool,
        today: date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("They answered…"))
        self.access = access
        intro = QLabel(
            _("What did %(company)s send back? The next letter answers exactly that.")
            % {"company": company}
        )
        intro.setWordWrap(True)
        self.kinds = QButtonGroup(self)
        kinds = QVBoxLayout()
        self.kind_buttons: dict[ReplyKind, QRadioButton] = {}
        for kind in ReplyKind:
            radio = QRadioButton(kind.label)
            radio.setAccessibleName(kind.label)
            self.kinds.addButton(radio)
            self.kind_buttons[kind] = radio
            kinds.addWidget(radio)
            radio.toggled.connect(self._update)
        self.dated = QCheckBox(_("Their reply is dated"))
        self.dated.setAccessibleName(_("I know the date of their reply"))
        self.reply_date = QDateEdit()
        self.reply_date.setCalendarPopup(True)
        self.reply_date.setDisplayFormat("yyyy-MM-dd")
        self.reply_date.setAccessibleName(_("Date of their reply"))
        self.reply_date.setDate(QDate(today.year, today.month, today.day))
        self.reply_date.setMaximumDate(QDate(today.year, today.month, today.day))
        self.dated.toggled.connect(self._update)
        dated = QHBoxLayout()
        dated.addWidget(self.dated)
        dated.addWidget(self.reply_date)
        dated.addStretch()
        self.missing_box = QGroupBox(_("What is missing from their answer?"))
        column = QVBoxLayout(self.missing_box)
        self.missing_checks: dict[MissingItem, QCheckBox] = {}
        # The CCPA's right to know has no counterpart for some of Art. 15's items.
        self.offered = {
            item
            for item in MissingItem
            if jurisdiction != Jurisdiction.CCPA or item in CCPA_MISSING
        }
        for item in MissingItem:
            check = QCheckBox(item.label)
            check.setAccessibleName(_("Missing: %(item)s") % {"item": item.label})
            check.setVisible(item in self.offered)
            check.toggled.connect(self._update)
            self.missing_checks[item] = check
            column.addWidget(check)
        self.partial_note = QLabel(
            _("A partial answer can be named only for a request that asked to see your data.")
        )
        self.partial_note.setWordWrap(True)
        self.partial_note.setVisible(not access)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(_("Write the letter"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(kinds)
        layout.addLayout(dated)
        layout.addWidget(self.missing_box)
        layout.addWidget(self.partial_note)
        layout.addWidget(self.buttons)
        self.kind_buttons[ReplyKind.PARTIAL].setEnabled(access)
        self._update()

    def kind(self) -> ReplyKind | None:
        return next((k for k, b in self.kind_buttons.items() if b.isChecked()), None)

    def _update(self, *_args: object) -> None:
        kind = self.kind()
        partial = kind == ReplyKind.PARTIAL
        self.missing_box.setEnabled(partial)
        # No answer has no date; any other reply's date only when the person ticks it.
        self.dated.setEnabled(kind not in (None, ReplyKind.NO_ANSWER))
        self.reply_date.setEnabled(self.dated.isEnabled() and self.dated.isChecked())
        ready = kind is not None and (not partial or bool(self.missing()))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ready)

    def missing(self) -> tuple[MissingItem, ...]:
        return tuple(
            item
            for item, check in self.missing_checks.items()
            if check.isChecked() and item in self.offered
        )

    def choice(self) -> ReplyChoice | None:
        """What was picked, or None before a kind is chosen."""
        kind = self.kind()
        if kind is None:
            return None
        received = None
        if self.reply_date.isEnabled():
            picked = self.reply_date.date().toPython()
            assert isinstance(picked, date)
            received = picked
        missing = self.missing() if kind == ReplyKind.PARTIAL else ()
        return ReplyChoice(kind, received, missing)
