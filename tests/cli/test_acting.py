"""Command line for letters, the report, identity and requests, on a real scanned audit."""

from __future__ import annotations

import email
import subprocess
import sys
from email import policy
from pathlib import Path

import pytest

from exposure_audit.audit.store import Audit
from exposure_audit.cli.main import run
from tests.support.actionkit import copy_of


@pytest.fixture
def audit_path(platform_audit: Path, tmp_path: Path) -> Path:
    path = copy_of(platform_audit, tmp_path)
    code = run(["identity", "--audit", str(path), "--name", "Jane Doe", "--address", "Main St 1",
                "--address", "Berlin", "--email", "jane@example.org", "--suggest"])  # fmt: skip
    assert code == 0
    return path


def test_identity_shown(audit_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["identity", "--audit", str(audit_path), "--account", "User id=100012345"]) == 0
    out = capsys.readouterr().out
    assert "Name: Jane Doe" in out
    assert "Account: Facebook username = jdoe" in out
    assert "Account: User id = 100012345" in out


@pytest.mark.parametrize("suffix", [".pdf", ".txt", ".eml"])
def test_letter_written(
    audit_path: Path, tmp_path: Path, suffix: str, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / f"letter{suffix}"
    args = ["letter", "--audit", str(audit_path), "--controller", "meta", "--type",
            "access,erasure", "--lang", "de", "--grounds", "b,d", "--out", str(out)]  # fmt: skip
    if suffix == ".pdf":
        args.append("--thumbnails")
    assert run(args) == 0
    assert out.stat().st_size > 1000
    printed = capsys.readouterr().out
    assert ("mailto:" in printed) == (suffix != ".pdf")
    if suffix == ".pdf":
        assert b"/Subtype /Image" in out.read_bytes()
    if suffix == ".eml":
        message = email.message_from_bytes(out.read_bytes(), policy=policy.default)
        assert "Art. 17" in str(message["Subject"])
    if suffix == ".txt":
        with Audit.open(audit_path) as audit:
            hashes = {r.sha256 for r in audit.findings(decision="me")}
        assert all(h in out.read_text(encoding="utf-8") for h in hashes)


def test_record_then_track_and_follow_up(
    audit_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    audit = ["--audit", str(audit_path)]
    assert run(["letter", *audit, "--controller", "meta", "--out", str(tmp_path / "l.pdf"),
                "--record", "--channel", "email", "--date", "2027-01-31"]) == 0  # fmt: skip
    assert "answer due 2027-03-01" in capsys.readouterr().out
    ics = tmp_path / "due.ics"
    assert run(["requests", *audit, "--today", "2027-03-05", "--ics", str(ics)]) == 0
    listing = capsys.readouterr().out
    assert "OVERDUE" in listing
    assert "next: reminder" in listing
    assert ics.read_text(encoding="utf-8").count("BEGIN:VEVENT") == 1
    reminder = tmp_path / "reminder.txt"
    assert run(["letter", *audit, "--type", "reminder", "--request", "1", "--out", str(reminder),
                "--date", "2027-03-02", "--record"]) == 0  # fmt: skip
    assert "EA-2027-001" in reminder.read_text(encoding="utf-8")
    assert run(["requests", *audit, "--today", "2027-03-20"]) == 0
    assert "next: complaint" in capsys.readouterr().out
    # announced late (after the first deadline of 1 March): the law does not allow it
    assert run(["requests", *audit, "--extend", "1", "--today", "2027-03-20"]) == 2
    assert "must be announced by 2027-03-01" in capsys.readouterr().err
    assert run(["requests", *audit, "--extend", "1", "--until", "2027-08-01",
                "--on", "2027-02-20", "--today", "2027-03-20"]) == 2  # fmt: skip
    assert "2027-04-30 at most" in capsys.readouterr().err
    assert run(["requests", *audit, "--extend", "1", "--on", "2027-02-20",
                "--today", "2027-03-20"]) == 0  # fmt: skip
    assert "due 2027-04-30 (extended)" in capsys.readouterr().out


def test_sending_later_than_the_letter_says_is_pointed_out(
    audit_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    audit = ["--audit", str(audit_path)]
    assert run(["letter", *audit, "--controller", "meta", "--out", str(tmp_path / "l.txt"),
                "--record", "--channel", "email", "--date", "2026-12-04"]) == 0  # fmt: skip
    assert "answer due 2027-01-04" in capsys.readouterr().out
    assert run(["requests", *audit, "--sent", "1", "--on", "2026-12-20"]) == 0
    out = capsys.readouterr().out
    assert "Note: The deadline is now 2027-01-20" in out
    assert "the letter itself names 2027-01-04" in out


@pytest.mark.parametrize("suffix", [".html", ".pdf", ".csv", ".json"])
def test_report_written(audit_path: Path, tmp_path: Path, suffix: str) -> None:
    out = tmp_path / f"report{suffix}"
    assert run(["report", "--audit", str(audit_path), "--out", str(out)]) == 0
    assert out.stat().st_size > 200


@pytest.mark.parametrize(
    ("args", "message", "code"),
    [
        (["letter", "--controller", "nope", "--out", "x.pdf"], "unknown controller 'nope'", 2),
        (["letter", "--controller", "meta", "--out", "x.doc"], "--out must end with", 2),
        (["letter", "--type", "reminder", "--out", "x.pdf"], "needs --request ID", 2),
        (["report", "--out", "x.docx"], "--out must end with", 2),
        (["requests", "--sent", "9"], "no request with id 9", 2),
    ],
)
def test_errors_are_one_line(
    audit_path: Path,
    tmp_path: Path,
    args: list[str],
    message: str,
    code: int,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(tmp_path)
    assert run([args[0], "--audit", str(audit_path), *args[1:]]) == code
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0
    assert message in err


def test_missing_audit_and_identity(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = ["report", "--audit", str(tmp_path / "none.audit"), "--out", str(tmp_path / "r.json")]
    assert run(missing) == 3
    assert "No audit" in capsys.readouterr().err
    empty = tmp_path / "empty.audit"
    Audit.open(empty).close()
    out = tmp_path / "l.pdf"
    assert run(["letter", "--audit", str(empty), "--controller", "meta", "--out", str(out)]) == 2
    assert "identity" in capsys.readouterr().err


def test_bad_controller_from_a_shell(audit_path: Path, tmp_path: Path) -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "exposure_audit",
            "letter",
            "--audit",
            str(audit_path),
            "--controller",
            "nope",
            "--out",
            str(tmp_path / "x.pdf"),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 2
    assert result.stderr.startswith("exposure-audit: error: unknown controller")
    assert result.stderr.count("\n") == 1
    assert not (tmp_path / "x.pdf").exists()


def test_other_commands_start_without_the_pdf_library() -> None:
    code = "import sys; from exposure_audit.cli.main import build_parser; build_parser(); "
    code += "print('fpdf' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60
    )
    assert result.stdout.strip() == "False"
