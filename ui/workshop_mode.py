"""Workshop mode in the window: the bar with "Next participant", sample data, large text."""

from __future__ import annotations

import contextlib
import html
import tempfile
from pathlib import Path
from typing import Protocol, cast

from PySide6.QtCore import QObject, QSize, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QWidget,
)

from exposure_audit.demo import prepare_sample_audit
from exposure_audit.errors import EnvironmentProblem
from exposure_audit.i18n import N_, _
from exposure_audit.private_files import wipe_folder
from exposure_audit.score import exposure_score
from ui import prefs
from ui.errors import report_error
from ui.icons import icon
from ui.pages.findings import FindingsPage
from ui.pages.overview import OverviewPage
from ui.pages.overview.summary import Overview
from ui.pages.scan import ScanPage
from ui.pages.sources import SourcesPage
from ui.pages.start import StartPage
from ui.session import Session
from ui.widgets.gallery import FindingDelegate
from ui.workshop import DELETED, FONT_SCALE, Workshop


class WorkshopWindow(Protocol):
    """What workshop mode uses of the main window (which owns it, so it is not imported here)."""

    session: Session
    start: StartPage
    sources: SourcesPage
    scan: ScanPage
    findings: FindingsPage
    overview: OverviewPage

    def show_page(self, key: str) -> None: ...

    def audit_closed(self) -> None: ...

    def windowState(self) -> Qt.WindowState: ...

    def setWindowState(self, state: Qt.WindowState) -> None: ...


NEXT_TEXT = N_(
    "Delete everything of this participant: selfies, audit, thumbnails, the takeaway and the "
    "logs? The next participant starts with a clean app."
)
BIG_CELL, BIG_IMAGE = QSize(264, 300), 248


class WorkshopBar(QFrame):
    """Always on top in workshop mode: what the mode promises, and the reset button."""

    def __init__(self) -> None:
        super().__init__()
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setObjectName("workshopBar")
        self.setStyleSheet("#workshopBar { background: #1f4f8f; } QLabel { color: white; }")
        self.note = QLabel(
            _(
                "<b>Workshop mode</b>: offline, paths hidden, other faces blurred. "
                "Everything is deleted after each participant and when the app closes."
            )
        )
        self.note.setWordWrap(True)
        self.status = QLabel("")
        self.status.setAccessibleName(_("Workshop status"))
        self.next_button = QPushButton(icon("trash"), _("Next participant"))
        self.next_button.setAccessibleName(_("Next participant: delete everything of this one"))
        row = QHBoxLayout(self)
        row.addWidget(self.note, 1)
        row.addWidget(self.status)
        row.addWidget(self.next_button)


class WorkshopMode(QObject):
    """Switches the window into workshop mode and out; owns the participant's temporary folder."""

    changed = Signal(bool)
    wiped = Signal()
    sample_ready = Signal(object)  # audit path

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.window = cast(WorkshopWindow, window)
        self.widget = window  # parent of its dialogs
        self.workshop = Workshop()
        self.bar = WorkshopBar()
        self.bar.hide()
        self.bar.next_button.clicked.connect(self._on_next_clicked)
        self._normal_font: QFont | None = None
        self._normal_cell = (FindingDelegate.CELL, FindingDelegate.IMAGE)
        self._sample_round = False
        self._sample_roots: list[Path] = []  # outside workshop mode: the sample's temp folders
        self.confirm = True  # tests answer the one confirmation themselves
        self.window.scan.scan_finished.connect(self._on_scan_finished)

    @property
    def active(self) -> bool:
        return self.workshop.active

    def set_active(self, on: bool) -> None:
        if on == self.active:
            return
        self._close_audit()
        if on:
            self.workshop.start()
        else:
            self.workshop.stop()
        self._enlarge(on)
        self._offline_controls(on)
        self.window.start.show_workshop(on)
        self.bar.setVisible(on)
        self.bar.status.setText("")
        self.changed.emit(on)

    # -- the reset ----------------------------------------------------------------------------

    def _on_next_clicked(self) -> None:
        if self.confirm:
            box = QMessageBox(
                QMessageBox.Icon.Question, _("Next participant?"), _(NEXT_TEXT), parent=self.widget
            )
            wipe = box.addButton(
                _("Delete and start again"), QMessageBox.ButtonRole.DestructiveRole
            )
            box.addButton(QMessageBox.StandardButton.Cancel)
            box.setDefaultButton(QMessageBox.StandardButton.Cancel)
            box.exec()
            if box.clickedButton() is not wipe:
                return
        self.next_participant()

    def next_participant(self) -> None:
        """Delete everything of this participant and start clean (after the confirmation)."""
        self._close_audit()
        try:
            self.workshop.next_participant()
        except EnvironmentProblem as exc:
            self.bar.status.setText("")
            report_error(self.widget, exc)
            return
        self.bar.status.setText(f"<b>{html.escape(_(DELETED))}</b>")
        self.window.show_page("start")
        self.wiped.emit()

    def close_down(self) -> None:
        """On exit: wipe, and give the user's own data folder back; the sample goes too."""
        with contextlib.suppress(EnvironmentProblem):  # what stays is swept at the next start
            self.set_active(False)
        self.remove_samples(keep_open=False)  # the window closes: its session has ended

    def is_sample(self, path: Path) -> bool:
        """Whether ``path`` is the throwaway audit of "Try it with sample data"."""
        return any(Path(path).is_relative_to(root) for root in self._sample_roots)

    def remove_samples(self, keep_open: bool = True) -> None:
        """Delete the sample's temporary folders (not the one open) and forget them as recent."""
        open_now = self.window.session.path if keep_open else None
        for root in list(self._sample_roots):
            if open_now is not None and Path(open_now).is_relative_to(root):
                continue
            prefs.forget_recent(str(root / "sample.audit"))
            if not wipe_folder(root).left:
                self._sample_roots.remove(root)

    def _close_audit(self) -> None:
        window = self.window
        window.scan.cancel_and_wait()
        window.session.shutdown()
        if window.session.path is not None:
            window.session.close()
            window.audit_closed()
        self._clear_screens()

    def _clear_screens(self) -> None:
        """Nothing of the last participant may stay on screen either."""
        window = self.window
        window.scan.live.set_rows([])
        window.scan.problems.clear()
        window.overview.show_summary(Overview())
        window.overview.score_card.show_score(exposure_score([]))
        self._sample_round = False

    # -- sample data --------------------------------------------------------------------------

    def try_sample_data(self) -> None:
        """Write the demo persona into a temporary folder, enroll it, and scan it."""
        if self.active:
            self._close_audit()
            if self.workshop.in_use():
                self.workshop.next_participant()
            folder, audit = self.workshop.sample_folder / "data", self.workshop.audit_path
        else:
            self.remove_samples()  # the last sample's folder goes before a new one is made
            root = Path(tempfile.mkdtemp(prefix="exposure-audit-sample-"))
            self._sample_roots.append(root)
            folder, audit = root / "data", root / "sample.audit"
        self.window.start.sample_button.setEnabled(False)
        self.window.session.job(
            lambda: prepare_sample_audit(folder, audit),
            lambda _demo: self._on_sample_prepared(audit),
            self._on_sample_failed,
        )

    def _on_sample_prepared(self, audit: Path) -> None:
        self.window.start.sample_button.setEnabled(True)
        self._sample_round = True

        def opened(_path: Path) -> None:
            self.window.show_page("scan")
            self.window.scan.start_scan()
            self.sample_ready.emit(audit)

        self.window.session.open(
            audit, on_done=opened, on_error=lambda exc: report_error(self.widget, exc)
        )

    def _on_sample_failed(self, exc: Exception) -> None:
        self.window.start.sample_button.setEnabled(True)
        report_error(self.widget, exc)

    def _on_scan_finished(self, _result: object) -> None:
        if self._sample_round:
            self.window.show_page("overview")

    def _offline_controls(self, on: bool) -> None:
        """Nothing that goes online, and nothing that shows where files are, in workshop mode."""
        window = self.window
        window.scan.online.setChecked(False)
        for control in (
            window.scan.online,
            window.sources.url_button,
            window.findings.folder_button,
            window.findings.copy_button,
        ):
            control.setVisible(not on)

    # -- a room can read it -------------------------------------------------------------------

    def _enlarge(self, on: bool) -> None:
        app = QApplication.instance()
        if not isinstance(app, QApplication):
            return
        if on:
            self._normal_font = QFont(app.font())
            font = QFont(app.font())
            font.setPointSizeF(font.pointSizeF() * FONT_SCALE)
            app.setFont(font)
            FindingDelegate.CELL, FindingDelegate.IMAGE = BIG_CELL, BIG_IMAGE
        else:
            if self._normal_font is not None:
                app.setFont(self._normal_font)
            FindingDelegate.CELL, FindingDelegate.IMAGE = self._normal_cell
        self.window.scan.matches.setFixedHeight(FindingDelegate.CELL.height() + 24)
        self.window.findings.gallery.doItemsLayout()
        self.window.setWindowState(
            self.window.windowState() | Qt.WindowState.WindowMaximized
            if on
            else self.window.windowState() & ~Qt.WindowState.WindowMaximized
        )
