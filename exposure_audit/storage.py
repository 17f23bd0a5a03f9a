"""Where audits, caches and logs live; wiping an audit."""

from __future__ import annotations

import os
from pathlib import Path

from exposure_audit.private_files import Removal, private_dir, wipe_file, wipe_folder

APP_NAME = "exposure-audit"


def data_dir() -> Path:
    override = os.environ.get("EXPOSURE_AUDIT_HOME")
    if override:
        return Path(override)
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False))


def default_audit_path() -> Path:
    return data_dir() / "audits" / "default.audit"


__all__ = ["Removal", "cache_dir_for", "data_dir", "forget_audit", "log_path", "private_dir"]


def cache_dir_for(audit_path: Path) -> Path:
    """The private cache folder of one audit (thumbnails, fetched profile pages)."""
    return audit_path.with_name(audit_path.name + ".cache")


def log_path() -> Path:
    return data_dir() / "logs" / "exposure-audit.log"


def forget_audit(audit_path: Path) -> Removal:
    """Wipe an audit, its journal and lock files, its cache folder and the logs.

    Only what the tool created goes: a link placed beside the audit is left alone (its target
    is never touched) and reported in ``left``, as is anything that could not be removed.
    Logs go too: they may name files of the user's. Works when the audit itself is gone.

    Raises:
        EnvironmentProblem: another window or process has the audit open.
    """
    from exposure_audit.audit import locking

    result = Removal()
    locking.acquire(audit_path)  # refuses while another process has the audit open
    try:
        for suffix in ("", "-wal", "-shm", "-journal"):
            result.extend(wipe_file(audit_path.with_name(audit_path.name + suffix)))
        result.extend(wipe_folder(cache_dir_for(audit_path)))
    finally:
        locking.release(audit_path)
    logs = log_path()
    for log in sorted(logs.parent.glob(logs.name + "*")):
        result.extend(wipe_file(log))
    return result
