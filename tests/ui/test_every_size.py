"""Every page, with an audit open, is usable at 1024x700, at 1280x720 with 150 % scaling
(853x480 device-independent pixels) and in workshop mode: no button, label, choice, table
heading or bar label text cut short, no line edit squeezed."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QCheckBox,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QStyle,
    QStyleOptionComboBox,
    QWidget,
)

from exposure_audit.audit.store import Audit
from tests.support.actionkit import copy_of
from tests.support.ui import open_audit
from ui.widgets.charts import BarChart

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


def wrapped(text: str, metrics: QFontMetrics, width: int) -> list[str]:
    """``text`` broken at spaces into lines of at most ``width`` pixels, as far as words allow."""
    lines: list[str] = []
    for word in text.split():
        if lines and metrics.horizontalAdvance(f"{lines[-1]} {word}") <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return lines


def clipped_headings(header: QHeaderView) -> list[str]:
    """Each column heading whose words do not all show in its section, wrapped or not."""
    model = header.model()
    if model is None or not header.isVisible():
        return []
    margin = header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
    bold = QFont(header.font())
    bold.setBold(True)  # as a heading over a selected row is drawn
    metrics = QFontMetrics(bold) if header.highlightSections() else header.fontMetrics()
    room = header.height() - 2 * margin
    found = []
    for section in range(header.count()):
        if header.isSectionHidden(section):
            continue
        text = str(model.headerData(section, header.orientation()) or "")
        width = header.sectionSize(section) - 2 * margin
        lines = wrapped(text, metrics, width)
        wide = max((metrics.horizontalAdvance(line) for line in lines), default=0)
        high = len(lines) * metrics.lineSpacing()
        one_line = not header.defaultAlignment().value & Qt.TextFlag.TextWordWrap.value
        if one_line and metrics.horizontalAdvance(text) > width:
            found.append(f"heading {text!r}: {metrics.horizontalAdvance(text)} of {width} px")
        elif wide > width or high > room:
            found.append(f"heading {text!r}: {wide}x{high} px in {width}x{room}")
    return found


def cut_bar_labels(chart: BarChart) -> list[str]:
    """Each bar label whose words do not all show beside its bar, and a chart cut at the foot."""
    room = chart.label_room()
    metrics = chart.fontMetrics()
    found = []
    for label, _value in chart.items:
        lines = wrapped(label, metrics, room.width())
        wide = max((metrics.horizontalAdvance(line) for line in lines), default=0)
        high = len(lines) * metrics.lineSpacing()
        if wide > room.width() or high > room.height():
            found.append(f"bar label {label!r}: {wide}x{high} px in {room.width()}x{room.height()}")
    if chart.height() < chart.heightForWidth(chart.width()):
        found.append(f"{chart.height()} px tall of {chart.heightForWidth(chart.width())}")
    return found


def cut_choice(combo: QComboBox) -> str | None:
    """The chosen text of a choice box when its box is too narrow to show it whole."""
    if combo.isEditable() or not combo.currentText():
        return None
    if combo.currentData(Qt.ItemDataRole.ToolTipRole) == combo.currentText():
        return None  # a sentence by design: the box shows its start, its tooltip the whole
    option = QStyleOptionComboBox()
    combo.initStyleOption(option)
    field = combo.style().subControlRect(
        QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxEditField, combo
    )
    need = combo.fontMetrics().horizontalAdvance(combo.currentText())
    if not combo.itemIcon(combo.currentIndex()).isNull():
        need += combo.iconSize().width() + 4
    if need > field.width():
        return f"choice {combo.currentText()!r}: {need} of {field.width()} px"
    return None


def problems(page: QWidget, window: QWidget) -> list[str]:
    """Each control whose text does not fit its width, and each squeezed line edit."""
    found = []
    for widget in page.findChildren(QWidget):
        if not shown(widget, window):
            continue
        name = f"{type(widget).__name__} {widget.accessibleName() or ''}".strip()
        if isinstance(widget, QHeaderView) and widget.orientation() == Qt.Orientation.Horizontal:
            found += [f"{name}: {p}" for p in clipped_headings(widget)]
            continue
        if isinstance(widget, QComboBox):
            cut = cut_choice(widget)
            found += [f"{name}: {cut}"] if cut else []
            continue
        if isinstance(widget, BarChart):
            found += [f"{name}: {p}" for p in cut_bar_labels(widget)]
            continue
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
