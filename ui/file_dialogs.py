"""File dialogs that leave no record of the folders a person looked in.

Qt's own file dialog keeps its history and last folder in the ``QtProject`` settings
(``~/.config/QtProject.conf`` on Linux, created readable by others), and the next dialog opens
there: in a workshop, the next participant would start in the last one's folder. So every
dialog of the app goes through this module, which puts those settings back as they were once
the dialog has closed. In workshop mode Qt's own dialog is used rather than the platform's,
whose recent-file lists (GTK's ``recently-used.xbel``, the Windows shell's) the app could not
put back.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog, QWidget

from ui.screen_privacy import SCREEN

DIALOG_GROUP = "FileDialog/"


def qt_dialog_settings() -> QSettings:
    """Where Qt's file dialog keeps its state (shared by every Qt application of the user)."""
    return QSettings(QSettings.Scope.UserScope, "QtProject")


@contextlib.contextmanager
def leaving_no_trace() -> Iterator[None]:
    """Run a file dialog, then restore Qt's dialog settings to what they were before it."""
    settings = qt_dialog_settings()
    settings.sync()
    existed = Path(settings.fileName()).is_file()
    before = {
        key: settings.value(key) for key in settings.allKeys() if key.startswith(DIALOG_GROUP)
    }
    try:
        yield
    finally:
        settings.sync()  # reads what the dialog wrote as it closed
        for key in settings.allKeys():
            if key.startswith(DIALOG_GROUP) and key not in before:
                settings.remove(key)
        for key, value in before.items():
            settings.setValue(key, value)
        settings.sync()
        written = Path(settings.fileName())
        if (
            not existed
            and not settings.allKeys()
            and written.is_file()
            and not written.is_symlink()
        ):
            written.unlink()  # the dialog created it; nothing of the person's is in it now


def _start(folder: str) -> str:
    """Where a dialog opens: never "", which Qt takes as "where the last dialog was" (kept in
    memory for the life of the process, beyond what ``leaving_no_trace`` can put back)."""
    return folder or str(Path.home())


def _options() -> QFileDialog.Option:
    workshop = SCREEN.save_folder is not None
    return QFileDialog.Option.DontUseNativeDialog if workshop else QFileDialog.Option(0)


def open_file_names(parent: QWidget, title: str, folder: str, filters: str) -> list[str]:
    """The files chosen to open; an empty list when cancelled."""
    with leaving_no_trace():
        names, _picked = QFileDialog.getOpenFileNames(
            parent, title, _start(folder), filters, "", _options()
        )
    return names


def open_file_name(parent: QWidget, title: str, folder: str, filters: str) -> str:
    """The file chosen to open; "" when cancelled."""
    with leaving_no_trace():
        name, _picked = QFileDialog.getOpenFileName(
            parent, title, _start(folder), filters, "", _options()
        )
    return name


def save_file_name(
    parent: QWidget, title: str, suggested: str, filters: str, selected: str = ""
) -> tuple[str, str]:
    """The path chosen to save to and the type picked; ("", "") when cancelled."""
    with leaving_no_trace():
        return QFileDialog.getSaveFileName(
            parent, title, _start(suggested), filters, selected, _options()
        )


def existing_folder(parent: QWidget, title: str, folder: str = "") -> str:
    """The folder chosen; "" when cancelled."""
    options = _options() | QFileDialog.Option.ShowDirsOnly
    with leaving_no_trace():
        return QFileDialog.getExistingDirectory(parent, title, _start(folder), options)
