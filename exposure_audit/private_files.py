"""Private files: written atomically and owner-only, removed without following links."""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from exposure_audit.errors import EnvironmentProblem
from exposure_audit.i18n import _

_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_WIPE_CHUNK = 1024 * 1024


def private_dir(path: Path) -> Path:
    """Create ``path`` (and missing parents) owner-only; an existing folder is made 0700.

    Raises:
        EnvironmentProblem: ``path`` is a symbolic link or not a folder.
    """
    missing = []
    for folder in (path, *path.parents):
        if os.path.lexists(folder):
            break
        missing.append(folder)
    for folder in reversed(missing):
        with contextlib.suppress(FileExistsError):
            os.mkdir(folder, 0o700)
    if os.path.islink(path) or not path.is_dir():
        raise EnvironmentProblem(
            _(
                "{path} is a link or not a folder; Exposure Audit keeps its private files only in"
                " a real folder of its own. Remove it and try again."
            ).format(path=path)
        )
    os.chmod(path, 0o700)
    return path


@contextlib.contextmanager
def private_target(path: Path) -> Iterator[Path]:
    """A private temp file beside ``path`` to write; on success it replaces ``path`` atomically.

    The temp file is created 0600 before anything is written, flushed to disk, then renamed;
    a failed write leaves ``path`` as it was. A link at ``path`` is replaced, never followed.
    Missing parent folders are created owner-only.

    Raises:
        OSError: the folder cannot be written (callers turn this into their own message).
    """
    path = Path(path)
    if not path.parent.exists():
        private_dir(path.parent)
    fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    os.close(fd)  # mkstemp creates the file 0600
    try:
        yield Path(temp)
        fd = os.open(temp, os.O_RDONLY | _NOFOLLOW)
        try:
            os.fchmod(fd, 0o600)  # a writer that re-created the file keeps it private too
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(temp, path)
        _sync_folder(path.parent)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise


def write_private(path: Path, data: bytes | str) -> Path:
    """Write ``data`` (text as UTF-8) to ``path`` atomically, owner-only.

    Raises:
        OSError: the file cannot be written.
    """
    raw = data.encode("utf-8") if isinstance(data, str) else data
    with private_target(Path(path)) as temp, open(temp, "wb") as handle:
        handle.write(raw)
    return Path(path)


def _sync_folder(folder: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


@dataclass
class Removal:
    """What a wipe removed, and what it left alone with the reason."""

    removed: list[Path] = field(default_factory=list)
    left: list[tuple[Path, str]] = field(default_factory=list)

    def extend(self, other: Removal) -> None:
        self.removed += other.removed
        self.left += other.left


def wipe_file(path: Path) -> Removal:
    """Zero and delete one regular file of the tool's own; a link or anything else is left."""
    result = Removal()
    try:
        st = os.lstat(path)
    except FileNotFoundError:
        return result
    except OSError as exc:
        result.left.append((path, exc.strerror or str(exc)))
        return result
    if stat.S_ISLNK(st.st_mode):
        result.left.append((path, "a link placed there by someone else; left alone"))
        return result
    if not stat.S_ISREG(st.st_mode):
        result.left.append((path, "not a regular file; left alone"))
        return result
    try:
        _zero(path)
        os.unlink(path)
    except OSError as exc:
        result.left.append((path, exc.strerror or str(exc)))
        return result
    result.removed.append(path)
    return result


def _zero(path: Path) -> None:
    """Overwrite a file's bytes so they linger less in free blocks; never through a link."""
    fd = os.open(path, os.O_WRONLY | _NOFOLLOW | getattr(os, "O_NONBLOCK", 0))
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            return
        left = st.st_size
        zeros = b"\0" * min(left, _WIPE_CHUNK)
        while left > 0:
            left -= os.write(fd, zeros[: min(left, _WIPE_CHUNK)])
        os.fsync(fd)
    finally:
        os.close(fd)


def wipe_folder(folder: Path) -> Removal:
    """Zero and delete a folder of the tool's own; links inside are unlinked, never followed.

    A link at ``folder`` itself is left alone: the tool did not create it.
    """
    result = Removal()
    try:
        st = os.lstat(folder)
    except FileNotFoundError:
        return result
    except OSError as exc:
        result.left.append((folder, exc.strerror or str(exc)))
        return result
    if stat.S_ISLNK(st.st_mode) or not stat.S_ISDIR(st.st_mode):
        result.left.append((folder, "a link or file placed there by someone else; left alone"))
        return result
    for root, folders, files in os.walk(folder, topdown=False, followlinks=False):
        for name in files:
            result.extend(_wipe_inside(Path(root) / name))
        for name in folders:
            result.extend(_remove_inner_folder(Path(root) / name))
    result.extend(_remove_inner_folder(folder))
    return result


def _wipe_inside(path: Path) -> Removal:
    """Inside the tool's own folder a link is the tool's to remove (the link, not its target)."""
    if os.path.islink(path):
        result = Removal()
        try:
            os.unlink(path)
            result.removed.append(path)
        except OSError as exc:
            result.left.append((path, exc.strerror or str(exc)))
        return result
    return wipe_file(path)


def _remove_inner_folder(folder: Path) -> Removal:
    result = Removal()
    try:
        if os.path.islink(folder):
            os.unlink(folder)
        else:
            os.rmdir(folder)
        result.removed.append(folder)
    except OSError as exc:
        result.left.append((folder, exc.strerror or str(exc)))
    return result
