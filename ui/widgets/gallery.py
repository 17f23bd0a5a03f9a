"""The thumbnail gallery: a grid of findings, each face outlined, under full-width group headings."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QRect,
    QRectF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QKeyEvent,
    QKeySequence,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QPixmap,
    QRegion,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
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
    def cell_height(cls, metrics: QFontMetrics) -> int:
        """Room for the photo and every caption line at the current text size."""
        return cls.IMAGE + cls.LINES * metrics.lineSpacing() + 12

    @classmethod
    def cell_size(cls, metrics: QFontMetrics) -> QSize:
        return QSize(cls.CELL.width(), cls.cell_height(metrics))

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        return self.cell_size(option.fontMetrics)

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


@dataclass(frozen=True)
class Heading:
    """A group's name, drawn across the whole width above its photos (content coordinates)."""

    top: int
    height: int
    text: str
    first: int  # the model row of the group's first photo


@dataclass(frozen=True)
class Line:
    """One row of photos in the grid: all of one group."""

    top: int
    first: int  # the model row of its first photo
    count: int


class GalleryView(QAbstractItemView):
    """A grid of findings; when grouped, each group starts on a new row below its own heading.

    Y and N decide the current finding, U makes it undecided again, Ctrl+Z undoes the last
    decision, arrows move (up and down keep the column, across headings too), double-click or
    Enter opens the photo large. The layout is plain arithmetic over runs of one group, so it
    stays quick with thousands of findings.
    """

    decide = Signal(object, object)  # FindingRow, Decision, or None for undecided
    undo = Signal()
    open_large = Signal(object)  # FindingRow

    SPACING = 4

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runs: list[tuple[int, int, str]] | None = None  # (first row, end row, group)
        self._laid_out = False
        self._cell = QSize()
        self._lines: list[Line] = []
        self._tops: list[int] = []  # each line's top, for bisect
        self._firsts: list[int] = []  # each line's first row, for bisect
        self._headings: list[Heading] = []
        self._height = 0
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setItemDelegate(FindingDelegate(self))
        self.setAccessibleName(_("Photos your face is in"))
        self.doubleClicked.connect(lambda index: self.open_large.emit(index.data(RowRole)))

    # -- the layout ---------------------------------------------------------------------------

    def setModel(self, model: QAbstractItemModel | None) -> None:
        old = self.model()
        if old is not None:
            for signal in (old.layoutChanged, old.rowsRemoved, old.rowsMoved):
                signal.disconnect(self._regroup)
        super().setModel(model)
        if model is not None:
            for signal in (model.layoutChanged, model.rowsRemoved, model.rowsMoved):
                signal.connect(self._regroup)
        self._regroup()

    def _regroup(self, *_args: object) -> None:
        """The rows or their groups changed: find the runs again, at the next layout."""
        self._runs = None
        self._laid_out = False
        self.scheduleDelayedItemsLayout()

    def _relayout(self) -> None:
        """Only the width or the text size changed: the runs stay."""
        self._laid_out = False
        self.scheduleDelayedItemsLayout()

    def reset(self) -> None:
        super().reset()
        self._regroup()

    def rowsInserted(
        self, parent: QModelIndex | QPersistentModelIndex, start: int, end: int
    ) -> None:
        super().rowsInserted(parent, start, end)
        runs = self._runs
        if runs is not None and start == (runs[-1][1] if runs else 0):
            # Rows fetched at the end (lazy loading): only they are read, not every row again.
            self._add_runs(runs, start, end + 1)
            self._relayout()
        else:
            self._regroup()

    def dataChanged(
        self,
        topLeft: QModelIndex | QPersistentModelIndex,
        bottomRight: QModelIndex | QPersistentModelIndex,
        roles: Sequence[int] = (),
    ) -> None:
        super().dataChanged(topLeft, bottomRight, roles)
        if not roles or GroupRole in roles:  # a decision can move a photo to another group
            self._regroup()

    def doItemsLayout(self) -> None:
        self._laid_out = False
        super().doItemsLayout()

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._laid_out = False
        super().resizeEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._laid_out = False
        super().changeEvent(event)

    def _group_runs(self) -> list[tuple[int, int, str]]:
        if self._runs is None:
            model = self.model()
            count = model.rowCount(self.rootIndex()) if model is not None else 0
            runs: list[tuple[int, int, str]] = []
            self._add_runs(runs, 0, count)
            self._runs = runs
        return self._runs

    def _add_runs(self, runs: list[tuple[int, int, str]], first: int, end: int) -> None:
        """Extend ``runs`` (first row, end row, group) with the rows ``first`` to ``end``."""
        model = self.model()
        if model is None:
            return
        for row in range(first, end):
            group = str(model.index(row, 0, self.rootIndex()).data(GroupRole) or "")
            if runs and runs[-1][2] == group:
                runs[-1] = (runs[-1][0], row + 1, group)
            else:
                runs.append((row, row + 1, group))

    def heading_height(self) -> int:
        return self._heading_font().lineSpacing() + 2 * self.SPACING + 6

    def _heading_font(self) -> QFontMetrics:
        font = QFont(self.font())
        font.setBold(True)
        return QFontMetrics(font)

    def _layout(self) -> None:
        if self._laid_out and self._runs is not None:
            return
        runs = self._group_runs()
        self._laid_out = True
        natural = FindingDelegate.cell_size(self.fontMetrics())
        room = self.viewport().width() - self.SPACING
        # Cells give up to 15 % of their width rather than leave a column's worth empty.
        columns = max(1, room // (int(natural.width() * 0.85) + self.SPACING))
        width = max(1, min(natural.width(), room // columns - self.SPACING))
        self._cell = QSize(width, natural.height())
        step_y = self._cell.height() + self.SPACING
        heading_height = self.heading_height()
        lines: list[Line] = []
        headings: list[Heading] = []
        y = 0
        for first, end, group in runs:
            if group:  # a group starts a new row, under its own heading across the width
                headings.append(Heading(y, heading_height, group, first))
                y += heading_height
            for start in range(first, end, columns):
                lines.append(Line(y + self.SPACING, start, min(columns, end - start)))
                y += step_y
        self._lines, self._headings = lines, headings
        self._tops = [line.top for line in lines]
        self._firsts = [line.first for line in lines]
        self._height = y + self.SPACING
        self._set_scroll_range()

    def _line_of(self, row: int) -> int:
        """The number of the line that holds ``row`` (-1 for none)."""
        number = bisect_right(self._firsts, row) - 1
        if number < 0 or row >= self._lines[number].first + self._lines[number].count:
            return -1
        return number

    def _content_rect(self, row: int) -> QRect:
        self._layout()
        number = self._line_of(row)
        if number < 0:
            return QRect()
        line = self._lines[number]
        column = row - line.first
        left = self.SPACING + column * (self._cell.width() + self.SPACING)
        return QRect(QPoint(left, line.top), self._cell)

    def headings(self) -> list[tuple[QRect, str]]:
        """Every group heading drawn, with its place in the viewport."""
        self._layout()
        width = self.viewport().width()
        offset = self.verticalOffset()
        return [(QRect(0, h.top - offset, width, h.height), h.text) for h in self._headings]

    def updateGeometries(self) -> None:
        self._layout()
        self._set_scroll_range()
        super().updateGeometries()

    def _set_scroll_range(self) -> None:
        bar = self.verticalScrollBar()
        bar.setSingleStep(max(1, self._cell.height() // 4))
        bar.setPageStep(self.viewport().height())
        bar.setRange(0, max(0, self._height - self.viewport().height()))

    # -- what QAbstractItemView asks ----------------------------------------------------------

    def visualRect(self, index: QModelIndex | QPersistentModelIndex) -> QRect:
        if not index.isValid() or index.parent() != self.rootIndex():
            return QRect()
        rect = self._content_rect(index.row())
        return rect.translated(0, -self.verticalOffset()) if rect.isValid() else rect

    def indexAt(self, point: QPoint) -> QModelIndex:
        self._layout()
        model = self.model()
        y = point.y() + self.verticalOffset()
        number = bisect_right(self._tops, y) - 1
        if model is None or number < 0 or y >= self._tops[number] + self._cell.height():
            return QModelIndex()
        line = self._lines[number]
        step = self._cell.width() + self.SPACING
        x = point.x() - self.SPACING
        column = x // step
        if x < 0 or column >= line.count or x - column * step >= self._cell.width():
            return QModelIndex()
        return model.index(line.first + column, 0, self.rootIndex())

    def scrollTo(
        self,
        index: QModelIndex | QPersistentModelIndex,
        hint: QAbstractItemView.ScrollHint = QAbstractItemView.ScrollHint.EnsureVisible,
    ) -> None:
        rect = self._content_rect(index.row()) if index.isValid() else QRect()
        if not rect.isValid():
            return
        top = rect.top()
        for heading in self._headings:  # a group's first row shows with its heading
            if heading.first <= index.row() < heading.first + self._columns_at(heading.first):
                top = heading.top
        bar = self.verticalScrollBar()
        shown = self.viewport().height()
        Hint = QAbstractItemView.ScrollHint
        if hint == Hint.PositionAtTop:
            bar.setValue(top)
        elif hint == Hint.PositionAtBottom:
            bar.setValue(rect.bottom() + 1 - shown)
        elif hint == Hint.PositionAtCenter:
            bar.setValue(rect.center().y() - shown // 2)
        elif top < bar.value():
            bar.setValue(top)
        elif rect.bottom() + 1 > bar.value() + shown:
            bar.setValue(min(top, rect.bottom() + 1 - shown))

    def _columns_at(self, row: int) -> int:
        number = self._line_of(row)
        return self._lines[number].count if number >= 0 else 0

    def moveCursor(
        self, cursorAction: QAbstractItemView.CursorAction, modifiers: Qt.KeyboardModifier
    ) -> QModelIndex:
        model = self.model()
        count = model.rowCount(self.rootIndex()) if model is not None else 0
        if model is None or count == 0:
            return QModelIndex()
        current = self.currentIndex()
        if not current.isValid():
            return model.index(0, 0, self.rootIndex())
        self._layout()
        row = current.row()
        Move = QAbstractItemView.CursorAction
        page = max(1, self.viewport().height() // (self._cell.height() + self.SPACING))
        steps = {
            Move.MoveRight: lambda: row + 1,
            Move.MoveNext: lambda: row + 1,
            Move.MoveLeft: lambda: row - 1,
            Move.MovePrevious: lambda: row - 1,
            Move.MoveHome: lambda: 0,
            Move.MoveEnd: lambda: count - 1,
            Move.MoveDown: lambda: self._row_lines_away(row, 1),
            Move.MoveUp: lambda: self._row_lines_away(row, -1),
            Move.MovePageDown: lambda: self._row_lines_away(row, page),
            Move.MovePageUp: lambda: self._row_lines_away(row, -page),
        }
        step = steps.get(cursorAction)
        target = step() if step is not None else row
        return model.index(max(0, min(count - 1, target)), 0, self.rootIndex())

    def _row_lines_away(self, row: int, lines: int) -> int:
        """The photo in the same column ``lines`` rows down (up if negative), or the nearest."""
        number = self._line_of(row)
        if number < 0:
            return row
        column = row - self._lines[number].first
        target = self._lines[max(0, min(len(self._lines) - 1, number + lines))]
        return target.first + min(column, target.count - 1)

    def horizontalOffset(self) -> int:
        return 0

    def verticalOffset(self) -> int:
        return self.verticalScrollBar().value()

    def isIndexHidden(self, index: QModelIndex | QPersistentModelIndex) -> bool:
        return False

    def setSelection(self, rect: QRect, command: QItemSelectionModel.SelectionFlag) -> None:
        self._layout()
        model, chosen = self.model(), self.selectionModel()
        if model is None or chosen is None:
            return
        area = rect.normalized().translated(0, self.verticalOffset())
        selection = QItemSelection()
        start = max(0, bisect_right(self._tops, area.top() - self._cell.height()) - 1)
        for line in self._lines[start:]:
            if line.top > area.bottom():
                break
            for row in range(line.first, line.first + line.count):
                if self._content_rect(row).intersects(area):
                    index = model.index(row, 0, self.rootIndex())
                    selection.select(index, index)
        chosen.select(selection, command)

    def visualRegionForSelection(self, selection: QItemSelection) -> QRegion:
        region = QRegion()
        for index in selection.indexes():
            region = region.united(self.visualRect(index))
        return region

    # -- drawing ------------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        self._layout()
        model = self.model()
        if model is None:
            return
        painter = QPainter(self.viewport())
        offset = self.verticalOffset()
        area = event.rect().translated(0, offset)
        width = self.viewport().width()
        for heading in self._headings:
            band = QRect(0, heading.top, width, heading.height)
            if band.intersects(area):
                self._paint_heading(painter, band.translated(0, -offset), heading.text)
        option = QStyleOptionViewItem()
        self.initViewItemOption(option)
        state = option.state
        current = self.currentIndex()
        chosen = self.selectionModel()
        focused = self.hasFocus()
        delegate = self.itemDelegate()
        start = max(0, bisect_right(self._tops, area.top() - self._cell.height()) - 1)
        for line in self._lines[start:]:
            if line.top > area.bottom():
                break
            for row in range(line.first, line.first + line.count):
                index = model.index(row, 0, self.rootIndex())
                option.rect = self._content_rect(row).translated(0, -offset)
                option.state = state
                if chosen is not None and chosen.isSelected(index):
                    option.state |= QStyle.StateFlag.State_Selected
                if focused and index == current:
                    option.state |= QStyle.StateFlag.State_HasFocus
                delegate.paint(painter, option, index)
        painter.end()

    def heading_colour(self) -> QColor:
        """The heading strip's fill: the base tinted with the highlight, in light and dark alike."""
        base = self.palette().color(QPalette.ColorRole.Base)
        tint = self.palette().color(QPalette.ColorRole.Highlight)
        share = 0.2
        return QColor(
            round(base.red() + (tint.red() - base.red()) * share),
            round(base.green() + (tint.green() - base.green()) * share),
            round(base.blue() + (tint.blue() - base.blue()) * share),
        )

    def _paint_heading(self, painter: QPainter, band: QRect, text: str) -> None:
        """A filled strip across the whole width, the group's name in bold on it."""
        palette = self.palette()
        strip = band.adjusted(0, self.SPACING, 0, 0)
        painter.fillRect(strip, self.heading_colour())
        painter.setPen(QPen(palette.mid().color(), 1))
        painter.drawLine(strip.bottomLeft(), strip.bottomRight())
        font = QFont(self.font())
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(palette.color(QPalette.ColorRole.Text))
        room = strip.adjusted(8, 0, -8, 0)
        painter.drawText(
            room,
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            QFontMetrics(font).elidedText(text, Qt.TextElideMode.ElideRight, room.width()),
        )
        painter.setFont(self.font())

    # -- keys ---------------------------------------------------------------------------------

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
        if model is None or not 0 <= row < model.rowCount(self.rootIndex()):
            return
        index = model.index(row, 0, self.rootIndex())
        self.setCurrentIndex(index)
        self.scrollTo(index)
