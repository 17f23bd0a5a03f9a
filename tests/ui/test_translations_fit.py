"""German, French and Dutch, the languages with the longest texts, fit the small screens: 1024x700,
and 1280x720 at 150 % (853x480 device-independent pixels). No page asks for more room than the
window has, and no button or label text is cut short (long texts wrap). Dutch texts are no
longer than German ones."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from tests.support.ui import open_audit
from tests.ui.test_every_size import SIZES, problems
from tests.ui.test_every_text_translated import demo  # noqa: F401  (the shared demo audit)
from ui import prefs
from ui.main_window import MainWindow


@pytest.fixture(params=["de", "fr", "nl"])
def translated(request: pytest.FixtureRequest, qtbot, demo: Path, tmp_path: Path):  # noqa: F811
    prefs.set_language(request.param)
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    audit = tmp_path / "translated.audit"
    shutil.copyfile(demo, audit)
    with qtbot.waitSignal(window.requests.controllers_loaded, timeout=15_000):
        open_audit(qtbot, window, audit)
    yield window
    window.close()
    prefs.set_language("")


def test_every_page_fits_the_small_screens_in_long_languages(qtbot, translated: MainWindow) -> None:
    found = []
    for size, (width, height) in SIZES.items():
        translated.showNormal()
        translated.resize(width, height)
        QApplication.processEvents()
        assert translated.minimumSizeHint().width() <= width, size
        for key, page in translated.pages.items():
            translated.show_page(key)
            QApplication.processEvents()
            frame = translated.stack.currentWidget()
            wide = page.minimumSizeHint().width() - frame.viewport().width()
            if wide > 0:
                found.append(f"{size} {key}: {wide} px wider than the window")
            found += [f"{size} {key}: {p}" for p in problems(page, translated)]
    assert found == [], "\n".join(found)
