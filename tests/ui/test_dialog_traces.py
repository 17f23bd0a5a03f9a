"""File dialogs leave no record of the folders a person looked in (Qt's QtProject.conf).

Qt's own file dialog writes its history and last folder to ``QtProject.conf`` (0644) when it
closes, and the next dialog opens there: a workshop's next participant would start in the last
one's folder. Each test opens the app's real dialog, looks in a folder and closes it.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from tests.support.ui import open_audit, pick_folder_when_asked
from ui.file_dialogs import existing_folder, qt_dialog_settings


@pytest.fixture
def qt_settings(tmp_path: Path) -> Path:
    folder = tmp_path / "qt-settings"
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, str(folder))
    return folder / "QtProject.conf"


def test_a_dialog_leaves_no_record_of_the_folder(qapp, qt_settings: Path, tmp_path: Path) -> None:
    private = tmp_path / "Private photos of Anna"
    private.mkdir()
    seen: list[str] = []
    pick_folder_when_asked(private, seen)
    assert existing_folder(None, "Add a folder", str(tmp_path)) == str(private)  # type: ignore[arg-type]
    assert not qt_settings.exists()  # the dialog created it; put back as it was: absent
    pick_folder_when_asked(tmp_path, seen)
    existing_folder(None, "Add a folder")  # type: ignore[arg-type]
    assert str(private) not in seen[1]  # the next dialog does not open where the last one was


def test_the_users_own_qt_settings_are_kept(qapp, qt_settings: Path, tmp_path: Path) -> None:
    qt_settings.parent.mkdir()
    qt_settings.write_text("[FileDialog]\nviewMode=Detail\n\n[Other]\nkept=yes\n")
    private = tmp_path / "private"
    private.mkdir()
    pick_folder_when_asked(private, [])
    existing_folder(None, "Add a folder", str(tmp_path))  # type: ignore[arg-type]
    settings = qt_dialog_settings()
    settings.sync()
    assert sorted(settings.allKeys()) == ["FileDialog/viewMode", "Other/kept"]
    assert settings.value("FileDialog/viewMode") == "Detail"
    assert str(private) not in qt_settings.read_text()


def test_the_sources_page_dialog_leaves_no_record(qtbot, window, tmp_path: Path) -> None:
    qt_settings = tmp_path / "qs" / "QtProject.conf"  # where the app tests keep Qt's settings
    open_audit(qtbot, window, tmp_path / "a.audit")
    private = tmp_path / "Anna's phone"
    private.mkdir()
    pick_folder_when_asked(private, [])
    window.sources.folder_button.click()
    qtbot.waitUntil(lambda: window.sources.model.rowCount() == 1, timeout=10_000)
    assert not qt_settings.exists() or "Anna" not in qt_settings.read_text()


def test_every_file_dialog_of_the_app_goes_through_the_traceless_one() -> None:
    ui = Path(__file__).resolve().parents[2] / "ui"
    direct = [
        f"{path.relative_to(ui)}:{number}"
        for path in ui.rglob("*.py")
        if path.name != "file_dialogs.py"
        for number, line in enumerate(path.read_text().splitlines(), 1)
        if "QFileDialog.get" in line or "QFileDialog(" in line
    ]
    assert direct == []
