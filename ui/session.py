"""The open audit as the app sees it: its path, the worker pools, and change notifications."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QThreadPool, Signal

from exposure_audit import actions
from exposure_audit.audit.store import Audit
from exposure_audit.vocabulary import Decision
from ui.thumbnails import ThumbnailCache
from ui.workers import R, run_task, wait_for, with_audit


def _pool(threads: int, parent: QObject) -> QThreadPool:
    pool = QThreadPool(parent)
    pool.setMaxThreadCount(threads)
    return pool


class Session(QObject):
    """One per window. Database work goes to ``db_pool`` (one thread, so writes keep their order)."""

    opened = Signal(object)  # Path
    closed = Signal()
    references_changed = Signal()
    sources_changed = Signal()
    findings_changed = Signal()
    decision_saved = Signal(int, object)  # face id, decision

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.path: Path | None = None
        self.threshold = 0.6
        self.ended = False  # the window has closed: no new work, no late results
        self.db_pool = _pool(1, self)
        self.io_pool = _pool(3, self)
        self.job_pool = _pool(2, self)
        self.scan_pool = _pool(1, self)
        self.thumbnails = ThumbnailCache(self.io_pool, parent=self)

    @property
    def pools(self) -> list[QThreadPool]:
        return [self.scan_pool, self.job_pool, self.io_pool, self.db_pool]

    def open(
        self,
        path: Path,
        on_done: Callable[[Path], None] | None = None,
        on_error: Callable[[Exception], None] | None = None,
    ) -> None:
        """Open (creating if needed) the audit at ``path`` on a worker."""

        def create() -> float:
            with Audit.open(path) as audit:
                return audit.threshold

        def opened(threshold: float) -> None:
            self.path = path
            self.threshold = threshold
            self.thumbnails.reset(path)
            self.opened.emit(path)
            if on_done is not None:
                on_done(path)

        run_task(self.db_pool, create, opened, on_error, owner=self)

    def close(self) -> None:
        self.path = None
        self.thumbnails.reset(None)
        self.closed.emit()

    def db(
        self,
        fn: Callable[[Audit], R],
        on_done: Callable[[R], None] | None = None,
        on_error: Callable[[Exception], None] | None = None,
    ) -> None:
        """Run ``fn(audit)`` on the database thread; ``on_done(result)`` on the GUI thread."""
        if self.path is None or self.ended:
            return
        path = self.path
        run_task(self.db_pool, lambda: with_audit(path, fn), on_done, on_error, owner=self)

    def job(
        self,
        fn: Callable[[], R],
        on_done: Callable[[R], None] | None = None,
        on_error: Callable[[Exception], None] | None = None,
    ) -> None:
        """Run slow work (enrollment, inspecting sources) off the GUI thread."""
        if self.ended:
            return
        run_task(self.job_pool, fn, on_done, on_error, owner=self)

    def set_decision(self, face_id: int, decision: Decision | None) -> None:
        """Save a decision at once; ``decision_saved`` fires when it is on disk."""
        self.db(
            lambda audit: actions.decide(audit, [face_id], decision),
            lambda _none: self.decision_saved.emit(face_id, decision),
        )

    def shutdown(self) -> None:
        wait_for(self.pools)

    def end(self) -> None:
        """The window closes: wait for the work under way, then start none and report none.

        Results still queued for the GUI thread are dropped, so that nothing reaches for an
        audit that closing has removed (the sample's temporary one).
        """
        self.shutdown()
        self.ended = True
        if self.path is not None:
            self.close()
