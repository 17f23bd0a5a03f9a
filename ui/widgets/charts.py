"""Charts drawn with QPainter: horizontal bars, a yearly timeline, and a big-number tile."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QHelpEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QResizeEvent,
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from exposure_audit.i18n import _
from exposure_audit.i18n.formats import format_number

_WRAP_RIGHT = (
    Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
).value | Qt.TextFlag.TextWordWrap.value
PALETTE = ["#3b7dd8", "#2e9d5b", "#d39a1c", "#c4572e", "#8e5bd6", "#2aa3a3", "#c2417a", "#6b7a8f"]


def _describe(title: str, items: list[tuple[str, int]]) -> str:
    described = ", ".join(f"{label} {value}" for label, value in items)
    return f"{title}: " + (described or _("nothing yet"))


class BarChart(QWidget):
    """Labelled horizontal bars, largest first; one colour per bar. Clicking a bar emits
    ``bar_clicked`` with its key (the label unless keys were given). A label too long for its
    column wraps onto more lines, and every row grows to the tallest label's height."""

    ROW = 26
    TOP = 30  # below the title
    bar_clicked = Signal(str)

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = title
        self.items: list[tuple[str, int]] = []
        self.colours: dict[str, str] = {}
        self.keys: dict[str, str] = {}
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.setAccessibleName(title)

    def set_items(
        self,
        items: list[tuple[str, int]],
        colours: dict[str, str] | None = None,
        keys: dict[str, str] | None = None,
    ) -> None:
        self.items = sorted(items, key=lambda item: -item[1])
        self.colours = colours or {}
        self.keys = keys or {}
        self.setCursor(
            Qt.CursorShape.PointingHandCursor if self.items else Qt.CursorShape.ArrowCursor
        )
        self.setToolTip(_("Click a bar to see those photos") if self.items else "")
        self.setAccessibleDescription(_describe(self.title, self.items))
        self.setMinimumHeight(self.heightForWidth(self.width()))
        self.updateGeometry()
        self.update()

    def label_width(self, width: int) -> float:
        """The labels' column: as wide as the longest label, up to half the chart."""
        metrics = self.fontMetrics()
        longest = max((metrics.horizontalAdvance(label) for label, _n in self.items), default=0)
        return max(60.0, min(longest + 12.0, width * 0.5))

    def row_height(self, width: int) -> int:
        room = QRect(0, 0, max(1, int(self.label_width(width)) - 8), 10_000)
        metrics = self.fontMetrics()
        tallest = max(
            (metrics.boundingRect(room, _WRAP_RIGHT, label).height() for label, _n in self.items),
            default=0,
        )
        return max(self.ROW, tallest + 8)

    def label_room(self) -> QSize:
        """Where each label is written, at the chart's width now."""
        width = self.width()
        return QSize(int(self.label_width(width)) - 8, self.row_height(width) - 4)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self.TOP + 4 + self.row_height(max(220, width)) * max(1, len(self.items))

    def sizeHint(self) -> QSize:
        return QSize(320, self.heightForWidth(max(320, self.width())))

    def minimumSizeHint(self) -> QSize:
        return QSize(220, self.heightForWidth(max(220, self.width())))

    def resizeEvent(self, event: QResizeEvent) -> None:
        # Grid and box layouts do not ask for the height at a width: say it as a minimum.
        self.setMinimumHeight(self.heightForWidth(event.size().width()))
        super().resizeEvent(event)

    def bar_at(self, y: float) -> str | None:
        number = int((y - self.TOP) // self.row_height(self.width()))
        if y < self.TOP or not 0 <= number < len(self.items):
            return None
        label = self.items[number][0]
        return self.keys.get(label, label)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        key = self.bar_at(event.position().y())
        if key is not None:
            self.bar_clicked.emit(key)
        super().mousePressEvent(event)

    def event(self, event: QEvent) -> bool:
        """A bar's tooltip gives its whole label and says a click shows those photos."""
        if isinstance(event, QHelpEvent):
            number = int((event.pos().y() - self.TOP) // self.row_height(self.width()))
            if event.pos().y() >= self.TOP and 0 <= number < len(self.items):
                label, value = self.items[number]
                QToolTip.showText(
                    event.globalPos(),
                    _("{label}: {n} — click to see them").format(
                        label=label, n=format_number(value)
                    ),
                )
                return True
        return super().event(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        text = self.palette().color(self.palette().ColorRole.WindowText)
        _title(painter, self.title, self.width(), text)
        if not self.items:
            painter.drawText(QRectF(0, self.TOP, self.width(), self.ROW), _("Nothing yet"))
            return
        label_w = self.label_width(self.width())
        row = self.row_height(self.width())
        bar_h = self.ROW - 10
        peak = max(value for _name, value in self.items) or 1
        bar_space = self.width() - label_w - 60
        for number, (label, value) in enumerate(self.items):
            y = self.TOP + number * row
            painter.setPen(text)
            painter.drawText(QRectF(0, y, label_w - 8, row - 4), _WRAP_RIGHT, label)
            width = max(2.0, bar_space * value / peak)
            colour = QColor(self.colours.get(label, PALETTE[number % len(PALETTE)]))
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colour)
            top = y + (row - 4 - bar_h) / 2
            painter.drawRoundedRect(QRectF(label_w, top, width, bar_h), 3, 3)
            painter.setPen(text)
            painter.drawText(
                QRectF(label_w + width + 6, y, 60, row - 4),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                format_number(value),
            )


class Timeline(QWidget):
    """Photos per year as vertical bars, gaps between years kept so time reads left to right.
    Clicking a year with photos emits ``year_clicked``."""

    year_clicked = Signal(str)

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = title
        self.years: list[tuple[str, int]] = []
        self.setMinimumHeight(170)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setAccessibleName(title)

    def set_counts(self, counts: dict[int, int]) -> None:
        if counts:
            first, last = min(counts), max(counts)
            self.years = [(str(y), counts.get(y, 0)) for y in range(first, last + 1)]
        else:
            self.years = []
        self.setAccessibleDescription(_describe(self.title, [(y, c) for y, c in self.years if c]))
        self.setCursor(
            Qt.CursorShape.PointingHandCursor if self.years else Qt.CursorShape.ArrowCursor
        )
        self.update()

    def year_at(self, x: float) -> str | None:
        if not self.years or self.width() <= 0:
            return None
        number = int(x // (self.width() / len(self.years)))
        if 0 <= number < len(self.years) and self.years[number][1]:
            return self.years[number][0]
        return None

    def mousePressEvent(self, event: QMouseEvent) -> None:
        year = self.year_at(event.position().x())
        if year is not None:
            self.year_clicked.emit(year)
        super().mousePressEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        text = self.palette().color(self.palette().ColorRole.WindowText)
        _title(painter, self.title, self.width(), text)
        if not self.years:
            painter.drawText(QRectF(0, 30, self.width(), 24), _("No dated photos yet"))
            return
        top, bottom = 34.0, self.height() - 22.0
        peak = max(count for _year, count in self.years) or 1
        slot = self.width() / len(self.years)
        bar = min(48.0, slot * 0.7)
        step = max(1, int(40 // slot) + 1)  # label every n-th year when crowded
        for number, (year, count) in enumerate(self.years):
            x = number * slot + (slot - bar) / 2
            height = (bottom - top - 16) * count / peak
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(PALETTE[0]))
            painter.drawRoundedRect(QRectF(x, bottom - height, bar, height), 2, 2)
            painter.setPen(text)
            if count:
                painter.drawText(
                    QRectF(x - 10, bottom - height - 16, bar + 20, 14),
                    Qt.AlignmentFlag.AlignCenter,
                    str(count),
                )
            if number % step == 0:
                painter.drawText(
                    QRectF(number * slot, bottom + 2, slot * step, 18),
                    Qt.AlignmentFlag.AlignLeft,
                    year,
                )


class StatTile(QWidget):
    """A big number with a short caption underneath; as tall as its caption needs at its width
    (a long language's caption wraps onto more lines instead of being cut)."""

    PADDING = 10

    def __init__(self, caption: str, colour: str = PALETTE[0], parent: QWidget | None = None):
        super().__init__(parent)
        self.caption = caption
        self.colour = colour
        self.value = "0"
        self.setMinimumSize(150, 86)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.setAccessibleName(caption)

    def set_value(self, value: str) -> None:
        self.value = value
        self.setAccessibleDescription(f"{self.caption}: {value}")
        self.update()

    def _number_font(self) -> QFont:
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 2.2)
        font.setBold(True)
        return font

    def _number_height(self) -> int:
        return QFontMetrics(self._number_font()).height() + 6

    def _caption_height(self, width: int) -> int:
        area = QRect(0, 0, max(1, width - 2 * self.PADDING), 10_000)
        flags = int(Qt.AlignmentFlag.AlignLeft) | int(Qt.TextFlag.TextWordWrap)
        return QFontMetrics(self.font()).boundingRect(area, flags, self.caption).height()

    def heightForWidth(self, width: int) -> int:
        return max(86, 6 + self._number_height() + self._caption_height(width) + 8)

    def sizeHint(self) -> QSize:
        return QSize(200, self.heightForWidth(200))

    def resizeEvent(self, event: QResizeEvent) -> None:
        # Grid layouts do not ask a child for its height at a width: say it as a minimum.
        self.setMinimumHeight(self.heightForWidth(event.size().width()))
        super().resizeEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        base = self.palette().color(self.palette().ColorRole.Base)
        painter.setBrush(base)
        painter.setPen(QColor(self.colour))
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(1, 1, -1, -1), 8, 8)
        painter.setFont(self._number_font())
        painter.setPen(QColor(self.colour))
        number = self._number_height()
        inner = self.width() - 2 * self.PADDING
        painter.drawText(
            QRectF(self.PADDING, 6, inner, number),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            self.value,
        )
        painter.setFont(self.font())
        painter.setPen(self.palette().color(self.palette().ColorRole.Text))
        painter.drawText(
            QRectF(self.PADDING, 6 + number, inner, self.height() - 6 - number - 4),
            Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap,
            self.caption,
        )


def _title(painter: QPainter, title: str, width: int, colour: QColor) -> None:
    font = QFont(painter.font())
    font.setBold(True)
    painter.save()
    painter.setFont(font)
    painter.setPen(colour)
    painter.drawText(
        QRectF(0, 0, width, 24), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, title
    )
    painter.restore()
