"""Small builders the Requests page's boxes share: combos, buttons, tables, save dialogs, links."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHeaderView,
    QPushButton,
    QTableView,
    QWidget,
)

from exposure_audit.escaping import safe_link
from exposure_audit.vocabulary import Word
from ui.icons import icon


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


def ask_save_path(parent: QWidget, title: str, name: str, filters: str) -> Path | None:
    """Where to save, starting in the home folder with ``name``; None when cancelled."""
    chosen, _filter = QFileDialog.getSaveFileName(parent, title, str(Path.home() / name), filters)
    return Path(chosen) if chosen else None


def open_link(url: str) -> None:
    """Web forms and the letter's own mailto: link; never file: or script links."""
    link = url if url.startswith("mailto:") else safe_link(url)
    if link is not None:
        QDesktopServices.openUrl(QUrl(link))
