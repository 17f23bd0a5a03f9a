"""Selfies from the webcam: three guided shots, judged exactly like selfie files.

QtMultimedia comes with the full PySide6 package; without it, or without a camera, the app
simply offers no camera button.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QBuffer, QIODevice, Signal
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from exposure_audit.errors import UserMistake
from exposure_audit.i18n import N_, _

SHOTS = (
    ("straight", N_("Shot 1 of 3: look straight into the camera.")),
    ("left", N_("Shot 2 of 3: turn your head slightly to the left.")),
    ("right", N_("Shot 3 of 3: turn your head slightly to the right.")),
)


def camera_available() -> bool:
    """Whether QtMultimedia is installed and sees at least one camera."""
    try:
        from PySide6.QtMultimedia import QMediaDevices
    except ImportError:
        return False
    return bool(QMediaDevices.videoInputs())


def frame_bytes(frame: QImage) -> bytes:
    """A captured frame as a lossless PNG, the form selfie files take on their way in."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    png = frame.convertToFormat(QImage.Format.Format_RGB888)
    png.save(buffer, "PNG")  # type: ignore[call-overload]  # the stubs want bytes; Qt takes str
    return bytes(buffer.data().data())


@dataclass
class GuidedShots:
    """Collects one frame per shot, in order; ``shots`` are (name, PNG bytes) like pasted ones."""

    shots: list[tuple[str, bytes]] = field(default_factory=list)

    @property
    def done(self) -> bool:
        return len(self.shots) >= len(SHOTS)

    @property
    def instruction(self) -> str:
        return _("All three shots taken.") if self.done else _(SHOTS[len(self.shots)][1])

    def take(self, frame: QImage) -> bool:
        """Keep ``frame`` as the current shot; True once all three are taken.

        Raises:
            ValueError: the frame is empty (the camera delivered nothing yet).
        """
        if frame.isNull() or frame.width() == 0:
            raise UserMistake(_("the camera has not delivered a picture yet"))
        if not self.done:
            key = SHOTS[len(self.shots)][0]
            self.shots.append((f"camera-{key}.png", frame_bytes(frame)))
        return self.done

    def retake(self) -> None:
        """Drop the last shot."""
        if self.shots:
            self.shots.pop()


class CameraDialog(QDialog):
    """The camera's live picture, the instruction for the next shot, and "Take photo".

    ``shots_taken`` fires with the three (name, PNG bytes) shots; nothing is written to disk.
    """

    shots_taken = Signal(list)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Selfies from the camera"))
        self.guided = GuidedShots()
        self._latest = QImage()
        self.instruction = QLabel(self.guided.instruction)
        self.instruction.setAccessibleName(_("What to do for the next shot"))
        self.take_button = QPushButton(_("Take photo"))
        self.take_button.setDefault(True)
        self.retake_button = QPushButton(_("Take the last one again"))
        self.take_button.clicked.connect(self._on_take_clicked)
        self.retake_button.clicked.connect(self._on_retake_clicked)
        self.preview = self._start_camera()
        buttons = QHBoxLayout()
        buttons.addWidget(self.take_button)
        buttons.addWidget(self.retake_button)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.instruction)
        layout.addLayout(buttons)
        self._update()

    def _start_camera(self) -> QWidget:
        try:
            from PySide6.QtMultimedia import QCamera, QMediaCaptureSession
            from PySide6.QtMultimediaWidgets import QVideoWidget
        except ImportError:
            return QLabel(_("The camera cannot be used on this computer."))
        self.camera = QCamera(self)
        self.capture = QMediaCaptureSession(self)
        self.capture.setCamera(self.camera)
        video = QVideoWidget()
        video.setMinimumSize(480, 360)
        self.capture.setVideoOutput(video)
        video.videoSink().videoFrameChanged.connect(self._on_frame)
        self.camera.start()
        return video

    def _on_frame(self, frame: object) -> None:
        self._latest = frame.toImage()  # type: ignore[attr-defined]

    def take_frame(self, frame: QImage) -> None:
        """Use ``frame`` as the next shot (what "Take photo" does with the live picture)."""
        try:
            finished = self.guided.take(frame)
        except UserMistake as exc:
            self.instruction.setText(str(exc).capitalize() + ".")
            return
        self._update()
        if finished:
            self.shots_taken.emit(list(self.guided.shots))
            self.accept()

    def _on_take_clicked(self) -> None:
        self.take_frame(self._latest)

    def _on_retake_clicked(self) -> None:
        self.guided.retake()
        self._update()

    def _update(self) -> None:
        self.instruction.setText(self.guided.instruction)
        self.retake_button.setEnabled(bool(self.guided.shots))

    def done(self, result: int) -> None:
        camera = getattr(self, "camera", None)
        if camera is not None:
            camera.stop()  # the camera light goes off as soon as the dialog closes
        super().done(result)
