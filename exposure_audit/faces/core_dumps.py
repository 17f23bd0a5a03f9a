"""No core files from processes that hold the person's encodings.

A crashing process may leave its whole memory in a core file in the current folder (the
selfies' encodings, the photos being read). Every process of the tool that holds them (the app,
the command line once an audit is open, each worker) asks for none: a core size limit of 0, and
on Linux "not dumpable", which also stops crash collectors that ignore the limit.
"""

from __future__ import annotations

import contextlib
import ctypes
import sys

PR_SET_DUMPABLE = 4


def no_core_dumps() -> None:
    """Make this process (and the ones it starts) leave no core file when it crashes."""
    try:
        import resource
    except ImportError:  # pragma: no cover - Windows writes no core files
        return
    with contextlib.suppress(ValueError, OSError):
        # The soft limit is what the kernel obeys; the hard one stays, so a test (or a user)
        # may still allow core files for a process that holds nothing.
        _soft, hard = resource.getrlimit(resource.RLIMIT_CORE)
        resource.setrlimit(resource.RLIMIT_CORE, (0, hard))
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL(None, use_errno=True).prctl(PR_SET_DUMPABLE, 0, 0, 0, 0)
