"""A line that says where a file was saved, with buttons to open it or its folder."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QWidget

from exposure_audit.i18n import _
from ui.desktop import open_file
from ui.icons import icon
from ui.screen_privacy import shown_folder, shown_path


class SavedNote(QFrame):
    """Hidden until ``show_saved(path)``; 'Open' and 'Show folder' hand the file to the desktop."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path: Path | None = None
        self.text = ""  # the whole sentence; the label shows as much as fits on one line
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.message = QLabel("")
        # One line, cut short with '…' (the tooltip has it whole): a wrapped second line would
        # push the page under the note down just as the person reaches for it.
        self.message.setWordWrap(False)
        self.message.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.message.setAccessibleName(_("Where the file was saved"))
        self.open_button = QPushButton(icon("link"), _("Open"))
        self.folder_button = QPushButton(icon("folder"), _("Show folder"))
        self.close_button = QPushButton("✕")
        self.close_button.setFlat(True)
        self.close_button.setAccessibleName(_("Hide this message"))
        self.open_button.clicked.connect(lambda: self._open(self.path))
        self.folder_button.clicked.connect(lambda: self._open(self.path and self.path.parent))
        self.close_button.clicked.connect(self.hide)
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 4, 4, 4)
        row.addWidget(self.message, 1)
        for button in (self.open_button, self.folder_button, self.close_button):
            row.addWidget(button)
        # The note keeps its place while hidden: the page under it never jumps when it shows.
        policy = self.sizePolicy()
        policy.setRetainSizeWhenHidden(True)
        self.setSizePolicy(policy)
        self.hide()

    def show_saved(self, path: Path, what: str = "") -> None:
        self.path = Path(path)
        self.text = _("{what}: {name} in {folder}").format(
            what=what or _("Saved"),
            name=self.path.name,
            folder=shown_folder(str(self.path.parent)),
        )
        self.message.setToolTip(shown_path(str(self.path)))
        self.show()
        self._fit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        width = self.message.width()
        metrics = self.message.fontMetrics()
        self.message.setText(metrics.elidedText(self.text, Qt.TextElideMode.ElideMiddle, width))

    @staticmethod
    def _open(path: Path | None) -> None:
        if path is not None:
            open_file(path)
