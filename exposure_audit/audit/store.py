"""The audit: one private SQLite file with references, sources, photos, faces and decisions."""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import numpy as np

from exposure_audit.audit import locking
from exposure_audit.audit.schema_check import check_schema, harden
from exposure_audit.errors import EnvironmentProblem
from exposure_audit.faces.detection import DEFAULT_THRESHOLD, Box, band_for
from exposure_audit.vocabulary import Decision, RunStatus

MIGRATIONS: list[str] = [
    # 1: the first schema.
    """
    CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
    CREATE TABLE refs(
        id INTEGER PRIMARY KEY, label TEXT NOT NULL, sha256 TEXT NOT NULL UNIQUE,
        encoding BLOB NOT NULL, box TEXT NOT NULL, quality TEXT NOT NULL, added_at TEXT NOT NULL);
    CREATE TABLE sources(
        id INTEGER PRIMARY KEY, path TEXT NOT NULL UNIQUE, kind TEXT NOT NULL, platform TEXT,
        photo_count INTEGER, added_at TEXT NOT NULL, last_scanned_at TEXT, account TEXT);
    CREATE TABLE items(
        id INTEGER PRIMARY KEY, sha256 TEXT NOT NULL UNIQUE, format TEXT, size INTEGER NOT NULL,
        width INTEGER, height INTEGER, status TEXT NOT NULL CHECK (status IN ('done', 'error')),
        error TEXT, detector TEXT, refs_key TEXT, exif TEXT, analysed_at TEXT NOT NULL);
    CREATE TABLE locations(
        id INTEGER PRIMARY KEY,
        source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
        location TEXT NOT NULL, fingerprint TEXT NOT NULL,
        item_id INTEGER REFERENCES items(id) ON DELETE SET NULL,
        status TEXT NOT NULL CHECK (status IN ('image', 'not_image', 'error')),
        error TEXT, context TEXT, seen_run INTEGER,
        UNIQUE (source_id, location));
    CREATE INDEX locations_item ON locations(item_id);
    CREATE TABLE faces(
        id INTEGER PRIMARY KEY, item_id INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
        top INTEGER NOT NULL, right INTEGER NOT NULL, bottom INTEGER NOT NULL, left INTEGER NOT NULL,
        distance REAL, band TEXT);
    CREATE INDEX faces_item ON faces(item_id);
    CREATE INDEX faces_distance ON faces(distance);
    CREATE TABLE decisions(
        face_id INTEGER PRIMARY KEY REFERENCES faces(id) ON DELETE CASCADE,
        decision TEXT NOT NULL CHECK (decision IN ('me', 'not_me')), decided_at TEXT NOT NULL);
    CREATE TABLE thumbnails(
        item_id INTEGER PRIMARY KEY REFERENCES items(id) ON DELETE CASCADE, jpeg BLOB NOT NULL);
    CREATE TABLE runs(
        id INTEGER PRIMARY KEY, started_at TEXT NOT NULL, finished_at TEXT,
        status TEXT NOT NULL, seen INTEGER DEFAULT 0, analysed INTEGER DEFAULT 0,
        problems INTEGER DEFAULT 0);
    CREATE TABLE problems(
        id INTEGER PRIMARY KEY, run_id INTEGER REFERENCES runs(id) ON DELETE CASCADE,
        source_id INTEGER REFERENCES sources(id) ON DELETE CASCADE,
        location TEXT NOT NULL, message TEXT NOT NULL, at TEXT NOT NULL);
    CREATE TABLE linked_media(
        id INTEGER PRIMARY KEY, source_id INTEGER REFERENCES sources(id) ON DELETE CASCADE,
        platform TEXT NOT NULL, url TEXT NOT NULL, taken_at TEXT, kind TEXT, description TEXT,
        UNIQUE (source_id, url));
    CREATE TABLE identity(key TEXT PRIMARY KEY, value TEXT NOT NULL);
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
    """,
    # 2: a UK complaint to the controller (s. 164A DPA 2018) comes before one to the ICO; the
    # sources an erasure request knew of, so a later export can show what was deleted.
    """
    ALTER TABLE requests ADD COLUMN controller_complaint_on TEXT;
    ALTER TABLE requests ADD COLUMN sources_seen INTEGER NOT NULL DEFAULT 0;
    """,
    # 3: selfies that were not used, kept with their verdict (no encoding) so they stay visible.
    """
    CREATE TABLE rejected_selfies(
        sha256 TEXT PRIMARY KEY, label TEXT NOT NULL, origin TEXT, verdict TEXT NOT NULL,
        assessed_at TEXT NOT NULL);
    """,
]


def now_iso() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


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


@dataclass(frozen=True)
class SourceRow:
    id: int
    path: str
    kind: str
    platform: str | None
    photo_count: int | None
    last_scanned_at: str | None


@dataclass(frozen=True)
class KnownLocation:
    fingerprint: str
    status: str
    item_id: int | None
    item_current: bool
    context: str | None


@dataclass(frozen=True)
class FindingRow:
    """One matched face at one location, with the photo's context."""

    face_id: int
    item_id: int
    sha256: str
    source: str
    location: str
    distance: float
    band: str
    box: Box
    decision: Decision | None
    format: str | None
    width: int | None
    height: int | None
    context: dict[str, Any]


@dataclass(frozen=True)
class LocationRecord:
    source_id: int
    location: str
    fingerprint: str
    status: str
    run_id: int
    context: str | None = None
    item_id: int | None = None
    error: str | None = None

    def with_item(self, item_id: int) -> LocationRecord:
        return LocationRecord(
            self.source_id,
            self.location,
            self.fingerprint,
            self.status,
            self.run_id,
            self.context,
            item_id,
            self.error,
        )


@dataclass(frozen=True)
class ItemRecord:
    sha256: str
    size: int
    status: str
    refs_key: str
    detector: str
    format: str | None = None
    width: int | None = None
    height: int | None = None
    error: str | None = None
    faces: list[tuple[Box, float | None]] = field(default_factory=list)
    exif: dict[str, Any] | None = None


class Audit:
    """One audit file. Use one instance per thread; every write runs in a transaction."""

    def __init__(self, path: Path, connection: sqlite3.Connection) -> None:
        self.path = path
        self.db = connection
        self._locked = False

    @classmethod
    def open(cls, path: str | os.PathLike[str], *, create: bool = True) -> Audit:
        """Open (or create, owner-only) the audit at ``path`` and bring its schema up to date.

        Raises:
            EnvironmentProblem: the file cannot be created, is not an audit, or is locked.
        """
        path = Path(path)
        try:
            if not path.exists():
                if not create:
                    raise EnvironmentProblem(f"No audit at {path}.")
                _create_private_file(path)
            first = locking.acquire(path)  # one writer: another window is told it is in use
            connection = None
            try:
                connection = sqlite3.connect(path, timeout=5.0, isolation_level=None)
                audit = cls(path, connection)
                audit._verify()  # before anything is written: an audit may come from elsewhere
                audit._configure()
                audit._migrate()
                if first:  # no scan of this process is running: any "running" one died
                    audit._mark_interrupted()
            except BaseException:
                if connection is not None:
                    connection.close()
                locking.release(path)
                raise
            audit._locked = True
        except sqlite3.DatabaseError as exc:
            raise EnvironmentProblem(_explain(exc, path)) from exc
        except OSError as exc:
            raise EnvironmentProblem(f"Cannot open the audit at {path}: {exc.strerror}.") from exc
        return audit

    def close(self) -> None:
        self.db.close()
        if self._locked:
            self._locked = False
            locking.release(self.path)

    def __enter__(self) -> Audit:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _verify(self) -> None:
        harden(self.db)
        version = self.db.execute("PRAGMA user_version").fetchone()[0]
        if version <= len(MIGRATIONS):  # a newer version is refused by _migrate
            check_schema(self.db, MIGRATIONS, version, self.path)

    def _mark_interrupted(self) -> None:
        running = (RunStatus.RUNNING,)
        if self.db.execute("SELECT 1 FROM runs WHERE status = ? LIMIT 1", running).fetchone():
            with self.transaction():
                self.db.execute(
                    "UPDATE runs SET status = ?, finished_at = COALESCE(finished_at, ?)"
                    " WHERE status = ?",
                    (RunStatus.INTERRUPTED, now_iso(), RunStatus.RUNNING),
                )

    def _configure(self) -> None:
        self.db.execute("PRAGMA foreign_keys = ON")
        self.db.execute("PRAGMA journal_mode = WAL")
        self.db.execute("PRAGMA synchronous = NORMAL")
        self.db.execute("PRAGMA secure_delete = ON")

    def _migrate(self) -> None:
        version = self.db.execute("PRAGMA user_version").fetchone()[0]
        if version > len(MIGRATIONS):
            raise EnvironmentProblem(
                f"The audit {self.path} was written by a newer Exposure Audit; update the app."
            )
        for number in range(version, len(MIGRATIONS)):
            with self.transaction():
                for statement in _statements(MIGRATIONS[number]):
                    self.db.execute(statement)
                self.db.execute(f"PRAGMA user_version = {number + 1}")

    @contextlib.contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """A write transaction: committed whole, or rolled back whole."""
        try:
            self.db.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            raise EnvironmentProblem(_explain(exc, self.path)) from exc
        try:
            yield self.db
        except sqlite3.OperationalError as exc:
            with contextlib.suppress(sqlite3.Error):  # SQLite may have rolled back already
                self.db.execute("ROLLBACK")
            if _is_environmental(exc):  # disk full, read-only, locked: the user can act on it
                raise EnvironmentProblem(_explain(exc, self.path)) from exc
            raise
        except BaseException:
            with contextlib.suppress(sqlite3.Error):
                self.db.execute("ROLLBACK")
            raise
        try:
            self.db.execute("COMMIT")
        except sqlite3.OperationalError as exc:
            with contextlib.suppress(sqlite3.Error):
                self.db.execute("ROLLBACK")
            raise EnvironmentProblem(_explain(exc, self.path)) from exc

    # -- settings -----------------------------------------------------------------------------

    def setting(self, key: str, default: str | None = None) -> str | None:
        row = self.db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else default

    def set_setting(self, key: str, value: str) -> None:
        with self.transaction():
            self.db.execute("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", (key, value))

    @property
    def threshold(self) -> float:
        return float(self.setting("threshold") or DEFAULT_THRESHOLD)

    def set_threshold(self, threshold: float) -> None:
        if not 0.2 <= threshold <= 0.8:
            raise ValueError("the match threshold must lie between 0.2 and 0.8")
        self.set_setting("threshold", repr(threshold))
        self.refresh_bands()

    def refresh_bands(self) -> None:
        rows = self.db.execute("SELECT id, distance FROM faces").fetchall()
        with self.transaction():
            self.db.executemany(
                "UPDATE faces SET band = ? WHERE id = ?",
                [(band_for(distance, self.threshold), face_id) for face_id, distance in rows],
            )

    # -- references ---------------------------------------------------------------------------

    def add_reference(
        self, label: str, sha256: str, encoding: np.ndarray, box: Box, quality: dict[str, Any]
    ) -> int:
        blob = np.asarray(encoding, dtype=np.float64).tobytes()
        with self.transaction():
            cursor = self.db.execute(
                "INSERT INTO refs(label, sha256, encoding, box, quality, added_at)"
                " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(sha256) DO UPDATE SET"
                " label = excluded.label, encoding = excluded.encoding, box = excluded.box,"
                " quality = excluded.quality RETURNING id",
                (label, sha256, blob, json.dumps(list(box)), json.dumps(quality), now_iso()),
            )
            self.db.execute("DELETE FROM rejected_selfies WHERE sha256 = ?", (sha256,))
            return int(cursor.fetchone()[0])

    def remove_reference(self, reference_id: int) -> None:
        with self.transaction():
            self.db.execute("DELETE FROM refs WHERE id = ?", (reference_id,))

    def reject_selfie(
        self, label: str, sha256: str, verdict: dict[str, Any], origin: str | None = None
    ) -> None:
        """Keep a selfie's verdict without its encoding; it stops being a reference."""
        with self.transaction():
            self.db.execute("DELETE FROM refs WHERE sha256 = ?", (sha256,))
            self.db.execute(
                "INSERT INTO rejected_selfies(sha256, label, origin, verdict, assessed_at)"
                " VALUES (?, ?, ?, ?, ?) ON CONFLICT(sha256) DO UPDATE SET"
                " label = excluded.label, origin = coalesce(excluded.origin, origin),"
                " verdict = excluded.verdict, assessed_at = excluded.assessed_at",
                (sha256, label, origin, json.dumps(verdict), now_iso()),
            )

    def rejected_selfies(self) -> list[RejectedSelfie]:
        rows = self.db.execute(
            "SELECT label, sha256, origin, verdict FROM rejected_selfies ORDER BY assessed_at, label"
        )
        return [RejectedSelfie(r[0], r[1], r[2], json.loads(r[3])) for r in rows]

    def forget_selfie(self, sha256: str) -> None:
        """Remove a selfie whether it is used or not."""
        with self.transaction():
            self.db.execute("DELETE FROM refs WHERE sha256 = ?", (sha256,))
            self.db.execute("DELETE FROM rejected_selfies WHERE sha256 = ?", (sha256,))

    def references(self) -> list[Reference]:
        rows = self.db.execute(
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

    def reference_matrix(self) -> np.ndarray:
        refs = self.references()
        return np.stack([r.encoding for r in refs]) if refs else np.empty((0, 128))

    def references_key(self) -> str:
        """Changes whenever the set of references changes."""
        rows = self.db.execute("SELECT sha256 FROM refs ORDER BY sha256").fetchall()
        return ",".join(r[0] for r in rows)

    # -- sources ------------------------------------------------------------------------------

    def add_source(self, path: str, kind: str) -> int:
        with self.transaction():
            cursor = self.db.execute(
                "INSERT INTO sources(path, kind, added_at) VALUES (?, ?, ?)"
                " ON CONFLICT(path) DO UPDATE SET kind = excluded.kind RETURNING id",
                (path, kind, now_iso()),
            )
            return int(cursor.fetchone()[0])

    def remove_source(self, source_id: int) -> None:
        with self.transaction():
            self.db.execute("DELETE FROM sources WHERE id = ?", (source_id,))
            self._drop_orphan_items()

    def sources(self) -> list[SourceRow]:
        rows = self.db.execute(
            "SELECT id, path, kind, platform, photo_count, last_scanned_at FROM sources ORDER BY id"
        )
        return [SourceRow(*row) for row in rows]

    def set_source_account(self, source_id: int, platform: str, account: dict[str, str]) -> None:
        """Remember the account identifiers an export names (for identifying oneself in letters)."""
        with self.transaction():
            self.db.execute(
                "UPDATE sources SET account = ? WHERE id = ?",
                (json.dumps({"platform": platform, **account}, ensure_ascii=False), source_id),
            )

    def accounts(self) -> list[dict[str, str]]:
        """The account identifiers of every source that named some, each with its platform."""
        rows = self.db.execute("SELECT account FROM sources WHERE account IS NOT NULL ORDER BY id")
        return [json.loads(row[0]) for row in rows]

    def known_locations(self, source_id: int, refs_key: str) -> dict[str, KnownLocation]:
        """What the last scans learnt about each location of a source.

        ``item_current`` is true when the photo's analysis stands (see ``CURRENT_SQL``).
        """
        rows = self.db.execute(
            f"SELECT l.location, l.fingerprint, l.status, l.item_id, {CURRENT_SQL}, l.context"
            " FROM locations l LEFT JOIN items i ON i.id = l.item_id WHERE l.source_id = ?",
            (refs_key, self.threshold, source_id),
        )
        return {row[0]: KnownLocation(row[1], row[2], row[3], bool(row[4]), row[5]) for row in rows}

    def _drop_orphan_items(self) -> None:
        self.db.execute(
            "DELETE FROM items WHERE NOT EXISTS"
            " (SELECT 1 FROM locations l WHERE l.item_id = items.id)"
        )

    # -- scan bookkeeping -------------------------------------------------------------------

    def start_run(self) -> int:
        with self.transaction():
            cursor = self.db.execute(
                "INSERT INTO runs(started_at, status) VALUES (?, ?) RETURNING id",
                (now_iso(), RunStatus.RUNNING),
            )
            return int(cursor.fetchone()[0])

    def finish_run(self, run_id: int, status: str, seen: int, analysed: int, problems: int) -> None:
        with self.transaction():
            self.db.execute(
                "UPDATE runs SET finished_at = ?, status = ?, seen = ?, analysed = ?, problems = ?"
                " WHERE id = ?",
                (now_iso(), status, seen, analysed, problems, run_id),
            )

    def add_problem(self, run_id: int, source_id: int | None, location: str, message: str) -> None:
        with self.transaction():
            self.db.execute(
                "INSERT INTO problems(run_id, source_id, location, message, at) VALUES (?, ?, ?, ?, ?)",
                (run_id, source_id, location, message, now_iso()),
            )

    def record_location(self, place: LocationRecord) -> None:
        with self.transaction():
            self._upsert_location(place)

    def _upsert_location(self, place: LocationRecord) -> None:
        self.db.execute(
            "INSERT INTO locations(source_id, location, fingerprint, item_id, status, error, context,"
            " seen_run) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(source_id, location) DO UPDATE SET"
            " fingerprint = excluded.fingerprint, item_id = excluded.item_id,"
            " status = excluded.status, error = excluded.error, context = excluded.context,"
            " seen_run = excluded.seen_run",
            (
                place.source_id,
                place.location,
                place.fingerprint,
                place.item_id,
                place.status,
                place.error,
                place.context,
                place.run_id,
            ),
        )

    def mark_seen(self, run_id: int, source_id: int, contexts: dict[str, str | None]) -> None:
        """Mark unchanged locations as seen by this run, with their context as read now."""
        with self.transaction():
            self.db.executemany(
                "UPDATE locations SET seen_run = ?, context = ? WHERE source_id = ? AND location = ?",
                [(run_id, ctx, source_id, loc) for loc, ctx in contexts.items()],
            )

    def forget_unseen(self, source_id: int, run_id: int) -> int:
        """Drop the locations a complete scan of a source no longer found (deleted files),
        and photos found nowhere else. Returns how many locations went."""
        with self.transaction():
            gone = self.db.execute(
                "DELETE FROM locations WHERE source_id = ? AND seen_run IS NOT ?",
                (source_id, run_id),
            ).rowcount
            if gone:
                self._drop_orphan_items()
        return int(gone)

    def item_for_hash(self, sha256: str, refs_key: str) -> tuple[int, bool] | None:
        """(item id, whether its analysis stands) for a known photo."""
        row = self.db.execute(
            f"SELECT i.id, {CURRENT_SQL} FROM items i WHERE i.sha256 = ?",
            (refs_key, self.threshold, sha256),
        ).fetchone()
        return (row[0], bool(row[1])) if row else None

    def record_item(self, item: ItemRecord, places: list[LocationRecord]) -> int:
        """Store an analysed photo, its faces and every location it was found at, atomically.

        When the photo was analysed before (references changed), faces keep their ids, so
        decisions stay attached to them.
        """
        with self.transaction():
            cursor = self.db.execute(
                "INSERT INTO items(sha256, format, size, width, height, status, error, detector,"
                " refs_key, exif, analysed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                " ON CONFLICT(sha256) DO UPDATE SET format = excluded.format,"
                " width = excluded.width, height = excluded.height, status = excluded.status,"
                " error = excluded.error, detector = excluded.detector,"
                " refs_key = excluded.refs_key, exif = excluded.exif,"
                " analysed_at = excluded.analysed_at RETURNING id",
                (
                    item.sha256,
                    item.format,
                    item.size,
                    item.width,
                    item.height,
                    item.status,
                    item.error,
                    item.detector,
                    item.refs_key,
                    json.dumps(item.exif) if item.exif else None,
                    now_iso(),
                ),
            )
            item_id = int(cursor.fetchone()[0])
            self._store_faces(item_id, item.faces)
            for place in places:
                self._upsert_location(place.with_item(item_id))
        return item_id

    def _store_faces(self, item_id: int, faces: list[tuple[Box, float | None]]) -> None:
        existing = {
            (r[1], r[2], r[3], r[4]): r[0]
            for r in self.db.execute(
                "SELECT id, top, right, bottom, left FROM faces WHERE item_id = ?", (item_id,)
            )
        }
        threshold = self.threshold
        for box, distance in faces:
            band = band_for(distance, threshold)
            if box in existing:
                self.db.execute(
                    "UPDATE faces SET distance = ?, band = ? WHERE id = ?",
                    (distance, band, existing.pop(box)),
                )
            else:
                self.db.execute(
                    "INSERT INTO faces(item_id, top, right, bottom, left, distance, band)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (item_id, *box, distance, band),
                )
        for stale in existing.values():
            self.db.execute("DELETE FROM faces WHERE id = ?", (stale,))

    def update_source(self, source_id: int, platform: str | None, photo_count: int) -> None:
        with self.transaction():
            self.db.execute(
                "UPDATE sources SET platform = ?, photo_count = ?, last_scanned_at = ? WHERE id = ?",
                (platform, photo_count, now_iso(), source_id),
            )

    def exports_added_since(self, moment: str) -> list[tuple[SourceRow, str]]:
        """Scanned sources added at or after ``moment`` (ISO time), with when each was added."""
        rows = self.db.execute(
            "SELECT id, path, kind, platform, photo_count, last_scanned_at, added_at FROM sources"
            " WHERE added_at >= ? AND last_scanned_at IS NOT NULL ORDER BY added_at",
            (moment,),
        )
        return [(SourceRow(*row[:6]), row[6]) for row in rows]

    def hashes_in_source(self, source_id: int) -> set[str]:
        """SHA-256 of every photo a source holds."""
        rows = self.db.execute(
            "SELECT items.sha256 FROM locations JOIN items ON items.id = locations.item_id"
            " WHERE locations.source_id = ?",
            (source_id,),
        )
        return {row[0] for row in rows}

    def add_linked_media(
        self, source_id: int, rows: list[tuple[str, str, str | None, str | None, str | None]]
    ) -> None:
        """Record media an export only links to: (platform, url, taken_at, kind, description)."""
        with self.transaction():
            self.db.executemany(
                "INSERT OR IGNORE INTO linked_media(source_id, platform, url, taken_at, kind, description)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                [(source_id, *row) for row in rows],
            )

    def linked_media(self) -> list[dict[str, str | None]]:
        """Media the exports only link to: platform, url, taken_at, kind, description."""
        keys = ("platform", "url", "taken_at", "kind", "description")
        rows = self.db.execute(f"SELECT {', '.join(keys)} FROM linked_media ORDER BY id")
        return [dict(zip(keys, row, strict=True)) for row in rows]

    def locations_of(self, item_id: int) -> list[tuple[str, str]]:
        """(source path, location) of every place a photo was found."""
        rows = self.db.execute(
            "SELECT s.path, l.location FROM locations l JOIN sources s ON s.id = l.source_id"
            " WHERE l.item_id = ? ORDER BY l.id",
            (item_id,),
        )
        return [(r[0], r[1]) for r in rows]

    # -- findings -----------------------------------------------------------------------------

    def findings(
        self, *, threshold: float | None = None, decision: Decision | None = None
    ) -> list[FindingRow]:
        """Every matched face at every location, nearest first; only those with ``decision``."""
        limit = self.threshold if threshold is None else threshold
        sql = FINDINGS_SQL + " WHERE f.distance <= ?"
        args: list[Any] = [limit]
        if decision is not None:
            undecided = decision == Decision.UNDECIDED
            sql += " AND d.decision IS NULL" if undecided else " AND d.decision = ?"
            args += [] if undecided else [Decision(decision)]
        sql += " ORDER BY f.distance, l.id"
        return [_finding(row, limit) for row in self.db.execute(sql, args)]

    def findings_of_item(self, item_id: int) -> list[FindingRow]:
        limit = self.threshold
        sql = FINDINGS_SQL + " WHERE i.id = ? AND f.distance <= ? ORDER BY f.distance, l.id"
        return [_finding(row, limit) for row in self.db.execute(sql, (item_id, limit))]

    def finding_count(self) -> int:
        return int(
            self.db.execute(
                "SELECT count(*) FROM faces f JOIN locations l ON l.item_id = f.item_id"
                " WHERE f.distance <= ?",
                (self.threshold,),
            ).fetchone()[0]
        )

    def set_decision(self, face_id: int, decision: Decision | None) -> None:
        """Record the user's decision on a face; None (or undecided) clears it."""
        with self.transaction():
            if decision is None or decision == Decision.UNDECIDED:
                self.db.execute("DELETE FROM decisions WHERE face_id = ?", (face_id,))
            else:
                self.db.execute(
                    "INSERT OR REPLACE INTO decisions(face_id, decision, decided_at) VALUES (?, ?, ?)",
                    (face_id, Decision(decision), now_iso()),
                )
            if decision == Decision.NOT_ME:  # its thumbnail showed this face sharp: made again
                self.db.execute(
                    "DELETE FROM thumbnails WHERE item_id = (SELECT item_id FROM faces WHERE id = ?)",
                    (face_id,),
                )

    def faces_of(self, item_id: int) -> list[tuple[int, Box, float | None]]:
        rows = self.db.execute(
            "SELECT id, top, right, bottom, left, distance FROM faces WHERE item_id = ? ORDER BY id",
            (item_id,),
        )
        return [(r[0], (r[1], r[2], r[3], r[4]), r[5]) for r in rows]

    def problems(self, run_id: int | None = None) -> list[tuple[str, str, str]]:
        """(source path, location, message) of recorded problems, newest run by default."""
        if run_id is None:
            row = self.db.execute("SELECT max(id) FROM runs").fetchone()
            run_id = row[0]
        rows = self.db.execute(
            "SELECT s.path, p.location, p.message FROM problems p"
            " LEFT JOIN sources s ON s.id = p.source_id WHERE p.run_id = ? ORDER BY p.id",
            (run_id,),
        )
        return [(r[0] or "", r[1], r[2]) for r in rows]

    def stats(self) -> dict[str, int]:
        one = self.db.execute
        return {
            "sources": one("SELECT count(*) FROM sources").fetchone()[0],
            "locations": one("SELECT count(*) FROM locations WHERE status = 'image'").fetchone()[0],
            "photos": one("SELECT count(*) FROM items WHERE status = 'done'").fetchone()[0],
            "unreadable": one(
                "SELECT count(*) FROM locations l LEFT JOIN items i ON i.id = l.item_id"
                " WHERE l.status = 'error' OR i.status = 'error'"
            ).fetchone()[0],
            "faces": one("SELECT count(*) FROM faces").fetchone()[0],
            "findings": self.finding_count(),
        }

    # -- thumbnails (private to the audit, never in shared caches) -------------------------

    def thumbnail(self, item_id: int) -> bytes | None:
        row = self.db.execute(
            "SELECT jpeg FROM thumbnails WHERE item_id = ?", (item_id,)
        ).fetchone()
        return bytes(row[0]) if row else None

    def set_thumbnail(self, item_id: int, jpeg: bytes) -> None:
        with self.transaction():
            self.db.execute(
                "INSERT OR REPLACE INTO thumbnails(item_id, jpeg) VALUES (?, ?)", (item_id, jpeg)
            )

    # -- identity (for letters) -------------------------------------------------------------

    def identity(self) -> dict[str, str]:
        return dict(self.db.execute("SELECT key, value FROM identity").fetchall())

    def set_identity(self, values: dict[str, str]) -> None:
        with self.transaction():
            for key, value in values.items():
                self.db.execute(
                    "INSERT OR REPLACE INTO identity(key, value) VALUES (?, ?)", (key, value)
                )


# A photo's analysis stands when it failed for good, or was made against the current references
# and does not leave faces unmeasured (they are, once the user is found in a photo) after the
# user rejected every match in it: then the other faces may be the user after all.
CURRENT_SQL = """(i.status = 'error' OR (i.refs_key IS ? AND NOT (
    EXISTS (SELECT 1 FROM faces u WHERE u.item_id = i.id AND u.distance IS NULL)
    AND NOT EXISTS (
        SELECT 1 FROM faces m LEFT JOIN decisions d ON d.face_id = m.id
        WHERE m.item_id = i.id AND m.distance <= ? AND d.decision IS NOT 'not_me'))))"""

FINDINGS_SQL = """
SELECT f.id, i.id, i.sha256, s.path, l.location, f.distance, f.top, f.right, f.bottom, f.left,
       d.decision, i.format, i.width, i.height, l.context, i.exif
FROM faces f
JOIN items i ON i.id = f.item_id
JOIN locations l ON l.item_id = i.id
JOIN sources s ON s.id = l.source_id
LEFT JOIN decisions d ON d.face_id = f.id
"""


def _finding(row: tuple[Any, ...], threshold: float) -> FindingRow:
    return FindingRow(
        face_id=row[0],
        item_id=row[1],
        sha256=row[2],
        source=row[3],
        location=row[4],
        distance=row[5],
        band=band_for(row[5], threshold) or "none",
        box=(row[6], row[7], row[8], row[9]),
        decision=Decision(row[10]) if row[10] else None,
        format=row[11],
        width=row[12],
        height=row[13],
        context=_with_exif(json.loads(row[14]) if row[14] else {}, row[15]),
    )


def _with_exif(context: dict[str, Any], exif: str | None) -> dict[str, Any]:
    """The export's context, with time and place from the photo's EXIF where it says nothing."""
    if not exif:
        return context
    merged = dict(context)
    for key, value in json.loads(exif).items():
        if merged.get(key) is None:
            merged[key] = value
    return merged


def _statements(script: str) -> list[str]:
    return [s.strip() for s in script.split(";") if s.strip()]


def _create_private_file(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    os.close(fd)


def _is_environmental(exc: sqlite3.Error) -> bool:
    text = str(exc).lower()
    return any(
        word in text
        for word in (
            "locked",
            "busy",
            "readonly",
            "read-only",
            "full",
            "disk i/o",
            "unable to open",
        )
    )


def _explain(exc: sqlite3.Error, path: Path) -> str:
    text = str(exc).lower()
    if "locked" in text or "busy" in text:
        return f"The audit {path} is in use by another Exposure Audit window or process. Close it and retry."
    if "readonly" in text or "read-only" in text:
        return f"The audit {path} is read-only. Check its permissions or open a copy."
    if "full" in text:
        return f"The disk holding {path} is full. Free some space; the audit is unchanged."
    if "not a database" in text or "malformed" in text:
        return f"{path} is not an Exposure Audit file, or it is damaged."
    return f"The audit {path} could not be used: {exc}."
