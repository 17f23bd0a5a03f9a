"""Video findings in the app: the frame, a "video · 0:03" label, a photos/videos filter."""

from __future__ import annotations

from PySide6.QtCore import Qt

from exposure_audit.audit.store import Audit
from exposure_audit.scan.pipeline import ScanSettings, scan
from exposure_audit.vocabulary import MediaKind
from tests.support.clips import Shown, write_clip
from tests.support.ui import enrolled_audit, open_audit, photo_folder
from ui.pages.findings.photos import load_photo


def test_video_findings_are_labelled_shown_and_filtered(qtbot, tmp_path, window):
    folder = photo_folder(tmp_path, ["obama3.jpg"])
    write_clip(folder / "clip.mp4", [Shown("obama-240p.jpg", 2.0, 4.0, 1.0)], seconds=4)
    path = enrolled_audit(tmp_path / "me.audit", [folder])
    with Audit.open(path) as audit:
        list(scan(audit, ScanSettings(workers=1)))
    open_audit(qtbot, window, path)
    page = window.findings
    qtbot.waitUntil(lambda: len(page.model.rows()) == 2, timeout=10_000)
    video = next(r for r in page.model.rows() if r.is_video)
    names = {page.proxy.index(n, 0).data(Qt.ItemDataRole.DisplayRole) for n in range(2)}
    assert f"clip.mp4 · video · 0:0{int(video.video_time or 0)}" in names
    page.filters.media.setCurrentIndex(page.filters.media.findData(MediaKind.VIDEO))
    assert page.proxy.rowCount() == 1
    page.filters.media.setCurrentIndex(page.filters.media.findData(MediaKind.PHOTO))
    assert page.proxy.rowCount() == 1
    assert not page.proxy.index(0, 0).data(Qt.ItemDataRole.DisplayRole).endswith("0")
    image, full, faces = load_photo(path, video)
    assert not image.isNull()
    assert (full.width(), full.height()) == (320, 240)
    assert faces == [(video.face_id, video.box, video.distance)]
