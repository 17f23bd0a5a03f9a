"""The You page as a person uses it: several selfies removed at once, undone, and asked before
faces set aside as someone else's are taken as the person's."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QMessageBox

from tests.support.ui import FACES, open_audit
from ui.first_run import AuditState, next_step
from ui.pages.you.page import INTRO

NAMES = ("obama.jpg", "obama2.jpg", "obama3.jpg", "biden.jpg")


def _enrolled_page(qtbot, window, tmp_path: Path):
    open_audit(qtbot, window, tmp_path / "me.audit")
    page = window.you
    with qtbot.waitSignal(page.enrolled, timeout=60_000):
        page.add_selfie_files([str(FACES / name) for name in NAMES])
    return page


def _names(page) -> list[str]:
    return [entry.name for entry in page.model.entries()]


def _select_rows(page, rows: list[int]) -> None:
    selection = page.list.selectionModel()
    selection.clearSelection()
    flag = QItemSelectionModel.SelectionFlag
    selection.setCurrentIndex(page.model.index(rows[0]), flag.NoUpdate)
    for row in rows:
        selection.select(page.model.index(row), flag.Select)


def test_the_delete_key_removes_every_selected_selfie_and_keeps_the_place(
    qtbot, window, tmp_path: Path
) -> None:
    page = _enrolled_page(qtbot, window, tmp_path)
    before = _names(page)
    _select_rows(page, [1, 2])
    page.list.setFocus()
    qtbot.keyClick(page.list, Qt.Key.Key_Delete)
    qtbot.waitUntil(page.undo_button.isVisible, timeout=10_000)
    assert _names(page) == [before[0], before[3]]
    assert page.list.currentIndex().row() == 1  # the next selfie, not the top of the list
    assert "2 selfies removed." in page.status.text()


def test_undo_puts_the_removed_selfies_back_as_they_were(qtbot, window, tmp_path: Path) -> None:
    page = _enrolled_page(qtbot, window, tmp_path)
    before = {entry.name: entry.reference_id for entry in page.model.entries()}
    _select_rows(page, [0, 1])
    page.remove_button.click()
    qtbot.waitUntil(page.undo_button.isVisible, timeout=10_000)
    with qtbot.waitSignal(page.session.references_changed, timeout=10_000):
        page.undo_button.click()
    qtbot.waitUntil(lambda: len(page.model.entries()) == len(NAMES), timeout=10_000)
    assert {entry.name: entry.reference_id for entry in page.model.entries()} == before
    assert not page.undo_button.isVisible()


def test_these_are_all_me_asks_first_and_cancel_changes_nothing(
    qtbot, window, tmp_path: Path
) -> None:
    page = _enrolled_page(qtbot, window, tmp_path)
    assert [entry.name for entry in page.model.entries() if entry.set_aside] == ["biden.jpg"]
    page.all_me_button.click()
    box = page.all_me_box
    assert isinstance(box, QMessageBox)
    assert "reported as photos of you" in box.text()
    assert box.defaultButton() is box.button(QMessageBox.StandardButton.Cancel)
    box.button(QMessageBox.StandardButton.Cancel).click()
    qtbot.wait(200)
    assert [entry.name for entry in page.model.entries() if entry.set_aside] == ["biden.jpg"]


def test_the_page_and_the_banner_ask_for_the_same_number_of_selfies() -> None:
    step = next_step("you", AuditState())
    assert step is not None
    assert "three to five" in INTRO
    assert "three to five" in step.text
