"""The worker server starts first thing for a scan with workers, and for nothing else."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

from exposure_audit.scan import server


@pytest.mark.parametrize(
    ("args", "started"),
    [
        (["scan", "--audit", "a.audit", "--workers", "2"], True),
        (["scan", "--workers=3"], True),
        (["scan", "--workers", "1"], False),
        (["scan", "--workers", "two"], False),  # argparse says what is wrong, later
        (["report", "--workers", "2"], False),
        ([], False),
    ],
)
def test_the_server_starts_early_only_for_a_scan_with_workers(
    monkeypatch: pytest.MonkeyPatch, args: list[str], started: bool
) -> None:
    monkeypatch.setattr(server, "default_workers", lambda: 2)
    calls: list[None] = []
    monkeypatch.setattr(server, "start_server", lambda: calls.append(None))
    server.start_early_for(args)
    assert bool(calls) is started


def test_starting_early_imports_nothing_heavy() -> None:
    # The point of starting early: the server loads models while the command line imports.
    code = textwrap.dedent("""
        import sys
        from exposure_audit.scan.server import start_early_for
        print(sorted(m for m in ("numpy", "PIL", "dlib", "exposure_audit.cli.main") if m in sys.modules))
    """)
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"
