"""A photo opened large in its own window, faces outlined, Escape to close."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from exposure_audit.i18n import _
from ui.widgets.photo_view import PhotoView


class PhotoDialog(QDialog):
    """Shows one photo as large as the screen allows; the caller loads it and calls ``show_photo``."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.view = PhotoView()
        self.view.show_message(_("Loading the photo…"))
        self.caption = QLabel("")
        self.caption.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.caption)
        layout.addWidget(buttons)
        screen = self.screen().availableGeometry() if self.screen() else None
        self.resize(QSize(960, 720) if screen is None else screen.size() * 0.85)
