"""The user's reference faces: one encoding per enrolled selfie."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

import numpy as np

from exposure_audit.audit.database import Database, now_iso
from exposure_audit.faces.detection import Box

SCHEMA = """
CREATE TABLE refs(
    id INTEGER PRIMARY KEY, label TEXT NOT NULL, sha256 TEXT NOT NULL UNIQUE,
    encoding BLOB NOT NULL, box TEXT NOT NULL, quality TEXT NOT NULL, added_at TEXT NOT NULL);
"""

# 3: selfies that were not used, kept with their verdict (no encoding) so they stay visible.
SCHEMA_3 = """
CREATE TABLE rejected_selfies(
    sha256 TEXT PRIMARY KEY, label TEXT NOT NULL, origin TEXT, verdict TEXT NOT NULL,
    assessed_at TEXT NOT NULL);
"""


SELFIE_TABLES = ("refs", "rejected_selfies")


@dataclass(frozen=True)
class ForgottenSelfie:
    """A removed selfie's stored rows, kept in memory so that the removal can be undone."""

    sha256: str
    rows: tuple[tuple[str, tuple[tuple[str, Any], ...]], ...]  # (table, ((column, value), ...))


def _coded(value: str) -> str:
    """SQL for the coded remark of one stored verdict line ``value`` (a JSON element).

    Verdicts were once stored as English sentences; these are the sentences that version wrote,
    matched once here so that no later code reads words. Elements already coded stay as they are.
    """
    v = f"{value}.value"
    number = f"substr({v}, instr({v}, '(') + 1)"
    nearest = f"substr({v}, instr({v}, '(nearest ') + 9)"
    cases = [
        (
            "cannot read this photo%",
            f"json_object('code', 'unreadable', 'text', nullif(ltrim(substr({v}, 23), ': '), ''))",
        ),
        ("no face found%", "json_object('code', 'no_face')"),
        ("% faces found%", f"json_object('code', 'several_faces', 'value', CAST({v} AS INTEGER))"),
        (
            "face too small (%",
            f"json_object('code', 'too_small', 'value', CAST(substr({v}, 17) AS INTEGER))",
        ),
        ("face is blurry%", "json_object('code', 'blurry')"),
        (
            "looks far apart from your other selfie (%",
            f"json_object('code', 'far_from_other', 'value', CAST({number} AS REAL))",
        ),
        (
            "looks far apart from your other selfies (%as you said%",
            f"json_object('code', 'far_but_all_me', 'value', CAST({number} AS REAL))",
        ),
        (
            "looks far apart from some of your other selfies (%",
            f"json_object('code', 'far_from_some', 'value', CAST({number} AS REAL))",
        ),
        (
            "does not look like your other selfies (nearest %",
            f"json_object('code', 'unlike_others', 'value', CAST({nearest} AS REAL))",
        ),
    ]
    whens = " ".join(f"WHEN {v} LIKE '{pattern}' THEN {sql}" for pattern, sql in cases)
    return (
        f"CASE WHEN {value}.type <> 'text' THEN json({v}) {whens}"
        f" ELSE json_object('code', 'other', 'text', {v}) END"
    )


def _recode_list(column: str, key: str) -> str:
    return (
        f"json_set({column}, '$.{key}', (SELECT json_group_array(json({_coded('e')}))"
        f" FROM json_each({column}, '$.{key}') AS e))"
    )


def _recode_one(column: str, key: str) -> str:
    return (
        f"json_set({column}, '$.{key}', (SELECT json({_coded('e')})"
        f" FROM json_each({column}, '$') AS e WHERE e.key = '{key}'))"
    )


# 4: selfie verdicts as codes ({"code": ..., "value": ...}) instead of English sentences, so
# they are shown in the language in force.
SCHEMA_4 = f"""
UPDATE refs SET quality = {_recode_list("quality", "notes")}
    WHERE json_valid(quality) AND json_type(quality, '$.notes') = 'array';
UPDATE rejected_selfies SET verdict = {_recode_list("verdict", "problems")}
    WHERE json_valid(verdict) AND json_type(verdict, '$.problems') = 'array';
UPDATE rejected_selfies SET verdict = {_recode_list("verdict", "notes")}
    WHERE json_valid(verdict) AND json_type(verdict, '$.notes') = 'array';
UPDATE rejected_selfies SET verdict = {_recode_one("verdict", "disagrees")}
    WHERE json_valid(verdict) AND json_type(verdict, '$.disagrees') = 'text';
"""


@dataclass(frozen=True)
class Reference:
    id: int
    label: str
    sha256: str
    encoding: np.ndarray
    box: Box
    quality: dict[str, Any]


@dataclass(frozen=True)
class RejectedSelfie:
    """A selfie that is not used, with its verdict; ``origin`` is the file it came from."""

    label: str
    sha256: str
    origin: str | None
    verdict: dict[str, Any]


class References:
    """The enrolled selfies' encodings; calling it lists them, oldest first."""

    def __init__(self, database: Database) -> None:
        self._db = database

    def __call__(self) -> list[Reference]:
        rows = self._db.execute(
            "SELECT id, label, sha256, encoding, box, quality FROM refs ORDER BY id"
        )
        return [
            Reference(
                id=row[0],
                label=row[1],
                sha256=row[2],
                encoding=np.frombuffer(row[3], dtype=np.float64),
                box=tuple(json.loads(row[4])),
                quality=json.loads(row[5]),
            )
            for row in rows
        ]

    def add(
        self, label: str, sha256: str, encoding: np.ndarray, box: Box, quality: dict[str, Any]
    ) -> int:
        blob = np.asarray(encoding, dtype=np.float64).tobytes()
        with self._db.transaction():
            cursor = self._db.execute(
                "INSERT INTO refs(label, sha256, encoding, box, quality, added_at)"
                " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(sha256) DO UPDATE SET"
                " label = excluded.label, encoding = excluded.encoding, box = excluded.box,"
                " quality = excluded.quality RETURNING id",
                (label, sha256, blob, json.dumps(list(box)), json.dumps(quality), now_iso()),
            )
            reference_id = int(cursor.fetchone()[0])
            self._db.execute("DELETE FROM rejected_selfies WHERE sha256 = ?", (sha256,))
            return reference_id

    def remove(self, reference_id: int) -> None:
        with self._db.transaction():
            self._db.execute("DELETE FROM refs WHERE id = ?", (reference_id,))

    def reject(
        self, label: str, sha256: str, verdict: dict[str, Any], origin: str | None = None
    ) -> None:
        """Keep a selfie's verdict without its encoding; it stops being a reference."""
        with self._db.transaction():
            self._db.execute("DELETE FROM refs WHERE sha256 = ?", (sha256,))
            self._db.execute(
                "INSERT INTO rejected_selfies(sha256, label, origin, verdict, assessed_at)"
                " VALUES (?, ?, ?, ?, ?) ON CONFLICT(sha256) DO UPDATE SET"
                " label = excluded.label, origin = coalesce(excluded.origin, origin),"
                " verdict = excluded.verdict, assessed_at = excluded.assessed_at",
                (sha256, label, origin, json.dumps(verdict), now_iso()),
            )

    def rejected(self) -> list[RejectedSelfie]:
        rows = self._db.execute(
            "SELECT label, sha256, origin, verdict FROM rejected_selfies ORDER BY assessed_at, label"
        )
        return [RejectedSelfie(r[0], r[1], r[2], json.loads(r[3])) for r in rows]

    def forget(self, sha256: str) -> ForgottenSelfie:
        """Remove a selfie whether it is used or not; what was removed, for ``put_back``."""
        rows: list[tuple[str, tuple[tuple[str, Any], ...]]] = []
        with self._db.transaction():
            for table in SELFIE_TABLES:
                cursor = self._db.execute(f"SELECT * FROM {table} WHERE sha256 = ?", (sha256,))
                names = [column[0] for column in cursor.description]
                rows += [(table, tuple(zip(names, row, strict=True))) for row in cursor]
                self._db.execute(f"DELETE FROM {table} WHERE sha256 = ?", (sha256,))
        return ForgottenSelfie(sha256, tuple(rows))

    def put_back(self, forgotten: ForgottenSelfie) -> None:
        """Undo ``forget``: the selfie's rows as they were (a selfie given again meanwhile wins)."""
        with self._db.transaction():
            for table, columns in forgotten.rows:
                if table not in SELFIE_TABLES:
                    raise ValueError(f"not a selfie table: {table}")
                names = ", ".join(f'"{name}"' for name, _value in columns)
                marks = ", ".join("?" for _column in columns)
                self._db.execute(
                    f"INSERT OR IGNORE INTO {table}({names}) VALUES({marks})",
                    [value for _name, value in columns],
                )

    def matrix(self) -> np.ndarray:
        refs = self()
        return np.stack([r.encoding for r in refs]) if refs else np.empty((0, 128))

    def key(self) -> str:
        """Changes whenever the set of references changes."""
        rows = self._db.execute("SELECT sha256 FROM refs ORDER BY sha256").fetchall()
        return ",".join(r[0] for r in rows)
