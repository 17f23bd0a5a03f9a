"""Where to look: folders, archives and profile URLs, each with its platform and photo count."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from PySide6.QtCore import Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from exposure_audit.audit.store import Audit
from exposure_audit.errors import BadData
from exposure_audit.scan.pipeline import add_sources, inspect_source
from ui.errors import explain, report_error
from ui.icons import icon
from ui.models.findings import RowRole, SourcesModel
from ui.session import Session

INTRO = (
    "<h2>Where to look</h2><p>Add the folders and archives that may hold photos of you: "
    "a phone backup, a Google Takeout or Facebook, Instagram or X download, a WhatsApp or "
    "Telegram export. Drag them here or use the buttons. Nothing is changed in them.</p>"
)
ARCHIVES = "Archives and exports (*.zip *.tar *.tgz *.tar.gz *.tar.bz2 *.tar.xz);;All files (*)"


def is_url(text: str) -> bool:
    parsed = urlparse(text.strip())
    return parsed.scheme in ("http", "https") and bool(parsed.netloc)


def url_platform(url: str) -> str:
    host = urlparse(url).netloc.lower().removeprefix("www.").removeprefix("m.")
    return host.split(":")[0]


def list_sources(audit: Audit) -> list[dict[str, Any]]:
    return [
        {
            "id": s.id,
            "path": s.path,
            "kind": s.kind,
            "platform": s.platform,
            "photos": s.photo_count,
        }
        for s in audit.sources()
    ]


class SourcesPage(QWidget):
    """Sources in a table; ``sources_added`` fires when an add has been stored and inspected."""

    sources_added = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.model = SourcesModel(self)
        self._inspected: dict[str, dict[str, Any]] = {}
        intro = QLabel(INTRO)
        intro.setWordWrap(True)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.setAccessibleName("Places to look for your face")
        self.folder_button = QPushButton(icon("folder"), "Add folder…")
        self.archive_button = QPushButton(icon("add"), "Add archive…")
        self.url_button = QPushButton(icon("link"), "Add profile URL…")
        self.remove_button = QPushButton(icon("remove"), "Remove selected")
        self.note = QLabel("")
        self.note.setWordWrap(True)
        self.folder_button.clicked.connect(self._on_folder_clicked)
        self.archive_button.clicked.connect(self._on_archive_clicked)
        self.url_button.clicked.connect(self._on_url_clicked)
        self.remove_button.clicked.connect(self._on_remove_clicked)

        buttons = QHBoxLayout()
        for button in (
            self.folder_button,
            self.archive_button,
            self.url_button,
            self.remove_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.note)
        self.setAcceptDrops(True)
        session.opened.connect(self._on_session_opened)
        session.sources_changed.connect(self.reload)

    def _on_session_opened(self, _path: object) -> None:
        self._inspected.clear()
        self.reload()

    def reload(self) -> None:
        self.session.db(list_sources, self._on_listed)

    def _on_listed(self, rows: list[dict[str, Any]]) -> None:
        for row in rows:
            row.update(self._inspected.get(row["path"], {}))
            if row["kind"] == "url":
                row["platform"] = row["platform"] or url_platform(row["path"])
                row["note"] = (
                    "Fetched only when you tick 'Also fetch the profile URLs' on the Scan page."
                )
            elif row["photos"] is None and row["path"] not in self._inspected:
                row["inspecting"] = True
                self._inspect(row["path"])
        self.model.set_rows(rows)
        urls = sum(1 for r in rows if r["kind"] == "url")
        self.note.setText(
            f"{urls} profile URL(s): the scan fetches them only if you allow it on the Scan page."
            if urls
            else ""
        )

    def _inspect(self, path: str) -> None:
        self._inspected[path] = {"inspecting": True}

        def done(summary: Any) -> None:
            self._inspected[path] = {"platform": summary.platform, "photos": summary.files}
            self.reload()

        def failed(exc: Exception) -> None:
            self._inspected[path] = {"note": str(exc)}
            self.reload()

        self.session.job(lambda: inspect_source(path), done, failed)

    # -- adding -------------------------------------------------------------------------------

    def add_paths(self, paths: list[str]) -> None:
        """What the dialogs and drops call: register folders/archives, then inspect them."""
        urls = [p for p in paths if is_url(p)]
        files = [p for p in paths if not is_url(p)]

        def store(audit: Audit) -> None:
            add_sources(audit, files)
            for url in urls:
                audit.add_source(url.strip(), "url")

        self.session.db(store, self._on_stored, self._on_store_failed)

    def _on_stored(self, _none: object) -> None:
        self.session.sources_changed.emit()
        self.sources_added.emit()

    def _on_store_failed(self, exc: Exception) -> None:
        if isinstance(exc, BadData):
            explain(self, f"{exc}. Check the path and try again.", "Cannot add this source")
        else:
            report_error(self, exc)

    def _on_folder_clicked(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Add a folder to look in")
        if folder:
            self.add_paths([folder])

    def _on_archive_clicked(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(self, "Add archives or exports", "", ARCHIVES)
        self.add_paths(names)

    def _on_url_clicked(self) -> None:
        url, ok = QInputDialog.getText(
            self, "Add a profile URL", "Address of a public profile page (https://…):"
        )
        if ok and url.strip():
            if not is_url(url):
                explain(
                    self, "That does not look like a web address. It should start with https://"
                )
                return
            self.add_paths([url.strip()])

    def _on_remove_clicked(self) -> None:
        index = self.table.currentIndex()
        if not index.isValid():
            return
        source_id = self.model.index(index.row(), 0).data(RowRole)["id"]
        self.session.db(
            lambda audit: audit.remove_source(source_id),
            lambda _none: (
                self.session.sources_changed.emit(),
                self.session.findings_changed.emit(),
            ),
        )

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() or event.mimeData().hasText():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        mime = event.mimeData()
        paths = [u.toLocalFile() if u.isLocalFile() else u.toString() for u in mime.urls()]
        if not paths and mime.hasText():
            paths = [line for line in mime.text().split() if is_url(line) or Path(line).exists()]
        if paths:
            self.add_paths(paths)
            event.acceptProposedAction()
