"""The audit facade: opening checks what it holds, and a run cut short is named so once."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from exposure_audit.audit.locking import lock_path
from exposure_audit.audit.store import Audit
from exposure_audit.errors import EnvironmentProblem
from exposure_audit.vocabulary import RunStatus


def run_status(audit: Audit, run_id: int) -> str:
    return str(audit.db.execute("SELECT status FROM runs WHERE id = ?", (run_id,)).fetchone()[0])


def test_a_run_left_running_is_interrupted_for_the_next_process_only(tmp_path: Path) -> None:
    path = tmp_path / "a.audit"
    with Audit.open(path) as audit:
        run = audit.start_run()
        with Audit.open(path) as beside:  # another thread of this process: the run goes on
            assert run_status(beside, run) == RunStatus.RUNNING
    with Audit.open(path) as audit:  # no one of this process had it open: the run died
        assert run_status(audit, run) == RunStatus.INTERRUPTED


def test_an_audit_refused_for_its_values_is_let_go(tmp_path: Path) -> None:
    path = tmp_path / "a.audit"
    Audit.open(path).close()
    with sqlite3.connect(path) as db:
        db.execute("INSERT INTO meta(key, value) VALUES ('threshold', 'inf')")
    db.close()
    with pytest.raises(EnvironmentProblem, match="match threshold"):
        Audit.open(path)
    assert not lock_path(path).exists()  # the lock went with it: it can be forgotten or fixed
