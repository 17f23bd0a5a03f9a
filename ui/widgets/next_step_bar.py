"""The bar above each page that names the one next step of a new audit."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from exposure_audit.i18n import _
from ui.first_run import Guidance


class NextStepBar(QFrame):
    """A sentence and, when another page is the way on, a button; emits ``go(page)``."""

    go = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.step: Guidance | None = None
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName(_("Next step"))
        self.text = QLabel("")
        self.text.setWordWrap(True)
        self.button = QPushButton("")
        self.button.clicked.connect(self._on_button_clicked)
        row = QHBoxLayout(self)
        row.setContentsMargins(10, 6, 6, 6)
        row.addWidget(self.text, 1)
        row.addWidget(self.button)
        self.hide()

    def show_step(self, step: Guidance | None) -> None:
        self.step = step
        if step is None:
            self.hide()
            return
        self.text.setText(step.text)
        self.button.setText(step.button)
        self.button.setVisible(bool(step.button))
        self.show()

    def _on_button_clicked(self) -> None:
        if self.step is not None and self.step.target:
            self.go.emit(self.step.target)
