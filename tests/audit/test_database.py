"""SQLite's errors are sorted by the result code SQLite gives, never by the words of its message."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from exposure_audit.audit.database import Database, explain
from exposure_audit.audit.store import MIGRATIONS, Audit
from exposure_audit.errors import EnvironmentProblem


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
