"""Switching between light and dark while the app runs: every text stays readable."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QColor, QImage

from tests.support.ui import open_audit
from ui.theme import apply_theme


def _pixels_near(image: QImage, colour: QColor, tolerance: int = 40) -> int:
    near = 0
    for y in range(0, image.height(), 2):
        for x in range(0, image.width(), 2):
            pixel = image.pixelColor(x, y)
            if (
                abs(pixel.red() - colour.red())
                + abs(pixel.green() - colour.green())
                + abs(pixel.blue() - colour.blue())
                < tolerance
            ):
                near += 1
    return near


def test_links_take_the_dark_palettes_colour_at_once(qtbot, qapp, window, tmp_path: Path) -> None:
    open_audit(qtbot, window, tmp_path / "me.audit")
    window.sources.show_guide("instagram")
    steps = window.sources.guide_dialog.guide.text  # the data-export guide, with its links
    assert "<a " in steps.text()
    try:
        apply_theme("light")
        qtbot.wait(50)
        dark_blue = qapp.palette().link().color()
        assert _pixels_near(steps.grab().toImage(), dark_blue) > 0
        apply_theme("dark")
        qtbot.wait(50)
        light_blue = qapp.palette().link().color()
        shown = steps.grab().toImage()
        assert _pixels_near(shown, light_blue) > 0
        assert _pixels_near(shown, dark_blue) == 0  # no dark blue left on the dark background
    finally:
        apply_theme("light")
