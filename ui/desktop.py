"""Handing a web address or a file to the desktop, and saying so when nothing takes it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from exposure_audit.i18n import _
from ui.screen_privacy import shown_path


def _tell(parent: QWidget | None, what: str, copy: str) -> None:
    """Nothing opened it (no browser or file manager here): say so, and offer to copy it."""
    box = QMessageBox(
        QMessageBox.Icon.Information,
        _("Nothing could open it"),
        _("No program on this computer opened {what}. Copy it and open it yourself.").format(
            what=what
        ),
        parent=parent or QApplication.activeWindow(),
    )
    copy_button = box.addButton(_("Copy"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Close)
    box.setModal(True)
    box.finished.connect(
        lambda _code: (
            QGuiApplication.clipboard().setText(copy)
            if box.clickedButton() is copy_button
            else None
        )
    )
    box.open()


def open_web(url: str, parent: QWidget | None = None) -> bool:
    """Open a web (or mailto:) address checked by the caller; tell the person when nothing can."""
    if QDesktopServices.openUrl(QUrl(url)):
        return True
    _tell(parent, url if len(url) < 120 else url[:117] + "…", url)
    return False


def open_file(path: Path, parent: QWidget | None = None) -> bool:
    """Open a file or folder in the desktop's program for it; tell the person when none can."""
    if QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
        return True
    _tell(parent, shown_path(str(path)), shown_path(str(path)))
    return False
