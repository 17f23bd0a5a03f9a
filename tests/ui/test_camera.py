"""Selfies from the camera: everything after the captured frame, with real frames of real faces."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPainter

from exposure_audit.errors import UserMistake
from exposure_audit.faces.enrollment import assess_selfie, assess_selfies
from tests.support.ui import FACES, open_audit
from ui.widgets.camera import SHOTS, CameraDialog, GuidedShots, camera_available, frame_bytes


def video_frame_class() -> type:
    """QtMultimedia's QVideoFrame, or a skip where the module cannot load.

    QtMultimedia needs the system's PulseAudio client library (libpulse0 on Debian and Ubuntu).
    Without it the import fails with a plain ImportError, which pytest's importorskip does not
    skip, so a bare machine would fail at collection; `test_no_camera.py` proves it does not.
    """
    try:
        from PySide6.QtMultimedia import QVideoFrame
    except ImportError as error:
        pytest.skip(f"QtMultimedia cannot load (is libpulse0 installed?): {error}")
    return QVideoFrame


WIDTH, HEIGHT = 1280, 720


def camera_frame(name: str | None, mirrored: bool = False) -> QImage:
    """A frame as a 1280×720 webcam delivers it: the photo letterboxed on black, RGB32."""
    frame = QImage(WIDTH, HEIGHT, QImage.Format.Format_RGB32)
    frame.fill(Qt.GlobalColor.black)
    if name is None:
        return frame
    photo = QImage(str(FACES / name)).scaled(
        WIDTH,
        HEIGHT,
        Qt.AspectRatioMode.KeepAspectRatio,
        Qt.TransformationMode.SmoothTransformation,
    )
    if mirrored:
        photo = photo.flipped(Qt.Orientation.Horizontal)
    painter = QPainter(frame)
    painter.drawImage((WIDTH - photo.width()) // 2, (HEIGHT - photo.height()) // 2, photo)
    painter.end()
    return frame


def test_three_guided_shots_in_order() -> None:
    guided = GuidedShots()
    assert guided.instruction == SHOTS[0][1]
    assert not guided.take(camera_frame("obama.jpg"))
    assert "left" in guided.instruction
    assert not guided.take(camera_frame("obama2.jpg"))
    guided.retake()
    assert not guided.take(camera_frame("obama2.jpg"))
    assert "right" in guided.instruction
    assert guided.take(camera_frame("obama3.jpg"))
    assert [name for name, _ in guided.shots] == [
        "camera-straight.png",
        "camera-left.png",
        "camera-right.png",
    ]
    assert guided.take(camera_frame("biden.jpg"))  # a fourth press changes nothing
    assert len(guided.shots) == 3
    with pytest.raises(UserMistake, match="not delivered"):
        GuidedShots().take(QImage())


@pytest.mark.parametrize("name", ["obama.jpg", "obama2.jpg", "two_people.jpg", None])
def test_a_frame_gets_the_verdict_its_photo_gets_as_a_file(
    name: str | None, tmp_path: Path
) -> None:
    frame = camera_frame(name, mirrored=True)
    as_file = tmp_path / "frame.jpg"
    assert frame.save(str(as_file), "JPEG", 95)
    from_camera = assess_selfie(frame_bytes(frame), "camera-straight.png")
    from_file = assess_selfie(as_file.read_bytes(), "frame.jpg")
    assert from_camera.usable == from_file.usable
    assert from_camera.problems == from_file.problems
    assert from_camera.notes == from_file.notes
    if name == "obama.jpg":
        assert from_camera.usable
        original = assess_selfie((FACES / name).read_bytes(), name)
        assert np.linalg.norm(from_camera.encoding - original.encoding) < 0.2
    if name is None:
        assert not from_camera.usable


def test_three_frames_agree_like_three_files() -> None:
    guided = GuidedShots()
    for name in ("obama.jpg", "obama2.jpg", "obama3.jpg"):
        guided.take(camera_frame(name))
    reports = assess_selfies(guided.shots)
    assert all(r.usable for r in reports)
    odd = GuidedShots()
    for name in ("obama.jpg", "obama2.jpg", "kit1.jpg"):
        odd.take(camera_frame(name))
    files = [(n, (FACES / n).read_bytes()) for n in ("obama.jpg", "obama2.jpg", "kit1.jpg")]
    assert not assess_selfies(odd.shots)[2].usable  # set aside as likely someone else
    assert [r.usable for r in assess_selfies(odd.shots)] == [
        r.usable for r in assess_selfies(files)
    ]


def test_the_dialog_hands_three_shots_to_the_you_page(qtbot, window, tmp_path: Path) -> None:
    QVideoFrame = video_frame_class()
    open_audit(qtbot, window, tmp_path / "a.audit")
    page = window.you
    assert page.camera_button.isVisibleTo(page) == camera_available()
    dialog = CameraDialog(page)
    qtbot.addWidget(dialog)
    dialog.shots_taken.connect(page.add_selfie_images)
    sink = dialog.preview.videoSink()  # frames arrive as from a camera, through the video sink
    with qtbot.waitSignal(page.enrolled, timeout=60_000):
        for name in ("obama.jpg", "obama2.jpg", "obama3.jpg"):
            sink.setVideoFrame(QVideoFrame(camera_frame(name)))
            qtbot.mouseClick(dialog.take_button, Qt.MouseButton.LeftButton)
    usable = [e for e in page.model.entries() if e.reference_id is not None]
    assert len(usable) == 3
    assert not dialog.isVisible()
