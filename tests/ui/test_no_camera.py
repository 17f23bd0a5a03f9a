"""A machine whose QtMultimedia cannot load (no libpulse0): no camera offered, the tests still run.

A bare Debian or Ubuntu machine has PySide6's QtMultimedia module but not the PulseAudio client
library it links against, so importing it raises a plain ImportError (not ModuleNotFoundError).
These tests make that import fail the same way, in this process and in a fresh one.
"""

from __future__ import annotations

import importlib.abc
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.ui import open_audit

ROOT = Path(__file__).resolve().parents[2]
BLOCKED = ("PySide6.QtMultimedia", "PySide6.QtMultimediaWidgets")
MISSING_LIBRARY = "libpulse.so.0: cannot open shared object file: No such file or directory"

# A pytest plugin for the child process: QtMultimedia fails to load as it does without libpulse0.
BLOCKER_PLUGIN = f"""
import importlib.abc, sys

class NoPulseAudio(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name in {BLOCKED!r}:
            raise ImportError({MISSING_LIBRARY!r})
        return None

sys.meta_path.insert(0, NoPulseAudio())
"""


class NoPulseAudio(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):  # type: ignore[no-untyped-def]
        if name in BLOCKED:
            raise ImportError(MISSING_LIBRARY)
        return None


@pytest.fixture
def no_multimedia(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in BLOCKED:
        monkeypatch.delitem(sys.modules, name, raising=False)
    monkeypatch.setattr(sys, "meta_path", [NoPulseAudio(), *sys.meta_path])


def test_without_the_library_the_app_offers_no_camera(
    no_multimedia: None, qtbot, tmp_path: Path
) -> None:
    from ui.app import create_window
    from ui.widgets.camera import camera_available

    with pytest.raises(ImportError, match="libpulse"):
        import PySide6.QtMultimedia  # noqa: F401
    assert camera_available() is False
    window = create_window()
    qtbot.addWidget(window)
    window.show()
    open_audit(qtbot, window, tmp_path / "a.audit")
    assert not window.you.camera_button.isVisibleTo(window.you)
    window.close()


@pytest.mark.slow
def test_the_camera_tests_skip_rather_than_fail_without_the_library(tmp_path: Path) -> None:
    (tmp_path / "no_pulseaudio.py").write_text(BLOCKER_PLUGIN)
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(tmp_path), str(ROOT)]),
        "QT_QPA_PLATFORM": "offscreen",
    }
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-p",
            "no_pulseaudio",
            "-p",
            "no:cacheprovider",
            "-n",
            "0",
            "-q",
            "-rs",
            "tests/ui/test_camera.py",
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    assert "1 skipped" in run.stdout
    assert "libpulse" in run.stdout  # the skip says why
