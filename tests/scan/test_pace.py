"""The estimate of the time left counts the pace of the photos, not the set-up before them."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from exposure_audit.scan.pipeline import _Run


def pace(now: float, **state: object) -> tuple[float, float | None]:
    run = SimpleNamespace(
        started=0.0, listed=10.0, first_analysed=None, in_flight={}, done=0, total=1000
    )
    vars(run).update(state)
    return _Run._pace(run, now)  # type: ignore[arg-type]


def test_starting_the_workers_does_not_stretch_the_estimate() -> None:
    # Listed at 10 s, the first photo back at 15 s (the workers took 5 s to start), 100 done
    # at 25 s: 10 photos a second, so 90 s are left (counted from the listing: 135 s).
    rate, eta = pace(25.0, first_analysed=(15.0, 0), done=100)
    assert rate == pytest.approx(10.0)
    assert eta == pytest.approx(90.0)


def test_files_done_before_the_first_photo_do_not_count_towards_the_pace() -> None:
    # 200 sidecars were read while the workers started: no work of the pace's.
    rate, eta = pace(25.0, first_analysed=(15.0, 200), done=300)
    assert rate == pytest.approx(10.0)
    assert eta == pytest.approx(70.0)


def test_no_estimate_while_the_first_photos_are_being_analysed() -> None:
    _, eta = pace(12.0, done=50, in_flight={"future": "sha"})
    assert eta is None


def test_a_scan_with_nothing_to_analyse_counts_from_the_listing() -> None:
    rate, eta = pace(12.0, done=500)  # unchanged files only: no worker, no photo in flight
    assert rate == pytest.approx(250.0)
    assert eta == pytest.approx(2.0)
