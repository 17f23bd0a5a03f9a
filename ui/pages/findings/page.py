"""Findings: a gallery of every photo your face is in, filters, and a detail pane to decide."""

from __future__ import annotations

from typing import ClassVar

from PySide6.QtCore import QModelIndex, QSize, Qt, Signal
from PySide6.QtGui import QGuiApplication, QImage, QPixmap, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from exposure_audit.audit.store import FindingRow
from exposure_audit.faces.detection import Box
from exposure_audit.i18n import _
from exposure_audit.vocabulary import Decision
from ui import labels
from ui.desktop import open_file
from ui.icons import icon
from ui.models.findings import FindingsFilter, FindingsModel, FindingsProxy
from ui.models.roles import RowRole
from ui.open_video import archived_note, in_archive, play_video
from ui.pages.findings.details import containing_folder, context_html, full_path, open_link
from ui.pages.findings.filters import FIND_LIMIT, FindingsFilters
from ui.pages.findings.photos import LARGE_SIDE, load_photo
from ui.session import Session
from ui.widgets.flow import FlowLayout
from ui.widgets.gallery import GalleryView
from ui.widgets.photo_dialog import PhotoDialog
from ui.widgets.photo_view import PhotoView
from ui.workers import Freshness, run_task

DETAIL_ROOM = 340  # the narrowest the detail pane is made to share the width at


class FindingsPage(QWidget):
    """The gallery over a lazy model; filters re-apply live; decisions are saved at once."""

    key: ClassVar[str] = "findings"
    icon_name: ClassVar[str] = "findings"
    needs_audit: ClassVar[bool] = True

    @staticmethod
    def title() -> str:
        return _("Findings")

    loaded = Signal()
    clean_requested = Signal(object)  # FindingRow: make a clean copy of its photo

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.model = FindingsModel(session.thumbnails, self)
        self.proxy = FindingsProxy(self)
        self.proxy.setSourceModel(self.model)
        self._shown_photo = Freshness()  # only the photo chosen last is drawn
        self._current: FindingRow | None = None
        self._undo: list[tuple[int, Decision | None]] = []  # (face id, decision before)
        self.large: PhotoDialog | None = None
        self._build()
        session.opened.connect(self._on_session_opened)
        session.findings_changed.connect(self.reload)
        session.closed.connect(lambda: self.model.set_rows([]))

    # -- layout -------------------------------------------------------------------------------

    def _build(self) -> None:
        self.gallery = GalleryView()
        self.gallery.setModel(self.proxy)
        self.gallery.decide.connect(self._on_gallery_decide)
        self.gallery.selectionModel().currentChanged.connect(self._on_gallery_current_changed)
        self.gallery.undo.connect(self.undo)
        self.gallery.open_large.connect(self.open_large)
        self.count = QLabel("")
        self.empty = QLabel("")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setAccessibleName(_("Why no photo is shown"))
        self.clear_button = QPushButton(_("Clear the filters"))
        self.clear_button.clicked.connect(self.clear_filters)
        empty_pane = QWidget()
        empty_column = QVBoxLayout(empty_pane)
        empty_column.addStretch()
        empty_column.addWidget(self.empty)
        empty_column.addWidget(self.clear_button, 0, Qt.AlignmentFlag.AlignHCenter)
        empty_column.addStretch()
        self.gallery_stack = QStackedWidget()
        self.gallery_stack.addWidget(self.gallery)
        self.gallery_stack.addWidget(empty_pane)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.count)
        left_layout.addWidget(self.gallery_stack, 1)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self._detail())
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        self.splitter = splitter
        self._shared_out = False
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(_("<h2>Findings</h2>")))
        # The filters span the page and wrap: each shows its whole choice at any width.
        self.filters = FindingsFilters()
        self.filters.changed.connect(self._on_filters_changed)
        layout.addWidget(self.filters)
        layout.addWidget(splitter, 1)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._shared_out:  # once: after that the person's own split stays
            self._shared_out = True
            # Qt would share by size hints, the photo's being large: at 1024x700 the gallery
            # then shows one photo a row. Shares of the width keep two beside the detail.
            width = self.splitter.width()
            if width * 45 // 100 >= DETAIL_ROOM:
                self.splitter.setSizes([width * 55 // 100, width * 45 // 100])

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        # A narrower window takes from the gallery first: the detail keeps room for its words.
        gallery, detail = self.splitter.sizes()
        total = gallery + detail
        if self._shared_out and detail < DETAIL_ROOM and total >= 2 * DETAIL_ROOM:
            self.splitter.setSizes([total - DETAIL_ROOM, DETAIL_ROOM])

    def _detail(self) -> QWidget:
        pane = QWidget()
        self.photo = PhotoView()
        self.context = QLabel("")
        self.context.setWordWrap(True)
        self.context.setTextFormat(Qt.TextFormat.RichText)
        self.context.setOpenExternalLinks(False)  # opened by open_link, http(s) only
        self.context.linkActivated.connect(open_link)
        self.context.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.context.setAccessibleName(_("What is known about this photo"))
        self.me_button = QPushButton(icon("yes"), _("That's me (Y)"))
        self.not_me_button = QPushButton(icon("no"), _("Not me (N)"))
        self.me_button.setToolTip(_("Y. U makes it undecided again; Ctrl+Z undoes the last one."))
        self.not_me_button.setToolTip(
            _("N. U makes it undecided again; Ctrl+Z undoes the last one.")
        )
        self.folder_button = QPushButton(icon("folder"), _("Open folder"))
        self.copy_button = QPushButton(icon("copy"), _("Copy location"))
        self.clean_button = QPushButton(_("Clean copy…"))
        self.clean_button.setToolTip(_("A copy without place or camera, other faces blurred"))
        self.clean_button.clicked.connect(self._on_clean_clicked)
        self.me_button.clicked.connect(lambda: self.decide(Decision.ME))
        self.not_me_button.clicked.connect(lambda: self.decide(Decision.NOT_ME))
        self.folder_button.clicked.connect(self._on_folder_clicked)
        self.copy_button.clicked.connect(self._on_copy_clicked)
        # The buttons that act on the chosen finding: enabled while one is chosen.
        self.finding_buttons = (
            self.me_button,
            self.not_me_button,
            self.folder_button,
            self.copy_button,
            self.clean_button,
        )
        buttons = FlowLayout()
        for button in self.finding_buttons:
            buttons.addWidget(button)
            button.setEnabled(False)
        # The text scrolls in a pane of fixed share: its length, or the photo's shape, never
        # moves the buttons between one photo and the next.
        self.context_scroll = QScrollArea()
        self.context_scroll.setWidget(self.context)
        self.context_scroll.setWidgetResizable(True)
        self.context_scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.context_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.context_scroll.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Ignored)
        self.context.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        # On a short screen the photo gives way first: what is known about it stays readable.
        self.photo.setMinimumHeight(120)
        self.context_scroll.setMinimumHeight(3 * self.context.fontMetrics().lineSpacing() + 8)
        layout = QVBoxLayout(pane)
        layout.addWidget(self.photo, 3)
        layout.addLayout(buttons)
        layout.addWidget(self.context_scroll, 2)
        return pane

    # -- loading ------------------------------------------------------------------------------

    def _on_session_opened(self, _path: object) -> None:
        self.filters.set_similarity(labels.similarity(self.session.threshold))
        self.reload()

    def reload(self) -> None:
        self.session.db(lambda audit: audit.findings(threshold=FIND_LIMIT), self.set_rows)

    def set_rows(self, rows: list[FindingRow]) -> None:
        rows = labels.banded(rows, self.session.threshold)
        current = self._current.face_id if self._current else None
        self.model.set_rows(rows)
        self.filters.fill_choices(rows)
        self._on_filters_changed()
        self._reselect(current)
        self.loaded.emit()

    def _reselect(self, face_id: int | None) -> None:
        for number in range(self.proxy.rowCount()):
            if face_id is None or self.proxy.index(number, 0).data(RowRole).face_id == face_id:
                self.gallery.select_row(number)
                return

    def _on_filters_changed(self) -> None:
        rules = self.filters.rules()
        if rules != FindingsFilter(max_distance=rules.max_distance):
            self.model.fetch_all()
        self.proxy.set_rules(rules)
        self.proxy.set_group(self.filters.grouping())
        shown = self.proxy.rowCount()
        total = len(self.model.rows())
        more = "+" if self.model.canFetchMore(QModelIndex()) else ""
        self.count.setText(
            _("%(shown)s%(more)s of %(total)s faces shown")
            % {"shown": format(shown, ","), "more": more, "total": format(total, ",")}
        )
        self._show_empty(shown, total)

    def _show_empty(self, shown: int, total: int) -> None:
        """Say why the gallery is empty instead of leaving a blank pane."""
        if shown:
            self.gallery_stack.setCurrentIndex(0)
            return
        if total:
            self.empty.setText(_("No photos match these filters."))
        else:
            self.empty.setText(_("No photos of you yet. Add where to look and run a scan."))
        self.clear_button.setVisible(bool(total))
        self.gallery_stack.setCurrentIndex(1)

    def apply_filter(self, field: str, value: object) -> None:
        """Show only the photos with one value (a chart's bar, say), every other filter cleared."""
        self.clear_filters()
        if not self.filters.offers(field, value):
            return
        if self.model.canFetchMore(QModelIndex()):
            self.model.fetch_all()
        self.filters.choose(field, value)

    def clear_filters(self) -> None:
        """Every filter back to 'any'; the similarity back to the audit's threshold."""
        self.filters.clear(labels.similarity(self.session.threshold))

    # -- the detail pane ----------------------------------------------------------------------

    def current_row(self) -> FindingRow | None:
        index = self.gallery.currentIndex()
        return index.data(RowRole) if index.isValid() else None

    def _on_gallery_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        row = current.data(RowRole) if current.isValid() else None
        self._current = row
        for button in self.finding_buttons:
            button.setEnabled(row is not None)
        if row is None:
            self.photo.show_message(_("Choose a photo to see it here."))
            self._set_context("")
            return
        self._set_context(context_html(row, self.session.threshold))
        self._load_photo(row)

    def _set_context(self, text: str) -> None:
        """Show what is known; the pane never gets narrower than its longest word needs."""
        self.context.setText(text)
        bar = self.context_scroll.verticalScrollBar().sizeHint().width()
        self.context_scroll.setMinimumWidth(self.context.minimumSizeHint().width() + bar + 4)

    def _load_photo(self, row: FindingRow) -> None:
        self._shown_photo.renew()  # whatever photo was loading is no longer wanted
        path = self.session.path
        if path is None:
            return
        self.photo.show_message(_("Loading the photo…"))

        def shown(result: tuple[QImage, QSize, list[tuple[int, Box, float | None]]]) -> None:
            image, full, faces = result
            marks = [
                (fid, box, d is not None and d <= self.session.threshold) for fid, box, d in faces
            ]
            self.photo.set_photo(QPixmap.fromImage(image), full, marks, row.face_id)

        def failed(exc: Exception) -> None:
            self.photo.show_message(_("This photo cannot be shown: %(problem)s") % {"problem": exc})

        run_task(
            self.session.io_pool,
            lambda: load_photo(path, row),
            self._shown_photo.guard(shown),
            self._shown_photo.guard(failed),
            priority=2**30,
            owner=self,
        )

    def _on_gallery_decide(self, row: FindingRow, decision: Decision | None) -> None:
        self.decide(decision, row)

    def decide(
        self, decision: Decision | None, row: FindingRow | None = None, *, undoing: bool = False
    ) -> None:
        """Save the decision for the current finding at once (None: undecided again), then move
        to the next one. Ctrl+Z takes the last decision back."""
        row = row or self.current_row()
        if row is None:
            return
        if not undoing:
            self._undo.append((row.face_id, row.decision))
        position = self.gallery.currentIndex().row()
        self.session.set_decision(row.face_id, decision)
        self.model.set_decision(row.face_id, decision)
        still_here = self.proxy.index(position, 0).data(RowRole)
        if still_here is not None and still_here.face_id == row.face_id:
            position += 1  # the row stayed (no filter hides it now): move on to the next one
        self.gallery.select_row(min(position, self.proxy.rowCount() - 1))
        shown = self.current_row()
        if shown is not None and shown.face_id == row.face_id:  # the last one: still showing
            self._current = shown
            self._set_context(context_html(shown, self.session.threshold))

    def undo(self) -> None:
        """Take the last decision back and show that photo again."""
        if not self._undo:
            return
        face_id, before = self._undo.pop()
        row = next((r for r in self.model.rows() if r.face_id == face_id), None)
        if row is None:
            return
        self.session.set_decision(face_id, before)
        self.model.set_decision(face_id, before)
        self._reselect(face_id)
        shown = self.current_row()
        if shown is not None and shown.face_id == face_id:
            self._current = shown
            self._set_context(context_html(shown, self.session.threshold))

    def open_large(self, row: FindingRow | None = None) -> None:
        """The photo in its own large window (double-click or Enter in the gallery)."""
        row = row or self.current_row()
        path = self.session.path
        if row is None or path is None:
            return
        where = full_path(row)
        if row.is_video and not in_archive(where):
            play_video(where, row.video_time or 0.0, self)
            return
        dialog = PhotoDialog(labels.file_name(row), self)
        dialog.caption.setText(
            f"{where}\n{archived_note(row.video_time or 0.0)}" if row.is_video else where
        )
        self.large = dialog

        def shown(result: tuple[QImage, QSize, list[tuple[int, Box, float | None]]]) -> None:
            image, full, faces = result
            marks = [
                (fid, box, d is not None and d <= self.session.threshold) for fid, box, d in faces
            ]
            dialog.view.set_photo(QPixmap.fromImage(image), full, marks, row.face_id)

        run_task(
            self.session.io_pool,
            lambda: load_photo(path, row, LARGE_SIDE),
            shown,
            lambda exc: dialog.view.show_message(
                _("This photo cannot be shown: %(problem)s") % {"problem": exc}
            ),
            priority=2**30,
            owner=dialog,
        )
        dialog.open()

    def _on_folder_clicked(self) -> None:
        if self._current is not None:
            open_file(containing_folder(self._current), self)

    def _on_copy_clicked(self) -> None:
        if self._current is not None:
            QGuiApplication.clipboard().setText(full_path(self._current))

    def _on_clean_clicked(self) -> None:
        if self._current is not None:
            self.clean_requested.emit(self._current)
