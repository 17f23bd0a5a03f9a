"""You: the selfies that teach the app your face, each with its face crop and verdict."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QBuffer, QIODevice, QMimeData, QSize, Qt, Signal
from PySide6.QtGui import (
    QDragEnterEvent,
    QDropEvent,
    QGuiApplication,
    QImage,
    QKeySequence,
    QShortcut,
)
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from exposure_audit.faces.enrolment import Selfie
from exposure_audit.i18n import _, ngettext
from ui import selfies
from ui.errors import report_error
from ui.icons import icon
from ui.models.roles import RowRole
from ui.models.selfies import SelfieEntry, SelfiesModel, Shown
from ui.session import Session
from ui.widgets.camera import CameraDialog, camera_available
from ui.widgets.selfie_list import SelfieList
from ui.workers import Relay

INTRO = (
    "<h2>You</h2><p>Add three to five recent photos of yourself: your face clearly visible, "
    "alone in the picture. Use the button, drag them here, or paste one (Ctrl+V). "
    "Each gets a verdict; only the good ones are used.</p>"
)
IMAGE_FILTER = "Photos (*.jpg *.jpeg *.png *.heic *.heif *.webp *.bmp *.gif *.tif *.tiff)"
NOT_CHECKED = "Your selfies could not be checked."


class YouPage(QWidget):
    """Enrolment. ``enrolled`` fires when a batch of selfies has been judged and stored."""

    enrolled = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.model = SelfiesModel(self)
        self._pasted = 0
        intro = QLabel(INTRO)
        intro.setWordWrap(True)
        self.list = SelfieList(self.model)
        self.list.setIconSize(QSize(96, 96))
        self.list.setWordWrap(True)
        self.list.setSpacing(4)
        self.list.setAccessibleName(_("Your selfies and their verdicts"))
        self.status = QLabel("")
        self.status.setWordWrap(True)
        self.add_button = QPushButton(icon("add"), _("Add selfies…"))
        self.remove_button = QPushButton(icon("remove"), _("Remove selected"))
        self.all_me_button = QPushButton(_("These are all me"))
        self.all_me_button.setToolTip(
            _("Use the selfies set aside as someone else's: they are you, e.g. years apart")
        )
        self.all_me_button.setAccessibleName(_("Use every selfie: these are all me"))
        self.all_me_button.clicked.connect(self.use_all)
        self.all_me_button.hide()
        self.add_button.setAccessibleName(_("Add selfies from files"))
        self.remove_button.setAccessibleName(_("Remove the selected selfie"))
        self.camera_button = QPushButton(icon("you"), _("Take selfies with the camera…"))
        self.camera_button.setAccessibleName(_("Take three selfies with the camera"))
        self.camera_button.setVisible(camera_available())
        self.camera_button.clicked.connect(self._on_camera_clicked)
        self.add_button.clicked.connect(self._on_add_clicked)
        self.remove_button.clicked.connect(self._on_remove_clicked)
        QShortcut(QKeySequence.StandardKey.Paste, self, self.paste)

        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.camera_button)
        buttons.addWidget(self.remove_button)
        buttons.addWidget(self.all_me_button)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(buttons)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.status)
        self.setAcceptDrops(True)
        session.opened.connect(self._on_session_opened)

    # -- loading and adding ---------------------------------------------------------------------

    def _on_session_opened(self, _path: object) -> None:
        self.reload()

    def reload(self) -> None:
        if self.session.path is None:
            self.model.set_entries([])
            return
        path = self.session.path
        self.session.job(
            lambda: selfies.load_selfies(path), lambda entries: self._on_loaded(path, entries)
        )

    def _on_loaded(self, path: Path, entries: list[SelfieEntry]) -> None:
        if self.session.path != path:
            return  # another audit was opened meanwhile: these are not its selfies
        self.model.settle(entries, {})  # selfies given meanwhile are still being judged
        self._update_status()

    def add_selfie_files(self, paths: list[str]) -> None:
        """What the file dialog and drops call."""
        if paths:
            self._start(lambda: selfies.read_files(paths))

    def add_selfie_images(self, images: list[tuple[str, bytes]]) -> None:
        """What pasting calls: (name, encoded image bytes)."""
        if images:
            self._start(lambda: [Selfie(name, data) for name, data in images])

    def _start(self, read: Callable[[], list[Selfie]]) -> None:
        path = self.session.path
        if path is None:
            return
        self.status.setText(_("Looking at your selfies…"))
        self.add_button.setEnabled(False)
        self._enrol(path, lambda progress: selfies.enrol(path, read(), progress=progress))

    def use_all(self) -> None:
        """The user says the selfies set aside are theirs too: use them."""
        path = self.session.path
        set_aside = [e for e in self.model.entries() if e.set_aside]
        if path is None or not set_aside:
            return
        self.status.setText(_("Using every selfie…"))
        self.add_button.setEnabled(False)
        self.all_me_button.setEnabled(False)
        self._enrol(path, lambda progress: selfies.all_me(path, set_aside, progress))

    def _enrol(
        self, path: Path, work: Callable[[selfies.SelfieProgress], list[SelfieEntry]]
    ) -> None:
        """Run ``work`` on a worker; each selfie it takes in is listed as pending at once."""
        shown: Shown = {}  # what this batch marked pending, and what those rows showed before
        relay = Relay(lambda entry: self._on_progress(path, shown, entry), self)

        def done(entries: list[SelfieEntry]) -> None:
            relay.deleteLater()  # everything it sent arrived before the result
            self._on_enrolled(entries, shown)

        def failed(exc: Exception) -> None:
            relay.deleteLater()
            self._on_failed(exc, shown)

        self.session.job(lambda: work(relay.send), done, failed)

    def _on_progress(self, path: Path, shown: Shown, entry: SelfieEntry) -> None:
        if self.session.path != path:
            return  # another audit was opened meanwhile: these are not its selfies
        if not entry.pending:
            if entry.sha256 in shown:
                self.model.replace_entry(entry)  # judged before the batch is done
        elif entry.sha256 not in shown:
            shown[entry.sha256] = self.model.show_pending(entry)

    def _on_enrolled(self, entries: list[SelfieEntry], shown: Shown) -> None:
        self.add_button.setEnabled(True)
        self.all_me_button.setEnabled(True)
        self.model.settle(entries, shown)
        self._update_status()
        self.session.references_changed.emit()
        self.enrolled.emit()

    def _on_failed(self, exc: Exception, shown: Shown) -> None:
        self.add_button.setEnabled(True)
        self.all_me_button.setEnabled(True)
        self.model.restore(shown)
        self.status.setText(NOT_CHECKED)
        report_error(self, exc)

    def _update_status(self) -> None:
        self.all_me_button.setVisible(any(e.set_aside for e in self.model.entries()))
        good = sum(1 for e in self.model.entries() if e.reference_id is not None)
        if good == 0:
            text = _("No usable selfie yet. Add a photo where your face is clear and alone.")
        elif good < 3:
            text = ngettext(
                "{n} selfie in use. Three or more make the search more reliable.",
                "{n} selfies in use. Three or more make the search more reliable.",
                good,
            ).format(n=good)
        else:
            text = _("{n} selfies in use. You are ready to choose where to look.").format(n=good)
        self.status.setText(text)

    # -- actions ------------------------------------------------------------------------------

    def _on_add_clicked(self) -> None:
        names, _filter = QFileDialog.getOpenFileNames(self, _("Add selfies"), "", IMAGE_FILTER)
        self.add_selfie_files(names)

    def _on_camera_clicked(self) -> None:
        dialog = CameraDialog(self)
        dialog.shots_taken.connect(self.add_selfie_images)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def _on_remove_clicked(self) -> None:
        index = self.list.currentIndex()
        if not index.isValid():
            return
        entry: SelfieEntry = index.data(RowRole)
        if entry.pending:  # it is stored once judged; it can be removed then
            return
        remaining = [e for e in self.model.entries() if e.sha256 != entry.sha256]
        self.model.set_entries(remaining)
        self._update_status()
        sha256, used = entry.sha256, entry.reference_id is not None
        self.session.db(
            lambda audit: audit.forget_selfie(sha256),
            lambda _none: self.session.references_changed.emit() if used else None,
        )

    def paste(self) -> None:
        self._take_mime(QGuiApplication.clipboard().mimeData())

    def _take_mime(self, mime: QMimeData | None) -> bool:
        if mime is None:
            return False
        files = [u.toLocalFile() for u in mime.urls() if u.isLocalFile()]
        if files:
            self.add_selfie_files(files)
            return True
        if mime.hasImage():
            image = QImage(mime.imageData())
            buffer = QBuffer()
            buffer.open(QIODevice.OpenModeFlag.WriteOnly)
            image.save(buffer, "PNG")  # type: ignore[call-overload]  # the stubs want bytes; Qt takes str
            self._pasted += 1
            self.add_selfie_images([(f"pasted-{self._pasted}.png", bytes(buffer.data().data()))])
            return True
        return False

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() or event.mimeData().hasImage():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        if self._take_mime(event.mimeData()):
            event.acceptProposedAction()
