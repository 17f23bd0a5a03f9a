"""Starting the desktop app: logging, error hooks, the theme, the main window."""

from __future__ import annotations

import gc
import os
import sys

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from exposure_audit.logs import configure_logging
from ui import prefs
from ui.errors import install_hooks
from ui.main_window import MainWindow
from ui.theme import apply_text_size, apply_theme


def settle_memory() -> None:
    """Move everything alive at start-up out of the garbage collector's way.

    A full collection walks every tracked object on whichever thread triggers it (often the GUI
    thread); freezing the start-up objects keeps those pauses short while a scan runs.
    """
    gc.collect()
    gc.freeze()


def create_window() -> MainWindow:
    """The main window, as the app starts it."""
    window = MainWindow()
    settle_memory()
    return window


def main(argv: list[str] | None = None, workshop: bool = False) -> int:
    """Run the app; returns the exit code. ``workshop`` starts it in workshop mode."""
    workshop = workshop or prefs.workshop()
    if not workshop:  # in workshop mode the log lives in the participant's folder
        configure_logging()
    chosen = prefs.settings().value("data_dir")
    if chosen and "EXPOSURE_AUDIT_HOME" not in os.environ:
        os.environ["EXPOSURE_AUDIT_HOME"] = str(chosen)
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv)
    app.setApplicationName("Exposure Audit")
    app.setOrganizationName("exposure-audit")
    app.setStyle("Fusion")
    apply_theme(prefs.theme())
    apply_text_size(prefs.text_size())
    QGuiApplication.styleHints().colorSchemeChanged.connect(
        lambda _scheme: apply_theme(prefs.theme())
    )
    install_hooks()
    window = create_window()
    if workshop:
        window.workshop.set_active(True)
    window.show()
    if not workshop:  # each participant starts afresh
        window.reopen_last()
    return int(app.exec())
