"""What the scan page says at the start, during a re-scan and about files that stay broken."""

from __future__ import annotations

import pytest

from exposure_audit.scan.pipeline import Progress, ScanSettings
from tests.support.ui import enrolled_audit, open_audit, photo_folder
from ui.pages.scan import speed_text

PHOTOS = ["obama3.jpg", "biden.jpg", "two_people.jpg"]


def test_no_figures_before_there_are_any(window) -> None:
    """While the files are being listed: no '0 of 0', no '0.0 photos per second'."""
    page = window.scan
    page._show_progress(Progress(0, 0, 0, 0, 0, 0.0, None, ""), paused=False)
    assert page.labels["done"].text() == "listing the files…"
    assert page.labels["rate"].text() == "working it out…"
    assert "0.0" not in page.labels["rate"].text()


def test_the_speed_is_given_only_for_photos_analysed() -> None:
    listed = Progress(5, 40, 0, 0, 0, 0.0, None, "")
    assert speed_text(listed, paused=False) == "working it out…"
    unchanged = Progress(40, 40, 0, 0, 0, 25958.7, None, "")  # a re-scan with nothing new
    assert speed_text(unchanged, paused=False) == "nothing new to look at"
    assert speed_text(Progress(8, 40, 8, 8, 2, 2.5, 12.8, ""), paused=False) == (
        "2.5 files per second"
    )
    assert speed_text(Progress(8, 40, 8, 8, 2, 2.5, 12.8, ""), paused=True) == "paused"


@pytest.mark.slow
def test_a_rescan_still_lists_a_broken_file_and_says_nothing_is_new(
    qtbot, tmp_path, window
) -> None:
    folder = photo_folder(tmp_path, PHOTOS)
    (folder / "broken.jpg").write_bytes(b"\xff\xd8\xff\xe0 not a photo at all")
    audit = enrolled_audit(tmp_path / "me.audit", [folder])
    open_audit(qtbot, window, audit)
    page = window.scan
    outcomes = []
    for _run in range(2):
        with qtbot.waitSignal(page.scan_finished, timeout=90_000) as finished:
            page.start_scan(ScanSettings(workers=1))
        outcomes.append(finished.args[0])
        assert finished.args[0].status == "finished"
        assert finished.args[0].problems == 1
        problems = [page.problems.item(n).text() for n in range(page.problems.count())]
        assert len(problems) == 1
        assert "broken.jpg" in problems[0]
    again = outcomes[1]
    assert again.analysed == 0  # nothing read again
    assert "1 problem" in page.outcome.text()
    assert page.labels["rate"].text() in ("nothing new to look at", "working it out…")
    qtbot.waitUntil(lambda: page.labels["photos"].text() != "counted when the scan ends")
    # An empty 'found in this scan' says why, instead of reading as 'nothing found'.
    assert page.live.rowCount() == 0
    assert "Findings shows every photo of you found so far" in page.found_caption.text()
