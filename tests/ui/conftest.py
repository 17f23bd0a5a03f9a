"""Fixtures for the app tests: offscreen Qt, a private home, real faces, real audits."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from ui import errors


@pytest.fixture(autouse=True)
def private_home(qapp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Audits, logs and QSettings go to a temporary folder; no bug dialog may appear."""
    home = tmp_path / "home"
    monkeypatch.setenv("EXPOSURE_AUDIT_HOME", str(home))
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "qs"))
    # Qt's own settings (its file dialog's QtProject.conf) too, never the real ~/.config
    QSettings.setPath(
        QSettings.Format.NativeFormat, QSettings.Scope.UserScope, str(tmp_path / "qs")
    )
    errors.shown_bugs.clear()
    errors._open_boxes.clear()  # a box another test left open is not this test's message
    yield home
    assert errors.shown_bugs == []


@pytest.fixture
def window(qtbot):
    from ui.app import create_window

    win = create_window()
    qtbot.addWidget(win)
    win.show()
    yield win
    win.close()
