"""Every page, with an audit open, is usable at 1024x700, at 1280x720 with 150 % scaling
(853x480 device-independent pixels) and in workshop mode: no button or label text cut short,
no line edit squeezed."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QWidget,
)

from exposure_audit.audit.store import Audit
from tests.support.actionkit import copy_of
from tests.support.ui import open_audit

pytestmark = pytest.mark.slow

SIZES = {"1024x700": (1024, 700), "1280x720 at 150 %": (853, 480)}
MIN_FIELD = 120  # a line edit narrower than this cannot show a name or an address


@pytest.fixture(scope="module")
def demo(demo_scanned: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = copy_of(demo_scanned, tmp_path_factory.mktemp("sizes"))
    with Audit.open(path) as audit:
        for row in audit.findings():
            audit.set_decision(row.face_id, "me")
    return path


def shown(widget: QWidget, window: QWidget) -> bool:
    return widget.isVisibleTo(window) and widget.width() > 0


def cut_off(widget: QWidget) -> int:
    """Pixels of ``widget`` beyond the right edge of a scroll area that cannot scroll sideways."""
    outer = widget.parentWidget()
    cut = 0
    while outer is not None:
        if isinstance(outer, QScrollArea) and not outer.horizontalScrollBar().isVisible():
            viewport = outer.viewport()
            right = widget.mapTo(viewport, widget.rect().topRight()).x()
            cut = max(cut, right - viewport.width() + 1)
        outer = outer.parentWidget()
    return cut


def problems(page: QWidget, window: QWidget) -> list[str]:
    """Each control whose text does not fit its width, and each squeezed line edit."""
    found = []
    for widget in page.findChildren(QWidget):
        if not shown(widget, window):
            continue
        name = f"{type(widget).__name__} {widget.accessibleName() or ''}".strip()
        inside = widget.parentWidget()
        if isinstance(inside, (QAbstractSpinBox, QComboBox)):
            continue  # a date's or a choice's own editor: its box is sized for its content
        if isinstance(widget, (QLineEdit, QPushButton, QLabel, QCheckBox)) and cut_off(widget) > 2:
            found.append(f"{name}: {cut_off(widget)} px cut off at the right")
        elif isinstance(widget, QLineEdit) and widget.width() < MIN_FIELD:
            found.append(f"{name}: line edit {widget.width()} px wide")
        elif isinstance(widget, (QPushButton, QCheckBox, QRadioButton)):
            need = widget.minimumSizeHint().width()
            if isinstance(widget, QAbstractButton) and widget.text() and widget.width() < need - 1:
                found.append(f"{name} {widget.text()!r}: {widget.width()} of {need} px")
        elif isinstance(widget, QLabel) and not widget.wordWrap() and widget.text():
            if widget.pixmap() is not None and not widget.pixmap().isNull():
                continue
            need = widget.minimumSizeHint().width()
            if widget.width() < need - 1:
                found.append(f"{name} {widget.text()[:40]!r}: {widget.width()} of {need} px")
    return found


def walk(qtbot, window, size: tuple[int, int]) -> list[str]:
    window.showNormal()
    window.resize(*size)
    found = []
    for key, page in window.pages.items():
        window.show_page(key)
        QApplication.processEvents()
        qtbot.wait(30)
        found += [f"{key}: {p}" for p in problems(page, window)]
    return found


@pytest.mark.parametrize("size", list(SIZES), ids=list(SIZES))
def test_every_page_fits(qtbot, window, demo, tmp_path, size) -> None:
    audit = tmp_path / "sizes.audit"
    audit.write_bytes(demo.read_bytes())
    with qtbot.waitSignal(window.requests.controllers_loaded, timeout=15_000):
        open_audit(qtbot, window, audit)
    found = walk(qtbot, window, SIZES[size])
    assert found == [], "\n".join(found)


def test_every_page_fits_in_workshop_mode(qtbot, window) -> None:
    window.workshop.set_active(True)
    try:
        with qtbot.waitSignal(window.workshop.sample_ready, timeout=30_000):
            window.workshop.try_sample_data()
        qtbot.waitUntil(lambda: not window.scan.running, timeout=60_000)
        assert walk(qtbot, window, SIZES["1024x700"]) == []
    finally:
        window.workshop.set_active(False)
