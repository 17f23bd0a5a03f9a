"""Worker processes end with the scan that started them, even when it is killed outright.

Workers hold the person's encodings; they must not outlive the app. On Linux the kernel sends
them SIGKILL when their parent dies (PR_SET_PDEATHSIG); elsewhere a thread watches the parent.
"""

from __future__ import annotations

import ctypes
import os
import signal
import sys
import threading
import time

PR_SET_PDEATHSIG = 1
_POLL_SECONDS = 1.0


def end_with_parent() -> None:
    """Make this process end as soon as its parent process ends."""
    parent = os.getppid()
    if not (sys.platform.startswith("linux") and _death_signal()):
        threading.Thread(target=_watch, args=(parent,), name="parent-watch", daemon=True).start()
    if os.getppid() != parent:  # the parent died before the signal was armed
        os._exit(1)


def _death_signal() -> bool:
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        return libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0
    except (OSError, AttributeError):
        return False


def _watch(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(_POLL_SECONDS)
    os._exit(1)
