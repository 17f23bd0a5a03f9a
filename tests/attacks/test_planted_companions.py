"""Another user plants SQLite's -wal/-shm/-journal or the lock beside an audit in a shared folder."""

from __future__ import annotations

import os
import shutil
import sqlite3
import stat
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from exposure_audit.audit.store import Audit
from exposure_audit.cli.main import run
from exposure_audit.errors import EnvironmentProblem
from tests.support.scanning import enrolled_audit

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX owners and modes")
as_root = pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() != 0,
    reason="planting a file as another user needs root to make one owned by them",
)
OTHER_USER = 65534  # nobody
SYSTEM_PYTHON = shutil.which("python3", path="/usr/bin:/bin")


@pytest.fixture
def shared_folder() -> Iterator[Path]:
    """A folder every local user can write to, sticky like /tmp."""
    folder = Path(tempfile.mkdtemp(prefix="shared-", dir="/tmp"))
    os.chmod(folder, 0o1777)
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _victim_audit(folder: Path) -> Path:
    path = folder / "v.audit"
    with enrolled_audit(path) as audit:
        audit.set_identity({"name": "Jane Victim", "email": "jane@example.org"})
    return path


def _plant(path: Path, data: bytes = b"", mode: int = 0o666, owner: int | None = None) -> Path:
    path.write_bytes(data)
    if owner is not None:
        os.chown(path, owner, owner)
    os.chmod(path, mode)
    return path


@as_root
@pytest.mark.parametrize("suffix", ["-wal", "-shm", "-journal"])
def test_an_empty_companion_planted_by_another_user_is_refused_and_gets_nothing(
    shared_folder: Path, suffix: str
) -> None:
    audit = _victim_audit(shared_folder)
    before = audit.read_bytes()
    planted = _plant(shared_folder / f"v.audit{suffix}", owner=OTHER_USER)
    with pytest.raises(EnvironmentProblem, match="belongs to another user"):
        Audit.open(audit)
    assert planted.read_bytes() == b""  # not one page of the audit went into it
    assert planted.stat().st_uid == OTHER_USER
    assert audit.read_bytes() == before
    planted.unlink()
    with Audit.open(audit) as reopened:  # the lock was given back
        assert reopened.identity()["name"] == "Jane Victim"


@as_root
def test_a_wal_of_another_users_audit_does_not_replace_identity_or_references(
    shared_folder: Path, tmp_path: Path
) -> None:
    audit = _victim_audit(shared_folder)
    before = audit.read_bytes()
    theirs = tmp_path / "mallory.audit"
    shutil.copy(audit, theirs)
    raw = sqlite3.connect(theirs)  # held open, so its changes stay in its WAL
    raw.execute("PRAGMA journal_mode = WAL")
    raw.execute("PRAGMA wal_autocheckpoint = 0")
    raw.execute("UPDATE identity SET value = 'Mallory' WHERE key = 'name'")
    raw.execute("DELETE FROM refs")
    raw.commit()
    wal = Path(f"{theirs}-wal").read_bytes()
    assert len(wal) > 32
    _plant(shared_folder / "v.audit-wal", wal, owner=OTHER_USER)
    assert run(["findings", "--audit", str(audit)]) == 3
    raw.close()
    assert audit.read_bytes() == before
    (shared_folder / "v.audit-wal").unlink()
    with Audit.open(audit) as reopened:
        assert reopened.identity()["name"] == "Jane Victim"
        assert len(reopened.references()) == 2


@pytest.mark.parametrize("suffix", ["-wal", "-shm"])
def test_a_companion_others_can_read_is_refused_even_when_it_is_the_users(
    tmp_path: Path, suffix: str
) -> None:
    audit = _victim_audit(tmp_path)
    _plant(tmp_path / f"v.audit{suffix}", mode=0o644)
    with pytest.raises(EnvironmentProblem, match="read or written by other users"):
        Audit.open(audit)


def test_a_hard_link_as_companion_is_refused(tmp_path: Path) -> None:
    audit = _victim_audit(tmp_path)
    elsewhere = _plant(tmp_path / "collector", mode=0o600)
    os.link(elsewhere, tmp_path / "v.audit-shm")
    with pytest.raises(EnvironmentProblem, match="hard links"):
        Audit.open(audit)
    assert elsewhere.read_bytes() == b""


def test_the_wal_and_shared_memory_are_made_owner_only(tmp_path: Path) -> None:
    audit = _victim_audit(tmp_path)
    os.chmod(audit, 0o644)  # even beside an audit copied with open permissions
    with Audit.open(audit) as opened:
        opened.set_identity({"name": "Jane Victim"})
        for suffix in ("-wal", "-shm"):
            st = os.lstat(f"{audit}{suffix}")
            assert stat.S_IMODE(st.st_mode) == 0o600, suffix
            assert st.st_uid == os.geteuid()
    assert stat.S_IMODE(audit.stat().st_mode) == 0o600


@as_root
def test_an_audit_of_another_user_is_not_opened_in_place(shared_folder: Path) -> None:
    audit = _victim_audit(shared_folder)
    os.chown(audit, OTHER_USER, OTHER_USER)
    os.chmod(audit, 0o666)
    with pytest.raises(EnvironmentProblem, match="Copy it to a folder of your own"):
        Audit.open(audit)
    assert not Path(f"{audit}-wal").exists()


@as_root
@pytest.mark.skipif(SYSTEM_PYTHON is None, reason="needs a python3 the other user may run")
def test_a_lock_planted_and_held_by_another_user_is_named_as_theirs(
    shared_folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    audit = _victim_audit(shared_folder)
    lock = _plant(shared_folder / "v.audit.lock", mode=0o644, owner=OTHER_USER)
    holder = subprocess.Popen(
        [
            str(SYSTEM_PYTHON),
            "-c",
            "import fcntl, os, sys, time\n"
            f"fd = os.open({str(lock)!r}, os.O_RDONLY)\n"
            "fcntl.flock(fd, fcntl.LOCK_EX)\n"
            "print('held', flush=True)\n"
            "time.sleep(60)\n",
        ],
        user=OTHER_USER,
        group=OTHER_USER,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == "held"
        assert run(["findings", "--audit", str(audit)]) == 3
        err = capsys.readouterr().err
        assert "v.audit.lock" in err
        assert "belongs to another user" in err
        assert "another window" not in err
    finally:
        holder.kill()
        holder.wait()
    assert lock.exists()  # another user's file is theirs to remove


@as_root
def test_a_lock_of_another_user_that_nobody_holds_is_refused_too(shared_folder: Path) -> None:
    audit = _victim_audit(shared_folder)
    _plant(shared_folder / "v.audit.lock", mode=0o666, owner=OTHER_USER)
    with pytest.raises(EnvironmentProblem, match="belongs to another user"):
        Audit.open(audit)
