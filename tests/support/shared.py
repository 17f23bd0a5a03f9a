"""Expensive inputs built once per test run and shared by every test process, read-only."""

from __future__ import annotations

import fcntl
import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest


def built_once(factory: pytest.TempPathFactory, name: str, build: Callable[[Path], Path]) -> Path:
    """What ``build(folder)`` returns, built by the first process of this run that asks.

    Under pytest-xdist every worker has its own base folder inside one folder of the run: the
    first worker builds there under a lock, the others wait and reuse it. Tests must only read
    the result (copy an audit before changing it).
    """
    base = factory.getbasetemp()
    root = base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base
    folder = root / f"shared-{name}"
    done = root / f"shared-{name}.done"
    with open(root / f"shared-{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if done.exists():
            return Path(done.read_text())
        shutil.rmtree(folder, ignore_errors=True)  # left by a build that failed
        folder.mkdir()
        result = build(folder)
        done.write_text(str(result))
        return result
