"""The findings model: lazy, filterable, sorted by the chosen grouping."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from exposure_audit.audit.store import FindingRow
from exposure_audit.report.findings import exposure_of
from exposure_audit.report.world_map import cell_of
from exposure_audit.vocabulary import Decision
from ui import labels
from ui.models.roles import GroupRole, Index, PixmapRole, RowRole
from ui.plain_text import plain_tooltip
from ui.thumbnails import ThumbnailCache


class FindingsModel(QAbstractListModel):
    """Findings shown a chunk at a time (``canFetchMore``/``fetchMore``); thumbnails on demand."""

    CHUNK = 400

    def __init__(self, thumbnails: ThumbnailCache | None = None, parent: Any = None) -> None:
        super().__init__(parent)
        self.thumbnails = thumbnails
        self.group = ""
        self._rows: list[FindingRow] = []
        self._shown = 0
        self._by_item: dict[int, list[int]] = {}
        self._loaded: dict[int, int] = {}  # face id -> its place in the order rows came in
        if thumbnails is not None:
            thumbnails.ready.connect(self._on_thumbnails_ready)

    # -- contents --------------------------------------------------------------------------

    def set_rows(self, rows: list[FindingRow]) -> None:
        self.beginResetModel()
        self._loaded = {row.face_id: number for number, row in enumerate(rows)}
        self._rows = sorted(rows, key=self._order_key) if self.group else list(rows)
        self._shown = min(self.CHUNK, len(self._rows))
        self._index_items()
        self.endResetModel()

    def append_rows(self, rows: list[FindingRow]) -> None:
        """Add findings as a scan reports them."""
        if not rows:
            return
        all_shown = self._shown == len(self._rows)
        start = len(self._rows)
        self._rows.extend(rows)
        for number, row in enumerate(rows, start):
            self._by_item.setdefault(row.item_id, []).append(number)
            self._loaded[row.face_id] = number
        if all_shown:
            self.beginInsertRows(QModelIndex(), start, len(self._rows) - 1)
            self._shown = len(self._rows)
            self.endInsertRows()
        if self.group:
            self._reorder()

    def rows(self) -> list[FindingRow]:
        return list(self._rows)

    def row_at(self, number: int) -> FindingRow:
        return self._rows[number]

    def set_decision(self, face_id: int, decision: Decision | None) -> None:
        for number, row in enumerate(self._rows):
            if row.face_id == face_id:
                self._rows[number] = replace(row, decision=decision)
                if number < self._shown:
                    index = self.index(number)
                    self.dataChanged.emit(index, index)
        if self.group == "decision":  # the photo now belongs under another heading
            self._reorder()

    def set_group(self, group: str) -> None:
        """Order the rows by ``group`` (then nearest match first), or as they came for none.

        The model orders its own rows: a proxy's sort would ask Python tens of thousands of
        times which of two rows comes first.
        """
        if group != self.group:
            self.group = group
            self._reorder(always=True)  # every row's group name changed, if not its place

    def _order_key(self, row: FindingRow) -> tuple[str, float, int]:
        if not self.group:
            return ("", 0.0, self._loaded.get(row.face_id, 0))
        return (labels.group_value(row, self.group), row.distance, row.face_id)

    def _reorder(self, *, always: bool = False) -> None:
        ordered = sorted(self._rows, key=self._order_key)
        if not always and all(a is b for a, b in zip(ordered, self._rows, strict=True)):
            return
        self.layoutAboutToBeChanged.emit()
        place = {row.face_id: number for number, row in enumerate(ordered)}
        before = [row.face_id for row in self._rows]
        old = self.persistentIndexList()
        new = [self.index(place[before[index.row()]], index.column()) for index in old]
        self._rows = ordered
        self._index_items()
        self.changePersistentIndexList(old, new)
        self.layoutChanged.emit()

    def _index_items(self) -> None:
        self._by_item = {}
        for number, row in enumerate(self._rows):
            self._by_item.setdefault(row.item_id, []).append(number)

    # -- Qt model interface -------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._shown

    def canFetchMore(self, parent: Index) -> bool:
        return not parent.isValid() and self._shown < len(self._rows)

    def fetchMore(self, parent: Index) -> None:
        if parent.isValid():
            return
        count = min(self.CHUNK, len(self._rows) - self._shown)
        if count <= 0:
            return
        self.beginInsertRows(QModelIndex(), self._shown, self._shown + count - 1)
        self._shown += count
        self.endInsertRows()

    def fetch_all(self) -> None:
        """Expose every row (filters and sorting need to see them all)."""
        if self._shown < len(self._rows):
            self.beginInsertRows(QModelIndex(), self._shown, len(self._rows) - 1)
            self._shown = len(self._rows)
            self.endInsertRows()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < self._shown:
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return labels.shown_name(row)
        if role == Qt.ItemDataRole.ToolTipRole:
            platform = labels.platform_label(row.context.get("platform"))
            return plain_tooltip(f"{row.location}\n{labels.band_label(row.band)} · {platform}")
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{labels.shown_name(row)}, {labels.band_label(row.band)}, {labels.decision_label(row.decision)}"
        if role == RowRole:
            return row
        if role == PixmapRole:
            return self.thumbnails.pixmap(row) if self.thumbnails is not None else None
        if role == GroupRole:
            return labels.group_value(row, self.group) if self.group else ""
        return None

    def _on_thumbnails_ready(self, item_id: int) -> None:
        for number in self._by_item.get(item_id, []):
            if number < self._shown:
                index = self.index(number)
                self.dataChanged.emit(index, index, [PixmapRole])


@dataclass
class FindingsFilter:
    """What the gallery shows: every field None means 'any'."""

    platform: str | None = None  # a platform's name; "" for the person's own files
    kind: str | None = None  # a PhotoKind code
    band: str | None = None
    year: str | None = None  # "" for photos of no known year
    has_location: bool | None = None
    decision: Decision | None = None
    level: str | None = None  # exposure level: "high", "medium", "low", "local"
    max_distance: float = 0.6
    media: str | None = None  # a MediaKind code: photos only, or videos only
    place: tuple[float, float] | None = None  # a dot on the overview's map

    def accepts(self, row: FindingRow) -> bool:
        context = row.context
        checks = (
            row.distance <= self.max_distance,
            self.platform is None or labels.platform_key(context.get("platform")) == self.platform,
            self.kind is None or labels.kind_key(context.get("kind")) == self.kind,
            self.band is None or row.band == self.band,
            self.year is None or (labels.year_of(context) or "") == self.year,
            self.has_location is None or labels.has_location(context) == self.has_location,
            self.decision is None or (row.decision or Decision.UNDECIDED) == self.decision,
            self.media is None or row.media == self.media,
            self.place is None or cell_of(context) == self.place,
        )
        if not all(checks):
            return False
        return self.level is None or exposure_of(context)["level"] == self.level


class FindingsProxy(QSortFilterProxyModel):
    """Filters findings live and sorts them by the chosen grouping, nearest match first."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rules = FindingsFilter()
        self.setDynamicSortFilter(True)

    def set_rules(self, rules: FindingsFilter) -> None:
        self.beginFilterChange()
        self.rules = rules
        self.endFilterChange()

    def set_group(self, group: str) -> None:
        source = self.sourceModel()
        if isinstance(source, FindingsModel):  # it orders its rows itself, quickly
            if group:
                source.fetch_all()
            source.set_group(group)
            self.sort(-1)
            return
        self.invalidate()
        self.sort(0 if group else -1)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        row = self.sourceModel().index(source_row, 0, source_parent).data(RowRole)
        return row is not None and self.rules.accepts(row)

    def lessThan(self, left: Index, right: Index) -> bool:
        a, b = left.data(RowRole), right.data(RowRole)
        return (left.data(GroupRole), a.distance, a.face_id) < (
            right.data(GroupRole),
            b.distance,
            b.face_id,
        )
