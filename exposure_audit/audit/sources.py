"""The sources the user added, the accounts their exports name, and media they only link to."""

from __future__ import annotations

import json
from dataclasses import dataclass

from exposure_audit.audit.database import Database, now_iso

SCHEMA = """
CREATE TABLE sources(
    id INTEGER PRIMARY KEY, path TEXT NOT NULL UNIQUE, kind TEXT NOT NULL, platform TEXT,
    photo_count INTEGER, added_at TEXT NOT NULL, last_scanned_at TEXT, account TEXT);
CREATE TABLE linked_media(
    id INTEGER PRIMARY KEY, source_id INTEGER REFERENCES sources(id) ON DELETE CASCADE,
    platform TEXT NOT NULL, url TEXT NOT NULL, taken_at TEXT, kind TEXT, description TEXT,
    UNIQUE (source_id, url));
"""


@dataclass(frozen=True)
class SourceRow:
    id: int
    path: str
    kind: str
    platform: str | None
    photo_count: int | None
    last_scanned_at: str | None


class Sources:
    """Folders, archives and URLs to scan; calling it lists them in the order added."""

    def __init__(self, database: Database) -> None:
        self._db = database

    def __call__(self) -> list[SourceRow]:
        rows = self._db.execute(
            "SELECT id, path, kind, platform, photo_count, last_scanned_at FROM sources ORDER BY id"
        )
        return [SourceRow(*row) for row in rows]

    def add(self, path: str, kind: str) -> int:
        with self._db.transaction():
            cursor = self._db.execute(
                "INSERT INTO sources(path, kind, added_at) VALUES (?, ?, ?)"
                " ON CONFLICT(path) DO UPDATE SET kind = excluded.kind RETURNING id",
                (path, kind, now_iso()),
            )
            return int(cursor.fetchone()[0])

    def remove(self, source_id: int) -> None:
        """Remove a source, its locations, and the photos found nowhere else."""
        with self._db.transaction():
            self._db.execute("DELETE FROM sources WHERE id = ?", (source_id,))
            drop_orphan_items(self._db)

    def scanned(self, source_id: int, platform: str | None, photo_count: int) -> None:
        """Note what a scan learnt about a source."""
        with self._db.transaction():
            self._db.execute(
                "UPDATE sources SET platform = ?, photo_count = ?, last_scanned_at = ? WHERE id = ?",
                (platform, photo_count, now_iso(), source_id),
            )

    def added_since(self, moment: str) -> list[tuple[SourceRow, str]]:
        """Scanned sources added at or after ``moment`` (ISO time), with when each was added."""
        rows = self._db.execute(
            "SELECT id, path, kind, platform, photo_count, last_scanned_at, added_at FROM sources"
            " WHERE added_at >= ? AND last_scanned_at IS NOT NULL ORDER BY added_at",
            (moment,),
        )
        return [(SourceRow(*row[:6]), row[6]) for row in rows]

    def set_account(self, source_id: int, platform: str, account: dict[str, str]) -> None:
        """Remember the account identifiers an export names (for identifying oneself in letters)."""
        with self._db.transaction():
            self._db.execute(
                "UPDATE sources SET account = ? WHERE id = ?",
                (json.dumps({"platform": platform, **account}, ensure_ascii=False), source_id),
            )

    def accounts(self) -> list[dict[str, str]]:
        """The account identifiers of every source that named some, each with its platform."""
        rows = self._db.execute("SELECT account FROM sources WHERE account IS NOT NULL ORDER BY id")
        return [json.loads(row[0]) for row in rows]

    def add_linked_media(
        self, source_id: int, rows: list[tuple[str, str, str | None, str | None, str | None]]
    ) -> None:
        """Record media an export only links to: (platform, url, taken_at, kind, description)."""
        with self._db.transaction():
            self._db.executemany(
                "INSERT OR IGNORE INTO linked_media(source_id, platform, url, taken_at, kind, description)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                [(source_id, *row) for row in rows],
            )

    def linked_media(self) -> list[dict[str, str | None]]:
        """Media the exports only link to: platform, url, taken_at, kind, description."""
        keys = ("platform", "url", "taken_at", "kind", "description")
        rows = self._db.execute(f"SELECT {', '.join(keys)} FROM linked_media ORDER BY id")
        return [dict(zip(keys, row, strict=True)) for row in rows]


def drop_orphan_items(database: Database) -> None:
    """Photos no location points to any more go, with their faces and thumbnails."""
    database.execute(
        "DELETE FROM items WHERE NOT EXISTS (SELECT 1 FROM locations l WHERE l.item_id = items.id)"
    )
