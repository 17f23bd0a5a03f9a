"""The requests the user sent to controllers, and the faces each one was about."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from exposure_audit.audit.database import Database, now_iso

SCHEMA = """
CREATE TABLE requests(
    id INTEGER PRIMARY KEY, controller TEXT NOT NULL, types TEXT NOT NULL,
    jurisdiction TEXT NOT NULL, region TEXT NOT NULL, language TEXT NOT NULL,
    grounds TEXT NOT NULL DEFAULT '', channel TEXT, reference TEXT,
    sent_on TEXT, received_on TEXT, due_on TEXT, extended_to TEXT,
    reminder_on TEXT, complaint_on TEXT, answered_on TEXT, closed_on TEXT,
    status TEXT NOT NULL DEFAULT 'draft'
        CHECK (status IN ('draft', 'sent', 'answered', 'closed')),
    evidence TEXT NOT NULL DEFAULT '[]', notes TEXT, created_at TEXT NOT NULL);
CREATE TABLE request_faces(
    request_id INTEGER NOT NULL REFERENCES requests(id) ON DELETE CASCADE,
    face_id INTEGER NOT NULL REFERENCES faces(id) ON DELETE CASCADE,
    PRIMARY KEY (request_id, face_id));
"""

# A UK complaint to the controller (s. 164A DPA 2018) comes before one to the ICO; the sources
# an erasure request knew of, so a later export can show what was deleted.
SCHEMA_2 = """
ALTER TABLE requests ADD COLUMN controller_complaint_on TEXT;
ALTER TABLE requests ADD COLUMN sources_seen INTEGER NOT NULL DEFAULT 0;
"""

# What came back from a controller instead of compliance, and the follow-up written to it. The
# reply's date is the one the person gave (NULL when none was given: no letter invents one);
# ``due_on`` is the follow-up's deadline, the request's own (a follow-up opens no new period).
SCHEMA_7 = """
CREATE TABLE request_replies(
    id INTEGER PRIMARY KEY,
    request_id INTEGER NOT NULL REFERENCES requests(id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('id_demanded', 'excessive', 'other_channel', 'partial')),
    received_on TEXT, missing TEXT NOT NULL DEFAULT '', follow_up_on TEXT, due_on TEXT,
    created_at TEXT NOT NULL);
CREATE INDEX request_replies_by_request ON request_replies(request_id);
"""

REPLY_COLUMNS = "id, request_id, kind, received_on, missing, follow_up_on, due_on"


class Requests:
    """Rows of the request tracker; the tracker (``rights.tracker``) gives them meaning.

    Column names come from the tracker's code, never from data; dates are stored as ISO text.
    """

    def __init__(self, database: Database) -> None:
        self._db = database

    def add(self, values: dict[str, Any], face_ids: Iterable[int] = ()) -> int:
        """Insert a request and the faces it is about, together; returns its id.

        The request remembers the sources the audit knew then (``sources_seen``), so exports
        added later can show what the controller deleted.
        """
        row = {**_stored(values), "created_at": now_iso()}
        names = ", ".join([*row, "sources_seen"])
        marks = ", ".join(["?" for _ in row] + ["(SELECT COALESCE(MAX(id), 0) FROM sources)"])
        with self._db.transaction() as db:
            cursor = db.execute(
                f"INSERT INTO requests({names}) VALUES ({marks}) RETURNING id", list(row.values())
            )
            request_id = int(cursor.fetchone()[0])
            db.executemany(
                "INSERT OR IGNORE INTO request_faces(request_id, face_id) VALUES (?, ?)",
                [(request_id, face) for face in face_ids],
            )
        return request_id

    def update(self, request_id: int, values: dict[str, Any]) -> None:
        row = _stored(values)
        assignments = ", ".join(f"{name} = ?" for name in row)
        with self._db.transaction() as db:
            db.execute(
                f"UPDATE requests SET {assignments} WHERE id = ?", (*row.values(), request_id)
            )

    def delete(self, request_id: int) -> None:
        with self._db.transaction() as db:
            db.execute("DELETE FROM requests WHERE id = ?", (request_id,))

    def row(self, request_id: int, columns: str) -> tuple[Any, ...] | None:
        """The named columns of one request, or None if there is none with that id."""
        cursor = self._db.execute(f"SELECT {columns} FROM requests WHERE id = ?", (request_id,))
        found: tuple[Any, ...] | None = cursor.fetchone()
        return found

    def rows(self, columns: str) -> list[tuple[Any, ...]]:
        """The named columns of every request, oldest first."""
        return list(self._db.execute(f"SELECT {columns} FROM requests ORDER BY id").fetchall())

    def reference_taken(self, reference: str) -> bool:
        found = self._db.execute("SELECT 1 FROM requests WHERE reference = ?", (reference,))
        return found.fetchone() is not None

    def last_id(self) -> int:
        """The highest request id so far (0 before the first)."""
        return int(self._db.execute("SELECT COALESCE(MAX(id), 0) FROM requests").fetchone()[0])

    def add_reply(self, values: dict[str, Any]) -> int:
        """Insert a controller's reply (and the follow-up sent to it); returns its id."""
        row = {**_stored(values), "created_at": now_iso()}
        names, marks = ", ".join(row), ", ".join("?" for _ in row)
        with self._db.transaction() as db:
            cursor = db.execute(
                f"INSERT INTO request_replies({names}) VALUES ({marks}) RETURNING id",
                list(row.values()),
            )
            return int(cursor.fetchone()[0])

    def replies(self, request_id: int | None = None) -> list[tuple[Any, ...]]:
        """The replies to one request (every request's when None), oldest first."""
        sql = f"SELECT {REPLY_COLUMNS} FROM request_replies"
        if request_id is None:
            return list(self._db.execute(f"{sql} ORDER BY id").fetchall())
        rows = self._db.execute(f"{sql} WHERE request_id = ? ORDER BY id", (request_id,))
        return list(rows.fetchall())

    def face_ids(self, request_id: int) -> list[int]:
        rows = self._db.execute(
            "SELECT face_id FROM request_faces WHERE request_id = ? ORDER BY face_id", (request_id,)
        )
        return [row[0] for row in rows]


def _stored(values: dict[str, Any]) -> dict[str, Any]:
    return {k: v.isoformat() if isinstance(v, date) else v for k, v in values.items()}
