"""Where to look: folders, archives and profile URLs, each with its platform and photo count."""

from __future__ import annotations

from pathlib import Path
from typing import Any, ClassVar
from urllib.parse import urlparse

from PySide6.QtCore import Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from exposure_audit.audit.store import Audit
from exposure_audit.errors import BadData
from exposure_audit.exports.profile_urls import as_web_address
from exposure_audit.i18n import N_, _, ngettext
from exposure_audit.scan.pipeline import add_sources, inspect_source
from ui import prefs
from ui.errors import explain, report_error
from ui.file_dialogs import existing_folder, open_file_names
from ui.icons import icon
from ui.models.roles import RowRole
from ui.models.sources import SourcesModel
from ui.plain_text import plain_label
from ui.session import Session
from ui.widgets.data_guide import DataGuideDialog
from ui.widgets.flow import FlowLayout
from ui.widgets.wrapping_header import WrappingHeader

INTRO = N_(
    "<h2>Where to look</h2><p>Add the folders and archives that may hold photos of you: "
    "a phone backup, a Google Takeout or Facebook, Instagram or X download, a WhatsApp or "
    "Telegram export. Drag them here or use the buttons. Nothing is changed in them. "
    "No export yet? 'How to get your data' says how to ask each platform for one.</p>"
)
URL_PROMPT = N_("Address of a public profile page (https://…):")
URL_RETRY = N_("That does not look like a web address, such as facebook.com/your.name")
ARCHIVES = N_("Archives and exports (*.zip *.tar *.tgz *.tar.gz *.tar.bz2 *.tar.xz);;All files (*)")


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

    key: ClassVar[str] = "sources"
    icon_name: ClassVar[str] = "sources"
    needs_audit: ClassVar[bool] = True

    @staticmethod
    def title() -> str:
        return _("Where to look")

    sources_added = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.model = SourcesModel(self)
        self._inspected: dict[str, dict[str, Any]] = {}
        intro = QLabel(_(INTRO))
        intro.setWordWrap(True)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = WrappingHeader(self.table)  # "Recognised as" wraps, never cut short
        self.table.setHorizontalHeader(header)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.setAccessibleName(_("Places to look for your face"))
        self.folder_button = QPushButton(icon("folder"), _("Add folder…"))
        self.archive_button = QPushButton(icon("add"), _("Add archive…"))
        self.url_button = QPushButton(icon("link"), _("Add profile URL…"))
        self.remove_button = QPushButton(icon("remove"), _("Remove selected"))
        self.guide_button = QPushButton(_("How to get your data…"))
        self.guide_button.setToolTip(
            _(
                "Steps, links and options to request your data from Facebook, Instagram, "
                "Google, X, TikTok, Snapchat, WhatsApp, LinkedIn, iCloud and Telegram"
            )
        )
        self.guide_button.clicked.connect(self.show_guide)
        self.guide_dialog: DataGuideDialog | None = None
        self.note = plain_label(QLabel(""))
        self.note.setWordWrap(True)
        self.folder_button.clicked.connect(self._on_folder_clicked)
        self.archive_button.clicked.connect(self._on_archive_clicked)
        self.url_button.clicked.connect(self._on_url_clicked)
        self.remove_button.clicked.connect(self._on_remove_clicked)

        buttons = FlowLayout()
        for button in (
            self.folder_button,
            self.archive_button,
            self.url_button,
            self.remove_button,
        ):
            buttons.addWidget(button)
        guide_row = QHBoxLayout()
        guide_row.addWidget(self.guide_button)
        guide_row.addStretch()
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(guide_row)
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
            inspected = self._inspected.get(row["path"], {})
            if row["photos"] is not None:  # counted by a scan: exact, unlike the estimate by name
                inspected = {k: v for k, v in inspected.items() if k not in ("photos", "estimate")}
            row.update({k: v for k, v in inspected.items() if row.get(k) is None})
            if row["kind"] == "url":
                row["platform"] = row["platform"] or url_platform(row["path"])
                row["note"] = _(
                    "Fetched only when you tick 'Also fetch the profile URLs' on the Scan page."
                )
            elif row["photos"] is None and row["path"] not in self._inspected:
                row["inspecting"] = True
                self._inspect(row["path"])
        self.model.set_rows(rows)
        urls = sum(1 for r in rows if r["kind"] == "url")
        self.note.setText(
            ngettext(
                "%(urls)s profile URL: the scan fetches it only if you allow it on the Scan page.",
                "%(urls)s profile URLs: the scan fetches them only if you allow it on "
                "the Scan page.",
                urls,
            )
            % {"urls": urls}
            if urls
            else ""
        )

    def _inspect(self, path: str) -> None:
        self._inspected[path] = {"inspecting": True}

        def done(summary: Any) -> None:
            self._inspected[path] = {
                "platform": summary.platform,
                "photos": summary.photos,
                "estimate": True,
            }
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
            explain(
                self,
                _("%(problem)s. Check the path and try again.") % {"problem": exc},
                _("Cannot add this source"),
            )
        else:
            report_error(self, exc)

    def _on_folder_clicked(self) -> None:
        folder = existing_folder(self, _("Add a folder to look in"), prefs.downloads_folder())
        if folder:
            self.add_paths([folder])

    def _on_archive_clicked(self) -> None:
        names = open_file_names(
            self, _("Add archives or exports"), prefs.downloads_folder(), _(ARCHIVES)
        )
        self.add_paths(names)

    def _on_url_clicked(self) -> None:
        """Ask for an address; a mistyped one is offered again for correcting, not thrown away."""
        prompt, typed = _(URL_PROMPT), ""
        while True:
            typed, ok = QInputDialog.getText(
                self, _("Add a profile URL"), prompt, QLineEdit.EchoMode.Normal, typed
            )
            if not ok or not typed.strip():
                return
            address = as_web_address(typed)
            if address is not None:
                self.add_paths([address])
                return
            prompt = f"{_(URL_RETRY)}\n\n{_(URL_PROMPT)}"

    def show_guide(self, platform: str = "") -> None:
        """'How to get your data', at ``platform`` when one is named."""
        if self.guide_dialog is None:
            self.guide_dialog = DataGuideDialog(self)
        if platform:
            self.guide_dialog.guide.show_platform(platform)
        self.guide_dialog.show()
        self.guide_dialog.raise_()

    def _on_remove_clicked(self) -> None:
        index = self.table.currentIndex()
        if not index.isValid():
            return
        source_id = self.model.index(index.row(), 0).data(RowRole)["id"]

        def removed(_none: None) -> None:
            self.session.sources_changed.emit()
            self.session.findings_changed.emit()

        self.session.db(lambda audit: audit.remove_source(source_id), removed)

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
