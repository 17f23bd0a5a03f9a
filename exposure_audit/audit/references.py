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

    def forget(self, sha256: str) -> None:
        """Remove a selfie whether it is used or not."""
        with self._db.transaction():
            self._db.execute("DELETE FROM refs WHERE sha256 = ?", (sha256,))
            self._db.execute("DELETE FROM rejected_selfies WHERE sha256 = ?", (sha256,))

    def matrix(self) -> np.ndarray:
        refs = self()
        return np.stack([r.encoding for r in refs]) if refs else np.empty((0, 128))

    def key(self) -> str:
        """Changes whenever the set of references changes."""
        rows = self._db.execute("SELECT sha256 FROM refs ORDER BY sha256").fetchall()
        return ",".join(r[0] for r in rows)
