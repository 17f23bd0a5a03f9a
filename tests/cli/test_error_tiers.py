"""The command line sorts every error into its tier: the user's mistake, the machine, or a bug."""

from __future__ import annotations

from pathlib import Path

import pytest

from exposure_audit.audit.store import Audit
from exposure_audit.cli.main import run
from exposure_audit.rights import tracker
from exposure_audit.storage import log_path
from exposure_audit.vocabulary import ExitCode


@pytest.fixture
def audit_path(tmp_path: Path) -> Path:
    path = tmp_path / "a.audit"
    Audit.open(path).close()
    return path


def test_what_the_core_refuses_is_bad_input(
    audit_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(["requests", "--audit", str(audit_path), "--closed", "999"]) == ExitCode.BAD_INPUT
    assert "no request with id 999" in capsys.readouterr().err


@pytest.mark.parametrize("fault", [ValueError("bad value"), KeyError("slug"), TypeError("x")])
def test_a_fault_in_the_code_is_a_bug_not_bad_input(
    audit_path: Path,
    fault: Exception,
    capsys: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def broken(*args: object, **kwargs: object) -> object:
        raise fault

    monkeypatch.setattr(tracker, "list_requests", broken)
    assert run(["requests", "--audit", str(audit_path)]) == ExitCode.BUG
    err = capsys.readouterr().err.strip()
    assert "this is a bug in Exposure Audit" in err
    assert err.count("\n") == 0  # one line; the traceback goes to the private log
    assert str(log_path()) in err
    logged = [r for r in caplog.records if r.exc_info and r.exc_info[1] is fault]
    assert logged, "the traceback goes to the log"
