"""What the screen may show: workshop mode hides file paths and blurs other people's faces."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QRect, QRectF
from PySide6.QtGui import QPainter, QPixmap

from exposure_audit.i18n import N_, _
from exposure_audit.sources.containers import ARCHIVE_SEPARATOR

HIDDEN = N_("(hidden in workshop mode)")


@dataclass
class ScreenPrivacy:
    """Switched on by workshop mode; pages ask it before showing a path or a face."""

    hide_paths: bool = False
    blur_others: bool = False
    offline: bool = False
    save_folder: Path | None = None  # workshop mode: every save goes here, wiped after


SCREEN = ScreenPrivacy()


def shown_path(text: str) -> str:
    """``text`` as the screen may show it: only the last name when paths are hidden."""
    if not SCREEN.hide_paths or not text:
        return text
    last = text.rsplit(ARCHIVE_SEPARATOR, 1)[-1].replace("\\", "/").rstrip("/")
    return last.rsplit("/", 1)[-1] or _(HIDDEN)


def shown_folder(text: str) -> str:
    """A folder the screen may show: nothing of it when paths are hidden."""
    return _(HIDDEN) if SCREEN.hide_paths else text


def paint_blurred(painter: QPainter, pixmap: QPixmap, source: QRect, target: QRectF) -> None:
    """Paint ``source`` of ``pixmap`` over ``target`` so coarse that no face can be recognised."""
    piece = pixmap.copy(source)
    if piece.isNull():
        return
    cells = max(3, min(6, source.width() // 8))
    tiny = piece.scaled(cells, cells)  # fast transformation: blocks, not a smooth blur
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, False)
    painter.drawPixmap(target.toRect(), tiny)
    painter.restore()
