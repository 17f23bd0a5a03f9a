"""The selfies list: each selfie with its face crop and the verdict on it."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, Qt
from PySide6.QtGui import QIcon, QImage, QPixmap

from exposure_audit.faces.enrollment import Remark
from exposure_audit.i18n import _
from ui.labels import CHECKING
from ui.models.roles import Index, RowRole
from ui.plain_text import plain_tooltip


@dataclass
class SelfieEntry:
    """One selfie as shown on the 'You' page."""

    name: str
    sha256: str
    usable: bool
    problems: list[Remark] = field(default_factory=list)
    notes: list[Remark] = field(default_factory=list)
    crop: QImage | None = None
    reference_id: int | None = None
    # Set aside for looking like another person: the user may say it is them after all.
    set_aside: bool = False
    origin: str | None = None
    # Being judged: ``crop`` is then the whole photo (or the crop it had before), no verdict yet.
    pending: bool = False

    @property
    def verdict(self) -> str:
        if self.pending:
            return _(CHECKING)
        if self.problems:
            return _("Not used: %(why)s") % {"why": "; ".join(r.words for r in self.problems)}
        if self.notes:
            return _("Used. %(notes)s") % {"notes": "; ".join(r.words for r in self.notes)}
        return _("Good: one clear face")


# What a batch of selfies being judged replaced: by SHA-256, the entry shown before (None: new).
Shown = dict[str, SelfieEntry | None]


class SelfiesModel(QAbstractListModel):
    """Selfies with their face crop and quality verdict; those being judged are ``pending``."""

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

    def has_pending(self) -> bool:
        return any(entry.pending for entry in self._entries)

    def pending_rows(self) -> list[int]:
        return [row for row, entry in enumerate(self._entries) if entry.pending]

    # -- a batch being judged -------------------------------------------------------------------

    def show_pending(self, entry: SelfieEntry) -> SelfieEntry | None:
        """Show the pending ``entry``: a new row, or the row of the same selfie marked pending.

        A selfie given again keeps its one row (and its crop). Returns what that row showed
        before, or None for a new row.
        """
        row = self._row_of(entry.sha256)
        if row is None:
            self.beginInsertRows(QModelIndex(), len(self._entries), len(self._entries))
            self._entries.append(entry)
            self.endInsertRows()
            return None
        before = self._entries[row]
        self._set_row(row, replace(before, pending=True))
        return before

    def replace_entry(self, entry: SelfieEntry) -> None:
        """Show ``entry`` in the row of the same selfie (none: nothing happens)."""
        row = self._row_of(entry.sha256)
        if row is not None:
            self._set_row(row, entry)

    def restore(self, shown: Shown) -> None:
        """Undo ``show_pending`` for a batch that failed: its new rows go, the others are
        shown as before."""
        for sha256, before in shown.items():
            if before is not None:
                self.replace_entry(before)
                continue
            row = self._row_of(sha256)
            if row is not None:
                self.beginRemoveRows(QModelIndex(), row, row)
                del self._entries[row]
                self._icons.pop(sha256, None)
                self.endRemoveRows()

    def settle(self, entries: list[SelfieEntry], judged: Shown) -> None:
        """Show ``entries`` as stored once the batch ``judged`` is done (none: a load of what
        is stored); selfies that another batch is still judging stay pending."""
        others = {e.sha256: e for e in self._entries if e.pending and e.sha256 not in judged}
        shown = [others.pop(entry.sha256, entry) for entry in entries]
        self.set_entries(shown + list(others.values()))

    def remove_entries(self, sha256s: set[str]) -> None:
        """Take these selfies' rows out, row by row, so the view keeps its place."""
        for row in reversed(range(len(self._entries))):
            if self._entries[row].sha256 in sha256s:
                self.beginRemoveRows(QModelIndex(), row, row)
                self._icons.pop(self._entries[row].sha256, None)
                del self._entries[row]
                self.endRemoveRows()

    def _row_of(self, sha256: str) -> int | None:
        return next((row for row, e in enumerate(self._entries) if e.sha256 == sha256), None)

    def _set_row(self, row: int, entry: SelfieEntry) -> None:
        self._entries[row] = entry
        self._icons.pop(entry.sha256, None)
        index = self.index(row)
        self.dataChanged.emit(index, index)

    # -- Qt's side ------------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._entries)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._entries):
            return None
        entry = self._entries[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            if entry.pending:
                return f"{entry.name}\n{entry.verdict}"
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
