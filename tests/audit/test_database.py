"""The audit file: private, WAL, versioned, transactional; SQLite's errors sorted by their code.

An error is sorted by the result code SQLite gives, never by the words of its message.
"""

from __future__ import annotations

import sqlite3
import stat
from pathlib import Path

import pytest

from exposure_audit.audit.database import Database, explain
from exposure_audit.audit.store import MIGRATIONS, Audit
from exposure_audit.errors import EnvironmentProblem


def test_new_audit_is_private_and_in_wal_mode(tmp_path: Path) -> None:
    path = tmp_path / "nested" / "a.audit"
    with Audit.open(path) as audit:
        assert audit.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert audit.db.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700


def test_a_missing_audit_is_not_made_when_it_must_exist(tmp_path: Path) -> None:
    path = tmp_path / "a.audit"
    with pytest.raises(EnvironmentProblem, match="No audit at"):
        Audit.open(path, create=False)
    assert not path.exists()


def test_audit_from_a_newer_version_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "a.audit"
    Audit.open(path).close()
    with sqlite3.connect(path) as db:
        db.execute(f"PRAGMA user_version = {len(MIGRATIONS) + 5}")
    with pytest.raises(EnvironmentProblem, match="newer"):
        Audit.open(path)


def test_a_file_that_is_not_an_audit_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "photo.jpg"
    path.write_bytes(b"\xff\xd8\xff" + b"x" * 5000)
    with pytest.raises(EnvironmentProblem, match="not an Exposure Audit file"):
        Audit.open(path)


def test_failed_transaction_leaves_nothing(tmp_path: Path) -> None:
    def write_then_fail(audit: Audit) -> None:
        with audit.transaction():
            audit.db.execute("INSERT INTO identity(key, value) VALUES ('name', 'x')")
            raise RuntimeError("interrupted")

    with Audit.open(tmp_path / "a.audit") as audit:
        with pytest.raises(RuntimeError):
            write_then_fail(audit)
        assert audit.identity() == {}


def test_a_real_full_database_says_the_disk_is_full(tmp_path: Path) -> None:
    database = Database.open(tmp_path / "a.audit", MIGRATIONS)
    try:
        pages = database.execute("PRAGMA page_count").fetchone()[0]
        database.execute(
            f"PRAGMA max_page_count = {pages + 1}"
        )  # SQLite then fails as on a full disk
        with pytest.raises(EnvironmentProblem, match=r"is full\. Free some space"):
            _fill(database)
    finally:
        database.close()


def _fill(database: Database) -> None:
    with database.transaction() as db:
        db.execute("CREATE TABLE filler (blob BLOB)")
        for _ in range(50):
            db.execute("INSERT INTO filler VALUES (zeroblob(4096))")


def test_a_file_that_is_no_database_is_named_damaged(tmp_path: Path) -> None:
    path = tmp_path / "a.audit"
    path.write_bytes(b"not a database at all, " * 200)
    with pytest.raises(EnvironmentProblem, match="not an Exposure Audit file, or it is damaged"):
        Audit.open(path)


def test_a_locked_database_says_it_is_in_use(tmp_path: Path) -> None:
    path = tmp_path / "a.audit"
    with Audit.open(path):
        pass
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    try:
        busy = sqlite3.connect(path, timeout=0, isolation_level=None)
        with pytest.raises(sqlite3.OperationalError) as raised:
            busy.execute("BEGIN IMMEDIATE")  # a second writer, as another window would be
        busy.close()
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert "in use by another Exposure Audit window" in explain(raised.value, path)


def test_the_words_of_a_message_decide_nothing(tmp_path: Path) -> None:
    # A bug's message may contain "full" or "locked"; without SQLite's code it is not the machine.
    words_only = sqlite3.OperationalError("table full_names is locked in my head")
    said = explain(words_only, tmp_path / "a.audit")
    assert "is full" not in said
    assert "in use" not in said
    assert "could not be used: table full_names" in said
