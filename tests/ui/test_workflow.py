"""The whole workflow with real faces and real workers: enroll, add sources, scan, decide, reopen."""

from __future__ import annotations

import html

import pytest
from PySide6.QtCore import Qt

from exposure_audit.scan.pipeline import ScanSettings
from exposure_audit.vocabulary import Decision
from tests.support.ui import FACES, open_audit, photo_folder, photo_zip
from ui import labels
from ui.main_window import MainWindow
from ui.models.roles import RowRole

pytestmark = pytest.mark.slow

FOLDER = ["obama3.jpg", "biden.jpg", "kit1.jpg", "two_people.jpg"]
ARCHIVE = ["obama-240p.jpg", "biden2.jpg", "rose1.jpg"]


def shown(page) -> dict[str, object]:
    proxy = page.proxy
    rows = [proxy.index(n, 0).data(RowRole) for n in range(proxy.rowCount())]
    return {labels.file_name(r): r for r in rows}


def test_enroll_scan_decide_reopen(qtbot, tmp_path, window):
    audit = tmp_path / "me.audit"
    open_audit(qtbot, window, audit)

    # You: two selfies, as the file dialog would hand them over.
    with qtbot.waitSignal(window.you.enrolled, timeout=30_000):
        window.you.add_selfie_files([str(FACES / "obama.jpg"), str(FACES / "obama2.jpg")])
    entries = window.you.model.entries()
    assert [e.usable for e in entries] == [True, True]
    assert all(e.crop is not None for e in entries)

    # Where to look: a folder and a zip, each recognised and counted.
    folder, archive = photo_folder(tmp_path, FOLDER), photo_zip(tmp_path, ARCHIVE)
    with qtbot.waitSignal(window.sources.sources_added, timeout=10_000):
        window.sources.add_paths([str(folder), str(archive)])
    model = window.sources.model
    qtbot.waitUntil(
        lambda: (
            model.rowCount() == 2
            and all(model.index(r, 3).data() not in ("…", "—") for r in range(2))
        ),
        timeout=10_000,
    )
    assert model.index(0, 3).data() == "about 4"  # by name, until the scan looks inside
    assert model.index(1, 1).data() == "Zip archive"

    # Scan with real worker processes; the broken zip member is listed, not fatal.
    window.show_page("scan")
    with qtbot.waitSignal(window.scan.scan_finished, timeout=60_000) as finished:
        window.scan.start_scan(ScanSettings(detector="hog", workers=2))
    assert finished.args[0].status == "finished"
    problems = [window.scan.problems.item(n).text() for n in range(window.scan.problems.count())]
    assert any("broken.jpg" in p for p in problems)
    assert window.scan.live.rowCount() >= 2
    # The scan's exact counts replace the estimates at once (no reopening needed).
    qtbot.waitUntil(lambda: model.index(0, 3).data() == "4", timeout=10_000)
    assert model.index(1, 3).data() == f"{len(ARCHIVE) + 1}"  # the broken one is a photo too

    # Findings: the Obama photos, not the Biden-only ones.
    page = window.findings
    window.show_page("findings")
    qtbot.waitUntil(lambda: "obama3.jpg" in shown(page), timeout=10_000)
    names = shown(page)
    assert {"obama3.jpg", "obama-240p.jpg", "two_people.jpg"} <= set(names)
    assert not {"biden.jpg", "biden2.jpg", "kit1.jpg", "rose1.jpg"} & set(names)
    first = names["obama3.jpg"]
    qtbot.waitUntil(lambda: window.session.thumbnails.pixmap(first) is not None, timeout=10_000)

    # Detail pane, then 'Not me' with the N key.
    target = names["obama-240p.jpg"]
    position = next(
        n for n in range(page.proxy.rowCount()) if page.proxy.index(n, 0).data(RowRole) == target
    )
    page.gallery.setFocus()
    page.gallery.select_row(position)
    assert "obama-240p.jpg" in page.context.text()
    qtbot.waitUntil(lambda: page.photo._pixmap is not None, timeout=10_000)
    with qtbot.waitSignal(window.session.decision_saved, timeout=5_000) as saved:
        qtbot.keyClick(page.gallery, Qt.Key.Key_N)
    assert saved.args == [target.face_id, "not_me"]

    # 'That's me' with the Y key on the last photo: it stays shown, with its decision.
    page.gallery.select_row(page.proxy.rowCount() - 1)
    last = page.current_row()
    with qtbot.waitSignal(window.session.decision_saved, timeout=5_000):
        qtbot.keyClick(page.gallery, Qt.Key.Key_Y)
    assert page.current_row().face_id == last.face_id
    assert html.escape(Decision.ME.label) in page.context.text()
    window.close()

    # Reopen in a new window: the decision is still there.
    again = MainWindow()
    qtbot.addWidget(again)
    again.show()
    open_audit(qtbot, again, audit)
    qtbot.waitUntil(lambda: "obama-240p.jpg" in shown(again.findings), timeout=10_000)
    assert shown(again.findings)["obama-240p.jpg"].decision == "not_me"
    assert len(again.you.model.entries()) in (0, 2)  # loads on its own worker
    qtbot.waitUntil(lambda: len(again.you.model.entries()) == 2, timeout=10_000)
    qtbot.waitUntil(lambda: again.overview.summary.photos > 0, timeout=10_000)
    assert again.overview.summary.photos == len({"obama3.jpg", "two_people.jpg"})
    again.close()
