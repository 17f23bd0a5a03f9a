"""The requester's details: entered once per audit, used in every letter."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from exposure_audit.i18n import _
from ui.plain_text import plain_label

if TYPE_CHECKING:
    from exposure_audit.rights.letters import Identity


@dataclass(frozen=True)
class IdentityFields:
    """What the form holds; the worker turns it into the core's ``Identity``.

    (Building ``Identity`` here would load the PDF library on the GUI thread.)
    """

    name: str
    postal_address: tuple[str, ...]
    email: str | None
    account_ids: dict[str, str]


def parse_accounts(text: str) -> tuple[dict[str, str], list[str]]:
    """``key = value`` lines as a dict, and the lines that are not of that form."""
    accounts: dict[str, str] = {}
    bad: list[str] = []
    for line in text.splitlines():
        if not line.strip():
            continue
        key, sep, value = line.partition("=")
        if not sep or not key.strip() or not value.strip():
            bad.append(line.strip())
            continue
        accounts[key.strip()] = value.strip()
    return accounts, bad


def accounts_text(accounts: dict[str, str]) -> str:
    return "\n".join(f"{key} = {value}" for key, value in accounts.items())


MIN_FIELD_WIDTH = 160  # enough for a name or an e-mail address to be read while typed


class IdentityForm(QWidget):
    """Name, postal address, e-mail and account identifiers; ``save_requested`` hands them on."""

    save_requested = Signal(object)  # IdentityFields

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.suggestions: dict[str, str] = {}
        self.platforms: set[str] = set()  # known platform names, set by the page
        self.name = QLineEdit()
        self.name.setAccessibleName(_("Your full name"))
        self.name.setPlaceholderText(_("As the company knows you"))
        self.address = QPlainTextEdit()
        self.address.setAccessibleName(_("Your postal address, one line per line"))
        self.address.setPlaceholderText(_("Street and number\nPostcode and town\nCountry"))
        self.address.setTabChangesFocus(True)
        self.address.setFixedHeight(72)
        self.email = QLineEdit()
        self.email.setAccessibleName(_("Your e-mail address"))
        self.email.setPlaceholderText(_("The address your account uses"))
        self.accounts = QPlainTextEdit()
        self.accounts.setAccessibleName(_("Account identifiers, one 'name = value' per line"))
        self.accounts.setPlaceholderText(_("Facebook username = jdoe"))
        self.accounts.setTabChangesFocus(True)
        self.accounts.setFixedHeight(56)
        self.hint = plain_label(QLabel(""))
        self.hint.setWordWrap(True)
        self.use_suggestions = QPushButton(_("Add these"))
        self.use_suggestions.setAccessibleName(_("Add the account names found in your exports"))
        self.use_suggestions.clicked.connect(self._on_use_suggestions_clicked)
        self.use_suggestions.hide()
        self.save = QPushButton(_("Save details"))
        self.save.setAccessibleName(_("Save your details in this audit"))
        self.save.clicked.connect(self._on_save_clicked)
        self.state = plain_label(QLabel(""))
        self.state.setWordWrap(True)
        self._lay_out()

    def _lay_out(self) -> None:
        form = QFormLayout()
        # Narrow (a zoomed screen, large text): each label goes above its field, never beside
        # a field squeezed to nothing.
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for field_widget in (self.name, self.email, self.address, self.accounts):
            field_widget.setMinimumWidth(MIN_FIELD_WIDTH)
        form.addRow(_("&Name"), self.name)
        form.addRow(_("Postal &address"), self.address)
        form.addRow(_("&E-mail"), self.email)
        form.addRow(_("Account &IDs"), self.accounts)
        for field_widget in (self.name, self.address, self.email, self.accounts):
            label = form.labelForField(field_widget)
            if isinstance(label, QLabel):
                label.setBuddy(field_widget)
        suggestions = QVBoxLayout()  # the hint wraps above its button, which keeps its words
        suggestions.addWidget(self.hint)
        suggestions.addWidget(self.use_suggestions, 0, Qt.AlignmentFlag.AlignLeft)
        buttons = QHBoxLayout()
        buttons.addWidget(self.state, 1)
        buttons.addWidget(self.save)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(form)
        column.addLayout(suggestions)
        column.addLayout(buttons)

    def unattributed(self, accounts: dict[str, str]) -> list[str]:
        """Account ids whose name starts with no known platform: they go into no letter."""
        if not self.platforms:
            return []
        return [
            key
            for key in accounts
            if key.replace(":", " ").split(" ")[0].strip().lower().replace("-", "_")
            not in self.platforms
        ]

    def set_identity(self, identity: Identity | None, suggestions: dict[str, str]) -> None:
        """Show what the audit holds, and the account names its exports reveal."""
        self.suggestions = dict(suggestions)
        if identity is not None:
            self.name.setText(identity.name)
            self.address.setPlainText("\n".join(identity.postal_address))
            self.email.setText(identity.email or "")
            self.accounts.setPlainText(accounts_text(identity.account_ids))
            left = self.unattributed(identity.account_ids)
            self.state.setText(
                _("Saved in this audit; every letter uses these details.")
                if not left
                else _(
                    "Saved. %(join)s: start with the platform (e.g. 'Facebook user id'), or "
                    "it goes into no letter."
                )
                % {"join": ", ".join(left)}
            )
        else:
            self.state.setText(_("Not saved yet: letters need at least your name."))
        self._show_suggestions()

    def set_suggestions(self, suggestions: dict[str, str]) -> None:
        self.suggestions = dict(suggestions)
        self._show_suggestions()

    def _missing_suggestions(self) -> dict[str, str]:
        have, _bad = parse_accounts(self.accounts.toPlainText())
        return {k: v for k, v in self.suggestions.items() if have.get(k) != v}

    def _show_suggestions(self) -> None:
        missing = self._missing_suggestions()
        self.hint.setText(
            _("Found in your exports: ") + "; ".join(f"{k} = {v}" for k, v in missing.items())
            if missing
            else ""
        )
        self.use_suggestions.setVisible(bool(missing))

    def _found(self, field_name: str) -> str:
        """The first value the exports give for ``field_name`` ("name", "email"), or ""."""
        return next(
            (v for k, v in self.suggestions.items() if k.lower().endswith(f" {field_name}")), ""
        )

    def _on_use_suggestions_clicked(self) -> None:
        have, _bad = parse_accounts(self.accounts.toPlainText())
        have.update(self.suggestions)
        self.accounts.setPlainText(accounts_text(have))
        # the name and e-mail the exports show fill empty fields; what was typed stays
        for line_edit, field_name in ((self.name, "name"), (self.email, "email")):
            if not line_edit.text().strip() and self._found(field_name):
                line_edit.setText(self._found(field_name))
        self._show_suggestions()

    def fields(self) -> IdentityFields | None:
        """The details as entered, or None (with the reason shown) when they cannot be used."""
        name = self.name.text().strip()
        accounts, bad = parse_accounts(self.accounts.toPlainText())
        if not name:
            self.state.setText(_("Enter your name first."))
            return None
        if bad:
            self.state.setText(
                _("Write account IDs as 'name = value': %(value)s is not.")
                % {"value": repr(bad[0])}
            )
            return None
        lines = tuple(line.strip() for line in self.address.toPlainText().splitlines())
        address = tuple(x for x in lines if x)
        return IdentityFields(name, address, self.email.text().strip() or None, accounts)

    def _on_save_clicked(self) -> None:
        fields = self.fields()
        if fields is not None:
            self.state.setText(_("Saving…"))
            self.save_requested.emit(fields)
