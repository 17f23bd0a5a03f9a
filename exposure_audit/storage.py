"""Where audits, caches and logs live; private files; wiping an audit."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

APP_NAME = "exposure-audit"


def data_dir() -> Path:
    override = os.environ.get("EXPOSURE_AUDIT_HOME")
    if override:
        return Path(override)
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False))


def default_audit_path() -> Path:
    return data_dir() / "audits" / "default.audit"


def cache_dir_for(audit_path: Path) -> Path:
    """The private cache folder of one audit (thumbnails, fetched profile pages)."""
    return audit_path.with_name(audit_path.name + ".cache")


def log_path() -> Path:
    return data_dir() / "logs" / "exposure-audit.log"


def private_dir(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    os.chmod(path, 0o700)
    return path


def forget_audit(audit_path: Path) -> list[Path]:
    """Delete an audit, its journal and lock files, its cache folder and the logs.

    Logs go too: they may name files of the user's. Returns what was removed.

    Raises:
        EnvironmentProblem: another window or process has the audit open.
    """
    from exposure_audit.audit import locking

    locking.acquire(audit_path)  # refuses while another process has the audit open
    try:
        removed = _remove_audit_files(audit_path)
    finally:
        locking.release(audit_path)
    for log in sorted(log_path().parent.glob(log_path().name + "*")):
        _overwrite(log)
        log.unlink(missing_ok=True)
        removed.append(log)
    return removed


def _remove_audit_files(audit_path: Path) -> list[Path]:
    removed = []
    for suffix in ("", "-wal", "-shm", "-journal"):
        candidate = audit_path.with_name(audit_path.name + suffix)
        if candidate.exists():
            _overwrite(candidate)
            candidate.unlink()
            removed.append(candidate)
    cache = cache_dir_for(audit_path)
    if cache.exists():
        for file in sorted(cache.rglob("*"), reverse=True):
            if file.is_file():
                _overwrite(file)
                removed.append(file)
        shutil.rmtree(cache)
        removed.append(cache)
    return removed


def _overwrite(path: Path) -> None:
    """Zero a file before unlinking, so its bytes do not linger in free blocks as easily."""
    try:
        size = path.stat().st_size
        with open(path, "r+b") as handle:
            handle.write(b"\0" * size)
            handle.flush()
            os.fsync(handle.fileno())
    except OSError:
        pass
