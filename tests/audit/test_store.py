"""The audit file: private, WAL, versioned, transactional, wiped on request."""

from __future__ import annotations

import sqlite3
import stat
from pathlib import Path

import numpy as np
import pytest

from exposure_audit.actions import forget as forget_audit
from exposure_audit.audit.store import MIGRATIONS, Audit
from exposure_audit.errors import EnvironmentProblem, UserMistake
from exposure_audit.storage import cache_dir_for


def test_new_audit_is_private_and_in_wal_mode(tmp_path: Path) -> None:
    path = tmp_path / "nested" / "a.audit"
    with Audit.open(path) as audit:
        assert audit.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert audit.db.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700


def test_references_round_trip(tmp_path: Path) -> None:
    encoding = np.linspace(-0.2, 0.2, 128)
    with Audit.open(tmp_path / "a.audit") as audit:
        ref_id = audit.add_reference("me.jpg", "ab" * 32, encoding, (1, 2, 3, 4), {"usable": True})
        assert np.array_equal(audit.reference_matrix()[0], encoding)
        assert audit.references()[0].box == (1, 2, 3, 4)
        audit.remove_reference(ref_id)
        assert audit.reference_matrix().shape == (0, 128)


def test_a_forgotten_selfie_is_put_back_exactly(tmp_path: Path) -> None:
    encoding = np.linspace(-0.2, 0.2, 128)
    with Audit.open(tmp_path / "a.audit") as audit:
        audit.add_reference("me.jpg", "ab" * 32, encoding, (1, 2, 3, 4), {"usable": True})
        audit.reject_selfie("other.jpg", "cd" * 32, {"usable": False, "remarks": []})
        before = (audit.references(), audit.rejected_selfies(), audit.references_key())
        used = audit.forget_selfie("ab" * 32)
        rejected = audit.forget_selfie("cd" * 32)
        assert audit.references() == []
        assert audit.rejected_selfies() == []
        audit.put_back_selfie(used)
        audit.put_back_selfie(rejected)
        after = (audit.references(), audit.rejected_selfies(), audit.references_key())
        assert [r.id for r in after[0]] == [r.id for r in before[0]]
        assert np.array_equal(after[0][0].encoding, encoding)
        assert after[1] == before[1]
        assert after[2] == before[2]


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


def test_threshold_setting_rebands_faces(tmp_path: Path) -> None:
    with Audit.open(tmp_path / "a.audit") as audit:
        assert audit.threshold == pytest.approx(0.6)
        with pytest.raises(UserMistake, match="between"):
            audit.set_threshold(2.0)
        audit.set_threshold(0.5)
        assert audit.threshold == pytest.approx(0.5)


def test_forget_removes_audit_journal_and_cache(tmp_path: Path) -> None:
    path = tmp_path / "a.audit"
    audit = Audit.open(path)
    audit.set_identity({"name": "Jane"})
    cache = cache_dir_for(path)
    cache.mkdir()
    (cache / "thumb.jpg").write_bytes(b"jpeg")
    audit.close()
    removed = forget_audit(path).removed
    assert path in removed
    assert not path.exists()
    assert not cache.exists()


def test_forget_is_refused_while_another_process_has_the_audit(tmp_path: Path) -> None:
    import subprocess
    import sys

    path = tmp_path / "a.audit"
    Audit.open(path).close()
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            f"from exposure_audit.audit.store import Audit; a = Audit.open({str(path)!r}); print('open', flush=True); input()",
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == "open"
        with pytest.raises(EnvironmentProblem, match="in use"):
            forget_audit(path)
        assert path.exists()
    finally:
        holder.communicate("\n", timeout=30)
    assert path in forget_audit(path).removed


def test_forget_also_clears_the_logs_and_logs_are_private(tmp_path: Path) -> None:
    import logging

    from exposure_audit.logs import configure_logging
    from exposure_audit.storage import log_path

    root = logging.getLogger()
    earlier = [h for h in root.handlers if getattr(h, "_exposure_audit", False)]
    for handler in earlier:  # logging set up by an earlier test points at another home
        root.removeHandler(handler)
    configure_logging()
    ours = [h for h in root.handlers if getattr(h, "_exposure_audit", False)]
    try:
        logging.getLogger("test").warning("scanned /home/jane/Pictures/holiday.jpg")
        ours[0].flush()
        assert stat.S_IMODE(log_path().stat().st_mode) == 0o600
        path = tmp_path / "a.audit"
        Audit.open(path).close()
        forget_audit(path)
        assert not log_path().exists()
    finally:
        for handler in ours:
            root.removeHandler(handler)
            handler.close()
