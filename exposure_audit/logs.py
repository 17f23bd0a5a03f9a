"""The private log file: rotated, readable by its owner only, never carrying encodings or images."""

from __future__ import annotations

import logging
import logging.handlers
import os

from exposure_audit.errors import EnvironmentProblem
from exposure_audit.storage import log_path, private_dir


def configure_logging() -> None:
    """Log to a private rotating file; logs never carry encodings or image contents."""
    root = logging.getLogger()
    if any(getattr(h, "_exposure_audit", False) for h in root.handlers):
        return
    try:
        path = log_path()
        private_dir(path.parent)
        handler = _PrivateRotatingFile(path, maxBytes=2_000_000, backupCount=2)
    except (OSError, EnvironmentProblem):
        return  # a read-only home must not stop the tool
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler._exposure_audit = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    root.setLevel(logging.INFO)


class _PrivateRotatingFile(logging.handlers.RotatingFileHandler):
    """A rotating log whose every file, rotated ones too, is readable by its owner only."""

    def _open(self):  # type: ignore[no-untyped-def]
        flags = os.O_WRONLY | os.O_APPEND | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0)
        fd = os.open(self.baseFilename, flags, 0o600)
        os.chmod(self.baseFilename, 0o600)
        return os.fdopen(fd, "a", encoding=self.encoding or "utf-8", errors=self.errors)
