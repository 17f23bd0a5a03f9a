"""One writer per audit: an advisory lock file held by the process that has the audit open.

Threads of one process share the lock (each thread opens its own connection); a second
process, such as another window, is refused with a message it can show. The operating system
drops the lock when a process dies, so a crash never leaves an audit locked.
"""

from __future__ import annotations

import contextlib
import os
import sys
import threading
from pathlib import Path

from exposure_audit.audit.companions import refuse_foreign
from exposure_audit.errors import EnvironmentProblem
from exposure_audit.i18n import _

_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_held: dict[str, tuple[int, int]] = {}  # lock path -> (file descriptor, users in this process)
_guard = threading.Lock()


def lock_path(audit_path: Path) -> Path:
    return audit_path.with_name(audit_path.name + ".lock")


def acquire(audit_path: Path) -> bool:
    """Take the audit's writer lock for this process (again, if a thread holds it already).

    Returns True when this process did not hold it before.

    Raises:
        EnvironmentProblem: another process has the audit open.
    """
    path = lock_path(audit_path)
    key = _key(path)
    with _guard:
        if key in _held:
            held, users = _held[key]
            _held[key] = (held, users + 1)
            return False
        if os.path.islink(path):
            raise EnvironmentProblem(
                _(
                    "{path} is a link, not the audit's own lock file. Exposure Audit never "
                    "follows links beside an audit; remove the link, then try again."
                ).format(path=path)
            )
        fd = _lock_file(path)
        if fd is None:
            raise EnvironmentProblem(
                _(
                    "The audit {audit_path} is in use by another window (another Exposure Audit "
                    "has it open). Close it there, or wait for its scan to finish, then try "
                    "again."
                ).format(audit_path=audit_path)
            )
        if fd >= 0:
            _held[key] = (fd, 1)
        return True


def _lock_file(path: Path) -> int | None:
    """A locked descriptor of the lock file; None if another process holds it, -1 if no file.

    A holder deletes the file as it lets go, so the lock is only ours if the file we locked
    is still the one at ``path``.
    """
    for _attempt in range(10):
        try:
            fd = os.open(path, os.O_RDWR | os.O_CREAT | _NOFOLLOW, 0o600)
        except OSError:
            if os.path.islink(path):  # a link appeared since the check: never write through it
                return None
            with contextlib.suppress(FileNotFoundError):
                refuse_foreign(path, os.lstat(path))  # another user's lock we may not open
            return -1  # a read-only folder: SQLite will say what is wrong on the first write
        try:
            refuse_foreign(path, os.fstat(fd))  # planted by another user: never theirs to hold
        except EnvironmentProblem:
            os.close(fd)
            raise
        if not _try_lock(fd):
            os.close(fd)
            return None
        try:
            same = _same_file(os.fstat(fd), os.lstat(path))
        except OSError:
            same = False
        if same or sys.platform == "win32":
            return fd
        _unlock(fd)
        os.close(fd)
    return None


def release(audit_path: Path) -> None:
    """Give back one use of the lock; the last one unlocks it."""
    path = lock_path(audit_path)
    key = _key(path)
    with _guard:
        if key not in _held:
            return
        fd, users = _held.pop(key)
        if users > 1:
            _held[key] = (fd, users - 1)
            return
        with contextlib.suppress(OSError):
            # Only the file this process locked goes: never a link or file put there since.
            if _same_file(os.fstat(fd), os.lstat(path)):
                os.unlink(path)  # nothing of the user's lingers; a waiting opener re-checks
        _unlock(fd)
        os.close(fd)


def _key(path: Path) -> str:
    """The lock's identity: its folder resolved, its own name not (it may be a planted link)."""
    return os.path.join(os.path.realpath(path.parent), path.name)


def _same_file(a: os.stat_result, b: os.stat_result) -> bool:
    return (a.st_dev, a.st_ino) == (b.st_dev, b.st_ino)


def _try_lock(fd: int) -> bool:
    if sys.platform == "win32":  # pragma: no cover - exercised on Windows builds
        import msvcrt

        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


def _unlock(fd: int) -> None:
    with contextlib.suppress(OSError):
        if sys.platform == "win32":  # pragma: no cover
            import msvcrt

            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        else:
            import fcntl

            fcntl.flock(fd, fcntl.LOCK_UN)
