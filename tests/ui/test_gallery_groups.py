"""Findings' grouped view: each group under one full-width heading, photos never under another's.

Checked on the drawn pixels and the geometry, for every grouping the page offers, with keys,
clicks and a gallery of 2,000 findings.
"""

from __future__ import annotations

import time
from dataclasses import replace

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QImage, QPalette

from exposure_audit.vocabulary import Decision
from tests.support.ui import synthetic_rows
from ui import labels
from ui.models.roles import GroupRole, RowRole
from ui.pages.findings import FindingsPage
from ui.pages.findings.filters import GROUPS
from ui.session import Session
from ui.widgets.gallery import FindingDelegate, GalleryView

GROUPINGS = [code for code, _words in GROUPS if code]


def varied_rows(count: int) -> list:
    """Synthetic findings with every kind of decision, so 'Decision' makes several groups too."""
    decisions = [None, Decision.ME, Decision.NOT_ME]
    return [replace(row, decision=decisions[n % 3]) for n, row in enumerate(synthetic_rows(count))]


def grouped_page(qtbot, grouping: str, rows: list, size: tuple[int, int] = (1024, 700)):
    page = FindingsPage(Session())
    qtbot.addWidget(page)
    page.resize(*size)
    page.set_rows(rows)
    page.filters.group.setCurrentIndex(page.filters.group.findData(grouping))
    page.show()
    qtbot.waitExposed(page)
    qtbot.wait(20)
    return page


def group_of(page: FindingsPage, row: int) -> str:
    return str(page.proxy.index(row, 0).data(GroupRole))


def differs(a: QColor, b: QColor) -> bool:
    return sum(abs(x - y) for x, y in zip(a.getRgb()[:3], b.getRgb()[:3], strict=True)) > 30


@pytest.mark.parametrize("grouping", GROUPINGS)
def test_each_group_has_one_full_width_heading_above_only_its_photos(qtbot, grouping):
    page = grouped_page(qtbot, grouping, varied_rows(60))
    view = page.gallery
    groups = [group_of(page, n) for n in range(page.proxy.rowCount())]
    headings = view.headings()
    # One heading per group, in the order the photos come, each naming its group once.
    assert [text for _rect, text in headings] == list(dict.fromkeys(groups))
    width = view.viewport().width()
    for rect, _text in headings:
        assert rect.left() == 0
        assert rect.width() == width
    for n in range(page.proxy.rowCount()):
        cell = view.visualRect(page.proxy.index(n, 0))
        assert cell.isValid()
        for rect, _text in headings:
            assert not rect.intersects(cell), f"photo {n} is drawn over a heading"
        above = [(rect.top(), text) for rect, text in headings if rect.bottom() < cell.top()]
        assert above, f"photo {n} has no heading above it"
        assert max(above)[1] == groups[n], f"photo {n} sits under the wrong heading"
    cells = [view.visualRect(page.proxy.index(n, 0)) for n in range(len(groups))]
    for rect, _text in headings[1:]:  # a group starts on a row of its own, at the left
        first = min((c for c in cells if c.top() > rect.bottom()), key=lambda c: (c.top(), c.x()))
        assert first.left() == view.SPACING


@pytest.mark.parametrize("grouping", GROUPINGS)
def test_a_heading_is_drawn_across_the_whole_width_with_its_name(qtbot, grouping):
    page = grouped_page(qtbot, grouping, varied_rows(60))
    view = page.gallery
    bar = view.verticalScrollBar()
    fill = view.heading_colour()
    assert differs(fill, view.palette().color(QPalette.ColorRole.Base))
    for number in range(len(view.headings())):
        bar.setValue(min(bar.maximum(), bar.value() + view.headings()[number][0].top()))
        qtbot.wait(10)
        rect, text = view.headings()[number]
        image: QImage = view.viewport().grab().toImage()
        scale = image.width() / view.viewport().width()
        top = int((rect.top() + view.SPACING + 1) * scale)
        assert 0 <= top < image.height()
        # The strip's top edge is filled from the left edge to the right edge...
        strip = [image.pixelColor(x, top) for x in range(image.width())]
        assert all(not differs(colour, fill) for colour in strip), f"{text}: not full width"
        # ...and its name is written on it.
        middle = int((rect.top() + rect.bottom()) / 2 * scale)
        ink = [x for x in range(image.width() // 2) if differs(image.pixelColor(x, middle), fill)]
        assert len(ink) > 3, f"{text}: no name drawn"


def test_keys_move_across_headings_and_keep_the_column(qtbot):
    page = grouped_page(qtbot, "platform", synthetic_rows(8))  # four platforms, two photos each
    view = page.gallery
    view.setFocus()
    view.select_row(1)  # the second photo of the first group
    qtbot.keyClick(view, Qt.Key.Key_Right)
    assert view.currentIndex().row() == 2
    assert group_of(page, 2) != group_of(page, 1)
    qtbot.keyClick(view, Qt.Key.Key_Down)  # column 0 of the next group
    assert view.currentIndex().row() == 4
    qtbot.keyClick(view, Qt.Key.Key_Right)
    qtbot.keyClick(view, Qt.Key.Key_Up)  # column 1 of the group above
    assert view.currentIndex().row() == 3
    qtbot.keyClick(view, Qt.Key.Key_End)
    assert view.currentIndex().row() == 7
    qtbot.keyClick(view, Qt.Key.Key_Home)
    assert view.currentIndex().row() == 0
    first = page.proxy.index(0, 0).data(RowRole)
    with qtbot.waitSignal(view.decide) as decided:
        qtbot.keyClick(view, Qt.Key.Key_Y)
    assert decided.args == [first, Decision.ME]
    assert view.currentIndex().row() == 1  # on to the next photo, as without groups


def test_a_click_chooses_the_photo_under_the_mouse_and_a_heading_chooses_nothing(qtbot):
    page = grouped_page(qtbot, "kind", synthetic_rows(16))
    view = page.gallery
    rect, _text = view.headings()[1]
    before = page.current_row()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert page.current_row() == before
    assert not view.indexAt(rect.center()).isValid()
    target = page.proxy.index(5, 0)
    qtbot.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(target).center()
    )
    assert view.currentIndex().row() == 5
    assert view.selectionModel().isSelected(target)
    assert page.current_row() == target.data(RowRole)
    assert page.me_button.isEnabled()


def test_a_decision_in_decision_grouping_moves_the_photo_under_its_new_heading(qtbot):
    page = grouped_page(qtbot, "decision", synthetic_rows(6))
    view = page.gallery
    assert [text for _rect, text in view.headings()] == [labels.decision_label(None)]
    first = page.proxy.index(0, 0).data(RowRole)
    page.model.set_decision(first.face_id, Decision.NOT_ME)
    qtbot.wait(20)
    headings = view.headings()
    assert len(headings) == 2
    moved = next(
        n
        for n in range(page.proxy.rowCount())
        if page.proxy.index(n, 0).data(RowRole).face_id == first.face_id
    )
    cell = view.visualRect(page.proxy.index(moved, 0))
    above = max((rect.top(), text) for rect, text in headings if rect.bottom() < cell.top())
    assert above[1] == group_of(page, moved) == labels.decision_label(Decision.NOT_ME)


def test_no_grouping_draws_no_heading(qtbot):
    page = grouped_page(qtbot, "", synthetic_rows(12))
    assert page.gallery.headings() == []
    assert page.gallery.visualRect(page.proxy.index(0, 0)).top() == page.gallery.SPACING


def test_two_thousand_findings_group_and_scroll_quickly(qtbot):
    page = FindingsPage(Session())
    qtbot.addWidget(page)
    page.resize(1024, 700)
    page.set_rows(varied_rows(2000))
    page.show()
    qtbot.waitExposed(page)
    view = page.gallery
    for grouping in GROUPINGS:
        started = time.perf_counter()
        page.filters.group.setCurrentIndex(page.filters.group.findData(grouping))
        view.repaint()
        elapsed = time.perf_counter() - started
        assert elapsed < 0.4, f"grouping by {grouping} took {elapsed:.2f} s"
    started = time.perf_counter()
    bar = view.verticalScrollBar()
    for step in range(20):
        bar.setValue(bar.maximum() * step // 19)
        view.repaint()
    assert time.perf_counter() - started < 1.0
    view.setFocus()
    view.select_row(0)
    qtbot.keyClick(view, Qt.Key.Key_End)
    last = page.proxy.rowCount() - 1
    assert view.currentIndex().row() == last
    assert view.viewport().rect().contains(view.visualRect(view.currentIndex()))
    assert view.indexAt(view.visualRect(view.currentIndex()).center()).row() == last


def test_the_cell_leaves_room_for_captions_at_any_text_size(qtbot):
    view = GalleryView()
    qtbot.addWidget(view)
    metrics = view.fontMetrics()
    assert FindingDelegate.cell_height(metrics) >= FindingDelegate.IMAGE + 3 * metrics.lineSpacing()
    assert view.heading_height() > metrics.lineSpacing()
    assert view.indexAt(QPoint(5, 5)).isValid() is False


def test_a_gallery_a_little_narrower_than_two_cells_shows_two_columns(qtbot):
    page = grouped_page(qtbot, "", synthetic_rows(6))
    view = page.gallery
    natural = FindingDelegate.cell_size(view.fontMetrics()).width()
    view.setFixedWidth(2 * natural)  # less room than two cells and their spacing need
    qtbot.wait(30)
    first, second = (view.visualRect(page.proxy.index(n, 0)) for n in (0, 1))
    assert first.top() == second.top()  # side by side
    assert second.right() < view.viewport().width()
    assert first.width() >= 0.85 * natural


def test_at_1024x700_the_gallery_shows_two_photos_a_row(qtbot):
    """The window at 1024x700 leaves the Findings page about 830x650: two photos a row."""
    page = grouped_page(qtbot, "", synthetic_rows(6), size=(830, 650))
    first, second = (page.gallery.visualRect(page.proxy.index(n, 0)) for n in (0, 1))
    assert first.top() == second.top()
    assert page.photo.width() >= 300  # the detail keeps a photo worth looking at


def test_the_chosen_photo_stays_chosen_when_another_moves_to_a_new_group(qtbot):
    page = grouped_page(qtbot, "decision", synthetic_rows(6))
    view = page.gallery
    view.select_row(3)
    chosen = page.current_row().face_id
    other = page.proxy.index(0, 0).data(RowRole).face_id
    page.model.set_decision(other, Decision.ME)  # moves under its own heading, before the rest
    qtbot.wait(20)
    assert page.current_row().face_id == chosen
    moved = [page.proxy.index(n, 0).data(RowRole) for n in range(page.proxy.rowCount())]
    assert [row.face_id for row in moved].count(other) == 1
    assert group_of(page, [r.face_id for r in moved].index(other)) == labels.decision_label("me")
    page.filters.group.setCurrentIndex(
        page.filters.group.findData("")
    )  # no grouping: the order rows came in
    assert [page.proxy.index(n, 0).data(RowRole).face_id for n in range(6)] == list(range(1, 7))
