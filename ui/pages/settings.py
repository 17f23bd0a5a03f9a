"""Settings: detector, workers, match threshold, where data lives, and 'Forget everything'."""

from __future__ import annotations

import os
from typing import ClassVar

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from exposure_audit.i18n import N_, _
from exposure_audit.storage import data_dir
from exposure_audit.vocabulary import similarity_percent
from ui import prefs
from ui.desktop import open_file
from ui.file_dialogs import existing_folder
from ui.icons import icon
from ui.plain_text import plain_label
from ui.screen_privacy import shown_folder
from ui.session import Session
from ui.widgets.language_box import LanguageBox

FORGET_TEXT = N_(
    "This deletes the audit file, every selfie and thumbnail it kept, every decision you made, "
    "and the requests and deadlines you are tracking (export them to your calendar on the "
    "Requests page first if you want to keep them). Your own photos and exports are not "
    "touched. This cannot be undone."
)


class SettingsPage(QWidget):
    """Preferences go to QSettings; the match threshold belongs to the audit."""

    key: ClassVar[str] = "settings"
    icon_name: ClassVar[str] = "settings"
    needs_audit: ClassVar[bool] = False

    @staticmethod
    def title() -> str:
        return _("Settings")

    forget_requested = Signal()
    theme_changed = Signal(str)
    text_size_changed = Signal(int)
    workshop_toggled = Signal(bool)
    language_chosen = Signal(str)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.detector = QComboBox()
        # Its choices are short sentences: the box asks for the longest, and the form puts it
        # under its label when the row has no room for both.
        self.detector.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.detector.addItem(_("HOG: fast, works on any computer"), "hog")
        self.detector.addItem(_("CNN: finds more faces, much slower without a GPU"), "cnn")
        self.detector.setCurrentIndex(max(0, self.detector.findData(prefs.detector())))
        self.workers = QSpinBox()
        self.workers.setRange(1, max(1, os.cpu_count() or 1))
        self.workers.setValue(min(prefs.workers(), self.workers.maximum()))
        # Shown on the one scale the app uses everywhere (% alike); the audit keeps a distance.
        self.threshold = QSpinBox()
        self.threshold.setRange(20, 80)
        self.threshold.setSingleStep(2)
        self.threshold.setSuffix(" %")
        self.threshold.setToolTip(
            _("Faces at least this alike to your selfies count as you. Higher is stricter.")
        )
        self.theme = QComboBox()
        for key, text in (
            ("system", N_("Follow the system")),
            ("light", N_("Light")),
            ("dark", N_("Dark")),
        ):
            self.theme.addItem(_(text), key)
        self.theme.setCurrentIndex(max(0, self.theme.findData(prefs.theme())))
        self.text_size = QComboBox()
        for percent in prefs.TEXT_SIZES:
            self.text_size.addItem(f"{percent} %", percent)
        self.text_size.setCurrentIndex(max(0, self.text_size.findData(prefs.text_size())))
        self.language = LanguageBox()
        self.language.chosen.connect(self.language_chosen)
        self.workshop = QCheckBox(_("Workshop mode"))
        # The explanation wraps in its own label: a check box's text never wraps.
        self.workshop_help = QLabel(
            _(
                "A temporary audit per participant, offline, large text; 'Next "
                "participant' and closing the app delete everything."
            )
        )
        self.workshop_help.setWordWrap(True)
        self.workshop.setChecked(prefs.workshop())
        self.workshop.setAccessibleName(_("Workshop mode"))
        self.data_label = plain_label(QLabel(str(data_dir())))
        self.data_label.setWordWrap(True)
        self.audit_label = plain_label(QLabel(_("No audit open")))
        self.audit_label.setWordWrap(True)
        self._wire()
        self._lay_out()
        session.opened.connect(self._on_session_opened)

    def _wire(self) -> None:
        self.detector.currentIndexChanged.connect(self._on_detector_changed)
        self.workers.valueChanged.connect(self._on_workers_changed)
        self.threshold.editingFinished.connect(self._on_threshold_editing_finished)
        self.theme.currentIndexChanged.connect(self._on_theme_changed)
        self.text_size.currentIndexChanged.connect(self._on_text_size_changed)
        self.workshop.toggled.connect(self._on_workshop_toggled)
        for widget, name in (
            (self.detector, N_("Face detector")),
            (self.workers, N_("Number of workers")),
            (self.threshold, N_("Count a face as you from this similarity")),
            (self.theme, N_("Colours")),
            (self.text_size, N_("Text size")),
        ):
            widget.setAccessibleName(_(name))

    def _lay_out(self) -> None:
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(_("&Language:"), self.language)
        form.addRow(_("Face &detector:"), self.detector)
        form.addRow(_("&Workers (photos and videos analysed at once):"), self.workers)
        form.addRow(_("Count as you from (% &alike):"), self.threshold)
        form.addRow(_("&Colours:"), self.theme)
        form.addRow(_("Text si&ze:"), self.text_size)
        form.addRow("", self.workshop)
        form.addRow("", self.workshop_help)
        data_row = QHBoxLayout()
        data_row.addWidget(self.data_label, 1)
        self.open_data = QPushButton(icon("folder"), _("Open"))
        self.move_data = QPushButton(_("Change…"))
        self.open_data.setAccessibleName(_("Open the data folder"))
        self.move_data.setAccessibleName(_("Choose where new audits are kept"))
        self.open_data.clicked.connect(lambda: open_file(data_dir(), self))
        self.move_data.clicked.connect(self._on_move_data_clicked)
        data_row.addWidget(self.open_data)
        data_row.addWidget(self.move_data)
        form.addRow(_("Data folder:"), data_row)
        form.addRow(_("This audit:"), self.audit_label)
        self.forget_button = QPushButton(icon("trash"), _("Forget everything…"))
        self.forget_button.setAccessibleName(_("Forget everything: delete this audit"))
        self.forget_button.clicked.connect(self._on_forget_clicked)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(_("<h2>Settings</h2>")))
        layout.addLayout(form)
        layout.addSpacing(24)
        forget_text = QLabel(
            _("<b>Forget everything</b><br>%(forget_text)s") % {"forget_text": _(FORGET_TEXT)}
        )
        forget_text.setWordWrap(True)
        layout.addWidget(forget_text)
        layout.addWidget(self.forget_button)
        layout.addStretch()

    def _on_session_opened(self, path: object) -> None:
        self.audit_label.setText(shown_folder(str(path)))
        self.threshold.setValue(similarity_percent(self.session.threshold))

    def _on_workshop_toggled(self, on: bool) -> None:
        prefs.settings().setValue("workshop", on)
        self.workshop_toggled.emit(on)

    def show_workshop(self, on: bool) -> None:
        """Reflect the mode (switched here, by --workshop or at start) without re-emitting."""
        self.workshop.blockSignals(True)
        self.workshop.setChecked(on)
        self.workshop.blockSignals(False)
        self.data_label.setText(shown_folder(str(data_dir())))
        self.audit_label.setText(_("No audit open"))
        self.open_data.setVisible(not on)
        self.move_data.setVisible(not on)

    def _on_detector_changed(self, _index: int) -> None:
        prefs.settings().setValue("scan/detector", self.detector.currentData())

    def _on_workers_changed(self, value: int) -> None:
        prefs.settings().setValue("scan/workers", value)

    def _on_theme_changed(self, _index: int) -> None:
        prefs.settings().setValue("theme", self.theme.currentData())
        self.theme_changed.emit(self.theme.currentData())

    def _on_text_size_changed(self, _index: int) -> None:
        prefs.settings().setValue("text_size", self.text_size.currentData())
        self.text_size_changed.emit(int(self.text_size.currentData()))

    def _on_threshold_editing_finished(self) -> None:
        value = round(1 - self.threshold.value() / 100, 2)  # back to the stored distance
        if self.session.path is None or abs(value - self.session.threshold) < 1e-9:
            return

        def saved(_none: object) -> None:
            self.session.threshold = value
            self.session.findings_changed.emit()

        self.session.db(lambda audit: audit.set_threshold(value), saved)

    def _on_move_data_clicked(self) -> None:
        folder = existing_folder(self, _("Where should new audits be kept?"))
        if folder:
            prefs.settings().setValue("data_dir", folder)
            self.data_label.setText(_("%(folder)s (from the next start)") % {"folder": folder})

    def _on_forget_clicked(self) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Warning, _("Forget everything?"), _(FORGET_TEXT), parent=self
        )
        forget = box.addButton(_("Forget everything"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        if box.clickedButton() is forget:
            self.forget_requested.emit()
