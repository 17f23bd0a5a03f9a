"""The app's "Clean copy…": before and after side by side, cleaned off the GUI thread, saved."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import threading
from pathlib import Path

import numpy as np
import pytest
from PIL import Image
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent, QImage
from PySide6.QtWidgets import QLabel

from exposure_audit.audit.findings import FindingRow
from exposure_audit.faces.detection import find_faces
from exposure_audit.imaging import read_image
from tests.clean.photos import tagged_jpeg
from tests.support.ui import enrolled_audit, open_audit
from ui import errors
from ui.widgets import clean_dialog
from ui.widgets.clean_dialog import CleanDialog

NONE = np.empty((0, 128))


@pytest.fixture
def window(qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    from PySide6.QtCore import QSettings

    from ui.app import create_window

    monkeypatch.setenv("EXPOSURE_AUDIT_HOME", str(tmp_path / "home"))
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "qs"))
    errors.shown_bugs.clear()
    win = create_window()
    qtbot.addWidget(win)
    win.show()
    yield win
    win.close()
    assert errors.shown_bugs == []


@pytest.fixture
def photo(tmp_path: Path) -> Path:
    folder = tmp_path / "photos"
    folder.mkdir()
    path = folder / "two.jpg"
    path.write_bytes(tagged_jpeg("two_people.jpg"))
    return path


def _finding(photo: Path) -> FindingRow:
    """The finding of the user's face in ``photo``, as the scan records it."""
    return FindingRow(
        face_id=1,
        item_id=1,
        sha256="0" * 64,
        source=str(photo.parent),
        location=photo.name,
        distance=0.3,
        band="strong",
        box=(56, 390, 194, 254),
        decision=None,
        format="JPEG",
        width=1126,
        height=661,
        context={"platform": "Facebook", "kind": "post"},
    )


def _array(image: QImage) -> np.ndarray:
    image = image.convertToFormat(QImage.Format.Format_RGB888)
    width, height = image.width(), image.height()
    raw = np.frombuffer(image.constBits(), np.uint8).reshape(height, image.bytesPerLine())
    return np.ascontiguousarray(raw[:, : 3 * width].reshape(height, width, 3))


def _shown(label: QLabel) -> np.ndarray:
    return _array(label.pixmap().toImage())


def _biden(photo: Path, obama_refs: np.ndarray) -> np.ndarray:
    faces = find_faces(read_image(photo.read_bytes()), obama_refs, keep_encodings=True)
    other = max(faces, key=lambda f: f.distance or 0)
    assert other.encoding is not None
    return other.encoding


def _open_dialog(qtbot, window, photo: Path, tmp_path: Path) -> CleanDialog:
    open_audit(qtbot, window, enrolled_audit(tmp_path / "me.audit", [photo.parent]))
    window.show_page("findings")
    window.findings.set_rows([_finding(photo)])
    window.findings.gallery.select_row(0)
    assert window.findings.clean_button.isEnabled()
    qtbot.mouseClick(window.findings.clean_button, Qt.MouseButton.LeftButton)
    dialog = window.findChild(CleanDialog)
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.save_button.isEnabled(), timeout=60_000)
    return dialog


def test_a_finding_is_cleaned_off_the_gui_thread_and_shown_before_and_after(
    qtbot, window, photo: Path, tmp_path: Path, obama_refs, monkeypatch: pytest.MonkeyPatch
) -> None:
    threads: list[threading.Thread] = []
    real = clean_dialog.clean_photo

    def recording(*args, **kwargs):
        threads.append(threading.current_thread())
        return real(*args, **kwargs)

    monkeypatch.setattr(clean_dialog, "clean_photo", recording)
    dialog = _open_dialog(qtbot, window, photo, tmp_path)
    assert threads
    assert threading.main_thread() not in threads
    text = dialog.removed.text()
    assert "GPS 52.3731, 4.8922 removed; camera and dates removed" in text
    assert "1 other face blurred; your face kept" in text
    biden = _biden(photo, obama_refs)
    for label in (dialog.before, dialog.after):  # the bystander is blurred in both
        shown = _shown(label)
        assert shown.shape[1] <= clean_dialog.PREVIEW_SIDE
        big = np.asarray(Image.fromarray(shown).resize((shown.shape[1] * 3, shown.shape[0] * 3)))
        faces = find_faces(read_image(_png(big)), NONE, keep_encodings=True)
        encodings = [f.encoding for f in faces if f.encoding is not None]
        assert all(np.linalg.norm(encoding - biden) > 0.6 for encoding in encodings)


def test_saving_writes_owner_only_copies_and_asks_before_replacing(
    qtbot, window, photo: Path, tmp_path: Path
) -> None:
    original = photo.read_bytes()
    dialog = _open_dialog(qtbot, window, photo, tmp_path)
    out = tmp_path / "to-post"
    with qtbot.waitSignal(dialog.written, timeout=30_000) as written:
        dialog.save(out)
    (copy,) = written.args[0]
    assert copy == out / "two.jpg"
    assert copy.stat().st_mode & 0o777 == 0o600
    assert not Image.open(copy).getexif()
    before = copy.read_bytes()
    asked: list[list[str]] = []
    dialog.ask_overwrite = lambda names: asked.append(names) or False  # type: ignore[method-assign]
    dialog.save(out)
    qtbot.waitUntil(lambda: bool(asked), timeout=30_000)
    assert asked == [["two.jpg"]]
    assert copy.read_bytes() == before
    assert photo.read_bytes() == original


def test_photos_dropped_on_the_window_open_the_dialog(qtbot, window, photo: Path) -> None:
    video = photo.parent / "clip.mp4"
    video.write_bytes(b"\x00\x00\x00\x18ftypmp42")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(photo.parent))])
    event = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.dropEvent(event)
    dialog = window.findChild(CleanDialog)
    assert dialog is not None
    assert [p.name for p in dialog.photos] == ["clip.mp4", "two.jpg"]
    qtbot.waitUntil(lambda: len(dialog.prepared) == 2, timeout=60_000)
    assert "videos are not cleaned yet" in dialog.prepared[0].copy.result.summary()
    assert dialog.prepared[1].copy.data is not None


def test_in_workshop_mode_copies_go_into_the_participants_folder(
    qtbot, window, photo: Path
) -> None:
    window.workshop.set_active(True)
    root = window.workshop.workshop.root
    assert root is not None
    dialog = window.show_clean(clean_dialog.photos_at([photo]))
    qtbot.waitUntil(lambda: dialog.save_button.isEnabled(), timeout=60_000)
    assert dialog.save_button.text() == "Save into the workshop folder"
    with qtbot.waitSignal(dialog.written, timeout=30_000) as written:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    (copy,) = written.args[0]
    assert root in copy.parents
    assert str(root) not in dialog.status.text()
    dialog.close()
    window.workshop.next_participant()
    assert not copy.exists()
    window.workshop.set_active(False)


def _png(rgb: np.ndarray) -> bytes:
    import io

    out = io.BytesIO()
    Image.fromarray(rgb).save(out, "PNG")
    return out.getvalue()
