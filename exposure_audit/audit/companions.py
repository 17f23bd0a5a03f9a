"""The files beside an audit (SQLite's ``-wal``, ``-shm``, ``-journal``; the lock) are the user's own.

SQLite adopts a companion file that already exists: in a folder others can write (/tmp, a
shared stick), another user could plant an empty ``-wal`` and ``-shm`` readable by all and read
the audit's pages from them, or plant a WAL of their own to replace its contents. So a
companion that is a link, not a plain file, owned by someone else or open to others is refused
before SQLite opens the audit; the WAL and shared memory are created owner-only by the tool
itself, and checked again once SQLite holds them.
"""

from __future__ import annotations

import contextlib
import os
import stat
import sys
from pathlib import Path

from exposure_audit.errors import EnvironmentProblem
from exposure_audit.i18n import _

SQLITE_SUFFIXES = ("-wal", "-shm", "-journal")
CREATED_PRIVATE = ("-wal", "-shm")  # what WAL mode opens on every connection
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_OWNER_CHECKS = sys.platform != "win32" and hasattr(os, "geteuid")


def companion(audit_path: Path, suffix: str) -> Path:
    return audit_path.with_name(audit_path.name + suffix)


def refuse_foreign(path: Path, st: os.stat_result) -> None:
    """Raise unless ``st`` (of ``path``, not followed) is a plain file only this user can use.

    Raises:
        EnvironmentProblem: a link, not a regular file, another user's, or open to others.
    """
    if stat.S_ISLNK(st.st_mode):
        why = "is a link"
    elif not stat.S_ISREG(st.st_mode):
        why = "is not a plain file"
    elif _OWNER_CHECKS and st.st_uid != os.geteuid():
        why = f"belongs to another user of this computer (user id {st.st_uid})"
    elif _OWNER_CHECKS and st.st_mode & 0o077:
        why = f"can be read or written by other users (mode {stat.S_IMODE(st.st_mode):o})"
    elif st.st_nlink > 1:
        why = "has other names (hard links) elsewhere"
    else:
        return
    raise EnvironmentProblem(
        _(
            "{path} {why}, so it is not the audit's own file. Exposure Audit never lets another"
            " user's file beside an audit hold or change it; the audit was not opened. Move the"
            " audit to a folder only you can write (such as one in your home folder) and open it"
            " there."
        ).format(path=path, why=why)
    )


def prepare(audit_path: Path) -> None:
    """Refuse planted companions; create the WAL and shared memory owner-only if missing.

    Raises:
        EnvironmentProblem: a companion is not the user's own private file.
    """
    _make_private(audit_path)
    for suffix in SQLITE_SUFFIXES:
        path = companion(audit_path, suffix)
        st = _lstat(path)
        if st is None and suffix in CREATED_PRIVATE:
            st = _create_private(path)
        if st is not None:
            refuse_foreign(path, st)


def confirm(audit_path: Path) -> None:
    """After SQLite opened the audit: the WAL and shared memory it holds are the user's own.

    A file planted between ``prepare`` and SQLite's open (or one SQLite made anew, as it does
    for an empty audit) is checked before anything is written.

    Raises:
        EnvironmentProblem: a companion is someone else's file.
    """
    for suffix in CREATED_PRIVATE:
        path = companion(audit_path, suffix)
        st = _lstat(path)
        if st is not None:  # none on a read-only medium: nothing beside the audit then
            refuse_foreign(path, st)


def _make_private(audit_path: Path) -> None:
    """The audit itself owner-only: SQLite gives the files it makes beside it the same mode."""
    if not _OWNER_CHECKS:
        return
    st = os.stat(audit_path)
    if st.st_uid != os.geteuid():
        raise EnvironmentProblem(
            _(
                "The audit {path} belongs to another user of this computer (user id {uid}), who"
                " could change it while it is open. It was not opened. Copy it to a folder of"
                " your own and open the copy."
            ).format(path=audit_path, uid=st.st_uid)
        )
    if st.st_mode & 0o077:
        os.chmod(audit_path, 0o600)  # an audit is personal data, as every file of the tool


def _lstat(path: Path) -> os.stat_result | None:
    try:
        return os.lstat(path)
    except FileNotFoundError:
        return None


def _create_private(path: Path) -> os.stat_result | None:
    """An empty owner-only file at ``path``, or what another process put there first."""
    try:
        fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_RDWR | _NOFOLLOW, 0o600)
    except FileExistsError:
        return _lstat(path)  # planted in between: checked like any other
    except OSError:
        return None  # a read-only folder: SQLite says what is wrong when it writes
    try:
        return os.fstat(fd)
    finally:
        with contextlib.suppress(OSError):
            os.close(fd)
