"""The thumbnail gallery: icon-mode list view over findings, each face outlined."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QKeyEvent,
    QKeySequence,
    QPainter,
    QPen,
    QPixmap,
)
from PySide6.QtWidgets import (
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from exposure_audit.audit.store import FindingRow
from exposure_audit.i18n import _
from exposure_audit.report.words import match_words
from exposure_audit.vocabulary import Decision
from ui import labels
from ui.models.roles import GroupRole, PixmapRole, RowRole

BAND_COLOURS = {"strong": "#2e9d5b", "likely": "#d39a1c", "possible": "#c4572e"}
DECISION_COLOURS = {Decision.ME: "#2e9d5b", Decision.NOT_ME: "#b03030"}


def face_rect(row: FindingRow, target: QRectF) -> QRectF:
    """The finding's face box (full-size pixels) mapped into ``target`` showing the whole photo."""
    width = row.width or 1
    height = row.height or 1
    sx, sy = target.width() / width, target.height() / height
    top, right, bottom, left = row.box
    return QRectF(
        target.left() + left * sx, target.top() + top * sy, (right - left) * sx, (bottom - top) * sy
    )


def fit(size: QSize, box: QRect) -> QRectF:
    """The largest rectangle of ``size``'s shape centred in ``box``."""
    if size.isEmpty():
        return QRectF(box)
    scale = min(box.width() / size.width(), box.height() / size.height())
    w, h = size.width() * scale, size.height() * scale
    return QRectF(box.left() + (box.width() - w) / 2, box.top() + (box.height() - h) / 2, w, h)


class FindingDelegate(QStyledItemDelegate):
    """Draws a thumbnail with the face outlined, the confidence band and the decision."""

    CELL = QSize(184, 214)
    IMAGE = 168
    LINES = 3  # file name; platform and kind; match

    @classmethod
    def cell_height(cls, metrics: QFontMetrics, grouped: bool = False) -> int:
        """Room for the photo and every caption line at the current text size."""
        return cls.IMAGE + (cls.LINES + grouped) * metrics.lineSpacing() + 12

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        grouped = bool(index.data(GroupRole))
        return QSize(self.CELL.width(), self.cell_height(option.fontMetrics, grouped))

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        row: FindingRow | None = index.data(RowRole)
        if row is None:
            return
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = option.palette
        cell = option.rect.adjusted(4, 4, -4, -4)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        group = index.data(GroupRole) or ""
        if group:
            cell = self._paint_group_header(painter, option, index, group, cell)
        if selected:
            painter.fillRect(cell, palette.highlight())
        image_box = QRect(cell.left() + 4, cell.top() + 4, cell.width() - 8, self.IMAGE - 8)
        self._paint_photo(painter, row, index.data(PixmapRole), image_box, palette.mid().color())
        self._paint_caption(painter, option, row, cell, selected)
        if option.state & QStyle.StateFlag.State_HasFocus:
            painter.setPen(QPen(palette.highlight().color(), 2))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(cell)
        painter.restore()

    def _paint_photo(
        self, painter: QPainter, row: FindingRow, pixmap: QPixmap | None, box: QRect, mid: QColor
    ) -> None:
        if pixmap is None or pixmap.isNull():
            shape = QSize(row.width or 4, row.height or 3)
            target = fit(shape, box)
            painter.fillRect(target, mid)
        else:
            target = fit(pixmap.size(), box)
            painter.drawPixmap(target.toRect(), pixmap)
        colour = QColor(BAND_COLOURS.get(row.band, "#888888"))
        painter.setPen(QPen(colour, 2.5))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(face_rect(row, target))
        if row.decision in DECISION_COLOURS:
            badge = QRectF(target.right() - 26, target.top() + 2, 24, 24)
            painter.setBrush(QColor(DECISION_COLOURS[row.decision]))
            painter.setPen(Qt.PenStyle.NoPen)
            painter.drawEllipse(badge)
            painter.setPen(QPen(QColor("white"), 2))
            painter.drawText(
                badge, Qt.AlignmentFlag.AlignCenter, "✓" if row.decision == Decision.ME else "✗"
            )

    @staticmethod
    def header_for(index: QModelIndex | QPersistentModelIndex) -> tuple[str, bool]:
        """The heading a cell shows, and whether it is the first of its group.

        Every cell names its own group: a grid wraps groups across rows, so a heading drawn
        once would stand above photos of the next group on the row below.
        """
        group = str(index.data(GroupRole) or "")
        above = index.sibling(index.row() - 1, 0) if index.row() > 0 else QModelIndex()
        return group, not above.isValid() or above.data(GroupRole) != group

    def _paint_group_header(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
        group: str,
        cell: QRect,
    ) -> QRect:
        """A header strip naming the cell's group, bold and filled where the group begins."""
        line = option.fontMetrics.lineSpacing()
        strip = QRect(cell.left(), cell.top(), cell.width(), line + 2)
        name, first = self.header_for(index)
        font = QFont(option.font)
        font.setBold(first)
        if first:
            painter.fillRect(strip, option.palette.alternateBase())
        else:
            painter.setPen(QPen(option.palette.mid().color(), 1))
            painter.drawLine(strip.bottomLeft(), strip.bottomRight())
        painter.setFont(font)
        role = option.palette.ColorRole.Text if first else option.palette.ColorRole.PlaceholderText
        painter.setPen(option.palette.color(role))
        painter.drawText(
            strip.adjusted(4, 0, -4, 0),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            QFontMetrics(font).elidedText(name, Qt.TextElideMode.ElideRight, strip.width() - 8),
        )
        painter.setFont(option.font)
        return cell.adjusted(0, line + 2, 0, 0)

    def _paint_caption(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        row: FindingRow,
        cell: QRect,
        selected: bool,
    ) -> None:
        role = (
            option.palette.ColorRole.HighlightedText if selected else option.palette.ColorRole.Text
        )
        painter.setPen(option.palette.color(role))
        metrics = option.fontMetrics
        line = metrics.lineSpacing()
        lines = (
            (labels.file_name(row), Qt.TextElideMode.ElideMiddle),
            (
                f"{labels.platform_label(row.context.get('platform'))} · "
                f"{labels.kind_label(row.context.get('kind'))}",
                Qt.TextElideMode.ElideRight,
            ),
            (
                match_words(row.band, row.distance),
                Qt.TextElideMode.ElideRight,
            ),
        )
        for number, (text, mode) in enumerate(lines):
            box = QRect(
                cell.left() + 4, cell.top() + self.IMAGE + number * line, cell.width() - 8, line
            )
            painter.drawText(
                box, Qt.AlignmentFlag.AlignLeft, metrics.elidedText(text, mode, box.width())
            )


class GalleryView(QListView):
    """Icon-mode gallery; Y and N decide the current finding, U makes it undecided again,
    Ctrl+Z undoes the last decision, arrows move, double-click or Enter opens the photo large."""

    decide = Signal(object, object)  # FindingRow, Decision, or None for undecided
    undo = Signal()
    open_large = Signal(object)  # FindingRow

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setMovement(QListView.Movement.Static)
        self.setUniformItemSizes(True)
        self.setLayoutMode(QListView.LayoutMode.Batched)
        self.setBatchSize(200)
        self.setSpacing(2)
        self.setWordWrap(False)
        self.setSelectionMode(QListView.SelectionMode.SingleSelection)
        self.setItemDelegate(FindingDelegate(self))
        self.setAccessibleName(_("Photos your face is in"))

        self.doubleClicked.connect(lambda index: self.open_large.emit(index.data(RowRole)))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        keys = {Qt.Key.Key_Y: Decision.ME, Qt.Key.Key_N: Decision.NOT_ME, Qt.Key.Key_U: None}
        plain = not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        index = self.currentIndex()
        key = Qt.Key(event.key())
        if key in keys and plain:
            if index.isValid():
                self.decide.emit(index.data(RowRole), keys[key])
            event.accept()
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and plain and index.isValid():
            self.open_large.emit(index.data(RowRole))
            event.accept()
            return
        if event.matches(QKeySequence.StandardKey.Undo):
            self.undo.emit()
            event.accept()
            return
        super().keyPressEvent(event)

    def select_row(self, row: int) -> None:
        model = self.model()
        if model is None or not 0 <= row < model.rowCount():
            return
        index = model.index(row, 0)
        self.setCurrentIndex(index)
        self.scrollTo(index)
