"""The audit's own settings (the match threshold), as named values."""

from __future__ import annotations

from exposure_audit.audit.database import Database
from exposure_audit.audit.stored_values import checked_threshold
from exposure_audit.faces.detection import DEFAULT_THRESHOLD

SCHEMA = """
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""


class Settings:
    def __init__(self, database: Database) -> None:
        self._db = database

    def get(self, key: str, default: str | None = None) -> str | None:
        row = self._db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else default

    def set(self, key: str, value: str) -> None:
        with self._db.transaction():
            self._db.execute("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", (key, value))

    @property
    def threshold(self) -> float:
        """The largest face distance that counts as a match (checked as when it was set)."""
        return checked_threshold(float(self.get("threshold") or DEFAULT_THRESHOLD))
