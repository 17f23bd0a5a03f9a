"""Start: the promise, then create or open an audit; recent audits listed."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from exposure_audit.storage import default_audit_path
from ui import prefs

PROMISE = """
<h1>Where does your face appear?</h1>
<p>Exposure Audit looks through your own photos, folders and platform exports and shows every
picture your face is in, with where it came from and who could see it.</p>
<ul>
<li><b>Everything stays on this computer.</b> Nothing is uploaded, nothing is sent anywhere.</li>
<li><b>Only photos of yourself.</b> You teach it your face with a few selfies; it looks for you
and nobody else.</li>
<li><b>You can wipe it all.</b> One button in Settings forgets the audit and every picture it kept.</li>
</ul>
"""


class StartPage(QWidget):
    """Asks which audit to work on; emits ``open_requested(path)``."""

    open_requested = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        promise = QLabel(PROMISE)
        promise.setWordWrap(True)
        promise.setTextFormat(Qt.TextFormat.RichText)
        self.default_button = QPushButton("Start with my audit")
        self.default_button.setDefault(True)
        self.default_button.setAccessibleName("Start with the default audit on this computer")
        self.new_button = QPushButton("New audit file…")
        self.open_button = QPushButton("Open an audit file…")
        self.recent = QListWidget()
        self.recent.setAccessibleName("Recent audits")
        self.default_button.clicked.connect(self._on_default_clicked)
        self.new_button.clicked.connect(self._on_new_clicked)
        self.open_button.clicked.connect(self._on_open_clicked)
        self.recent.itemActivated.connect(self._on_recent_activated)

        buttons = QHBoxLayout()
        for button in (self.default_button, self.new_button, self.open_button):
            buttons.addWidget(button)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.addWidget(promise)
        layout.addLayout(buttons)
        recent_label = QLabel("Recent audits (press Enter to open):")
        recent_label.setBuddy(self.recent)
        layout.addWidget(recent_label)
        layout.addWidget(self.recent, 1)
        self.refresh()

    def refresh(self) -> None:
        self.recent.clear()
        for path in prefs.recent_audits():
            item = QListWidgetItem(path)
            item.setData(Qt.ItemDataRole.UserRole, path)
            if not Path(path).exists():
                item.setText(f"{path}  (missing)")
            self.recent.addItem(item)

    def _on_default_clicked(self) -> None:
        self.open_requested.emit(default_audit_path())

    def _on_new_clicked(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self,
            "New audit",
            str(default_audit_path().parent / "my-audit.audit"),
            "Audits (*.audit)",
        )
        if name:
            self.open_requested.emit(Path(name if name.endswith(".audit") else name + ".audit"))

    def _on_open_clicked(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, "Open audit", str(default_audit_path().parent), "Audits (*.audit);;All files (*)"
        )
        if name:
            self.open_requested.emit(Path(name))

    def _on_recent_activated(self, item: QListWidgetItem) -> None:
        self.open_requested.emit(Path(item.data(Qt.ItemDataRole.UserRole)))
