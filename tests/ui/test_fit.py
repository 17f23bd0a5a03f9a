"""The window fits small and zoomed screens: 1024×700 at 100 %, 1280×720 at 150 %, larger text."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from ui import prefs

ROOT = Path(__file__).resolve().parents[2]
PAGES = ("start", "you", "sources", "scan", "findings", "overview", "requests", "settings")
TITLE_BAR = 40  # room left for the window manager's title bar

MEASURE = f"""
import json, os, sys
from PySide6.QtWidgets import QApplication
app = QApplication([])
from ui.app import apply_text_size, create_window
apply_text_size(int(sys.argv[1]))
win = create_window()
win.show()
app.processEvents()
ratio = win.devicePixelRatio()
hint = win.minimumSizeHint()
win.resize(round(int(sys.argv[2]) / ratio), round((int(sys.argv[3]) - 40) / ratio))
app.processEvents()
wide = {{}}
for key in {PAGES!r}:
    page = win.pages[key]
    win.steps.setCurrentRow(list(win.pages).index(key))
    app.processEvents()
    frame = win.stack.currentWidget()
    wide[key] = page.minimumSizeHint().width() - frame.viewport().width()
print(json.dumps({{"ratio": ratio, "min": [hint.width() * ratio, hint.height() * ratio],
                  "too_wide": wide}}))
"""


def measure(tmp_path: Path, scale: str, text: int, width: int, height: int) -> dict:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QT_SCALE_FACTOR=scale)
    env["EXPOSURE_AUDIT_HOME"] = str(tmp_path / "home")
    env["XDG_CONFIG_HOME"] = str(tmp_path / "config")
    out = subprocess.run(
        [sys.executable, "-c", MEASURE, str(text), str(width), str(height)],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120, check=True,
    )  # fmt: skip
    return json.loads(out.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize(
    ("scale", "text", "width", "height"),
    [("1", 100, 1024, 700), ("1.5", 100, 1280, 720), ("1", 150, 1024, 700)],
)
def test_window_fits_the_screen(tmp_path: Path, scale: str, text: int, width: int, height: int):
    got = measure(tmp_path, scale, text, width, height)
    assert got["ratio"] == float(scale)
    min_width, min_height = got["min"]
    assert min_width <= width, got
    assert min_height <= height - TITLE_BAR, got
    # Every page is laid out without scrolling sideways (the letters page at normal text size).
    sideways = {
        k: v for k, v in got["too_wide"].items() if v > 0 and (k != "requests" or text == 100)
    }
    assert sideways == {}, got


def test_window_at_1024_by_700(window, qtbot) -> None:
    window.resize(1024, 660)
    qtbot.waitUntil(lambda: window.width() == 1024 and window.height() == 660)
    assert window.minimumSizeHint().width() <= 1024


def test_text_size_setting_scales_the_app_font(window, qtbot) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    before = app.font().pointSizeF()
    combo = window.settings_page.text_size
    combo.setCurrentIndex(combo.findData(150))
    try:
        assert prefs.text_size() == 150
        assert app.font().pointSizeF() == pytest.approx(before * 1.5, rel=0.01)
        assert window.minimumSizeHint().width() <= 1024
    finally:
        combo.setCurrentIndex(combo.findData(100))
    assert app.font().pointSizeF() == pytest.approx(before, rel=0.01)


def test_a_new_window_is_never_larger_than_the_screen(window) -> None:
    room = window.screen().availableGeometry()
    assert window.width() <= room.width()
    assert window.height() <= room.height()


def test_a_window_saved_small_on_a_zoomed_screen_opens_usable(qtbot) -> None:
    from ui.app import create_window

    small = create_window()
    qtbot.addWidget(small)
    small.resize(698, 354)  # what a run at 150 % on a 1280x720 screen left behind
    small.show()
    small.close()  # saves its geometry
    window = create_window()
    qtbot.addWidget(window)
    window.show()
    room = window.screen().availableGeometry()
    assert window.width() >= min(853, room.width())
    assert window.height() >= min(480, room.height() - 32)
    window.close()
