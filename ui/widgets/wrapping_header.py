"""A table's column headings that wrap onto more lines instead of being cut short."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QHeaderView, QStyle, QWidget

WRAP = Qt.TextFlag.TextWordWrap.value
CENTRED = (Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter).value


class WrappingHeader(QHeaderView):
    """A horizontal header whose headings break at spaces when their column is narrow.

    A column sized to its contents asks only for its longest word, so the columns that stretch
    keep the room; the header grows as tall as its most wrapped heading needs.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setDefaultAlignment(Qt.AlignmentFlag(CENTRED | WRAP))
        self.setSectionsClickable(True)
        self.setHighlightSections(True)
        self.sectionResized.connect(lambda *_args: self.updateGeometry())

    def _margin(self) -> int:
        return self.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, self)

    def _text(self, section: int) -> str:
        model = self.model()
        return str(model.headerData(section, self.orientation()) or "") if model else ""

    def _metrics(self) -> QFontMetrics:
        # Measured bold: a heading over a selected row is drawn bold, and wider.
        font = QFont(self.font())
        font.setBold(True)
        return QFontMetrics(font)

    def _word_width(self, section: int) -> int:
        metrics = self._metrics()
        words = self._text(section).split() or [""]
        return max(metrics.horizontalAdvance(word) for word in words) + 2 * self._margin() + 2

    def _wrapped_height(self, section: int, width: int) -> int:
        room = max(1, width - 2 * self._margin())
        bound = self._metrics().boundingRect(
            QRect(0, 0, room, 10_000), CENTRED | WRAP, self._text(section)
        )
        return bound.height() + 2 * self._margin()

    def sectionSizeFromContents(self, logicalIndex: int) -> QSize:
        size = super().sectionSizeFromContents(logicalIndex)
        width = self._word_width(logicalIndex)
        current = self.sectionSize(logicalIndex) or width
        return QSize(width, max(size.height(), self._wrapped_height(logicalIndex, current)))

    def sizeHint(self) -> QSize:
        # Worked out afresh each time: Qt's own hint is kept from the widths of its first call.
        hint = super().sizeHint()
        shown = [s for s in range(self.count()) if not self.isSectionHidden(s)]
        one_line = max(
            (super(WrappingHeader, self).sectionSizeFromContents(s).height() for s in shown),
            default=hint.height(),
        )
        tallest = max(
            (self._wrapped_height(s, self.sectionSize(s)) for s in shown if self.sectionSize(s)),
            default=0,
        )
        return QSize(hint.width(), max(one_line, tallest))
