"""Background work: results reach the GUI thread, and a newer request makes older results stale."""

from __future__ import annotations

import threading

from PySide6.QtCore import QThreadPool
from pytestqt.qtbot import QtBot

from exposure_audit.errors import UserMistake
from ui.workers import Freshness, run_task


def test_only_the_newest_request_is_delivered(qtbot: QtBot) -> None:
    pool = QThreadPool()
    fresh = Freshness()
    first_may_finish = threading.Event()
    shown: list[str] = []

    def slow() -> str:
        first_may_finish.wait(10)
        return "older"

    fresh.run_latest(pool, slow, shown.append)
    fresh.run_latest(pool, lambda: "newer", shown.append)
    qtbot.waitUntil(lambda: shown == ["newer"], timeout=5000)
    first_may_finish.set()  # the older one ends after the newer one was shown
    pool.waitForDone(5000)
    qtbot.wait(50)
    assert shown == ["newer"]


def test_a_stale_failure_is_dropped_too(qtbot: QtBot) -> None:
    pool = QThreadPool()
    fresh = Freshness()
    failures: list[Exception] = []

    def refused() -> str:
        raise UserMistake("asked for something else")

    fresh.run_latest(pool, refused, lambda _value: None, failures.append)
    fresh.renew()  # e.g. the audit was closed while the work ran
    pool.waitForDone(5000)
    qtbot.wait(50)
    assert failures == []


def test_a_guarded_callback_runs_while_fresh(qtbot: QtBot) -> None:
    pool = QThreadPool()
    fresh = Freshness()
    got: list[int] = []
    run_task(pool, lambda: 1, fresh.guard(got.append))
    run_task(pool, lambda: 2, fresh.guard(got.append))  # guards share a round: both arrive
    qtbot.waitUntil(lambda: sorted(got) == [1, 2], timeout=5000)
