"""The main window: a step list on the left, one page per step on the right."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSize, Qt
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from exposure_audit.storage import forget_audit
from ui import prefs
from ui.errors import report_error
from ui.icons import icon
from ui.pages.findings import FindingsPage
from ui.pages.overview import OverviewPage
from ui.pages.requests import RequestsPage
from ui.pages.scan import ScanPage
from ui.pages.settings import SettingsPage
from ui.pages.sources import SourcesPage
from ui.pages.start import StartPage
from ui.pages.you import YouPage
from ui.screen import shown_folder
from ui.session import Session
from ui.theme import apply_theme
from ui.widgets.takeaway_dialog import TakeawayDialog
from ui.workshop_mode import WorkshopMode


class MainWindow(QMainWindow):
    """Holds the session and the pages; more pages can be added with ``add_page``."""

    def __init__(self) -> None:
        super().__init__()
        self.setWindowTitle("Exposure Audit")
        self.session = Session(self)
        self.pages: dict[str, QWidget] = {}
        self._needs_audit: set[str] = set()
        self.steps = QListWidget()
        self.steps.setIconSize(QSize(22, 22))
        self.steps.setFixedWidth(190)
        self.steps.setAccessibleName("Steps")
        self.stack = QStackedWidget()
        self.steps.currentRowChanged.connect(self.stack.setCurrentIndex)
        self.audit_label = QLabel("No audit open")
        self.audit_label.setWordWrap(True)
        self._build_pages()
        self.workshop = WorkshopMode(self)
        self._wire_workshop()
        self._lay_out()
        self.session.opened.connect(self._on_session_opened)
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
        self.add_page("start", "Start", "start", self.start, needs_audit=False)
        self.add_page("you", "You", "you", self.you)
        self.add_page("sources", "Where to look", "sources", self.sources)
        self.add_page("scan", "Scan", "scan", self.scan)
        self.add_page("findings", "Findings", "findings", self.findings)
        self.add_page("overview", "Overview", "overview", self.overview)
        self.add_page("requests", "Requests", "letter", self.requests)
        self.add_page("settings", "Settings", "settings", self.settings_page, needs_audit=False)
        self.start.open_requested.connect(self.open_audit)
        self.settings_page.forget_requested.connect(self.forget_everything)
        self.settings_page.theme_changed.connect(self._on_settings_page_theme_changed)
        self.scan.scan_started.connect(lambda: self.steps.item(3).setText("Scan (running)"))
        self.scan.scan_finished.connect(lambda _r: self.steps.item(3).setText("Scan"))

    def _lay_out(self) -> None:
        side = QWidget()
        column = QVBoxLayout(side)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.steps, 1)
        column.addWidget(self.audit_label)
        body = QWidget()
        row = QHBoxLayout()
        row.addWidget(side)
        row.addWidget(self.stack, 1)
        column = QVBoxLayout(body)
        column.addWidget(self.workshop.bar)
        column.addLayout(row, 1)
        self.setCentralWidget(body)

    def _wire_workshop(self) -> None:
        self.start.sample_requested.connect(self.workshop.try_sample_data)
        self.settings_page.workshop_toggled.connect(self.workshop.set_active)
        self.workshop.changed.connect(self.settings_page.show_workshop)
        self.overview.score_card.takeaway_requested.connect(self.show_takeaway)

    def show_takeaway(self) -> TakeawayDialog:
        """The one-page takeaway dialog (written into the workshop folder in workshop mode)."""
        folder = self.workshop.workshop.output_folder if self.workshop.active else None
        dialog = TakeawayDialog(self.session, folder, self)
        dialog.requests_wanted.connect(lambda: self.show_page("requests"))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def add_page(
        self, key: str, title: str, icon_name: str, page: QWidget, needs_audit: bool = True
    ) -> None:
        """Add a step; Ctrl+<its number> shows it."""
        item = QListWidgetItem(icon(icon_name), title)
        item.setData(Qt.ItemDataRole.AccessibleTextRole, title)
        self.steps.addItem(item)
        self.stack.addWidget(page)
        self.pages[key] = page
        if needs_audit:
            self._needs_audit.add(key)
            if self.session.path is None:
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled)
        number = self.steps.count()
        if number <= 9:
            QShortcut(QKeySequence(f"Ctrl+{number}"), self, lambda: self.show_page(key))

    def show_page(self, key: str) -> None:
        row = list(self.pages).index(key)
        if self.steps.item(row).flags() & Qt.ItemFlag.ItemIsEnabled:
            self.steps.setCurrentRow(row)

    def _enable_audit_pages(self, enabled: bool) -> None:
        for row, key in enumerate(self.pages):
            if key in self._needs_audit:
                item = self.steps.item(row)
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
        if not self.workshop.active:  # a participant's audit is never listed as recent
            prefs.remember_audit(str(path))
        self.start.refresh()
        self.audit_label.setText(f"Audit:\n{path.name}")
        self.audit_label.setToolTip(shown_folder(str(path)))
        self.setWindowTitle(f"Exposure Audit — {path.name}")
        self._enable_audit_pages(True)
        self.show_page("you")

    def forget_everything(self) -> None:
        """Wipe the open audit, its thumbnails and selfie crops (after the page's confirmation)."""
        path = self.session.path
        if path is None:
            return
        self.scan.cancel_and_wait()
        self.session.shutdown()
        self.session.close()
        forget_audit(path)
        prefs.forget_recent(str(path))
        self.audit_closed()
        self.show_page("start")

    def audit_closed(self) -> None:
        """Show that no audit is open any more."""
        self.start.refresh()
        self.audit_label.setText("No audit open")
        self.audit_label.setToolTip("")
        self.setWindowTitle("Exposure Audit")
        self._enable_audit_pages(False)

    # -- window state -------------------------------------------------------------------------

    def _restore_state(self) -> None:
        geometry = prefs.settings().value("window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(1100, 720)

    def closeEvent(self, event: QCloseEvent) -> None:
        prefs.settings().setValue("window/geometry", self.saveGeometry())
        self.scan.cancel_and_wait()
        self.session.shutdown()
        self.workshop.close_down()
        super().closeEvent(event)

    def _on_settings_page_theme_changed(self, theme: str) -> None:
        apply_theme(theme)
