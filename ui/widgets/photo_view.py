"""A photo with every face box drawn on it; the selected finding's face stands out."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen, QPixmap
from PySide6.QtWidgets import QSizePolicy, QWidget

from exposure_audit.faces.detection import Box
from exposure_audit.i18n import _
from ui.screen_privacy import SCREEN, paint_blurred
from ui.widgets.gallery import fit

MATCH = QColor("#2e9d5b")
CURRENT = QColor("#1f77d0")
OTHER = QColor("#bbbbbb")


class PhotoView(QWidget):
    """Paints a pixmap scaled to fit, with boxes given in the photo's full-size pixels."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._pixmap: QPixmap | None = None
        self._full = QSize()
        self._faces: list[tuple[int, Box, bool]] = []
        self._current: int | None = None
        self._message = _("Choose a photo to see it here.")
        self.setMinimumSize(240, 200)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName(_("Photo with the faces found in it"))

    def show_message(self, message: str) -> None:
        self._pixmap, self._faces, self._message = None, [], message
        self.update()

    def set_photo(
        self, pixmap: QPixmap, full_size: QSize, faces: list[tuple[int, Box, bool]], current: int
    ) -> None:
        """Show ``pixmap``; ``faces`` are (face id, box, is a match); ``current`` is highlighted."""
        self._pixmap, self._full, self._faces, self._current = pixmap, full_size, faces, current
        matches = sum(1 for _top, _box, match in faces if match)
        self.setAccessibleDescription(
            _("%(len)s faces found, %(matches)s look like you")
            % {"len": len(faces), "matches": matches}
        )
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        if self._pixmap is None or self._pixmap.isNull():
            painter.setPen(self.palette().color(self.palette().ColorRole.PlaceholderText))
            painter.drawText(
                self.rect(), Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, self._message
            )
            return
        target = fit(self._pixmap.size() / self._pixmap.devicePixelRatio(), self.rect())
        painter.drawPixmap(target.toRect(), self._pixmap)
        full = self._full if not self._full.isEmpty() else self._pixmap.size()
        sx, sy = target.width() / full.width(), target.height() / full.height()
        if SCREEN.blur_others:
            self._blur_others(painter, target, sx, sy)
        for face_id, (top, right, bottom, left), match in self._faces:
            colour = CURRENT if face_id == self._current else MATCH if match else OTHER
            width = 3.0 if face_id == self._current else 2.0
            pen = QPen(colour, width)
            if not match:
                pen.setStyle(Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.drawRect(
                QRectF(
                    target.left() + left * sx,
                    target.top() + top * sy,
                    (right - left) * sx,
                    (bottom - top) * sy,
                )
            )

    def _blur_others(self, painter: QPainter, target: QRectF, sx: float, sy: float) -> None:
        """Cover every face that is not a match with a coarse blur (workshop mode)."""
        px = self._pixmap.width() / target.width() if self._pixmap and target.width() else 1.0
        for _face_id, (top, right, bottom, left), match in self._faces:
            if match:
                continue
            shown = QRectF(
                target.left() + left * sx,
                target.top() + top * sy,
                (right - left) * sx,
                (bottom - top) * sy,
            )
            source = QRectF(
                (shown.left() - target.left()) * px,
                (shown.top() - target.top()) * px,
                shown.width() * px,
                shown.height() * px,
            ).toRect()
            assert self._pixmap is not None
            paint_blurred(painter, self._pixmap, source, shown)
