"""A whole workshop round in the real window, and what workshop mode promises on screen."""

from __future__ import annotations

import os
import shutil
import socket
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, Qt, QTimer
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QApplication, QMessageBox

from exposure_audit.private_files import Removal
from tests.support.ui import pick_folder_when_asked
from ui.screen_privacy import SCREEN, shown_path
from ui.widgets.photo_view import PhotoView
from ui.widgets.takeaway_dialog import TakeawayDialog
from ui.workshop import DELETED, PREFIX

MARKERS = (b"Sam Sample", b"invented", b"participant.audit", b"Exposure score")


@pytest.fixture
def private_places(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[str, Path]]:
    """Temp and cache folders of their own, so the test can search them whole."""
    # The temp folder is short: the scan's worker server puts a socket in it, and a socket's
    # path may not be longer than about 100 bytes.
    temp = Path(tempfile.mkdtemp(prefix="ea-"))
    places = {"temp": temp, "cache": tmp_path / "cache", "config": tmp_path / "qs"}
    for folder in places.values():
        folder.mkdir(exist_ok=True)
    monkeypatch.setenv("TMPDIR", str(places["temp"]))
    monkeypatch.setenv("XDG_CACHE_HOME", str(places["cache"]))
    monkeypatch.setattr(tempfile, "tempdir", None)  # gettempdir() reads TMPDIR again
    yield places
    shutil.rmtree(temp, ignore_errors=True)


def _click_when_asked(button_text: str) -> None:
    """Answer the next message box by clicking the button labelled ``button_text``."""

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(50, answer)
            return
        for button in box.buttons():
            if button.text() == button_text:
                button.click()
                return

    QTimer.singleShot(50, answer)


def _left_of_the_round(folders: list[Path], keep: Path) -> list[str]:
    """Files in ``folders`` (outside the new participant's empty folder) that hold the round."""
    found = []
    for folder in folders:
        for path in folder.rglob("*"):
            if keep in path.parents or path == keep or not path.is_file():
                continue
            data = path.read_bytes()
            if path.suffix in (".jpg", ".pdf", ".zip", ".audit") or any(m in data for m in MARKERS):
                found.append(str(path))
    return found


def _temp_entries(temp: Path) -> list[Path]:
    """What is in the temporary folder, but multiprocessing's own folder for the socket of the
    scan's worker server (it holds nothing else and goes when the app exits)."""
    return [p for p in temp.iterdir() if not p.name.startswith("pymp-")]


@pytest.mark.slow
def test_a_whole_workshop_round_leaves_nothing_behind(
    qtbot, window, private_home: Path, private_places: dict[str, Path]
) -> None:
    window.workshop.set_active(True)
    root = window.workshop.workshop.root
    assert root is not None
    assert root.parent == private_places["temp"]
    assert window.workshop.bar.isVisible()

    # sample data -> scan -> score shown, big, on the overview
    with qtbot.waitSignal(window.scan.scan_finished, timeout=180_000):
        qtbot.mouseClick(window.start.sample_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.current_page() is window.overview, timeout=10_000)
    card = window.overview.score_card
    qtbot.waitUntil(lambda: card.score is not None and card.score.score > 0, timeout=10_000)
    assert card.number.text() == str(card.score.score)
    assert card.number.font().pointSizeF() >= 3 * QApplication.font().pointSizeF()
    assert "Public photos" in card.parts.text()

    # takeaway PDF written, into the participant's folder
    qtbot.mouseClick(card.takeaway_button, Qt.MouseButton.LeftButton)
    dialog = window.findChild(TakeawayDialog)
    assert dialog is not None
    with qtbot.waitSignal(dialog.written, timeout=60_000) as written:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    pdf: Path = written.args[0]
    assert pdf.is_file()
    assert root in pdf.parents
    assert str(root) not in dialog.status.text()  # no path on screen
    dialog.close()
    assert list(root.rglob("*.audit"))

    # a file dialog looked in the participant's folder: Qt keeps no record of it
    pick_folder_when_asked(root, [])
    window.sources.folder_button.click()
    assert str(root) not in "".join(p.read_text() for p in private_places["config"].rglob("*.conf"))
    assert list(root.rglob("*.log"))

    # one click, one confirmation, a visible message
    _click_when_asked("Delete and start again")
    with qtbot.waitSignal(window.workshop.wiped, timeout=30_000):
        qtbot.mouseClick(window.workshop.bar.next_button, Qt.MouseButton.LeftButton)
    assert DELETED in window.workshop.bar.status.text()
    assert window.workshop.bar.status.isVisible()
    assert not root.exists()
    fresh = window.workshop.workshop.root
    assert fresh is not None
    assert fresh != root
    assert window.overview.score_card.number.text() == "0"
    assert window.scan.live.rowCount() == 0

    # nothing of the round anywhere: data, cache, temp, settings
    searched = [private_home, *private_places.values()]
    assert _left_of_the_round(searched, keep=fresh) == []
    assert [p for p in _temp_entries(private_places["temp"]) if p != fresh] == []

    # closing the app wipes the fresh folder too and gives the user's home back
    window.close()
    assert not fresh.exists()
    assert os.environ["EXPOSURE_AUDIT_HOME"] == str(private_home)
    assert _temp_entries(private_places["temp"]) == []


def test_the_settings_switch_turns_it_on_and_off(window, private_home: Path) -> None:
    page = window.settings_page
    page.workshop.setChecked(True)
    assert window.workshop.active
    assert os.environ["EXPOSURE_AUDIT_HOME"] != str(private_home)
    assert page.data_label.text() == "(hidden in workshop mode)"
    assert not window.scan.online.isVisibleTo(window.scan)
    assert not window.sources.url_button.isVisibleTo(window.sources)
    big = QApplication.font().pointSizeF()
    root = window.workshop.workshop.root
    page.workshop.setChecked(False)
    assert not window.workshop.active
    assert root is not None
    assert not root.exists()
    assert os.environ["EXPOSURE_AUDIT_HOME"] == str(private_home)
    assert QApplication.font().pointSizeF() < big
    assert not SCREEN.hide_paths
    assert not SCREEN.blur_others


def test_no_connection_leaves_the_app_in_workshop_mode(window) -> None:
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)
    address = listener.getsockname()
    try:
        window.workshop.set_active(True)
        with pytest.raises(OSError, match="offline"):
            socket.create_connection(address, timeout=2)
        window.workshop.set_active(False)
        socket.create_connection(address, timeout=2).close()
    finally:
        listener.close()


def test_paths_are_shown_by_their_last_name_only(window) -> None:
    path = "/home/someone/Downloads/facebook-x.zip!/your_facebook_activity/posts/media/p.jpg"
    assert shown_path(path) == path
    window.workshop.set_active(True)
    assert shown_path(path) == "p.jpg"
    assert shown_path("/home/someone/Pictures/") == "Pictures"
    window.workshop.set_active(False)


def _spread(image: QImage, rect: QRect) -> int:
    values = {image.pixelColor(x, y).rgb() for x in range(rect.left(), rect.right(), 2)
              for y in range(rect.top(), rect.bottom(), 2)}  # fmt: skip
    return len(values)


def test_other_faces_are_blurred_on_screen(qtbot, window) -> None:
    face = QImage(str(Path(__file__).parents[1] / "data" / "faces" / "two_people.jpg"))
    pixmap = QPixmap.fromImage(face)
    view = PhotoView()
    qtbot.addWidget(view)
    view.resize(pixmap.size())
    # two_people.jpg: the right-hand face is someone else's
    other = (80, 980, 330, 740)
    view.set_photo(pixmap, pixmap.size(), [(1, other, False)], current=0)
    inner = QRect(780, 120, 160, 170)
    sharp = _spread(view.grab().toImage(), inner)
    window.workshop.set_active(True)
    blurred = _spread(view.grab().toImage(), inner)
    window.workshop.set_active(False)
    assert blurred < sharp / 10


def test_the_workshop_flag_opens_the_app_in_workshop_mode(monkeypatch: pytest.MonkeyPatch) -> None:
    import ui.app
    from ui.launcher import main

    calls: list[bool] = []
    monkeypatch.setattr(ui.app, "main", lambda workshop=False: calls.append(workshop) or 0)
    assert main(["--workshop"]) == 0
    assert calls == [True]


def test_folders_of_a_crashed_run_are_swept(private_places: dict[str, Path]) -> None:
    from ui.workshop import sweep_leftovers

    dead = private_places["temp"] / (PREFIX + "dead")
    (dead / "home").mkdir(parents=True)
    (dead / "home" / "participant.audit").write_bytes(b"Sam Sample")
    (dead / "owner.pid").write_text("999999999")
    alive = private_places["temp"] / (PREFIX + "alive")
    alive.mkdir()
    (alive / "owner.pid").write_text(str(os.getpid()))
    assert sweep_leftovers() == [dead]
    assert not dead.exists()
    assert alive.exists()


def test_a_wipe_that_fails_says_so_instead_of_claiming_success(
    window, monkeypatch: pytest.MonkeyPatch
) -> None:
    import ui.workshop
    import ui.workshop_mode

    window.workshop.set_active(True)
    root = window.workshop.workshop.root

    def stuck(folder: Path) -> Removal:
        return Removal(left=[(folder / "home", "Permission denied")])

    monkeypatch.setattr(ui.workshop, "wipe_folder", stuck)
    shown: list[str] = []
    monkeypatch.setattr(ui.workshop_mode, "report_error", lambda _w, exc: shown.append(str(exc)))
    window.workshop.next_participant()
    assert shown
    assert shown[0].startswith("Not everything of the last participant could be deleted")
    assert DELETED not in window.workshop.bar.status.text()
    monkeypatch.undo()
    window.workshop.set_active(False)
    assert root is not None
    assert not root.exists()
