"""Small builders the Requests page's boxes share: combos, buttons, tables, save dialogs, links."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QPushButton,
    QTableView,
)

from exposure_audit.escaping import safe_link
from exposure_audit.vocabulary import Word
from ui.desktop import open_web
from ui.icons import icon
from ui.saving import ask_save_path

__all__ = ["ask_save_path", "button", "combo", "open_link", "table"]


def combo(name: str, words: type[Word]) -> QComboBox:
    box = QComboBox()
    box.setAccessibleName(name)
    for word in words:
        box.addItem(word.label, word)
    return box


def button(text: str, name: str, slot: Callable[[], None], icon_name: str = "") -> QPushButton:
    pushed = QPushButton(icon(icon_name), text) if icon_name else QPushButton(text)
    pushed.setAccessibleName(name)
    pushed.clicked.connect(slot)
    return pushed


def table(model: Any, name: str) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setAccessibleName(name)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().hide()
    view.setWordWrap(False)
    view.horizontalHeader().setStretchLastSection(True)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    return view


def open_link(url: str) -> None:
    """Web forms and the letter's own mailto: link; never file: or script links."""
    link = url if url.startswith("mailto:") else safe_link(url)
    if link is not None:
        open_web(link)
