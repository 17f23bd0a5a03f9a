"""Start: the promise, then create or open an audit; recent audits listed."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from exposure_audit.i18n import N_, _
from exposure_audit.storage import default_audit_path
from ui import prefs
from ui.file_dialogs import open_file_name, save_file_name
from ui.widgets.flow import FlowLayout
from ui.widgets.language_box import LanguageBox

PROMISE = N_("""
<h1>Where does your face appear?</h1>
<p>Exposure Audit looks through your own photos, folders and platform exports and shows every
picture your face is in, with where it came from and who could see it.</p>
<ul>
<li><b>Everything stays on this computer.</b> Nothing is uploaded, nothing is sent anywhere.</li>
<li><b>Only photos of yourself.</b> You teach it your face with a few selfies; it looks for you
and nobody else.</li>
<li><b>You can wipe it all.</b> One button in Settings forgets the audit and every picture it kept.</li>
</ul>
""")


BUTTON_HELP = (
    N_("Your own audit, kept in your user folder on this computer. Most people need only this."),
    N_("A separate audit in a file you choose: a fresh start, or one kept on a USB stick."),
    N_("An audit file made before, on this or another computer."),
)
CHOICES = N_(
    "<p><b>Start with my audit</b>: your own audit, kept in your user folder on this "
    "computer; most people need only this. <b>New audit file…</b>: a separate audit in a "
    "file you choose (a fresh start, or one on a USB stick). <b>Open an audit file…</b>: "
    "an audit file made before.</p>"
)
WORKSHOP_NOTE = N_(
    "<p><b>Workshop mode.</b> Try it with the sample data of an invented person, or with your "
    "own selfies and exports. Nothing leaves this computer, and everything you add is deleted "
    "when you press <i>Next participant</i>.</p>"
)


class StartPage(QWidget):
    """Asks which audit to work on; emits ``open_requested(path)``."""

    key: ClassVar[str] = "start"
    icon_name: ClassVar[str] = "start"
    needs_audit: ClassVar[bool] = False

    @staticmethod
    def title() -> str:
        return _("Start")

    open_requested = Signal(object)
    sample_requested = Signal()
    language_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        promise = QLabel(_(PROMISE))
        promise.setWordWrap(True)
        promise.setTextFormat(Qt.TextFormat.RichText)
        self.default_button = QPushButton(_("Start with my audit"))
        self.default_button.setDefault(True)
        self.default_button.setAccessibleName(_("Start with the default audit on this computer"))
        self.new_button = QPushButton(_("New audit file…"))
        self.open_button = QPushButton(_("Open an audit file…"))
        self.sample_button = QPushButton(_("Try it with sample data"))
        self.sample_button.setAccessibleName(
            _("Try it with sample data: an invented persona, scanned in a temporary folder")
        )
        self.sample_button.clicked.connect(self.sample_requested)
        self.recent = QListWidget()
        self.recent.setAccessibleName(_("Recent audits"))
        self.default_button.clicked.connect(self._on_default_clicked)
        self.new_button.clicked.connect(self._on_new_clicked)
        self.open_button.clicked.connect(self._on_open_clicked)
        self.recent.itemActivated.connect(self._on_recent_activated)

        buttons = FlowLayout()
        for button in (self.default_button, self.new_button, self.open_button, self.sample_button):
            buttons.addWidget(button)
        for button, tip in zip(
            (self.default_button, self.new_button, self.open_button), BUTTON_HELP, strict=True
        ):
            button.setToolTip(_(tip))
        self.choices = QLabel(_(CHOICES))
        self.choices.setWordWrap(True)
        self.choices.setTextFormat(Qt.TextFormat.RichText)
        self.choices.setAccessibleName(_("What the three start buttons do"))
        # A host switches the language here, per participant, before they start.
        self.language = LanguageBox()
        self.language.chosen.connect(self.language_chosen)
        language_row = QHBoxLayout()
        language_label = QLabel(_("&Language:"))
        language_label.setBuddy(self.language)
        language_row.addStretch()
        language_row.addWidget(language_label)
        language_row.addWidget(self.language)
        layout = QVBoxLayout(self)
        layout.addLayout(language_row)
        layout.addWidget(promise)
        layout.addLayout(buttons)
        layout.addWidget(self.choices)
        self.recent_label = QLabel(_("Recent audits (press Enter to open):"))
        self.recent_label.setBuddy(self.recent)
        self.workshop_note = QLabel(_(WORKSHOP_NOTE))
        self.workshop_note.setWordWrap(True)
        self.workshop_note.hide()
        layout.addWidget(self.workshop_note)
        layout.addWidget(self.recent_label)
        layout.addWidget(self.recent, 1)
        layout.addStretch()
        self.refresh()

    def show_workshop(self, on: bool) -> None:
        """In workshop mode: sample data first, no audit files to pick, no recent list."""
        hidden = (self.new_button, self.open_button, self.recent, self.recent_label, self.choices)
        for widget in hidden:
            widget.setVisible(not on)
        self.default_button.setText(
            _("Start with your own selfies") if on else _("Start with my audit")
        )
        self.sample_button.setDefault(on)
        self.default_button.setDefault(not on)
        self.workshop_note.setVisible(on)

    def refresh(self) -> None:
        self.recent.clear()
        for path in prefs.recent_audits():
            item = QListWidgetItem(path)
            item.setData(Qt.ItemDataRole.UserRole, path)
            if not Path(path).exists():
                item.setText(_("%(path)s  (missing)") % {"path": path})
            self.recent.addItem(item)

    def _on_default_clicked(self) -> None:
        self.open_requested.emit(default_audit_path())

    def _on_new_clicked(self) -> None:
        name, _filter = save_file_name(
            self,
            _("New audit"),
            str(default_audit_path().parent / "my-audit.audit"),
            _("Audits (*.audit)"),
        )
        if name:
            self.open_requested.emit(Path(name if name.endswith(".audit") else name + ".audit"))

    def _on_open_clicked(self) -> None:
        name = open_file_name(
            self,
            _("Open audit"),
            str(default_audit_path().parent),
            _("Audits (*.audit);;All files (*)"),
        )
        if name:
            self.open_requested.emit(Path(name))

    def _on_recent_activated(self, item: QListWidgetItem) -> None:
        self.open_requested.emit(Path(item.data(Qt.ItemDataRole.UserRole)))
