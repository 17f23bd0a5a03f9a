"""The item data roles every model of the app answers, beyond Qt's own."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt

RowRole = Qt.ItemDataRole.UserRole + 1  # the row's own object (FindingRow, SelfieEntry, ...)
PixmapRole = Qt.ItemDataRole.UserRole + 2
GroupRole = Qt.ItemDataRole.UserRole + 3

Index = QModelIndex | QPersistentModelIndex
