"""The requests the user sent to controllers, and the faces each one was about."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
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


@dataclass(frozen=True)
class StoredRequest:
    """One row of the tracker as stored: dates read as dates, lists as tuples; the tracker
    (``rights.tracker.TrackedRequest``) gives it meaning."""

    id: int
    controller: str
    types: tuple[str, ...]
    jurisdiction: str
    region: str
    language: str
    grounds: tuple[str, ...]
    channel: str | None
    reference: str
    sent_on: date | None
    received_on: date | None
    due_on: date | None
    extended_to: date | None
    reminder_on: date | None
    complaint_on: date | None
    answered_on: date | None
    closed_on: date | None
    status: str
    evidence: tuple[tuple[Any, ...], ...]  # the annex's cells, as written when recorded
    notes: str | None
    controller_complaint_on: date | None
    created_at: str  # when it was recorded (ISO, UTC)
    sources_seen: int  # the highest source id the audit knew then


@dataclass(frozen=True)
class StoredReply:
    """A controller's reply as stored: its kind and missing items are codes."""

    id: int
    request_id: int
    kind: str
    received_on: date | None
    missing: tuple[str, ...]
    follow_up_on: date | None
    due_on: date | None


_REQUEST_COLUMNS = (
    "id, controller, types, jurisdiction, region, language, grounds, channel, reference, sent_on,"
    " received_on, due_on, extended_to, reminder_on, complaint_on, answered_on, closed_on,"
    " status, evidence, notes, controller_complaint_on, created_at, sources_seen"
)
_REPLY_COLUMNS = "id, request_id, kind, received_on, missing, follow_up_on, due_on"


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

    def get(self, request_id: int) -> StoredRequest | None:
        """One request, or None if there is none with that id."""
        cursor = self._db.execute(
            f"SELECT {_REQUEST_COLUMNS} FROM requests WHERE id = ?", (request_id,)
        )
        row = cursor.fetchone()
        return None if row is None else _request(row)

    def all(self) -> list[StoredRequest]:
        """Every request, oldest first."""
        rows = self._db.execute(f"SELECT {_REQUEST_COLUMNS} FROM requests ORDER BY id")
        return [_request(row) for row in rows.fetchall()]

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

    def replies(self, request_id: int | None = None) -> list[StoredReply]:
        """The replies to one request (every request's when None), oldest first."""
        sql = f"SELECT {_REPLY_COLUMNS} FROM request_replies"
        if request_id is None:
            rows = self._db.execute(f"{sql} ORDER BY id")
        else:
            rows = self._db.execute(f"{sql} WHERE request_id = ? ORDER BY id", (request_id,))
        return [_reply(row) for row in rows.fetchall()]

    def face_ids(self, request_id: int) -> list[int]:
        rows = self._db.execute(
            "SELECT face_id FROM request_faces WHERE request_id = ? ORDER BY face_id", (request_id,)
        )
        return [row[0] for row in rows]


def _day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def _listed(text: str | None) -> tuple[str, ...]:
    return tuple(part for part in str(text or "").split(",") if part)


def _request(row: tuple[Any, ...]) -> StoredRequest:
    (request_id, controller, types, jurisdiction, region, language, grounds, channel, reference,
     sent, received, due, extended, reminder, complaint, answered, closed, status, evidence,
     notes, controller_complaint, created_at, sources_seen) = row  # fmt: skip
    return StoredRequest(
        id=request_id,
        controller=controller,
        types=_listed(types),
        jurisdiction=jurisdiction,
        region=region,
        language=language,
        grounds=_listed(grounds),
        channel=channel,
        reference=reference or "",
        sent_on=_day(sent),
        received_on=_day(received),
        due_on=_day(due),
        extended_to=_day(extended),
        reminder_on=_day(reminder),
        complaint_on=_day(complaint),
        answered_on=_day(answered),
        closed_on=_day(closed),
        status=status,
        evidence=tuple(tuple(cells) for cells in json.loads(evidence)),
        notes=notes,
        controller_complaint_on=_day(controller_complaint),
        created_at=str(created_at),
        sources_seen=int(sources_seen),
    )


def _reply(row: tuple[Any, ...]) -> StoredReply:
    reply_id, request_id, kind, received, missing, follow_up, due = row
    return StoredReply(
        reply_id, request_id, kind, _day(received), _listed(missing), _day(follow_up), _day(due)
    )


def _stored(values: dict[str, Any]) -> dict[str, Any]:
    return {k: v.isoformat() if isinstance(v, date) else v for k, v in values.items()}
