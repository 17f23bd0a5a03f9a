"""Background work: plain functions and the scan generator run on thread pools, never on the GUI thread."""

from __future__ import annotations

import contextlib
import logging
import os
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from exposure_audit.audit.store import Audit, FindingRow
from exposure_audit.errors import EnvironmentProblem
from exposure_audit.scan.pipeline import Finding, Finished, ItemError, Progress, ScanSettings, scan
from ui.errors import report_error

log = logging.getLogger(__name__)

R = TypeVar("R")
V = TypeVar("V")


class _TaskSignals(QObject):
    done = Signal(object)
    failed = Signal(object)


class Task(QRunnable):
    """Runs ``fn()`` on a pool; ``signals.done`` gets the result, ``signals.failed`` the exception."""

    def __init__(self, fn: Callable[[], Any]) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self.fn = fn
        self.signals = _TaskSignals()

    def run(self) -> None:
        try:
            result = self.fn()
        except Exception as exc:  # noqa: BLE001 - handed to the GUI thread, which sorts the tiers
            self.signals.failed.emit(exc)
            return
        self.signals.done.emit(result)


_live: set[Task] = set()
_niced = threading.local()


def background_priority() -> None:
    """Lower the calling worker thread's CPU priority (once), so the GUI thread always wins.

    On Linux niceness belongs to the thread, and the scan's worker processes inherit it.
    """
    if getattr(_niced, "done", False) or not sys.platform.startswith("linux"):
        return
    _niced.done = True
    with contextlib.suppress(OSError):
        os.nice(5)


def run_task(
    pool: QThreadPool,
    fn: Callable[[], R],
    on_done: Callable[[R], None] | None = None,
    on_error: Callable[[Exception], None] | None = None,
    priority: int = 0,
    owner: QObject | None = None,
) -> Task:
    """Start ``fn`` on ``pool``; the callbacks run on the GUI thread.

    Callbacks are dropped when ``owner`` has been deleted, or has ``ended``, by the time the
    work is done.
    """
    task = Task(fn)
    _live.add(task)

    def gone() -> bool:
        if owner is None:
            return False
        return not shiboken6.isValid(owner) or bool(getattr(owner, "ended", False))

    def finished(result: R) -> None:
        _live.discard(task)
        if on_done is not None and not gone():
            on_done(result)

    def failed(exc: Exception) -> None:
        _live.discard(task)
        if gone():
            return
        if on_error is not None:
            on_error(exc)
        else:
            report_error(None, exc)

    task.signals.done.connect(finished)
    task.signals.failed.connect(failed)
    pool.start(task, priority)
    return task


class Freshness:
    """Drops what work started before the newest ``renew`` delivers: a result made stale by a
    newer request (another letter chosen, the list reloaded, a different audit) never shows."""

    def __init__(self) -> None:
        self._current = 0

    def renew(self) -> None:
        """From now on, only work started after this call is fresh."""
        self._current += 1

    def guard(self, callback: Callable[[V], None]) -> Callable[[V], None]:
        """``callback``, called only while no ``renew`` came after this call."""
        stamp = self._current

        def if_fresh(value: V) -> None:
            if stamp == self._current:
                callback(value)

        return if_fresh

    def run_latest(
        self,
        pool: QThreadPool,
        fn: Callable[[], R],
        on_done: Callable[[R], None],
        on_error: Callable[[Exception], None] | None = None,
        *,
        owner: QObject | None = None,
        priority: int = 0,
    ) -> Task:
        """Start ``fn`` as the newest request; whatever older work delivers is dropped."""
        self.renew()
        return run_task(
            pool,
            fn,
            self.guard(on_done),
            self.guard(on_error or (lambda exc: report_error(None, exc))),
            priority,
            owner,
        )


class Relay(QObject):
    """Hands values from a worker thread to ``receive`` on the GUI thread, in the order sent.

    Made on the GUI thread. What is sent before a task returns arrives before its result.
    """

    _sent = Signal(object)

    def __init__(self, receive: Callable[[Any], None], parent: QObject) -> None:
        super().__init__(parent)
        self._sent.connect(receive)

    def send(self, value: object) -> None:
        if shiboken6.isValid(self):  # its window may have closed while the work ran
            self._sent.emit(value)


def with_audit(path: Path, fn: Callable[[Audit], R]) -> R:
    """Call ``fn`` with an audit connection owned by the calling (worker) thread."""
    with Audit.open(path, create=False) as audit:
        return fn(audit)


@dataclass
class ScanSnapshot:
    """What the scan did since the GUI last looked: the latest progress and new events."""

    progress: Progress | None = None
    findings: list[FindingRow] = field(default_factory=list)
    problems: list[ItemError] = field(default_factory=list)
    finished: Finished | None = None
    error: Exception | None = None
    paused: bool = False


class ScanJob(QRunnable):
    """Steps the core's scan generator with its own audit; the GUI polls ``take()`` ~10 times/s.

    Pausing blocks the scan between photos; cancelling stops it, keeping what is done.
    """

    def __init__(
        self, audit_path: Path, settings: ScanSettings, source_ids: list[int] | None
    ) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self.audit_path = audit_path
        self.settings = settings
        self.source_ids = source_ids
        self._lock = threading.Lock()
        self._snapshot = ScanSnapshot()
        self._running = threading.Event()
        self._running.set()
        self._cancel = threading.Event()
        self.done = threading.Event()

    # -- controls (any thread) ------------------------------------------------------------

    def pause(self) -> None:
        self._running.clear()

    def resume(self) -> None:
        self._running.set()

    def cancel(self) -> None:
        self._cancel.set()
        self._running.set()

    @property
    def paused(self) -> bool:
        return not self._running.is_set()

    def take(self) -> ScanSnapshot:
        """Everything new since the last call (GUI thread)."""
        with self._lock:
            snapshot, self._snapshot = self._snapshot, ScanSnapshot()
            snapshot.paused = self.paused
            return snapshot

    # -- the worker side ----------------------------------------------------------------------

    def _cancelled(self) -> bool:
        while not self._running.wait(0.1):
            if self._cancel.is_set():
                break
        return self._cancel.is_set()

    def run(self) -> None:
        background_priority()
        try:
            with Audit.open(self.audit_path, create=False) as audit:
                events = scan(
                    audit, self.settings, cancelled=self._cancelled, source_ids=self.source_ids
                )
                for event in events:
                    self._record(event)
        except Exception as exc:
            if not _is_environment(exc):
                log.exception("scan failed")
            with self._lock:
                self._snapshot.error = exc
        finally:
            self.done.set()

    def _record(self, event: object) -> None:
        with self._lock:
            snap = self._snapshot
            if isinstance(event, Progress):
                snap.progress = event
            elif isinstance(event, Finding):
                snap.findings.append(event.row)
            elif isinstance(event, ItemError):
                snap.problems.append(event)
            elif isinstance(event, Finished):
                snap.finished = event


def _is_environment(exc: Exception) -> bool:
    return isinstance(exc, EnvironmentProblem)


def wait_for(pools: list[QThreadPool], seconds: float = 30.0) -> None:
    """Wait until every pool is idle (on quit, before wiping an audit)."""
    deadline = time.monotonic() + seconds
    for pool in pools:
        remaining = max(0, int((deadline - time.monotonic()) * 1000))
        pool.waitForDone(remaining)
