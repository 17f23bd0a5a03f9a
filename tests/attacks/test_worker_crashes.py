"""A worker that crashes (SIGSEGV) writes no core file with the person's encodings, and the scan
goes on or says so clearly; the audit stays whole and the next scan finishes the work."""

from __future__ import annotations

import os
import resource
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from exposure_audit.audit.store import Audit
from exposure_audit.vocabulary import RunStatus
from tests.support.photos import face_bytes
from tests.support.scanning import enrolled_audit

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")

PHOTOS = ("obama3.jpg", "two_people.jpg", "biden.jpg", "kit1.jpg", "obama-240p.jpg")
SCAN = textwrap.dedent(
    """
    import sys
    from exposure_audit.audit.store import Audit
    from exposure_audit.errors import EnvironmentProblem
    from exposure_audit.scan.pipeline import Finished, Progress, ScanSettings, scan
    audit = Audit.open(sys.argv[1])
    held = False
    try:
        for event in scan(audit, ScanSettings(workers=2)):
            if isinstance(event, Progress) and event.done >= 1 and not held:
                held = True
                print("scanning", flush=True)
                input()  # mid-scan, workers alive, until the test has crashed one
            if isinstance(event, Finished):
                print("finished", event.status, event.analysed, flush=True)
    except EnvironmentProblem as exc:
        print("stopped:", exc, flush=True)
    """
)


def _children(pid: int) -> set[int]:
    found = set()
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as handle:
                    parent = int(handle.read().rsplit(")", 1)[1].split()[1])
            except OSError:
                continue
            if parent == pid:
                found.add(int(entry))
    return found


def _workers(scan_pid: int) -> set[int]:
    """The analysis processes: forked by the fork server (or spawned) below the scan."""
    below = _children(scan_pid)
    grand = {pid for child in below for pid in _children(child)}
    return grand or below


def _core_limit(pid: int) -> str:
    with open(f"/proc/{pid}/limits") as handle:
        for line in handle:
            if line.startswith("Max core file size"):
                return line.split()[4]  # the soft limit: the one the kernel obeys
    raise AssertionError("no core limit listed")


def _unlimited_cores() -> None:
    """As a machine with `ulimit -c unlimited` would run the app."""
    hard = resource.getrlimit(resource.RLIMIT_CORE)[1]
    resource.setrlimit(resource.RLIMIT_CORE, (hard, hard))


@pytest.mark.slow
@pytest.mark.skipif(
    resource.getrlimit(resource.RLIMIT_CORE)[1] != resource.RLIM_INFINITY,
    reason="needs to allow core files as a lax machine does",
)
def test_a_worker_killed_by_sigsegv_dumps_no_core_and_the_audit_stays_resumable(
    tmp_path: Path,
) -> None:
    photos = tmp_path / "photos"
    photos.mkdir()
    for n in range(12):
        name = PHOTOS[n % len(PHOTOS)]
        data = face_bytes(name) + n.to_bytes(2, "big")  # twelve different photos
        (photos / f"{n:02d}-{name}").write_bytes(data)
    audit = tmp_path / "a.audit"
    with enrolled_audit(audit) as opened:
        opened.add_source(str(photos), "folder")
    cwd = tmp_path / "cwd"
    cwd.mkdir()
    scan = subprocess.Popen(
        [sys.executable, "-c", SCAN, str(audit)],
        cwd=cwd,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        preexec_fn=_unlimited_cores,
        env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)},
    )
    try:
        assert scan.stdout is not None
        assert scan.stdin is not None
        assert scan.stdout.readline().strip() == "scanning"
        assert _core_limit(scan.pid) == "0"  # the scan's own process holds them too
        deadline = time.monotonic() + 60
        while len(workers := _workers(scan.pid)) < 2 and time.monotonic() < deadline:
            time.sleep(0.1)
        assert workers
        victim = min(workers)
        assert _core_limit(victim) == "0"
        os.kill(victim, signal.SIGSEGV)
        scan.stdin.write("\n")
        scan.stdin.flush()
        out, err = scan.communicate(timeout=120)
    finally:
        if scan.poll() is None:
            scan.kill()
            scan.wait()
    assert "Traceback" not in err, err[-3000:]
    assert "BrokenProcessPool" not in err + out
    assert not [p for p in cwd.iterdir() if p.name.startswith("core")]
    assert "finished" in out or "stopped:" in out, out
    with Audit.open(audit) as reopened:  # whole, and what was lost is done by the next scan
        assert reopened.stats()["photos"] <= 12
    again = subprocess.run(
        [sys.executable, "-m", "exposure_audit", "scan", "--audit", str(audit), "--quiet"],
        capture_output=True,
        text=True,
        timeout=180,
        cwd=cwd,
    )
    assert again.returncode == 0, again.stderr[-2000:]
    with Audit.open(audit) as reopened:
        assert reopened.stats()["photos"] == 12
        assert reopened.stats()["unreadable"] == 0
        statuses = [
            row[0] for row in reopened.database.execute("SELECT status FROM runs ORDER BY id")
        ]
    assert statuses[-1] == RunStatus.FINISHED
