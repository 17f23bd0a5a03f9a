"""The requester's details for letters, kept as named values in the audit."""

from __future__ import annotations

from exposure_audit.audit.database import Database

SCHEMA = """
CREATE TABLE identity(key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""


class IdentityValues:
    """Name, address, e-mail and account ids as key/value pairs; calling it reads them all."""

    def __init__(self, database: Database) -> None:
        self._db = database

    def __call__(self) -> dict[str, str]:
        return dict(self._db.execute("SELECT key, value FROM identity").fetchall())

    def replace(self, values: dict[str, str]) -> None:
        """Forget the saved values and keep ``values`` instead."""
        with self._db.transaction() as db:
            db.execute("DELETE FROM identity")
            db.executemany("INSERT INTO identity(key, value) VALUES (?, ?)", list(values.items()))

    def update(self, values: dict[str, str]) -> None:
        """Set ``values``, keeping the other saved ones."""
        with self._db.transaction() as db:
            db.executemany(
                "INSERT OR REPLACE INTO identity(key, value) VALUES (?, ?)", list(values.items())
            )
