"""The audit file's one connection: opening, WAL, migrations, transactions, error translation."""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from exposure_audit.audit import companions, locking
from exposure_audit.audit.schema_check import check_schema, harden, statements
from exposure_audit.errors import EnvironmentProblem
from exposure_audit.i18n import _


def now_iso() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


class Database:
    """One open audit file. Every write goes through ``transaction``."""

    def __init__(self, path: Path, connection: sqlite3.Connection) -> None:
        self.path = path
        self.connection = connection
        self._locked = False
        self.first_opener = False  # no other connection of this process had the audit open

    @classmethod
    def open(cls, path: Path, migrations: Sequence[str], *, create: bool = True) -> Database:
        """Open (or create, owner-only) the file at ``path`` and bring its schema up to date.

        ``migrations[n]`` takes the schema from version n to n + 1.

        Raises:
            EnvironmentProblem: the file cannot be created, is not an audit, or is locked.
        """
        try:
            if not path.exists():
                if not create:
                    raise EnvironmentProblem(_("No audit at {path}.").format(path=path))
                _create_private_file(path)
            first = locking.acquire(path)  # one writer: another window is told it is in use
            connection = None
            try:
                companions.prepare(path)  # SQLite adopts what lies beside the audit: only ours
                connection = sqlite3.connect(path, timeout=5.0, isolation_level=None)
                database = cls(path, connection)
                database._verify(
                    migrations
                )  # before anything is written: it may come from elsewhere
                database._configure()
                companions.confirm(path)  # nothing planted while SQLite opened them
                database._migrate(migrations)
            except BaseException:
                if connection is not None:
                    connection.close()
                locking.release(path)
                raise
            database._locked = True
            database.first_opener = bool(first)
        except sqlite3.DatabaseError as exc:
            raise EnvironmentProblem(explain(exc, path)) from exc
        except OSError as exc:
            raise EnvironmentProblem(
                _("Cannot open the audit at {path}: {reason}.").format(
                    path=path, reason=exc.strerror
                )
            ) from exc
        return database

    def close(self) -> None:
        self.connection.close()
        if self._locked:
            self._locked = False
            locking.release(self.path)

    def execute(self, sql: str, args: Sequence[Any] = ()) -> sqlite3.Cursor:
        """One statement: a read, or a write inside ``transaction``."""
        return self.connection.execute(sql, args)

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> sqlite3.Cursor:
        """One statement per row, inside ``transaction``."""
        return self.connection.executemany(sql, rows)

    def _verify(self, migrations: Sequence[str]) -> None:
        harden(self.connection)
        version = self.connection.execute("PRAGMA user_version").fetchone()[0]
        if version <= len(migrations):  # a newer version is refused by _migrate
            check_schema(self.connection, list(migrations), version, self.path)

    def _configure(self) -> None:
        self.connection.execute("PRAGMA foreign_keys = ON")
        self.connection.execute("PRAGMA journal_mode = WAL")
        self.connection.execute("PRAGMA synchronous = NORMAL")
        self.connection.execute("PRAGMA secure_delete = ON")

    def _migrate(self, migrations: Sequence[str]) -> None:
        version = self.connection.execute("PRAGMA user_version").fetchone()[0]
        if version > len(migrations):
            raise EnvironmentProblem(
                _("The audit {path} was written by a newer Exposure Audit; update the app.").format(
                    path=self.path
                )
            )
        for number in range(version, len(migrations)):
            with self.transaction() as db:
                for statement in statements(migrations[number]):
                    db.execute(statement)
                db.execute(f"PRAGMA user_version = {number + 1}")

    @contextlib.contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """A write transaction: committed whole, or rolled back whole."""
        db = self.connection
        try:
            db.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            raise EnvironmentProblem(explain(exc, self.path)) from exc
        try:
            yield db
        except sqlite3.OperationalError as exc:
            with contextlib.suppress(sqlite3.Error):  # SQLite may have rolled back already
                db.execute("ROLLBACK")
            if _is_environmental(exc):  # disk full, read-only, locked: the user can act on it
                raise EnvironmentProblem(explain(exc, self.path)) from exc
            raise
        except BaseException:
            with contextlib.suppress(sqlite3.Error):
                db.execute("ROLLBACK")
            raise
        try:
            db.execute("COMMIT")
        except sqlite3.OperationalError as exc:
            with contextlib.suppress(sqlite3.Error):
                db.execute("ROLLBACK")
            raise EnvironmentProblem(explain(exc, self.path)) from exc


def _create_private_file(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    os.close(fd)


# SQLite's primary result codes (the low byte of an extended code; fixed by SQLite's C API)
# that name the machine's state rather than a fault in the audit or in the code.
SQLITE_PERM, SQLITE_BUSY, SQLITE_LOCKED, SQLITE_READONLY, SQLITE_IOERR = 3, 5, 6, 8, 10
SQLITE_CORRUPT, SQLITE_FULL, SQLITE_CANTOPEN, SQLITE_NOTADB = 11, 13, 14, 26
_IN_USE = {SQLITE_BUSY, SQLITE_LOCKED}
_READ_ONLY = {SQLITE_READONLY, SQLITE_PERM}
_DISK_FULL = {SQLITE_FULL}
_DAMAGED = {SQLITE_NOTADB, SQLITE_CORRUPT}
_MACHINE = _IN_USE | _READ_ONLY | _DISK_FULL | {SQLITE_IOERR, SQLITE_CANTOPEN}


def _primary_code(exc: sqlite3.Error) -> int | None:
    code = getattr(exc, "sqlite_errorcode", None)
    return code & 0xFF if isinstance(code, int) else None


def _is_environmental(exc: sqlite3.Error) -> bool:
    return _primary_code(exc) in _MACHINE


def explain(exc: sqlite3.Error, path: Path) -> str:
    """What a database error means for the user, in one sentence."""
    code = _primary_code(exc)
    if code in _IN_USE:
        said = _(
            "The audit {path} is in use by another Exposure Audit window or process. "
            "Close it and retry."
        )
    elif code in _READ_ONLY:
        said = _("The audit {path} is read-only. Check its permissions or open a copy.")
    elif code in _DISK_FULL:
        said = _("The disk holding {path} is full. Free some space; the audit is unchanged.")
    elif code in _DAMAGED:
        said = _("{path} is not an Exposure Audit file, or it is damaged.")
    else:
        said = _("The audit {path} could not be used: {reason}.")
    return said.format(path=path, reason=exc)
