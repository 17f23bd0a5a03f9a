"""Playing a video finding at the moment the person is in it, in the system's player.

VLC and mpv take a start time on their command line; any other player opens the video at its
start, and the person is told when they appear. A video inside an archive is never extracted
to play it: its frame is shown, and the person is told where it lives and when they appear.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import QProcess
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from exposure_audit.i18n import _
from exposure_audit.sources.containers import ARCHIVE_SEPARATOR
from exposure_audit.vocabulary import video_moment
from ui.desktop import open_file

# Players that start at a given second: (program on PATH, its option), tried in this order.
PLAYERS = (("vlc", "--start-time="), ("mpv", "--start="))


def in_archive(path: str) -> bool:
    return ARCHIVE_SEPARATOR in path


def player_argv(video: Path, seconds: float) -> list[str] | None:
    """The command that plays ``video`` from ``seconds``, or None when no such player is found.

    The path is absolute, so it can never be read as an option."""
    start = f"{max(0.0, seconds):.3f}".rstrip("0").rstrip(".")
    for name, option in PLAYERS:
        program = shutil.which(name)
        if program:
            return [program, f"{option}{start}", str(video.absolute())]
    return None


def archived_note(seconds: float) -> str:
    return _(
        "This video is inside an archive; it is not extracted to play it. You appear at %(time)s."
    ) % {"time": video_moment(seconds)}


def play_video(path: str, seconds: float, parent: QWidget | None = None) -> bool:
    """Play the video at ``path`` from ``seconds`` (not for archive members); True if started."""
    video = Path(path)
    argv = player_argv(video, seconds)
    if argv is not None:
        started, _pid = QProcess.startDetached(argv[0], argv[1:])
        if started:
            return True
    if not open_file(video, parent):
        return False
    _say(
        parent,
        _("The video opens at the start; you appear at %(time)s.")
        % {"time": video_moment(seconds)},
    )
    return True


def _say(parent: QWidget | None, text: str) -> QMessageBox:
    box = QMessageBox(
        QMessageBox.Icon.Information,
        _("Playing the video"),
        text,
        QMessageBox.StandardButton.Ok,
        parent or QApplication.activeWindow(),
    )
    box.setObjectName("video_time_note")
    box.open()
    return box
