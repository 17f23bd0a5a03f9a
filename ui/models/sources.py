"""The sources table: each folder, archive or URL with what was recognised in it."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt

from exposure_audit.i18n import N_, _
from exposure_audit.i18n.formats import format_number
from ui import labels
from ui.models.roles import Index, RowRole
from ui.plain_text import plain_tooltip
from ui.screen_privacy import shown_path

SOURCE_KINDS = {
    "folder": N_("Folder"),
    "zip": N_("Zip archive"),
    "tar": N_("Tar archive"),
    "url": N_("Web profile"),
}


class SourcesModel(QAbstractTableModel):
    """Sources with what was recognised in them."""

    HEADERS = (N_("Where"), N_("Kind"), N_("Recognised as"), N_("Photos"))

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[dict[str, Any]] = []

    def set_rows(self, rows: list[dict[str, Any]]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, number: int) -> dict[str, Any]:
        return self._rows[number]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(self.HEADERS)
        ):
            return _(self.HEADERS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, index.column())
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(row.get("note") or shown_path(row["path"]))
        if role == RowRole:
            return row
        return None

    @staticmethod
    def _text(row: dict[str, Any], column: int) -> str:
        if column == 0:
            return shown_path(row["path"])
        if column == 1:
            kind = SOURCE_KINDS.get(row["kind"])
            return _(kind) if kind else row["kind"].capitalize()
        if column == 2:
            if row.get("platform") == "Files":  # the reader for folders no export reader knows
                return _("Your own files")
            if row.get("platform"):
                return labels.platform_label(row["platform"])
            return "…" if row.get("inspecting") else _("Not recognised")
        count = row.get("photos")
        if count is None:
            return "…" if row.get("inspecting") else "—"
        if row.get("estimate"):
            return _("about {n}").format(n=format_number(count))
        return format_number(count)
