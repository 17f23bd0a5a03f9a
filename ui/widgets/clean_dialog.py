"""Clean copies from the app: before and after side by side, what was removed, then save."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path

import numpy as np
from PIL import Image
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QListWidget,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from exposure_audit import actions
from exposure_audit.clean import CleanCopy, CleanResult, TargetExists, clean_photo, plan_copies
from exposure_audit.clean.blurring import shown_blurred
from exposure_audit.clean.files import read_photo, write_new
from exposure_audit.errors import BadData
from exposure_audit.i18n import N_, _, ngettext
from exposure_audit.sources.containers import read_location
from exposure_audit.vocabulary import BlurMode
from ui.errors import report_error
from ui.file_dialogs import existing_folder
from ui.plain_text import plain_label
from ui.screen_privacy import shown_path
from ui.session import Session
from ui.workers import Freshness, run_task

PREVIEW_SIDE = 420
# The app shows no bystander's face unblurred, so "blur no face" is for the command line only.
APP_MODES = (BlurMode.OTHERS, BlurMode.ALL)
INTRO = N_(
    "A copy to post or share: no place, no camera, no dates, nothing but the pixels, turned "
    "upright, with other people's faces blurred so that face recognition no longer finds them. "
    "Your photo stays as it is."
)


@dataclass(frozen=True)
class PhotoToClean:
    """A photo the dialog cleans: its file name, and how to read its bytes (on a worker)."""

    name: str
    read: Callable[[], bytes | str]  # the bytes, or why they cannot be read


@dataclass(frozen=True)
class Prepared:
    """One photo cleaned in memory, with its previews (made on the worker, shown on the GUI)."""

    photo: PhotoToClean
    copy: CleanCopy
    before: QImage | None
    after: QImage | None

    @property
    def copy_name(self) -> str:
        suffix = ".png" if self.copy.result.output_format == "PNG" else ".jpg"
        return Path(self.photo.name).stem + suffix


def photos_at(paths: list[Path]) -> list[PhotoToClean]:
    """The photos among dropped files and folders (videos and other files are listed as such)."""
    plan = plan_copies(paths, Path("copies"))
    out = []
    for planned in plan.photos:
        source, problem = planned.source, planned.problem
        read = partial(str, problem) if problem is not None else partial(read_photo, source)
        out.append(PhotoToClean(source.name, read))
    return out


def prepare(photo: PhotoToClean, blur: BlurMode, audit_path: Path | None) -> Prepared:
    """Clean one photo in memory and make its previews (worker thread)."""
    data = photo.read()
    if isinstance(data, str):
        return Prepared(photo, CleanCopy(CleanResult(photo.name, problem=data)), None, None)
    made = clean_photo(data, photo.name, actions.clean_options(blur, audit_path))
    if made.original is None or made.preview is None:
        return Prepared(photo, made, None, None)
    before = shown_blurred(made.original, made.others)  # shown blurred here too, as everywhere
    return Prepared(photo, made, _preview(before), _preview(made.preview))


def _preview(image: Image.Image) -> QImage:
    small = image.convert("RGB")
    small.thumbnail((PREVIEW_SIDE, PREVIEW_SIDE), Image.Resampling.BILINEAR)
    rgb = np.ascontiguousarray(np.asarray(small, dtype=np.uint8))
    height, width = rgb.shape[:2]
    return QImage(rgb.data, width, height, 3 * width, QImage.Format.Format_RGB888).copy()


def write_copies(
    prepared: list[Prepared], folder: Path, overwrite: bool
) -> tuple[list[Path], list[str]]:
    """Write the copies into ``folder``; returns those written and the names already there."""
    written, taken = [], []
    for item in prepared:
        if item.copy.data is None:
            continue
        try:
            written.append(write_new(folder / item.copy_name, item.copy.data, overwrite=overwrite))
        except TargetExists:
            taken.append(item.copy_name)
    return written, taken


class CleanDialog(QDialog):
    """Cleans the photos on a worker, shows each before and after, saves where asked.

    In workshop mode ``folder`` is the participant's folder: copies go there and are wiped
    with it.
    """

    written = Signal(list)  # the paths written

    def __init__(
        self,
        session: Session,
        photos: list[PhotoToClean],
        folder: Path | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Clean copy"))
        self.session, self.photos, self.folder = session, photos, folder
        self.prepared: dict[int, Prepared] = {}
        self._round = Freshness()  # a copy cleaned with a blurring no longer chosen is dropped
        self._build()
        self.clean_all()

    def _build(self) -> None:
        intro = QLabel(_(INTRO))
        intro.setWordWrap(True)
        self.blur = QComboBox()
        self.blur.setAccessibleName(_("Whose faces to blur"))
        for mode in APP_MODES:
            self.blur.addItem(_(mode.label), mode)
        self.blur.currentIndexChanged.connect(self._on_blur_changed)
        self.list = QListWidget()
        self.list.setAccessibleName(_("Photos to clean"))
        self.list.addItems([photo.name for photo in self.photos])
        self.list.setVisible(len(self.photos) > 1)
        self.list.currentRowChanged.connect(self._on_list_current_row_changed)
        self.before, self.after = self._picture(_("Before")), self._picture(_("After"))
        self.removed = plain_label(QLabel(""))
        self.removed.setWordWrap(True)
        self.removed.setAccessibleName(_("What the copy no longer carries"))
        self.status = plain_label(QLabel(""))
        self.status.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        text = _("Save into the workshop folder") if self.folder else _("Save clean copies…")
        self.save_button = buttons.addButton(text, QDialogButtonBox.ButtonRole.ActionRole)
        self.save_button.setEnabled(False)
        self.save_button.clicked.connect(self._on_save_clicked)
        buttons.rejected.connect(self.reject)
        grid = QGridLayout()
        grid.addWidget(QLabel(_("<b>Before</b> (other people's faces blurred on screen)")), 0, 0)
        grid.addWidget(QLabel(_("<b>After</b>: the clean copy")), 0, 1)
        grid.addWidget(self.before, 1, 0)
        grid.addWidget(self.after, 1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.blur)
        layout.addWidget(self.list)
        layout.addLayout(grid, 1)
        layout.addWidget(self.removed)
        layout.addWidget(self.status)
        layout.addWidget(buttons)

    def _picture(self, name: str) -> QLabel:
        label = QLabel(_("Cleaning…"))
        label.setAccessibleName(name)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setMinimumSize(PREVIEW_SIDE // 2, PREVIEW_SIDE // 2)
        return label

    # -- cleaning, on a worker ------------------------------------------------------------

    @property
    def mode(self) -> BlurMode:
        return BlurMode(self.blur.currentData())

    def clean_all(self) -> None:
        """Clean every photo again with the chosen blurring (the last choice wins)."""
        self._round.renew()
        self.prepared.clear()
        self.save_button.setEnabled(False)
        self.status.setText(_("Cleaning…"))
        mode, path = self.mode, self.session.path
        for index, photo in enumerate(self.photos):
            run_task(
                self.session.job_pool,
                partial(prepare, photo, mode, path),
                self._round.guard(partial(self._on_prepared, index)),
                self._on_failed,
                owner=self,
            )

    def _on_prepared(self, index: int, prepared: Prepared) -> None:
        self.prepared[index] = prepared
        item = self.list.item(index)
        if item is not None and not prepared.copy.result.ok:
            item.setText(_("%(name)s (not cleaned)") % {"name": prepared.photo.name})
        if self.list.currentRow() < 0:
            self.list.setCurrentRow(0)
        elif self.list.currentRow() == index:
            self._show(prepared)
        self._update_status()

    def _on_failed(self, exc: Exception) -> None:
        self.status.setText("")
        report_error(self, exc)

    def _update_status(self) -> None:
        left = len(self.photos) - len(self.prepared)
        ready = sum(1 for p in self.prepared.values() if p.copy.data is not None)
        if left:
            self.status.setText(
                ngettext("Cleaning… %(n)d photo to go", "Cleaning… %(n)d photos to go", left)
                % {"n": left}
            )
            return
        self.status.setText(
            ngettext("%(n)d clean copy ready to save", "%(n)d clean copies ready to save", ready)
            % {"n": ready}
        )
        self.save_button.setEnabled(ready > 0)

    def _on_blur_changed(self, _index: int) -> None:
        self.clean_all()

    def _on_list_current_row_changed(self, row: int) -> None:
        prepared = self.prepared.get(row)
        if prepared is not None:
            self._show(prepared)

    def _show(self, prepared: Prepared) -> None:
        result = prepared.copy.result
        for label, image in ((self.before, prepared.before), (self.after, prepared.after)):
            if image is None:
                label.setText(_("Not cleaned"))
            else:
                label.setPixmap(QPixmap.fromImage(image))
        self.removed.setText(f"{prepared.photo.name}: {result.summary()}")

    # -- saving -------------------------------------------------------------------------------

    def _on_save_clicked(self) -> None:
        folder = self.folder
        if folder is None:
            chosen = existing_folder(self, _("Save the clean copies in"))
            if not chosen:
                return
            folder = Path(chosen)
        self.save(folder)

    def save(self, folder: Path, overwrite: bool = False) -> None:
        """Write the copies into ``folder`` on a worker; names already there are asked about."""
        ready = [self.prepared[i] for i in sorted(self.prepared)]
        self.save_button.setEnabled(False)
        run_task(
            self.session.job_pool,
            lambda: write_copies(ready, folder, overwrite),
            lambda done: self._on_saved(folder, *done),
            self._on_save_failed,
            owner=self,
        )

    def _on_saved(self, folder: Path, written: list[Path], taken: list[str]) -> None:
        self.save_button.setEnabled(True)
        self.status.setText(
            ngettext(
                "%(n)d clean copy saved in %(folder)s",
                "%(n)d clean copies saved in %(folder)s",
                len(written),
            )
            % {"n": len(written), "folder": shown_path(str(folder))}
        )
        if written:
            self.written.emit(written)
        if taken and self.ask_overwrite(taken):
            self.save(folder, overwrite=True)

    def ask_overwrite(self, names: list[str]) -> bool:
        """Whether files already in the folder may be replaced (tests answer it themselves)."""
        box = QMessageBox(
            QMessageBox.Icon.Question,
            _("Replace files?"),
            _("Already in that folder: %(names)s. Replace them with the clean copies?")
            % {"names": ", ".join(names)},
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setDefaultButton(QMessageBox.StandardButton.No)
        return box.exec() == QMessageBox.StandardButton.Yes

    def _on_save_failed(self, exc: Exception) -> None:
        self.save_button.setEnabled(True)
        report_error(self, exc)


def finding_photo(name: str, source: str, location: str) -> PhotoToClean:
    """A finding's photo, read where the scan found it (a folder, or inside an archive)."""

    def read() -> bytes | str:
        try:
            return read_location(source, location)
        except (BadData, OSError) as exc:
            return _("cannot be read: %(why)s") % {"why": exc}

    return PhotoToClean(name, read)
