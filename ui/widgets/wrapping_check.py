"""A check box whose text wraps, for choices that are whole sentences.

QCheckBox draws its text on one line, so a German erasure ground ("Das Unternehmen nutzt
mein Gesicht unrechtmäßig …") would make the letter page wider than a small screen."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QSize, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QStyle,
    QStyleOptionButton,
    QWidget,
)


class WrappingCheckBox(QCheckBox):
    """A QCheckBox (checked, toggled, enabled as usual) that shows its text in a wrapping label."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel(text)
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        # Clicks on the words go to the box, as they do on an ordinary check box's text.
        self.label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.label.setBuddy(self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(self._indicator_room(), 0, 0, 0)
        layout.addWidget(self.label)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def _indicator_room(self) -> int:
        option = QStyleOptionButton()
        self.initStyleOption(option)
        style = self.style()
        return style.pixelMetric(
            QStyle.PixelMetric.PM_IndicatorWidth, option, self
        ) + style.pixelMetric(QStyle.PixelMetric.PM_CheckBoxLabelSpacing, option, self)

    def wrapped_text(self) -> str:
        return self.label.text()

    def hitButton(self, pos: QPoint) -> bool:
        return self.rect().contains(pos)

    def sizeHint(self) -> QSize:
        layout = self.layout()
        return layout.sizeHint() if layout is not None else super().sizeHint()

    def minimumSizeHint(self) -> QSize:
        layout = self.layout()
        return layout.minimumSize() if layout is not None else super().minimumSizeHint()

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        layout = self.layout()
        if layout is None:
            return super().heightForWidth(width)
        return max(layout.heightForWidth(width), super().sizeHint().height())
