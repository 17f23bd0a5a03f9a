"""The main window: a step list on the left, one page per step on the right."""

from __future__ import annotations

from pathlib import Path
from typing import cast

from PySide6.QtCore import QByteArray, QSize, Qt
from PySide6.QtGui import (
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QGuiApplication,
    QKeySequence,
    QShortcut,
)
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from exposure_audit import actions
from exposure_audit.audit.store import FindingRow
from exposure_audit.i18n import _
from ui import labels, prefs
from ui.errors import report_error
from ui.first_run import AuditState, audit_state, next_step
from ui.icons import icon
from ui.language import apply_language
from ui.pages import Step
from ui.pages.findings import FindingsPage
from ui.pages.overview import OverviewPage
from ui.pages.requests import RequestsPage
from ui.pages.scan import ScanPage
from ui.pages.settings import SettingsPage
from ui.pages.sources import SourcesPage
from ui.pages.start import StartPage
from ui.pages.you import YouPage
from ui.plain_text import plain_label, plain_tooltip
from ui.screen_privacy import shown_folder
from ui.session import Session
from ui.theme import apply_text_size, apply_theme
from ui.widgets.clean_dialog import CleanDialog, PhotoToClean, finding_photo, photos_at
from ui.widgets.next_step_bar import NextStepBar
from ui.widgets.takeaway_dialog import TakeawayDialog
from ui.workshop_mode import WorkshopMode

TITLE_BAR = 32  # room left for the window manager's title bar before the window is shown
# The smallest size every page is checked at (1280x720 zoomed to 150 %): a window saved smaller,
# e.g. on a zoomed screen, opens at least this big where the screen has room.
SMALLEST_USABLE = QSize(853, 480)
# Windows built by a change of language: kept alive here, as the launcher holds only the first.
_WINDOWS: list[MainWindow] = []


def scrolling(page: QWidget) -> QScrollArea:
    """A page in a frameless scroll area, so a small or zoomed screen scrolls instead of clipping."""
    frame = QScrollArea()
    frame.setWidgetResizable(True)
    frame.setFrameShape(QScrollArea.Shape.NoFrame)
    frame.setWidget(page)
    frame.setMinimumSize(200, 150)
    return frame


class MainWindow(QMainWindow):
    """Holds the session and the pages; more pages can be added with ``add_page``."""

    def __init__(self) -> None:
        super().__init__()
        apply_language()  # the chosen language is in force however the window is built
        self.setWindowTitle("Exposure Audit")
        self.session = Session(self)
        self.pages: dict[str, QWidget] = {}
        self._needs_audit: set[str] = set()
        self.steps = QListWidget()
        self.steps.setIconSize(QSize(22, 22))
        self.steps.setFixedWidth(170)
        self.steps.setAccessibleName(_("Steps"))
        self.stack = QStackedWidget()
        self.steps.currentRowChanged.connect(self.stack.setCurrentIndex)
        self.next_bar = NextStepBar()
        self.next_bar.go.connect(self.show_page)
        self.state = AuditState()
        self.steps.currentRowChanged.connect(lambda _row: self._show_next_step())
        self.audit_label = plain_label(QLabel(_("No audit open")))
        self.audit_label.setWordWrap(True)
        self._build_pages()
        self.workshop = WorkshopMode(self)
        self._wire_workshop()
        self._lay_out()
        self.session.opened.connect(self._on_session_opened)
        for signal in (
            self.session.references_changed,
            self.session.sources_changed,
            self.session.findings_changed,
            self.session.decision_saved,
        ):
            signal.connect(self.refresh_state)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Quit), self, self.close)
        QShortcut(QKeySequence("Ctrl+Q"), self, self.close)
        self._enable_audit_pages(False)
        self._restore_state()

    def _build_pages(self) -> None:
        s = self.session
        self.start = StartPage()
        self.you = YouPage(s)
        self.sources = SourcesPage(s)
        self.scan = ScanPage(s)
        self.findings = FindingsPage(s)
        self.overview = OverviewPage(s)
        self.requests = RequestsPage(s)
        self.settings_page = SettingsPage(s)
        for page in (
            self.start,
            self.you,
            self.sources,
            self.scan,
            self.findings,
            self.overview,
            self.requests,
            self.settings_page,
        ):
            self.add_page(page)
        self.start.open_requested.connect(self.open_audit)
        self.start.language_chosen.connect(self.choose_language)
        self.settings_page.language_chosen.connect(self.choose_language)
        self.settings_page.forget_requested.connect(self.forget_everything)
        self.settings_page.theme_changed.connect(self._on_settings_page_theme_changed)
        self.settings_page.text_size_changed.connect(self._on_settings_page_text_size_changed)
        scan_step = self.step_item(ScanPage.key)
        self.scan.scan_started.connect(lambda: scan_step.setText(_("Scan (running)")))
        self.scan.paused_changed.connect(
            lambda paused: scan_step.setText(_("Scan (paused)") if paused else _("Scan (running)"))
        )
        self.scan.scan_finished.connect(lambda _r: scan_step.setText(ScanPage.title()))
        self.scan.review_requested.connect(lambda: self.show_page(FindingsPage.key))
        self.overview.filter_requested.connect(self._on_overview_filter_requested)

    def _lay_out(self) -> None:
        side = QWidget()
        column = QVBoxLayout(side)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.steps, 1)
        column.addWidget(self.audit_label)
        quit_button = QPushButton(_("Quit"))
        quit_button.setToolTip(_("Quit (Ctrl+Q): a running scan stops and keeps what is done"))
        quit_button.clicked.connect(self.close)
        column.addWidget(quit_button)
        right = QWidget()
        page_column = QVBoxLayout(right)
        page_column.setContentsMargins(0, 0, 0, 0)
        page_column.addWidget(self.next_bar)
        page_column.addWidget(self.stack, 1)
        body = QWidget()
        row = QHBoxLayout()
        row.addWidget(side)
        row.addWidget(right, 1)
        column = QVBoxLayout(body)
        column.addWidget(self.workshop.bar)
        column.addLayout(row, 1)
        self.setCentralWidget(body)

    def _wire_workshop(self) -> None:
        self.start.sample_requested.connect(self.workshop.try_sample_data)
        self.settings_page.workshop_toggled.connect(self.workshop.set_active)
        self.workshop.changed.connect(self.settings_page.show_workshop)
        self.overview.score_card.takeaway_requested.connect(self.show_takeaway)
        self.findings.clean_requested.connect(self._on_findings_clean_requested)
        self.setAcceptDrops(True)  # photos dropped where no page takes them: clean copies

    def show_takeaway(self) -> TakeawayDialog:
        """The one-page takeaway dialog (written into the workshop folder in workshop mode)."""
        folder = self.workshop.workshop.output_folder if self.workshop.active else None
        dialog = TakeawayDialog(self.session, folder, self)
        dialog.requests_wanted.connect(lambda: self.show_page(RequestsPage.key))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def show_clean(self, photos: list[PhotoToClean]) -> CleanDialog:
        """The clean-copy dialog (saving into the participant's folder in workshop mode)."""
        folder = self.workshop.workshop.output_folder / "clean" if self.workshop.active else None
        dialog = CleanDialog(self.session, photos, folder, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def _on_findings_clean_requested(self, row: FindingRow) -> None:
        self.show_clean([finding_photo(labels.file_name(row), row.source, row.location)])

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if any(url.isLocalFile() for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.show_clean(photos_at(paths))

    def add_page(self, page: QWidget) -> None:
        """Add a page (a ``Step``) to the sidebar; Ctrl+<its number> shows it."""
        step = cast(Step, page)
        key, title, needs_audit = step.key, step.title(), step.needs_audit
        item = QListWidgetItem(icon(step.icon_name), title)
        item.setData(Qt.ItemDataRole.AccessibleTextRole, title)
        self.steps.addItem(item)
        self.stack.addWidget(scrolling(page))
        self.pages[key] = page
        if needs_audit:
            self._needs_audit.add(key)
            if self.session.path is None:
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled)
        number = self.steps.count()
        if number <= 9:
            QShortcut(QKeySequence(f"Ctrl+{number}"), self, lambda: self.show_page(key))

    def current_page(self) -> QWidget:
        frame = self.stack.currentWidget()
        page = frame.widget() if isinstance(frame, QScrollArea) else frame
        assert page is not None  # every step holds a page
        return page

    def step_item(self, key: str) -> QListWidgetItem:
        """The sidebar's entry of the page named ``key``."""
        return self.steps.item(list(self.pages).index(key))

    def show_page(self, key: str) -> None:
        if self.step_item(key).flags() & Qt.ItemFlag.ItemIsEnabled:
            self.steps.setCurrentRow(list(self.pages).index(key))

    def _enable_audit_pages(self, enabled: bool) -> None:
        for key in self.pages:
            if key in self._needs_audit:
                item = self.step_item(key)
                flags = item.flags()
                item.setFlags(
                    flags | Qt.ItemFlag.ItemIsEnabled
                    if enabled
                    else flags & ~Qt.ItemFlag.ItemIsEnabled
                )

    # -- audits -------------------------------------------------------------------------------

    def open_audit(self, path: Path) -> None:
        if self.scan.running:
            self.scan.cancel_and_wait()
        self.session.open(Path(path), on_error=lambda exc: report_error(self, exc))

    def _on_session_opened(self, path: Path) -> None:
        # A participant's audit, or the sample's throwaway one, is never listed as recent.
        if not self.workshop.active and not self.workshop.is_sample(path):
            prefs.remember_audit(str(path))
        self.workshop.bar.status.setText("")  # "all data was deleted" was for the one before
        self.workshop.remove_samples()  # a sample no longer open is deleted
        self.start.refresh()
        self.audit_label.setText(_("Audit:\n%(name)s") % {"name": path.name})
        self.audit_label.setToolTip(plain_tooltip(shown_folder(str(path))))
        self.setWindowTitle(f"Exposure Audit — {path.name}")
        self._enable_audit_pages(True)
        self.show_page(YouPage.key)
        self.refresh_state()

    def forget_everything(self) -> None:
        """Wipe the open audit, its thumbnails and selfie crops (after the page's confirmation)."""
        path = self.session.path
        if path is None:
            return
        self.scan.cancel_and_wait()
        self.session.shutdown()
        self.session.close()
        result = actions.forget(path)
        prefs.forget_recent(str(path))
        self.audit_closed()
        self.show_page(StartPage.key)
        self.forgotten = QMessageBox(
            QMessageBox.Icon.Information,
            _("Forgotten"),
            _(
                "The audit %(name)s, its selfies, thumbnails, decisions and tracked "
                "deadlines are deleted. Your own photos and exports were not touched."
            )
            % {"name": path.name}
            + "".join(
                "\n" + _("Not removed: %(path)s: %(reason)s") % {"path": left, "reason": reason}
                for left, reason in result.left
            ),
            parent=self,
        )
        self.forgotten.setTextFormat(Qt.TextFormat.PlainText)  # names of planted links
        self.forgotten.open()

    def audit_closed(self) -> None:
        """Show that no audit is open any more."""
        self.start.refresh()
        self.audit_label.setText(_("No audit open"))
        self.audit_label.setToolTip("")
        self.setWindowTitle("Exposure Audit")
        self._enable_audit_pages(False)
        self.state = AuditState()
        self.next_bar.show_step(None)

    def _on_overview_filter_requested(self, field: str, value: object) -> None:
        self.findings.apply_filter(field, value)
        self.show_page(FindingsPage.key)

    # -- the next step ------------------------------------------------------------------------

    def refresh_state(self, *_args: object) -> None:
        """Work out how far the audit has come (on a worker), then name the next step."""
        if self.session.path is None:
            return
        self.session.db(audit_state, self._on_state)

    def _on_state(self, state: AuditState) -> None:
        self.state = state
        self._show_next_step()

    def _show_next_step(self) -> None:
        key = list(self.pages)[self.steps.currentRow()] if self.steps.currentRow() >= 0 else ""
        self.next_bar.show_step(next_step(key, self.state) if self.session.path else None)

    def reopen_last(self) -> None:
        """Open the audit used last time, if it is still there."""
        recent = prefs.recent_audits()
        if recent and Path(recent[0]).exists():
            self.open_audit(Path(recent[0]))

    # -- window state -------------------------------------------------------------------------

    def _restore_state(self) -> None:
        geometry = prefs.settings().value("window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
            self.resize(self.size().expandedTo(SMALLEST_USABLE))
        else:
            self.resize(1100, 720)
        self.fit_to_screen()

    def fit_to_screen(self) -> None:
        """Never larger than the screen: 1100×720 is too big for 1280×720 zoomed to 150 %."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        if screen is None:
            return
        room = screen.availableGeometry().size() - QSize(0, TITLE_BAR)
        if self.width() > room.width() or self.height() > room.height():
            self.resize(self.size().boundedTo(room))
            self.move(screen.availableGeometry().topLeft())

    def choose_language(self, code: str) -> MainWindow:
        """Save the Language setting and show the window again in it, at the same place.

        Qt widgets keep the text they were given, so the window is built anew: the open audit
        is opened in the new one and the same page shown. In workshop mode this is offered on
        the start page, before a participant begins. Returns the window now shown.
        """
        prefs.set_language(code)
        page = list(self.pages)[max(0, self.steps.currentRow())]
        path = None if self.workshop.active else self.session.path
        workshop = self.workshop.active
        geometry = self.saveGeometry()
        self.scan.cancel_and_wait()
        self.session.shutdown()
        self.session.close()
        window = MainWindow()
        _WINDOWS.append(window)
        window.restoreGeometry(geometry)
        window.show()
        self.close()  # in workshop mode this wipes the (not yet begun) participant's folder
        if self in _WINDOWS:
            _WINDOWS.remove(self)
        if workshop:
            window.workshop.set_active(True)
        if path is not None:
            window.open_audit(path)
        else:
            window.show_page(page)
        return window

    def closeEvent(self, event: QCloseEvent) -> None:
        prefs.settings().setValue("window/geometry", self.saveGeometry())
        self.scan.cancel_and_wait()
        self.session.end()
        self.workshop.close_down()
        super().closeEvent(event)

    def _on_settings_page_theme_changed(self, theme: str) -> None:
        apply_theme(theme)

    def _on_settings_page_text_size_changed(self, percent: int) -> None:
        apply_text_size(percent)
