"""Faults: scans killed at random points, full disks, read-only and locked audits, two windows."""

from __future__ import annotations

import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import threading
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from exposure_audit.audit.store import Audit
from exposure_audit.cli.main import run
from exposure_audit.errors import EnvironmentProblem
from exposure_audit.scan.pipeline import ScanSettings, add_sources, scan
from tests.support.photos import FACES

PHOTOS = [
    "obama.jpg",
    "obama2.jpg",
    "obama3.jpg",
    "obama-240p.jpg",
    "obama2_rgba.png",
    "biden.jpg",
    "biden2.jpg",
    "two_people.jpg",
    "kit1.jpg",
    "kit2.jpg",
    "kit_with_rose.jpg",
    "rose1.jpg",
]


def export_zip(folder: Path) -> Path:
    """A 12-photo export in the shape platforms ship: an archive with albums."""
    path = folder / "takeout-20240101.zip"
    with zipfile.ZipFile(path, "w") as archive:
        for number, name in enumerate(PHOTOS):
            album = "Trip" if number % 2 else "Family"
            archive.write(FACES / name, f"Takeout/Google Photos/{album}/{name}")
        archive.writestr("Takeout/archive_browser.html", "<html></html>")
    return path


def cli(audit: Path, source: Path) -> list[str]:
    return [
        sys.executable,
        "-m",
        "exposure_audit",
        "scan",
        "--audit",
        str(audit),
        "--selfie",
        str(FACES / "obama.jpg"),
        "--source",
        str(source),
        "--workers",
        "1",
        "--quiet",
    ]


def snapshot(path: Path) -> dict[str, object]:
    """Everything a finished scan leaves that a person relies on, independent of row ids."""
    with Audit.open(path) as audit:
        findings = sorted(
            (f.location, f.box, round(f.distance, 6), f.decision) for f in audit.findings()
        )
        db = audit.db
        locations = sorted(db.execute("SELECT location, status FROM locations").fetchall())
        items = sorted(db.execute("SELECT sha256, status FROM items").fetchall())
        faces = db.execute("SELECT count(*) FROM faces").fetchone()[0]
        dupes = db.execute(
            "SELECT count(*) FROM (SELECT item_id, top, right, bottom, left FROM faces"
            " GROUP BY 1, 2, 3, 4, 5 HAVING count(*) > 1)"
        ).fetchone()[0]
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    return {
        "findings": findings,
        "locations": locations,
        "items": items,
        "faces": faces,
        "duplicate_faces": dupes,
    }


@pytest.mark.slow
def test_scan_killed_many_times_resumes_to_the_same_audit(tmp_path: Path) -> None:
    source = export_zip(tmp_path)
    reference = tmp_path / "reference.audit"
    # The reference and the last, uninterrupted run need no process of their own: only the
    # killed runs do.
    assert run(cli(reference, source)[3:]) == 0
    expected = snapshot(reference)
    assert len(expected["findings"]) >= 4  # obama x4 plus the group photo

    killed = tmp_path / "killed.audit"
    chance = random.Random(20240101)
    decisions: dict[int, str] = {}
    total = len(expected["locations"])
    kills = 0
    for _ in range(8):
        process = subprocess.Popen(
            cli(killed, source), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        # Kill once a random number of photos is committed, a moment later: mid-photo, mid-write
        # or while starting up.
        done = recorded(killed)
        if done >= total:
            break
        target = min(total - 1, done + chance.randint(0, 2))
        while process.poll() is None and recorded(killed) < target:
            time.sleep(0.01)
        time.sleep(chance.uniform(0, 0.15))
        if process.poll() is None:
            process.send_signal(signal.SIGKILL)
            kills += 1
        process.wait(timeout=30)
        if killed.exists():
            decisions.update(decide_some(killed, chance))
    assert kills >= 6, "the scan kept finishing before it could be killed"
    assert run(cli(killed, source)[3:]) == 0

    result = snapshot(killed)
    with Audit.open(killed) as audit:
        kept = {f.face_id: f.decision for f in audit.findings()}
    assert {face: kept.get(face) for face in decisions} == decisions, "a decision was lost"
    strip = [(loc, box, dist) for loc, box, dist, _ in result["findings"]]
    assert strip == [(loc, box, dist) for loc, box, dist, _ in expected["findings"]]
    for key in ("locations", "items", "faces", "duplicate_faces"):
        assert result[key] == expected[key], key


def recorded(path: Path) -> int:
    """How many locations a (possibly running) scan has committed, read without locking."""
    if not path.exists():
        return 0
    try:
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=1)
        try:
            return int(db.execute("SELECT count(*) FROM locations").fetchone()[0])
        finally:
            db.close()
    except sqlite3.Error:
        return 0


def decide_some(path: Path, chance: random.Random) -> dict[int, str]:
    """Mark one undecided finding, as a person reviewing while the scan runs would."""
    with Audit.open(path) as audit:
        undecided = [f for f in audit.findings() if f.decision is None]
        if not undecided:
            return {}
        finding = chance.choice(undecided)
        decision = chance.choice(["me", "not_me"])
        audit.set_decision(finding.face_id, decision)
        return {finding.face_id: decision}


def test_second_window_is_told_the_audit_is_in_use(tmp_path: Path) -> None:
    path = tmp_path / "shared.audit"
    with Audit.open(path) as audit:
        audit.set_setting("owner", "first window")
        with Audit.open(path) as same_process:  # another thread of the same app: allowed
            assert same_process.setting("owner") == "first window"
        other = subprocess.run(
            [sys.executable, "-m", "exposure_audit", "findings", "--audit", str(path)],
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert other.returncode == 3
        assert "in use by another window" in other.stderr
        assert audit.setting("owner") == "first window"  # still ours, still writable
        audit.set_setting("owner", "still first")
    after = subprocess.run(
        [sys.executable, "-m", "exposure_audit", "findings", "--audit", str(path)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert after.returncode == 0, after.stderr
    assert not (tmp_path / "shared.audit.lock").exists()


def test_lock_of_a_killed_process_is_released(tmp_path: Path) -> None:
    path = tmp_path / "crashy.audit"
    Audit.open(path).close()
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time; from exposure_audit.audit.store import Audit;"
            f"a = Audit.open({str(path)!r}); print('open', flush=True); time.sleep(60)",
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == "open"
        with pytest.raises(EnvironmentProblem, match="in use by another window"):
            Audit.open(path)
    finally:
        holder.kill()
        holder.wait()
    with Audit.open(path) as audit:
        assert audit.stats()["sources"] == 0


def test_threads_of_one_app_share_the_audit(tmp_path: Path) -> None:
    path = tmp_path / "threads.audit"
    errors: list[BaseException] = []

    def worker(number: int) -> None:
        try:
            with Audit.open(path) as audit:
                audit.set_setting(f"thread{number}", "yes")
        except BaseException as exc:  # noqa: BLE001 - collected for the assertion
            errors.append(exc)

    Audit.open(path).close()
    threads = [threading.Thread(target=worker, args=(n,)) for n in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    with Audit.open(path) as audit:
        assert all(audit.setting(f"thread{n}") == "yes" for n in range(6))


def _enrolled(path: Path) -> Audit:
    from exposure_audit.faces.enrollment import assess_selfies
    from tests.support.photos import face_bytes

    audit = Audit.open(path)
    (report,) = assess_selfies([("obama.jpg", face_bytes("obama.jpg"))])
    assert report.encoding is not None
    assert report.box is not None
    audit.add_reference(report.name, report.sha256, report.encoding, report.box, report.to_dict())
    return audit


def _photos(folder: Path, names: list[str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name in names:
        shutil.copy(FACES / name, folder / name)
    return folder


class FullDisk:
    """A connection whose writes fail as SQLite's do on a full disk, after ``room`` inserts."""

    def __init__(self, real: sqlite3.Connection, room: int) -> None:
        self.real = real
        self.room = room

    def execute(self, sql: str, *args: object) -> sqlite3.Cursor:
        if sql.lstrip().upper().startswith(("INSERT", "UPDATE")):
            self.room -= 1
            if self.room < 0:
                full = sqlite3.OperationalError("database or disk is full")
                full.sqlite_errorcode = sqlite3.SQLITE_FULL  # as SQLite itself sets it
                full.sqlite_errorname = "SQLITE_FULL"
                raise full
        return self.real.execute(sql, *args)

    def __getattr__(self, name: str) -> object:
        return getattr(self.real, name)


@pytest.mark.parametrize("room", [0, 2, 5, 8])
def test_full_disk_stops_the_scan_with_a_message_and_keeps_the_audit(
    tmp_path: Path, room: int
) -> None:
    path = tmp_path / "full.audit"
    first = _photos(tmp_path / "first", ["obama3.jpg"])
    with _enrolled(path) as audit:
        add_sources(audit, [str(first)])
        list(scan(audit, ScanSettings(workers=1)))
        before = [(f.location, f.box) for f in audit.findings()]
        assert before
        add_sources(audit, [str(_photos(tmp_path / "second", PHOTOS[:6]))])
        real = audit.db
        audit.db = FullDisk(real, room)  # type: ignore[assignment]
        with pytest.raises(EnvironmentProblem, match=r"is full\. Free some space"):
            list(scan(audit, ScanSettings(workers=1)))
        audit.db = real
    with Audit.open(path) as audit:
        assert audit.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert set(before) <= {(f.location, f.box) for f in audit.findings()}
        for (count,) in audit.db.execute(
            "SELECT count(*) FROM faces GROUP BY item_id, top, right, bottom, left"
        ):
            assert count == 1


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A real 3 MB file system, so writes fail with ENOSPC as on a full disk."""
    mount = tmp_path / "disk"
    mount.mkdir()
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("mounting a small file system needs root")
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=3m,mode=0700", "tmpfs", str(mount)],
        capture_output=True,
    )
    if done.returncode != 0:
        pytest.skip(f"cannot mount a small file system here: {done.stderr.decode().strip()}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def test_real_full_disk_gives_a_clear_message_and_the_audit_survives(
    tmp_path: Path, small_disk: Path
) -> None:
    path = small_disk / "audits" / "full.audit"
    with _enrolled(path) as audit:
        add_sources(audit, [str(_photos(tmp_path / "first", ["obama3.jpg"]))])
        list(scan(audit, ScanSettings(workers=1)))
        before = [(f.location, f.box) for f in audit.findings()]
    filler = small_disk / "filler"
    # Unbuffered: a buffered file would try its last block again on close, and fail there.
    with open(filler, "wb", buffering=0) as handle:
        try:
            while True:
                handle.write(b"\0" * 65536)
        except OSError:
            pass
    folder = _photos(tmp_path / "second", PHOTOS)

    def scan_onto_full_disk() -> None:
        with _enrolled(path) as audit:
            add_sources(audit, [str(folder)])
            for _ in scan(audit, ScanSettings(workers=1)):
                pass

    with pytest.raises(EnvironmentProblem, match=r"(full|could not be used)"):
        scan_onto_full_disk()
    filler.unlink()
    with Audit.open(path) as audit:
        assert audit.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert set(before) <= {(f.location, f.box) for f in audit.findings()}


def test_cli_reports_environment_problems_without_a_traceback(tmp_path: Path) -> None:
    path = tmp_path / "not-an-audit.audit"
    path.write_bytes(b"this is not sqlite" * 100)
    done = subprocess.run(
        [sys.executable, "-m", "exposure_audit", "findings", "--audit", str(path)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 3
    assert "Traceback" not in done.stderr
    assert "not an Exposure Audit file" in done.stderr
    with pytest.raises(sqlite3.DatabaseError):
        sqlite3.connect(path).execute("SELECT * FROM sqlite_master").fetchall()
