"""The app's palettes: light (the style's own), dark, or following the desktop."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QLabel


def dark_palette() -> QPalette:
    palette = QPalette()
    role = QPalette.ColorRole
    colours = {
        role.Window: "#202124",
        role.WindowText: "#e8eaed",
        role.Base: "#17181a",
        role.AlternateBase: "#26282b",
        role.ToolTipBase: "#2b2d31",
        role.ToolTipText: "#e8eaed",
        role.Text: "#e8eaed",
        role.Button: "#2b2d31",
        role.ButtonText: "#e8eaed",
        role.BrightText: "#ff6b6b",
        role.Highlight: "#3b7dd8",
        role.HighlightedText: "#ffffff",
        role.Link: "#7fb0ff",
        role.PlaceholderText: "#9aa0a6",
        role.Mid: "#3c3f44",
    }
    for key, value in colours.items():
        palette.setColor(key, QColor(value))
    for key in (role.Text, role.WindowText, role.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, key, QColor("#6f7378"))
    return palette


def apply_theme(theme: str) -> None:
    """Light or dark palette; 'system' follows the desktop's colour scheme."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return
    if theme == "system":
        dark = QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark
    else:
        dark = theme == "dark"
    app.setPalette(dark_palette() if dark else app.style().standardPalette())
    relink_labels(app)


def relink_labels(app: QApplication) -> None:
    """Lay out again every label showing links, so they take the new palette's link colour.

    A rich-text label colours its links once, when its text is set; a palette change alone
    leaves dark blue links on a dark background until the text is set again.
    """
    for widget in app.allWidgets():
        if isinstance(widget, QLabel) and "<a " in (text := widget.text()):
            widget.setText("")
            widget.setText(text)


_DESKTOP_POINT_SIZE: list[float] = []


def apply_text_size(percent: int) -> None:
    """Scale the whole app's text from the desktop's own size."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return
    if not _DESKTOP_POINT_SIZE:
        _DESKTOP_POINT_SIZE.append(app.font().pointSizeF())
    font = app.font()
    font.setPointSizeF(_DESKTOP_POINT_SIZE[0] * percent / 100)
    app.setFont(font)
