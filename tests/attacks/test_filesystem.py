"""Attacks through the file system: links planted beside an audit or inside a source, file modes."""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

import pytest

from exposure_audit import storage
from exposure_audit.audit.store import Audit
from exposure_audit.cli.main import run
from exposure_audit.errors import EnvironmentProblem
from exposure_audit.scan.pipeline import inspect_source
from exposure_audit.sources.containers import FolderContainer, read_location
from tests.support.photos import face_bytes
from tests.support.scanning import enrolled_audit, run_scan

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX links and modes")


def _victim(folder: Path, name: str = "precious.txt") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    victim = folder / name
    victim.write_text("the user's own words")
    return victim


def test_a_lock_link_beside_the_audit_is_refused_and_its_target_kept(tmp_path: Path) -> None:
    audit = tmp_path / "a.audit"
    Audit.open(audit).close()
    victim = _victim(tmp_path / "docs")
    (tmp_path / "a.audit.lock").symlink_to(victim)
    assert run(["findings", "--audit", str(audit)]) == 3
    assert victim.read_text() == "the user's own words"
    assert (tmp_path / "a.audit.lock").is_symlink()


def test_forget_never_follows_links_beside_the_audit(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    audit = tmp_path / "a.audit"
    Audit.open(audit).close()
    victim = _victim(tmp_path / "docs")
    documents = tmp_path / "Documents"
    kept = _victim(documents, "thesis.txt")
    (tmp_path / "a.audit-journal").symlink_to(victim)
    (tmp_path / "a.audit.cache").symlink_to(documents, target_is_directory=True)
    code = run(["forget", "--audit", str(audit), "--yes"])
    assert code == 3  # completed, and says what it left
    assert victim.read_text() == "the user's own words"
    assert kept.read_text() == "the user's own words"
    assert not audit.exists()
    err = capsys.readouterr().err
    assert "a.audit-journal" in err
    assert "a.audit.cache" in err


def test_forget_removes_links_inside_its_own_cache_but_not_their_targets(tmp_path: Path) -> None:
    audit = tmp_path / "a.audit"
    Audit.open(audit).close()
    victim = _victim(tmp_path / "docs")
    cache = storage.cache_dir_for(audit)
    (cache / "web").mkdir(parents=True)
    (cache / "web" / "page.body").write_bytes(b"cached")
    (cache / "web" / "planted").symlink_to(victim)
    (cache / "elsewhere").symlink_to(victim.parent, target_is_directory=True)
    result = storage.forget_audit(audit)
    assert not result.left
    assert not os.path.lexists(cache)
    assert victim.read_text() == "the user's own words"


def test_forget_of_a_missing_audit_still_clears_its_cache_and_the_logs(tmp_path: Path) -> None:
    audit = tmp_path / "gone.audit"
    cache = storage.cache_dir_for(audit)
    cache.mkdir()
    (cache / "thumb.jpg").write_bytes(b"jpeg of me")
    log = storage.log_path()
    log.parent.mkdir(parents=True, exist_ok=True)
    log.write_text("scanned /home/jane/holiday.jpg")
    assert run(["forget", "--audit", str(audit), "--yes"]) == 0
    assert not cache.exists()
    assert not log.exists()


def test_a_folder_source_does_not_follow_links_out_of_it(tmp_path: Path) -> None:
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "me.jpg").write_bytes(face_bytes("obama3.jpg"))
    source = tmp_path / "export"
    source.mkdir()
    (source / "own.jpg").write_bytes(face_bytes("obama3.jpg"))
    (source / "etc").symlink_to("/etc", target_is_directory=True)
    (source / "linked.jpg").symlink_to(outside / "me.jpg")
    (source / "inside.jpg").symlink_to(source / "own.jpg")
    problems: list[tuple[str, str]] = []
    container = FolderContainer(source, lambda loc, msg: problems.append((loc, msg)))
    listed = sorted(e.path for e in container.entries())
    assert listed == ["inside.jpg", "own.jpg"]
    assert sorted(loc for loc, _ in problems) == ["etc", "linked.jpg"]
    assert all("out of the chosen source" in msg for _, msg in problems)
    assert inspect_source(str(source)).files == 2


def test_a_scan_lists_links_out_of_the_source_as_problems(tmp_path: Path) -> None:
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "me.jpg").write_bytes(face_bytes("obama3.jpg"))
    source = tmp_path / "export"
    source.mkdir()
    (source / "linked.jpg").symlink_to(outside / "me.jpg")
    with enrolled_audit(tmp_path / "a.audit") as audit:
        finished, _ = run_scan(audit, [source])
        assert finished.problems == 1
        assert audit.findings() == []


def test_a_file_swapped_for_an_outward_link_after_listing_is_not_read(tmp_path: Path) -> None:
    outside = _victim(tmp_path / "elsewhere", "secret.jpg")
    source = tmp_path / "export"
    source.mkdir()
    (source / "a.jpg").write_bytes(b"photo")
    assert read_location(str(source), "a.jpg") == b"photo"
    (source / "a.jpg").unlink()
    (source / "a.jpg").symlink_to(outside)
    with pytest.raises(Exception, match="out of the chosen source"):
        read_location(str(source), "a.jpg")


def test_files_the_tool_writes_are_private_and_atomic(tmp_path: Path) -> None:
    from exposure_audit.private_files import private_target, write_private

    old = os.umask(0o022)
    try:
        out = write_private(tmp_path / "new" / "letter.txt", "Dear controller")
        assert stat.S_IMODE(out.stat().st_mode) == 0o600
        assert stat.S_IMODE(out.parent.stat().st_mode) == 0o700

        def fail_halfway() -> None:
            with private_target(out) as temp:
                temp.write_text("half a lett")
                raise RuntimeError("disk gone")

        with pytest.raises(RuntimeError):
            fail_halfway()
        assert out.read_text() == "Dear controller"
        assert os.listdir(out.parent) == ["letter.txt"]
        victim = _victim(tmp_path / "docs")
        link = tmp_path / "link.txt"
        link.symlink_to(victim)
        write_private(link, "replaces the link")
        assert victim.read_text() == "the user's own words"
        assert not link.is_symlink()
    finally:
        os.umask(old)


def test_a_cache_link_is_refused_as_a_private_folder(tmp_path: Path) -> None:
    from exposure_audit.private_files import private_dir

    target = tmp_path / "shared"
    target.mkdir(mode=0o755)
    (tmp_path / "cache").symlink_to(target, target_is_directory=True)
    with pytest.raises(EnvironmentProblem, match="link"):
        private_dir(tmp_path / "cache")
    assert stat.S_IMODE(target.stat().st_mode) == 0o755


@pytest.mark.slow
def test_every_file_with_personal_data_is_created_private(
    platform_audit: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Letters, the report in each format, the calendar and the scan's JSON, under umask 022."""
    from exposure_audit.rights.evidence import save_identity
    from tests.support.actionkit import IDENTITY, copy_of

    path = copy_of(platform_audit, tmp_path)
    with Audit.open(path) as audit:
        save_identity(audit, IDENTITY)
    out = tmp_path / "out"
    old = os.umask(0o022)
    try:
        commands = [
            ["letter", "--controller", "meta", "--type", "access", "--out", str(out / "l.pdf")],
            ["letter", "--controller", "meta", "--type", "access", "--out", str(out / "l.eml")],
            ["letter", "--controller", "meta", "--type", "access", "--out", str(out / "l.txt")],
            *(
                ["report", "--out", str(out / f"r.{kind}")]
                for kind in ("html", "pdf", "csv", "json")
            ),
            ["requests", "--ics", str(out / "due.ics")],
        ]
        for command in commands:
            assert run([command[0], "--audit", str(path), *command[1:]]) == 0, command
        folder = tmp_path / "photos"
        folder.mkdir()
        (folder / "me.jpg").write_bytes(face_bytes("obama3.jpg"))
        scan = ["scan", "--audit", str(path), "--source", str(folder), "--workers", "1"]
        assert run([*scan, "--quiet", "--json", str(out / "scan.json")]) == 0
    finally:
        os.umask(old)
    capsys.readouterr()
    written = sorted(out.iterdir())
    assert len(written) == 9
    assert {p.name: stat.S_IMODE(p.stat().st_mode) for p in written} == {
        p.name: 0o600 for p in written
    }
    assert stat.S_IMODE(out.stat().st_mode) == 0o700  # the folder the tool created
