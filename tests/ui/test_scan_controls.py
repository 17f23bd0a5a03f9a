"""Pause, resume, cancel and closing mid-scan, with real workers."""

from __future__ import annotations

import pytest

from exposure_audit.audit.store import Audit
from exposure_audit.report.counts import counts_of
from exposure_audit.scan.pipeline import ScanSettings
from tests.support.ui import enrolled_audit, open_audit, photo_folder

pytestmark = pytest.mark.slow
PHOTOS = ["obama3.jpg", "biden.jpg", "kit1.jpg", "two_people.jpg", "rose1.jpg", "alex1.png"]


def test_pause_holds_the_scan_and_resume_finishes_it(qtbot, tmp_path, window):
    audit = enrolled_audit(tmp_path / "me.audit", [photo_folder(tmp_path, PHOTOS)])
    open_audit(qtbot, window, audit)
    page = window.scan
    with qtbot.waitSignal(page.scan_started):
        page.start_scan(ScanSettings(workers=1))
    assert window.steps.item(3).text() == "Scan (running)"
    page.pause_button.click()
    assert page.pause_button.text() == "Resume"
    qtbot.wait(600)
    assert page.running
    assert not page.job.done.is_set()
    # What the sidebar and the figures say while paused, after the page has polled again.
    assert window.steps.item(3).text() == "Scan (paused)"
    assert page.labels["rate"].text() == "paused"
    assert page.labels["eta"].text() == "paused"
    with qtbot.waitSignal(page.scan_finished, timeout=60_000) as finished:
        page.pause_button.click()
        assert window.steps.item(3).text() == "Scan (running)"
    assert finished.args[0].status == "finished"
    assert not page.running


def test_cancel_keeps_what_is_done(qtbot, tmp_path, window):
    audit = enrolled_audit(tmp_path / "me.audit", [photo_folder(tmp_path, PHOTOS)])
    open_audit(qtbot, window, audit)
    page = window.scan
    with qtbot.waitSignal(page.scan_started):
        page.start_scan(ScanSettings(workers=1))
    qtbot.waitUntil(
        lambda: page.labels["done"].text().startswith(("1 ", "2 ", "3 ")), timeout=30_000
    )
    with qtbot.waitSignal(page.scan_finished, timeout=30_000) as finished:
        page.cancel()
    assert finished.args[0].status in ("cancelled", "finished")
    with Audit.open(audit) as check:
        assert check.stats()["photos"] >= 1


def test_closing_mid_scan_stops_it_and_keeps_what_is_done(qtbot, tmp_path, window):
    audit = enrolled_audit(tmp_path / "me.audit", [photo_folder(tmp_path, PHOTOS)])
    open_audit(qtbot, window, audit)
    with qtbot.waitSignal(window.scan.scan_started):
        window.scan.start_scan(ScanSettings(workers=2))
    # "listing the files…" shows while the folder is still being listed: wait for a photo done
    qtbot.waitUntil(
        lambda: (
            window.scan.labels["done"].text().split(" of ")[0] not in ("—", "0")
            and window.scan.labels["done"].text()[0].isdigit()
        ),
        timeout=30_000,
    )
    window.close()
    assert not window.scan.running
    with Audit.open(audit) as check:
        status = check.db.execute("SELECT status FROM runs ORDER BY id DESC").fetchone()[0]
        assert status in ("cancelled", "finished")
        assert check.stats()["photos"] >= 1


def test_a_stopped_scan_keeps_its_bar_offers_resume_and_counts_across_runs(qtbot, tmp_path, window):
    audit = enrolled_audit(tmp_path / "me.audit", [photo_folder(tmp_path, PHOTOS)])
    open_audit(qtbot, window, audit)
    page = window.scan
    with qtbot.waitSignal(page.scan_started):
        page.start_scan(ScanSettings(workers=1))
    qtbot.waitUntil(lambda: page.labels["done"].text().startswith(("1 ", "2 ")), timeout=30_000)
    page.pause_button.click()  # hold it, so the cancel surely stops it before the end
    with qtbot.waitSignal(page.scan_finished, timeout=30_000) as finished:
        page.cancel()
    assert finished.args[0].status == "cancelled"
    assert 0 < page.progress.value() < page.progress.maximum()  # not filled to 100 %
    assert page.outcome.text().startswith("<b>Stopped")
    assert "Resume" in page.outcome.text()
    assert page.labels["current"].text() == "—"  # the outcome has its own line
    assert page.start_button.text() == "Resume scan"

    with qtbot.waitSignal(page.scan_finished, timeout=60_000) as finished:
        page.start_button.click()
    assert finished.args[0].status == "finished"
    assert page.progress.value() == page.progress.maximum()
    assert page.start_button.text() == "Start scan"
    with Audit.open(audit) as check:
        stats = check.stats()
    # Both counts are refreshed from the audit after the run; wait for both, not one of them.
    qtbot.waitUntil(
        lambda: (
            page.labels["matches"].text() == f"{stats['findings']:,}"
            and page.labels["faces"].text() == f"{stats['faces']:,}"
        )
    )
    assert stats["findings"] >= 2  # obama3.jpg and two_people.jpg, over both runs
    # One unit on the page: the outcome's files checked are the counter's, photos the core's.
    seen = finished.args[0].seen
    assert f"{seen:,} files checked" in page.outcome.text()
    assert page.labels["done"].text().split(" of ")[0] == f"{seen:,}"
    with Audit.open(audit) as check:
        counts = counts_of(check.findings())
    qtbot.waitUntil(lambda: page.labels["photos"].text() == f"{counts.photos:,}")
    assert page.labels["matches"].text() == f"{counts.faces:,}"
