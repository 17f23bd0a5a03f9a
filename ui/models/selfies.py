"""The selfies list: each selfie with its face crop and the verdict on it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, Qt
from PySide6.QtGui import QIcon, QImage, QPixmap

from ui.models.roles import Index, RowRole
from ui.plain_text import plain_tooltip


@dataclass
class SelfieEntry:
    """One selfie as shown on the 'You' page."""

    name: str
    sha256: str
    usable: bool
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    crop: QImage | None = None
    reference_id: int | None = None
    # Set aside for looking like another person: the user may say it is them after all.
    set_aside: bool = False
    origin: str | None = None

    @property
    def verdict(self) -> str:
        if self.problems:
            return "Not used: " + "; ".join(self.problems)
        if self.notes:
            return "Used. " + "; ".join(self.notes)
        return "Good: one clear face"


class SelfiesModel(QAbstractListModel):
    """Selfies with their face crop and quality verdict."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._entries: list[SelfieEntry] = []
        self._icons: dict[str, QIcon] = {}

    def set_entries(self, entries: list[SelfieEntry]) -> None:
        self.beginResetModel()
        self._entries = list(entries)
        self._icons = {}
        self.endResetModel()

    def entries(self) -> list[SelfieEntry]:
        return list(self._entries)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._entries)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._entries):
            return None
        entry = self._entries[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            mark = "✓" if entry.usable else "✗"
            return f"{mark} {entry.name}\n{entry.verdict}"
        if role == Qt.ItemDataRole.DecorationRole:
            return self._icon(entry)
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return plain_tooltip(f"{entry.name}: {entry.verdict}")
        if role == RowRole:
            return entry
        return None

    def _icon(self, entry: SelfieEntry) -> QIcon | None:
        if entry.crop is None:
            return None
        if entry.sha256 not in self._icons:
            self._icons[entry.sha256] = QIcon(QPixmap.fromImage(entry.crop))
        return self._icons[entry.sha256]
