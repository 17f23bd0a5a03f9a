"""A world map drawn offline from the bundled outlines, one dot per place photos expose."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from exposure_audit.i18n import _
from exposure_audit.report.words import place_label
from exposure_audit.report.world_map import Place, dot_radius, land_rings, map_height, project

DOT = QColor("#c4572e")


class WorldMap(QWidget):
    """Land in the palette's mid tone; dots sized by their photo count. Clicking a dot emits
    ``place_clicked``; hovering names it."""

    place_clicked = Signal(object)  # Place

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = title
        self.places: list[Place] = []
        self._land: QPainterPath | None = None
        self._land_size = QSize()
        self.setMouseTracking(True)
        self.setMinimumSize(240, 140)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setAccessibleName(title)

    def set_places(self, places: list[Place]) -> None:
        self.places = list(places)
        names = ", ".join(
            f"{p.name or f'{p.latitude:.0f}, {p.longitude:.0f}'} {p.photos}" for p in places[:8]
        )
        self.setAccessibleDescription(f"{self.title}: {names or _('no place yet')}")
        self.setCursor(Qt.CursorShape.PointingHandCursor if places else Qt.CursorShape.ArrowCursor)
        self.update()

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return int(map_height(width)) + 28

    def sizeHint(self) -> QSize:
        return QSize(480, self.heightForWidth(480))

    def _frame(self) -> QRectF:
        """Where the map is drawn: below the title, as wide as fits with square degrees."""
        width = min(float(self.width()), (self.height() - 28) * 360 / (map_height(360)))
        return QRectF(0, 28, width, map_height(width))

    def _land_path(self, frame: QRectF) -> QPainterPath:
        size = frame.size().toSize()
        if self._land is None or size != self._land_size:
            path = QPainterPath()
            for ring in land_rings():
                points = [project(lon, lat, frame.width(), frame.height()) for lon, lat in ring]
                path.moveTo(*points[0])
                for x, y in points[1:]:
                    path.lineTo(x, y)
                path.closeSubpath()
            self._land, self._land_size = path, size
        return self._land

    def dot_at(self, position: QPointF) -> Place | None:
        frame = self._frame()
        busiest = max((p.photos for p in self.places), default=1)
        for place in self.places:
            x, y = project(place.longitude, place.latitude, frame.width(), frame.height())
            centre = QPointF(frame.left() + x, frame.top() + y)
            reach = dot_radius(place.photos, busiest) + 4
            if (centre - position).manhattanLength() <= reach * 1.5:
                return place
        return None

    def mousePressEvent(self, event: QMouseEvent) -> None:
        place = self.dot_at(event.position())
        if place is not None:
            self.place_clicked.emit(place)
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        place = self.dot_at(event.position())
        if place is not None:
            name = place.name or f"{place.latitude:.1f}, {place.longitude:.1f}"
            QToolTip.showText(event.globalPosition().toPoint(), place_label(name, place.photos))
        super().mouseMoveEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        text = palette.color(palette.ColorRole.WindowText)
        font = painter.font()
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(text)
        painter.drawText(QRectF(0, 0, self.width(), 24), Qt.AlignmentFlag.AlignVCenter, self.title)
        painter.setFont(self.font())
        frame = self._frame()
        painter.fillRect(frame, palette.color(palette.ColorRole.Base))
        painter.save()
        painter.translate(frame.topLeft())
        painter.setPen(QPen(palette.color(palette.ColorRole.Mid), 0.6))
        painter.setBrush(palette.color(palette.ColorRole.Midlight))
        painter.drawPath(self._land_path(frame))
        busiest = max((p.photos for p in self.places), default=1)
        painter.setPen(QPen(QColor("white"), 1))
        painter.setBrush(DOT)
        for place in self.places:
            x, y = project(place.longitude, place.latitude, frame.width(), frame.height())
            radius = dot_radius(place.photos, busiest)
            painter.drawEllipse(QPointF(x, y), radius, radius)
        painter.restore()
        if not self.places:
            painter.setPen(palette.color(palette.ColorRole.PlaceholderText))
            painter.drawText(
                frame, Qt.AlignmentFlag.AlignCenter, _("No photo of you gives away a place.")
            )
