"""The three error tiers as the person sees them: listed, explained, or reported as a bug."""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from types import TracebackType

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from exposure_audit.errors import BadData, EnvironmentProblem, UserMistake
from exposure_audit.i18n import _
from exposure_audit.storage import log_path

log = logging.getLogger(__name__)

# Shown bug reports, newest last; tests assert this stays empty.
shown_bugs: list[str] = []
_open_boxes: list[QMessageBox] = []


def _parent(widget: QWidget | None) -> QWidget | None:
    return widget or QApplication.activeWindow()


def _show(box: QMessageBox) -> None:
    _open_boxes.append(box)
    box.finished.connect(lambda _result: _open_boxes.remove(box) if box in _open_boxes else None)
    box.open()


def explain(parent: QWidget | None, message: str, title: str = "Exposure Audit") -> None:
    """An environment problem: a message the person can act on (non-blocking)."""
    box = QMessageBox(QMessageBox.Icon.Warning, title, message, QMessageBox.StandardButton.Ok)
    box.setTextFormat(Qt.TextFormat.PlainText)  # messages name files from exports
    box.setParent(_parent(parent), box.windowFlags())
    _show(box)


def report_bug(parent: QWidget | None, details: str) -> None:
    """A bug: say so plainly, show the details and where the log is."""
    shown_bugs.append(details)
    box = QMessageBox(
        QMessageBox.Icon.Critical,
        _("Something went wrong"),
        _(
            "Exposure Audit hit an unexpected error. This is a bug in the app, not "
            "something you did."
        ),
        QMessageBox.StandardButton.Ok,
    )
    box.setInformativeText(
        _(
            "Your audit is safe: decisions are saved as you make them.\nThe details "
            "below are also in the log file:\n%(log_path)s"
        )
        % {"log_path": log_path()}
    )
    box.setDetailedText(details)
    box.setParent(_parent(parent), box.windowFlags())
    _show(box)


def report_error(parent: QWidget | None, exc: BaseException) -> None:
    """Route an exception from a worker to its tier."""
    if isinstance(exc, EnvironmentProblem):
        explain(parent, str(exc))
    elif isinstance(exc, UserMistake):
        explain(parent, str(exc), _("Not possible"))
    elif isinstance(exc, BadData):
        explain(
            parent,
            _("This could not be read: %(problem)s") % {"problem": exc},
            _("Unreadable item"),
        )
    else:
        details = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
        log.error("unexpected error\n%s", details)
        report_bug(parent, details)


class _Bridge(QObject):
    """Carries uncaught exceptions from any thread to the GUI thread."""

    caught = Signal(object)


_bridge: _Bridge | None = None


def install_hooks() -> None:
    """Send uncaught exceptions (GUI thread and other threads) to the bug dialog."""
    global _bridge
    _bridge = _Bridge()
    _bridge.caught.connect(lambda exc: report_error(None, exc))

    def excepthook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, exc, tb)
            return
        exc.__traceback__ = tb
        if _bridge is not None:
            _bridge.caught.emit(exc)

    def thread_hook(args: threading.ExceptHookArgs) -> None:
        if args.exc_value is not None:
            excepthook(args.exc_type, args.exc_value, args.exc_traceback)

    sys.excepthook = excepthook
    threading.excepthook = thread_hook
