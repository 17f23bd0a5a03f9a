"""The command line: one-shot scans for scripts, exit codes, output shapes, resume after a kill."""

from __future__ import annotations

import contextlib
import io
import json
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from exposure_audit.cli.main import run
from tests.support.photos import FACES
from tests.support.scanning import photo_folder, zip_of

SELFIES = ["--selfie", str(FACES / "obama.jpg"), "--selfie", str(FACES / "obama2.jpg")]


def cli(*args: str, check: bool = False) -> subprocess.CompletedProcess[str]:
    """The command line run in this process, as a shell would: exit code, output, errors.

    In-process saves each call a Python start and a load of the face models; the tests that
    kill or interrupt a scan run it in a process of its own."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = run(list(args))
        except SystemExit as exit_:  # argparse refusing the arguments
            code = exit_.code if isinstance(exit_.code, int) else 1
    result = subprocess.CompletedProcess(list(args), code, out.getvalue(), err.getvalue())
    if check:
        assert result.returncode == 0, result.stderr
    return result


def test_one_shot_scan_writes_findings_json(tmp_path: Path) -> None:
    folder = photo_folder(tmp_path / "photos")
    archive = zip_of(tmp_path / "export.zip", {"p/obama3.jpg": (FACES / "obama3.jpg").read_bytes()})
    out = tmp_path / "out.json"
    cli(
        "scan",
        "--audit",
        str(tmp_path / "a.audit"),
        *SELFIES,
        "--source",
        str(folder),
        "--source",
        str(archive),
        "--workers",
        "2",
        "--json",
        str(out),
        check=True,
    )
    findings = json.loads(out.read_text())["findings"]
    assert {f["location"] for f in findings} == {
        "obama3.jpg",
        "two_people.jpg",
        "obama-240p.jpg",
        f"{archive}!/p/obama3.jpg",
    }
    for finding in findings:
        assert {"source", "location", "distance", "band", "box"} <= finding.keys()
        top, right, bottom, left = finding["box"]
        assert 0 <= top < bottom
        assert 0 <= left < right
        assert finding["band"] in ("strong", "likely", "possible")
        assert finding["distance"] <= 0.6
    group = next(f for f in findings if f["location"] == "two_people.jpg")
    assert group["source"] == str(folder)
    assert group["box"][3] < 400  # Obama stands on the left of that photo


def test_findings_command_formats(tmp_path: Path) -> None:
    audit = str(tmp_path / "a.audit")
    cli(
        "scan",
        "--audit",
        audit,
        *SELFIES,
        "--source",
        str(photo_folder(tmp_path / "p")),
        check=True,
    )
    as_json = json.loads(cli("findings", "--audit", audit, "--json", check=True).stdout)
    assert len(as_json["findings"]) == 3
    as_csv = cli("findings", "--audit", audit, "--csv", check=True).stdout.splitlines()
    assert as_csv[0].startswith("source,location,distance,band,box")
    assert len(as_csv) == 4
    table = cli("findings", "--audit", audit, check=True).stdout
    assert "obama3.jpg" in table


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["scan", "--source", "/no/such/folder", "--selfie", str(FACES / "obama.jpg")],
            "cannot read",
        ),
        (["scan", "--source", ".", "--selfie", str(FACES / "obama-240p.jpg")], "too small"),
        (["scan", "--source", "."], "selfie"),
        (["scan", "--workers", "0"], "must be 1 or more"),
        (["frobnicate"], "invalid choice"),
    ],
)
def test_bad_input_gives_one_line_error_and_nonzero_exit(
    tmp_path: Path, args: list[str], message: str
) -> None:
    result = (
        cli(*args[:1], "--audit", str(tmp_path / "a.audit"), *args[1:])
        if args[0] == "scan"
        else cli(*args)
    )
    assert result.returncode != 0
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_selfie_without_a_face_is_refused(tmp_path: Path) -> None:
    wall = tmp_path / "wall.png"
    from PIL import Image

    Image.new("RGB", (300, 300), (90, 90, 90)).save(wall)
    result = cli(
        "scan",
        "--audit",
        str(tmp_path / "a.audit"),
        "--selfie",
        str(wall),
        "--source",
        str(tmp_path),
    )
    assert result.returncode == 2
    assert "no face found" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_enroll_and_forget(tmp_path: Path) -> None:
    audit = tmp_path / "a.audit"
    result = cli(
        "enroll",
        "--audit",
        str(audit),
        str(FACES / "obama.jpg"),
        str(FACES / "biden.jpg"),
        str(FACES / "obama2.jpg"),
        str(FACES / "obama3.jpg"),
    )
    assert result.returncode == 0
    assert "biden.jpg: not used" in result.stdout
    assert "obama.jpg: ok" in result.stdout
    with sqlite3.connect(audit) as db:
        assert db.execute("SELECT count(*) FROM refs").fetchone()[0] == 3
    assert (
        cli("forget", "--audit", str(audit)).returncode != 0
    )  # asks for --yes when not interactive
    cli("forget", "--audit", str(audit), "--yes", check=True)
    assert not list(tmp_path.glob("a.audit*"))


def test_one_shot_scan_keeps_two_selfies_that_disagree(tmp_path: Path) -> None:
    """Two selfies far apart (years apart, say): both used, with a note; nothing refused."""
    folder = tmp_path / "photos"
    folder.mkdir()
    (folder / "kit2.jpg").write_bytes((FACES / "kit2.jpg").read_bytes())
    out = tmp_path / "out.json"
    args = ["scan", "--audit", str(tmp_path / "a.audit"), "--source", str(folder)]
    selfies = ["--selfie", str(FACES / "obama.jpg"), "--selfie", str(FACES / "kit1.jpg")]
    result = cli(*args, *selfies, "--json", str(out), "--workers", "1", check=True)
    assert "a third selfie would settle it" in result.stderr
    assert [f["location"] for f in json.loads(out.read_text())["findings"]] == ["kit2.jpg"]


def test_one_shot_scan_refuses_a_clear_outlier_unless_all_are_mine(tmp_path: Path) -> None:
    args = ["scan", "--audit", str(tmp_path / "a.audit"), "--source", str(tmp_path / "none")]
    (tmp_path / "none").mkdir()
    names = ("obama.jpg", "obama2.jpg", "obama3.jpg", "biden.jpg")
    selfies = [arg for n in names for arg in ("--selfie", str(FACES / n))]
    refused = cli(*args, *selfies, "--quiet")
    assert refused.returncode == 2
    assert "biden.jpg" in refused.stderr
    assert "--all-me" in refused.stderr
    cli(*args, *selfies, "--all-me", "--quiet", check=True)
    with sqlite3.connect(tmp_path / "a.audit") as db:
        assert db.execute("SELECT count(*) FROM refs").fetchone()[0] == 4


TEN_PHOTOS = (
    "obama3.jpg",
    "two_people.jpg",
    "biden.jpg",
    "kit1.jpg",
    "obama-240p.jpg",
    "kit2.jpg",
    "rose1.jpg",
    "obama2_rgba.png",
    "kit_with_rose.jpg",
    "alex1.png",
)


def scan_in_background(audit: Path, folder: Path) -> subprocess.Popen[str]:
    """An enrolled audit's scan of ``folder`` in its own process, once a few photos are done."""
    cli(
        "enroll",
        "--audit",
        str(audit),
        str(FACES / "obama.jpg"),
        str(FACES / "obama2.jpg"),
        check=True,
    )
    command = [sys.executable, "-m", "exposure_audit", "scan", "--audit", str(audit)]
    process = subprocess.Popen(
        [*command, "--source", str(folder), "--workers", "1"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and process.poll() is None and analysed(audit) < 3:
        time.sleep(0.05)
    return process


def analysed(audit: Path) -> int:
    with sqlite3.connect(audit, timeout=5) as db:
        return int(db.execute("SELECT count(*) FROM items").fetchone()[0])


@pytest.mark.slow
def test_killed_scan_resumes_to_the_same_findings(tmp_path: Path) -> None:
    folder = photo_folder(tmp_path / "photos", TEN_PHOTOS)
    reference = tmp_path / "reference.audit"
    cli("scan", "--audit", str(reference), *SELFIES, "--source", str(folder), check=True)
    audit = tmp_path / "killed.audit"
    process = scan_in_background(audit, folder)
    process.send_signal(signal.SIGKILL)
    process.communicate()
    assert 3 <= analysed(audit) < len(TEN_PHOTOS)
    cli("scan", "--audit", str(audit), "--workers", "1", check=True)

    def summary(path: Path) -> list[tuple[str, int]]:
        with sqlite3.connect(path) as db:
            return db.execute(
                "SELECT l.location, count(f.id) FROM locations l JOIN items i ON i.id = l.item_id"
                " LEFT JOIN faces f ON f.item_id = i.id GROUP BY l.location ORDER BY l.location"
            ).fetchall()

    assert summary(audit) == summary(reference)


@pytest.mark.slow
def test_ctrl_c_stops_cleanly_and_keeps_what_is_done(tmp_path: Path) -> None:
    audit = tmp_path / "a.audit"
    process = scan_in_background(audit, photo_folder(tmp_path / "photos", TEN_PHOTOS))
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=120)
    assert process.returncode == 130
    assert "what is done is kept" in stderr
    assert "Traceback" not in stderr
    with sqlite3.connect(audit) as db:
        status = db.execute("SELECT status FROM runs ORDER BY id DESC").fetchone()[0]
    assert 3 <= analysed(audit) < len(TEN_PHOTOS)
    assert status == "cancelled"


def test_the_command_runs_the_command_line_without_loading_qt() -> None:
    code = (
        "import sys\n"
        "from ui.launcher import main\n"
        "code = main(['findings', '--json'])\n"
        "assert 'PySide6' not in sys.modules, 'Qt loaded for a command-line call'\n"
        "sys.exit(code)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout)
    assert document["findings"] == []
    assert document["exposure"]["score"] == 0
