"""Processes: a killed scan leaves no worker holding the person's encodings, and its run is
marked interrupted, not running forever."""

from __future__ import annotations

import os
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

SCAN = textwrap.dedent(
    """
    import sys
    from exposure_audit.audit.store import Audit
    from exposure_audit.scan.pipeline import Progress, ScanSettings, scan
    audit = Audit.open(sys.argv[1])
    for event in scan(audit, ScanSettings(workers=2)):
        if isinstance(event, Progress) and event.done >= 1:
            print("scanning", flush=True)
            break
    input()  # held here, mid-scan, workers alive, until killed
    """
)


def _descendants(root: int) -> set[int]:
    parents: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as handle:
                fields = handle.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        parents[int(entry)] = int(fields[1])
    found: set[int] = set()
    frontier = {root}
    while frontier:
        frontier = {pid for pid, parent in parents.items() if parent in frontier} - found
        found |= frontier
    return found


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as handle:
            return handle.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


@pytest.mark.slow
def test_workers_end_when_the_scan_process_is_killed(tmp_path: Path) -> None:
    folder = tmp_path / "photos"
    folder.mkdir()
    for i in range(12):
        (folder / f"{i}.jpg").write_bytes(face_bytes("obama3.jpg") + bytes([i]))
    path = tmp_path / "a.audit"
    with enrolled_audit(path) as audit:
        from exposure_audit.scan.pipeline import add_sources

        add_sources(audit, [str(folder)])
    scanner = subprocess.Popen(
        [sys.executable, "-c", SCAN, str(path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert scanner.stdout is not None
        assert scanner.stdout.readline().strip() == "scanning"
        helpers = _descendants(scanner.pid)
        assert len(helpers) >= 2  # the worker server and its workers at least
        os.kill(scanner.pid, signal.SIGKILL)
        scanner.wait(timeout=30)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and any(_alive(pid) for pid in helpers):
            time.sleep(0.2)
        assert [pid for pid in helpers if _alive(pid)] == []
    finally:
        if scanner.poll() is None:
            scanner.kill()
    with Audit.open(path) as audit:
        statuses = [row[0] for row in audit.db.execute("SELECT status FROM runs")]
    assert statuses == [RunStatus.INTERRUPTED]
