"""Double-clicking a video finding plays it at the moment the person appears, in a real
player process (a script on PATH that writes down its command line); archives stay closed."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from exposure_audit.audit.store import Audit
from exposure_audit.scan.pipeline import ScanSettings, scan
from tests.support.clips import Shown, clip_bytes
from tests.support.ui import enrolled_audit, open_audit
from ui.open_video import player_argv

ME_AT_2 = [Shown("obama-240p.jpg", 2.0, 4.0, 1.0)]


@pytest.fixture(scope="module")
def scanned(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("videos")
    folder = root / "phone"
    folder.mkdir()
    clip = clip_bytes(ME_AT_2, seconds=4)
    (folder / "clip.mp4").write_bytes(clip)
    with zipfile.ZipFile(folder / "export.zip", "w") as archive:
        archive.writestr("media/story.mp4", clip)
    path = enrolled_audit(root / "me.audit", [folder])
    with Audit.open(path) as audit:
        list(scan(audit, ScanSettings(workers=1)))
    return path


def fake_player(folder: Path, name: str) -> Path:
    """A real executable named like the player that writes its arguments, one a line."""
    folder.mkdir(exist_ok=True)
    out = folder / f"{name}.args"
    script = folder / name
    script.write_text(f"#!/bin/sh\nprintf '%s\\n' \"$@\" > '{out}'\n", encoding="utf-8")
    script.chmod(0o755)
    return out


def double_click(qtbot, page, name: str):
    qtbot.waitUntil(lambda: len(page.model.rows()) == 2, timeout=10_000)
    for n in range(page.proxy.rowCount()):
        index = page.proxy.index(n, 0)
        if name in index.data(Qt.ItemDataRole.DisplayRole):
            page.gallery.doubleClicked.emit(index)  # the view's own double-click signal
            return next(r for r in page.model.rows() if r.location.endswith(name))
    raise AssertionError(f"{name} not in the gallery")


@pytest.mark.parametrize(("player", "option"), [("vlc", "--start-time="), ("mpv", "--start=")])
def test_double_click_plays_the_video_at_its_moment(
    qtbot, tmp_path, window, scanned, monkeypatch, player, option
) -> None:
    out = fake_player(tmp_path / "bin", player)
    monkeypatch.setenv("PATH", str(tmp_path / "bin"))
    open_audit(qtbot, window, scanned)
    row = double_click(qtbot, window.findings, "clip.mp4")
    qtbot.waitUntil(out.exists, timeout=10_000)
    qtbot.waitUntil(lambda: len(out.read_text().splitlines()) == 2, timeout=5_000)
    start, video = out.read_text().splitlines()
    assert start.startswith(option)
    assert 2.0 <= float(start.removeprefix(option)) < 4.0
    assert float(start.removeprefix(option)) == pytest.approx(row.video_time, abs=0.001)
    assert video.endswith("phone/clip.mp4")
    assert Path(video).is_file()
    assert window.findings.large is None or not window.findings.large.isVisible()


def test_vlc_is_preferred_to_mpv(tmp_path, monkeypatch) -> None:
    fake_player(tmp_path, "vlc")
    fake_player(tmp_path, "mpv")
    monkeypatch.setenv("PATH", str(tmp_path))
    argv = player_argv(Path("clip.mp4"), 3.25)
    assert argv == [str(tmp_path / "vlc"), "--start-time=3.25", str(Path("clip.mp4").absolute())]


def test_a_video_in_an_archive_is_not_extracted_to_play_it(
    qtbot, tmp_path, window, scanned, monkeypatch
) -> None:
    out = fake_player(tmp_path / "bin", "vlc")
    monkeypatch.setenv("PATH", str(tmp_path / "bin"))
    open_audit(qtbot, window, scanned)
    row = double_click(qtbot, window.findings, "story.mp4")
    dialog = window.findings.large
    assert dialog is not None
    caption = dialog.caption.text()
    assert "inside an archive" in caption
    assert f"You appear at 0:0{int(row.video_time or 0)}." in caption
    qtbot.wait(300)
    assert not out.exists()
