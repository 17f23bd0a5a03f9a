"""Hostile folders: link loops, pipes, devices, unreadable files, odd names and very long paths."""

from __future__ import annotations

import os
import tempfile
import unicodedata
from pathlib import Path

import pytest

from exposure_audit.audit.store import Audit
from exposure_audit.errors import BadData
from exposure_audit.sources.containers import Limits, discover, read_location
from tests.support.photos import face_bytes

PHOTO = face_bytes("obama-240p.jpg")
NOBODY = 65534


def listing(source: Path) -> tuple[dict[str, bytes], list[tuple[str, str]]]:
    problems: list[tuple[str, str]] = []
    files: dict[str, bytes] = {}
    for export in discover(source, Limits(), lambda loc, msg: problems.append((loc, msg))):
        for entry in export.entries:
            try:
                files[export.location(entry.path)] = export.container.read(entry.path, 1 << 24)
            except BadData as exc:
                problems.append((export.location(entry.path), str(exc)))
    return files, problems


def test_symlink_loops_are_reported_not_followed(tmp_path: Path) -> None:
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "b" / "photo.jpg").write_bytes(PHOTO)
    (tmp_path / "a" / "b" / "up").symlink_to(tmp_path / "a")
    (tmp_path / "a" / "self").symlink_to(".")
    (tmp_path / "a" / "dangling.jpg").symlink_to(tmp_path / "gone.jpg")
    files, problems = listing(tmp_path / "a")
    assert list(files) == ["b/photo.jpg"]
    messages = dict(problems)
    assert "loops back to a parent" in messages["b/up"]
    assert "loops back to a parent" in messages["self"]
    assert "broken link or no permission" in messages["dangling.jpg"]


def test_pipes_sockets_and_devices_are_skipped_without_blocking(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.jpg")
    (tmp_path / "null.jpg").symlink_to("/dev/null")
    (tmp_path / "photo.jpg").write_bytes(PHOTO)
    files, problems = listing(tmp_path)
    assert list(files) == ["photo.jpg"]
    assert dict(problems) == {
        "null.jpg": "special file (pipe, socket or device); skipped",
        "pipe.jpg": "special file (pipe, socket or device); skipped",
    }
    with pytest.raises(BadData, match="not a regular file"):
        discover(tmp_path / "pipe.jpg", Limits(), lambda *_: None).__next__()


def test_a_file_turned_into_a_pipe_after_listing_does_not_block(tmp_path: Path) -> None:
    (tmp_path / "photo.jpg").write_bytes(PHOTO)
    export = next(discover(tmp_path, Limits(), lambda *_: None))
    (tmp_path / "photo.jpg").unlink()
    os.mkfifo(tmp_path / "photo.jpg")
    with pytest.raises(BadData, match="no longer a regular file"):
        export.container.read("photo.jpg", 1 << 20)


def _as_nobody(work: Path, job: str) -> str:
    """Run ``job`` in a child process that dropped root, as an ordinary user would run the app.

    Root reads files whatever their mode, so ``chmod 000`` alone proves nothing under root.
    """
    read_fd, write_fd = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - child
        os.close(read_fd)
        try:
            os.setgid(NOBODY)
            os.setuid(NOBODY)
            if job == "list":
                files, problems = listing(work)
                text = repr((sorted(files), problems))
            else:
                try:
                    Audit.open(work).set_setting("x", "1")
                    text = "written"
                except Exception as exc:  # noqa: BLE001 - reported to the parent
                    text = f"{type(exc).__name__}: {exc}"
        except BaseException as exc:  # noqa: BLE001 - reported to the parent
            text = f"child failed: {exc!r}"
        os.write(write_fd, text.encode())
        os._exit(0)
    os.close(write_fd)
    chunks = []
    while chunk := os.read(read_fd, 65536):
        chunks.append(chunk)
    os.close(read_fd)
    os.waitpid(pid, 0)
    return b"".join(chunks).decode()


@pytest.fixture
def shared_tmp() -> Path:
    """A folder an unprivileged child process can reach (pytest's tmp_path is root-only)."""
    folder = Path(tempfile.mkdtemp(prefix="exposure-audit-"))
    folder.chmod(0o777)
    yield folder
    import shutil

    shutil.rmtree(folder, ignore_errors=True)


def test_permission_denied_files_and_folders_are_problems(shared_tmp: Path) -> None:
    source = shared_tmp / "photos"
    (source / "closed").mkdir(parents=True)
    (source / "closed" / "inside.jpg").write_bytes(PHOTO)
    (source / "secret.jpg").write_bytes(PHOTO)
    (source / "open.jpg").write_bytes(PHOTO)
    (source / "secret.jpg").chmod(0o000)
    (source / "closed").chmod(0o000)
    for path in (shared_tmp, source, source / "open.jpg"):
        path.chmod(0o755 if path.is_dir() else 0o644)
    if os.geteuid() == 0:
        # Root bypasses file modes; the walk runs in a child that dropped to user 'nobody'.
        text = _as_nobody(source, "list")
    else:
        files, problems = listing(source)
        text = repr((sorted(files), problems))
    assert "['open.jpg']" in text
    assert "('closed', 'cannot list folder: Permission denied')" in text
    assert "('secret.jpg', 'cannot read: Permission denied')" in text


def test_read_only_audit_says_so_and_stays_intact(shared_tmp: Path) -> None:
    path = shared_tmp / "ro.audit"
    with Audit.open(path) as audit:
        audit.set_setting("before", "kept")
    os.chown(path, NOBODY, NOBODY)
    path.chmod(0o400)
    if os.geteuid() == 0:  # root writes read-only files; try as an ordinary user
        text = _as_nobody(path, "write")
    else:
        try:
            Audit.open(path).set_setting("x", "1")
            text = "written"
        except Exception as exc:  # noqa: BLE001
            text = f"{type(exc).__name__}: {exc}"
    assert text.startswith("EnvironmentProblem: "), text
    assert "read-only" in text
    path.chmod(0o600)
    if os.geteuid() == 0:  # the user's own again; the other user's lock and WAL are refused
        os.chown(path, 0, 0)
        for suffix in (".lock", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
    with Audit.open(path) as audit:
        assert audit.setting("before") == "kept"
        assert audit.setting("x") is None


NAMES = {
    "nfc": unicodedata.normalize("NFC", "Zoë café.jpg"),
    "nfd": unicodedata.normalize("NFD", "Renée.jpg"),
    "emoji": "🙂 selfie 👩‍👩‍👧.jpg",
    "rtl": "صورة\u200f.jpg",
    "cjk": "写真.jpg",
    "newline": "two\nlines.jpg",
    "backslash": "back\\slash.jpg",
    "fullwidth": "ｆｕｌｌ.jpg",
}


def test_names_in_every_unicode_form_are_listed_and_read_back(tmp_path: Path) -> None:
    source = tmp_path / unicodedata.normalize("NFD", "Exporté")
    source.mkdir()
    for name in NAMES.values():
        (source / name).write_bytes(PHOTO)
    # Same name in NFC and NFD: two files on Linux, both kept apart.
    (source / unicodedata.normalize("NFC", "Renée.jpg")).write_bytes(face_bytes("biden.jpg"))
    raw = os.fsencode(source) + b"/latin1-\xe9t\xe9.jpg"  # not UTF-8 at all
    with open(raw, "wb") as handle:
        handle.write(PHOTO)
    files, problems = listing(source)
    assert problems == []
    assert len(files) == len(NAMES) + 2
    for location, data in files.items():
        location.encode("utf-8")  # storable and printable
        assert unicodedata.is_normalized("NFC", location)
        assert read_location(str(source), location) == data
    renee = sorted(v for k, v in files.items() if k.startswith("Ren"))
    assert renee == sorted([PHOTO, face_bytes("biden.jpg")])
    assert "latin1-\ufffdt\ufffd.jpg" in files


def test_very_long_paths_are_read_or_reported(tmp_path: Path) -> None:
    source = tmp_path / "deep"
    source.mkdir()
    longest = "n" * 251 + ".jpg"  # 255 bytes, the usual limit for one name
    (source / longest).write_bytes(PHOTO)
    folder_fd = os.open(source, os.O_RDONLY)
    try:
        for _ in range(20):  # ~5,000 characters deep, past PATH_MAX
            os.mkdir("d" * 250, dir_fd=folder_fd)
            next_fd = os.open("d" * 250, os.O_RDONLY, dir_fd=folder_fd)
            os.close(folder_fd)
            folder_fd = next_fd
        fd = os.open("photo.jpg", os.O_WRONLY | os.O_CREAT, 0o600, dir_fd=folder_fd)
        os.write(fd, PHOTO)
        os.close(fd)
    finally:
        os.close(folder_fd)
    files, problems = listing(source)
    assert list(files) == [longest]
    assert problems, "the too-deep folder must be reported"
    location, message = problems[0]
    assert location.startswith("d" * 250)
    assert "File name too long" in message or "cannot" in message
