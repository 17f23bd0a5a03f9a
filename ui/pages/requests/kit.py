"""The opt-out kit's photo for a face-search letter: one of your selfies, your face only."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QCheckBox, QComboBox, QGridLayout, QLabel, QWidget

from exposure_audit.errors import BadData
from exposure_audit.i18n import _
from ui.pages.you import selfies
from ui.session import Session
from ui.workers import Freshness

PREVIEW_SIDE = 120  # shown small: enough to see it is you and nobody else


class ReferencePhoto(QWidget):
    """ "Include a reference photo": which selfie, and the cropped face that will be sent.

    ``changed`` fires when the photo to enclose changes (made, dropped, or none any more);
    ``photo()`` is then the JPEG to attach, or None. The photo is made on a worker.
    """

    changed = Signal()
    failed = Signal(object)  # Exception

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._jpeg: bytes | None = None
        self._latest = Freshness()  # a photo made for an earlier choice is dropped
        self._loaded_for: object = None  # the audit whose selfies the list shows
        self._offered = False
        self.include = QCheckBox(_("Include a reference photo"))
        self.include.setAccessibleName(
            _("Include a photo of your face in the letter, for their search only")
        )
        self.include.setToolTip(
            _(
                "Face-search companies can only find you by your face. The photo is cut from "
                "one of your selfies: your face only, nobody else, without location or other "
                "metadata. The letter limits it to this search and refuses an ID copy."
            )
        )
        self.include.toggled.connect(self._on_include_toggled)
        self.choice = QComboBox()
        self.choice.setAccessibleName(_("Selfie the reference photo is cut from"))
        self.choice.currentIndexChanged.connect(self._make)
        # Selfie names can be long: they must not widen the letter's pane.
        self.choice.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.choice.setMinimumContentsLength(16)
        self.preview = QLabel()
        self.preview.setAccessibleName(_("The reference photo that will be sent"))
        self.preview.setFixedSize(PREVIEW_SIDE, PREVIEW_SIDE)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.note = QLabel("")
        self.note.setWordWrap(True)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.include, 0, 0, 1, 2)
        grid.addWidget(self.choice, 1, 0)
        grid.addWidget(self.preview, 1, 1, 2, 1)
        grid.addWidget(self.note, 2, 0)
        grid.setColumnStretch(0, 1)
        # The offer keeps its line while hidden: choosing a face-search company neither widens
        # the letter's pane nor moves what is below it; ticking it does, as asked.
        policy = self.include.sizePolicy()
        policy.setRetainSizeWhenHidden(True)
        self.include.setSizePolicy(policy)
        session.references_changed.connect(self.forget_selfies)
        session.opened.connect(lambda _path: self.forget_selfies())
        session.closed.connect(self.forget_selfies)
        self._show_parts()

    def wanted(self) -> bool:
        """The box is offered (a face-search company) and ticked."""
        return self._offered and self.include.isChecked()

    def photo(self) -> bytes | None:
        """The JPEG to enclose, or None (not wanted, or not made yet)."""
        return self._jpeg if self.wanted() else None

    def offer(self, shown: bool) -> None:
        """Offer the photo (a face-search company is chosen) or take the offer away."""
        had = self.photo() is not None
        self._offered = shown
        self._show_parts()
        if shown and self.include.isChecked() and self._loaded_for != self.session.path:
            self._load()
        if had != (self.photo() is not None):
            self.changed.emit()

    def forget_selfies(self) -> None:
        """The selfies changed (or another audit): list them again when next wanted."""
        self._loaded_for = None
        self._latest.renew()
        had = self._jpeg is not None
        self._jpeg = None
        self.choice.blockSignals(True)
        self.choice.clear()
        self.choice.blockSignals(False)
        self._show_parts()
        if self.wanted() and self.session.path is not None:
            self._load()
        if had:
            self.changed.emit()

    # -- work -----------------------------------------------------------------------------------

    def _on_include_toggled(self, checked: bool) -> None:
        self._show_parts()
        if checked and self._loaded_for != self.session.path:
            self._load()
        elif checked and self._jpeg is None:
            self._make()
        else:
            self.changed.emit()

    def _load(self) -> None:
        path = self.session.path
        if path is None:
            return
        self._loaded_for = path
        self._latest.renew()
        self.note.setText(_("Looking for your selfies…"))

        def done(sources: list[selfies.KitSource]) -> None:
            self.choice.blockSignals(True)
            self.choice.clear()
            for source in sources:  # best first: the one chosen unless you choose another
                self.choice.addItem(source.name, source.sha256)
            self.choice.blockSignals(False)
            if not sources:
                self.note.setText(
                    _(
                        "No selfie of you alone is kept yet. Add one on the You page; "
                        "until then the letter says that no photo is enclosed."
                    )
                )
            self._show_parts()
            self._make()

        self.session.job(
            lambda: selfies.opt_out_sources(path), self._latest.guard(done), self._on_failed
        )

    def _make(self, *_args: object) -> None:
        """Cut the chosen selfie's face (on a worker) and show it."""
        path, sha256 = self.session.path, self.choice.currentData()
        self._latest.renew()
        had = self._jpeg is not None
        self._jpeg = None
        self.preview.clear()
        if path is None or sha256 is None or not self.include.isChecked():
            if had:
                self.changed.emit()
            return
        self.note.setText(_("Cutting your face from the selfie…"))

        def done(jpeg: bytes) -> None:
            self._jpeg = jpeg
            image = QImage.fromData(jpeg)
            self.preview.setPixmap(
                QPixmap.fromImage(image).scaled(
                    PREVIEW_SIDE,
                    PREVIEW_SIDE,
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )
            self.note.setText(_("Your face only, without metadata. It is saved beside the letter."))
            self.changed.emit()

        self.session.job(
            lambda: selfies.opt_out_kit_photo(path, sha256),
            self._latest.guard(done),
            self._latest.guard(self._on_failed),
        )

    def _on_failed(self, exc: Exception) -> None:
        """A selfie that cannot be used is said beside it; anything else is reported."""
        if isinstance(exc, BadData):
            self.note.setText(str(exc))
        else:
            self.note.setText("")
            self.failed.emit(exc)

    def _show_parts(self) -> None:
        self.include.setVisible(self._offered)
        ticked = self._offered and self.include.isChecked()
        self.choice.setVisible(ticked and self.choice.count() > 0)
        self.preview.setVisible(ticked)
        self.note.setVisible(ticked)
