"""You: the selfies that teach the app your face, each with its face crop and verdict."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import ClassVar

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
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from exposure_audit.audit.references import ForgottenSelfie
from exposure_audit.audit.store import Audit
from exposure_audit.faces.enrollment import Selfie
from exposure_audit.i18n import N_, _, ngettext
from ui.errors import report_error
from ui.file_dialogs import open_file_names
from ui.icons import icon
from ui.models.selfies import SelfieEntry, SelfiesModel, Shown
from ui.pages.you import selfies
from ui.session import Session
from ui.widgets.camera import CameraDialog, camera_available
from ui.widgets.selfie_list import SelfieList
from ui.workers import Relay

INTRO = N_(
    "<h2>You</h2><p>Add three to five recent photos of yourself: your face clearly visible, "
    "alone in the picture. One is enough to start; more find you more reliably. Use the "
    "button, drag them here, or paste one (Ctrl+V). Each gets a verdict; only the good ones "
    "are used.</p>"
)
IMAGE_FILTER = N_("Photos (*.jpg *.jpeg *.png *.heic *.heif *.webp *.bmp *.gif *.tif *.tiff)")
NOT_CHECKED = N_("Your selfies could not be checked.")
ALL_ME_QUESTION = N_(
    "Use the selfies set aside as yours?\n\nThey did not look like your other selfies. If "
    "they are someone else, photos of that person will be reported as photos of you. Use "
    "them only if they really are you, e.g. taken years apart."
)


class YouPage(QWidget):
    """Enrollment. ``enrolled`` fires when a batch of selfies has been judged and stored."""

    key: ClassVar[str] = "you"
    icon_name: ClassVar[str] = "you"
    needs_audit: ClassVar[bool] = True

    @staticmethod
    def title() -> str:
        return _("You")

    enrolled = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.model = SelfiesModel(self)
        self._pasted = 0
        self._forgotten: list[ForgottenSelfie] = []  # what "Undo" puts back
        intro = QLabel(_(INTRO))
        intro.setWordWrap(True)
        self.list = SelfieList(self.model)
        self.list.setIconSize(QSize(96, 96))
        self.list.setWordWrap(True)
        self.list.setSpacing(4)
        self.list.setAccessibleName(_("Your selfies and their verdicts"))
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        delete = QShortcut(QKeySequence.StandardKey.Delete, self.list, self._on_remove_clicked)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        self.status = QLabel("")
        self.status.setWordWrap(True)
        self.undo_button = QPushButton(_("Undo"))
        self.undo_button.setAccessibleName(_("Undo removing the selfies"))
        self.undo_button.clicked.connect(self.undo_remove)
        self.undo_button.hide()
        self.add_button = QPushButton(icon("add"), _("Add selfies…"))
        self.remove_button = QPushButton(icon("remove"), _("Remove selected"))
        self.all_me_button = QPushButton(_("These are all me"))
        self.all_me_button.setToolTip(
            _("Use the selfies set aside as someone else's: they are you, e.g. years apart")
        )
        self.all_me_button.setAccessibleName(_("Use every selfie: these are all me"))
        self.all_me_button.clicked.connect(self.ask_all_me)
        self.all_me_box: QMessageBox | None = None
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
        status_row = QHBoxLayout()
        status_row.addWidget(self.status, 1)
        status_row.addWidget(self.undo_button)
        layout.addLayout(status_row)
        self.setAcceptDrops(True)
        session.opened.connect(self._on_session_opened)

    # -- loading and adding ---------------------------------------------------------------------

    def _on_session_opened(self, _path: object) -> None:
        self._forgotten = []
        self.undo_button.hide()
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
        self._forgotten = []
        self.undo_button.hide()
        self._enroll(path, lambda progress: selfies.enroll(path, read(), progress=progress))

    def ask_all_me(self) -> None:
        """Ask before treating faces that looked like someone else's as the person's own."""
        box = QMessageBox(
            QMessageBox.Icon.Warning, _("These are all me"), _(ALL_ME_QUESTION), parent=self
        )
        box.setTextFormat(Qt.TextFormat.PlainText)
        use = box.addButton(_("Yes, they are me"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.buttonClicked.connect(lambda button: self.use_all() if button is use else None)
        self.all_me_box = box
        box.open()

    def use_all(self) -> None:
        """The user says the selfies set aside are theirs too: use them."""
        path = self.session.path
        set_aside = [e for e in self.model.entries() if e.set_aside]
        if path is None or not set_aside:
            return
        self.status.setText(_("Using every selfie…"))
        self.add_button.setEnabled(False)
        self.all_me_button.setEnabled(False)
        self._enroll(path, lambda progress: selfies.all_me(path, set_aside, progress))

    def _enroll(
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
                "{count} selfie in use. Three to five find you more reliably.",
                "{count} selfies in use. Three to five find you more reliably.",
                good,
            ).format(count=good)
        else:
            text = _("{count} selfies in use. You are ready to choose where to look.").format(
                count=good
            )
        self.status.setText(text)

    # -- actions ------------------------------------------------------------------------------

    def _on_add_clicked(self) -> None:
        names = open_file_names(self, _("Add selfies"), "", _(IMAGE_FILTER))
        self.add_selfie_files(names)

    def _on_camera_clicked(self) -> None:
        dialog = CameraDialog(self)
        dialog.shots_taken.connect(self.add_selfie_images)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def _on_remove_clicked(self) -> None:
        """Remove the selected selfies; the list stays where it was, and "Undo" brings them back."""
        indexes = self.list.selectionModel().selectedIndexes() or [self.list.currentIndex()]
        rows = sorted({index.row() for index in indexes if index.isValid()})
        # a selfie being judged is stored once judged; it can be removed then
        chosen = [e for e in (self.model.entries()[row] for row in rows) if not e.pending]
        if not chosen:
            return
        self.model.remove_entries({entry.sha256 for entry in chosen})
        if self.model.rowCount():
            self.list.setCurrentIndex(self.model.index(min(rows[0], self.model.rowCount() - 1)))
        used = any(entry.reference_id is not None for entry in chosen)
        shas = [entry.sha256 for entry in chosen]
        self.session.db(
            lambda audit: [audit.forget_selfie(sha256) for sha256 in shas],
            lambda forgotten: self._on_removed(forgotten, used),
        )

    def _on_removed(self, forgotten: list[ForgottenSelfie], used: bool) -> None:
        self._forgotten = forgotten
        self._update_status()
        count = len(forgotten)
        self.status.setText(
            ngettext("{count} selfie removed.", "{count} selfies removed.", count).format(
                count=count
            )
            + " "
            + self.status.text()
        )
        self.undo_button.show()
        if used:
            self.session.references_changed.emit()

    def undo_remove(self) -> None:
        """Put back the selfies the last removal took away, exactly as they were."""
        forgotten, self._forgotten = self._forgotten, []
        self.undo_button.hide()
        if not forgotten:
            return

        def put_back(audit: Audit) -> None:
            for selfie in forgotten:
                audit.put_back_selfie(selfie)

        def done(_none: object) -> None:
            self.reload()
            self.session.references_changed.emit()

        self.session.db(put_back, done)

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
