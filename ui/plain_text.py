"""Text from exports and files shown as text: never parsed as HTML by a label or tooltip."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel


def plain_label(label: QLabel) -> QLabel:
    """``label`` set to show its text literally (Qt guesses rich text by default)."""
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def plain_tooltip(text: str) -> str:
    """A tooltip showing ``text`` literally: escaped inside markup Qt always treats as HTML."""
    return f"<p style='white-space:pre-wrap'>{html.escape(text)}</p>"
