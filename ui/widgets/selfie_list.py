"""The list of selfies on the 'You' page; a selfie being judged shows a turning arc on its photo."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QRectF, Qt, QTimer
from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap
from PySide6.QtWidgets import (
    QApplication,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from ui.models.roles import RowRole
from ui.models.selfies import SelfieEntry, SelfiesModel


def _pending(index: QModelIndex | QPersistentModelIndex) -> bool:
    entry: SelfieEntry | None = index.data(RowRole)
    return entry is not None and entry.pending


class SpinnerDelegate(QStyledItemDelegate):
    """Draws a selfie as a list item does, with an arc turned by ``phase`` over a pending one."""

    ARC_DEGREES = 270

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.phase = 0  # degrees the arc has turned
        self._placeholder: QIcon | None = None

    def initStyleOption(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        super().initStyleOption(option, index)
        if _pending(index) and option.icon.isNull():  # a photo that cannot be read: the arc
            option.icon = self._blank()  # still needs its place
            option.features |= QStyleOptionViewItem.ViewItemFeature.HasDecoration

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        super().paint(painter, option, index)
        if _pending(index):
            self._paint_spinner(painter, self._photo_rect(option, index), option)

    def _photo_rect(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QRect:
        item = QStyleOptionViewItem(option)
        self.initStyleOption(item, index)
        style = item.widget.style() if item.widget is not None else QApplication.style()
        return style.subElementRect(QStyle.SubElement.SE_ItemViewItemDecoration, item, item.widget)

    def _paint_spinner(self, painter: QPainter, photo: QRect, option: QStyleOptionViewItem) -> None:
        side = min(photo.width(), photo.height()) * 0.4
        arc = QRectF(0, 0, side, side)
        arc.moveCenter(QRectF(photo).center())
        pen = QPen(option.palette.highlight().color(), max(2.0, side / 8))
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(photo, QColor(0, 0, 0, 80))  # dims the photo so the arc stands out
        painter.setPen(pen)
        painter.drawArc(arc, -self.phase * 16, self.ARC_DEGREES * 16)  # Qt counts 1/16 degrees
        painter.restore()

    def _blank(self) -> QIcon:
        if self._placeholder is None:
            pixmap = QPixmap(16, 16)
            pixmap.fill(Qt.GlobalColor.transparent)
            self._placeholder = QIcon(pixmap)
        return self._placeholder


class SelfieList(QListView):
    """Shows a ``SelfiesModel``. One timer turns every arc, and runs only while a selfie is
    pending, so an idle page costs no CPU."""

    FRAME_MS = 80
    STEP_DEGREES = 30

    def __init__(self, model: SelfiesModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.selfies = model
        self.setModel(model)
        self.spinner_delegate = SpinnerDelegate(self)
        self.setItemDelegate(self.spinner_delegate)
        self.spinner = QTimer(self)
        self.spinner.setInterval(self.FRAME_MS)
        self.spinner.timeout.connect(self._turn)
        for change in (model.rowsInserted, model.rowsRemoved, model.modelReset, model.dataChanged):
            change.connect(self._start_or_stop_spinner)

    def _start_or_stop_spinner(self, *_change: Any) -> None:
        if not self.selfies.has_pending():
            self.spinner.stop()
        elif not self.spinner.isActive():
            self.spinner.start()

    def _turn(self) -> None:
        delegate = self.spinner_delegate
        delegate.phase = (delegate.phase + self.STEP_DEGREES) % 360
        for row in self.selfies.pending_rows():
            self.update(self.selfies.index(row))
