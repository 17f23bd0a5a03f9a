"""Workshop mode: every participant's audit lives in a private temporary folder, wiped after."""

from __future__ import annotations

import atexit
import contextlib
import logging
import os
import socket
import sys
import tempfile
from pathlib import Path
from typing import Any

from exposure_audit.errors import EnvironmentProblem
from exposure_audit.i18n import N_, _
from exposure_audit.logs import configure_logging
from exposure_audit.private_files import wipe_folder
from exposure_audit.storage import forget_audit
from ui.screen_privacy import SCREEN

PREFIX = "exposure-audit-workshop-"
FONT_SCALE = 1.4
DELETED = N_("All data of the last participant was deleted.")

_offline = False


def _refuse_network(event: str, args: tuple[Any, ...]) -> None:
    """An audit hook: while workshop mode is on, no socket may connect anywhere.

    Local sockets stay allowed: the scan talks to its own worker processes through one.
    """
    if not _offline or event not in ("socket.connect", "socket.getaddrinfo"):
        return
    if event == "socket.connect" and getattr(args[0], "family", None) == socket.AF_UNIX:
        return
    raise OSError("Workshop mode: this computer stays offline")


_hook_installed = False


def go_offline(offline: bool) -> None:
    """Refuse every network connection of this process (audit hooks cannot be removed: a flag)."""
    global _offline, _hook_installed
    _offline = offline
    if offline and not _hook_installed:
        sys.addaudithook(_refuse_network)
        _hook_installed = True


def _detach_logging() -> bool:
    """Close the tool's log file; whether one was open."""
    root = logging.getLogger()
    found = False
    for handler in list(root.handlers):
        if getattr(handler, "_exposure_audit", False):
            root.removeHandler(handler)
            handler.close()
            found = True
    return found


def sweep_leftovers() -> list[Path]:
    """Remove workshop folders a crashed run left behind (only this user's, only dead runs)."""
    removed = []
    for folder in Path(tempfile.gettempdir()).glob(PREFIX + "*"):
        if folder.is_symlink() or not folder.is_dir() or folder.stat().st_uid != os.getuid():
            continue
        try:
            pid = int((folder / "owner.pid").read_text())
        except (OSError, ValueError):
            pid = 0
        if pid and _alive(pid):
            continue
        if not wipe_folder(folder).left:
            removed.append(folder)
    return removed


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


class Workshop:
    """The temporary home of one participant: audit, sample data, caches and logs.

    While it is active, ``EXPOSURE_AUDIT_HOME`` points into it, so everything the tool writes
    (audits, their caches and thumbnails, logs) lands there and goes with ``wipe``.
    """

    def __init__(self) -> None:
        self.root: Path | None = None
        self._on = False
        self._exit_hook = False
        self._had_log = False
        self._saved_home: str | None = None

    @property
    def active(self) -> bool:
        return self.root is not None

    @property
    def home(self) -> Path:
        assert self.root is not None
        return self.root / "home"

    @property
    def audit_path(self) -> Path:
        return self.home / "audits" / "participant.audit"

    @property
    def sample_folder(self) -> Path:
        assert self.root is not None
        return self.root / "sample"

    @property
    def output_folder(self) -> Path:
        assert self.root is not None
        return self.root / "takeaway"

    def in_use(self) -> bool:
        """Whether this participant has begun: an audit or sample data exists."""
        return self.audit_path.exists() or any(self.sample_folder.iterdir())

    def start(self) -> None:
        """Begin (or begin again): a fresh private folder, logs inside it, no network, no paths."""
        if not self._on:
            self._on = True
            self._saved_home = os.environ.get("EXPOSURE_AUDIT_HOME")
            self._had_log = _detach_logging()
            sweep_leftovers()
            if not self._exit_hook:
                atexit.register(self._wipe_at_exit)  # an exit that skips the window's close
                self._exit_hook = True
        self.root = Path(tempfile.mkdtemp(prefix=PREFIX))
        (self.root / "owner.pid").write_text(str(os.getpid()))
        for folder in (self.home, self.sample_folder, self.output_folder):
            folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        os.environ["EXPOSURE_AUDIT_HOME"] = str(self.home)
        _detach_logging()
        configure_logging()
        go_offline(True)
        SCREEN.hide_paths = SCREEN.blur_others = SCREEN.offline = True
        SCREEN.save_folder = self.output_folder

    def wipe(self) -> None:
        """Delete everything of the current participant (the audit first, overwritten).

        Raises:
            EnvironmentProblem: something could not be deleted (it is tried again on exit).
        """
        if self.root is None:
            return
        _detach_logging()
        if self.audit_path.exists():
            with contextlib.suppress(EnvironmentProblem, OSError):
                forget_audit(self.audit_path)  # the folder's wipe below gets whatever is left
        SCREEN.save_folder = None
        left = wipe_folder(self.root).left
        if left:
            raise EnvironmentProblem(
                _(
                    "Not everything of the last participant could be deleted (%(reason)s). "
                    "Close the app to try again."
                )
                % {"reason": left[0][1]}
            )
        self.root = None

    def _wipe_at_exit(self) -> None:
        with contextlib.suppress(EnvironmentProblem):
            self.wipe()  # what stays is swept the next time workshop mode starts

    def next_participant(self) -> None:
        self.wipe()
        self.start()

    def stop(self) -> None:
        """Wipe and leave workshop mode: the user's own data folder and logs come back."""
        self.wipe()
        if not self._on:
            return
        self._on = False
        if self._saved_home is None:
            os.environ.pop("EXPOSURE_AUDIT_HOME", None)
        else:
            os.environ["EXPOSURE_AUDIT_HOME"] = self._saved_home
        if self._had_log:  # started with --workshop: no log of the user's is opened now
            configure_logging()
        go_offline(False)
        SCREEN.hide_paths = SCREEN.blur_others = SCREEN.offline = False
