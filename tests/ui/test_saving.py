"""Saving a file: the chosen type's extension is added, and in workshop mode every save goes
into the participant's folder, which "Next participant" wipes."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QInputDialog, QWidget

from exposure_audit.demo.audit import prepare_sample_audit
from tests.support.ui import open_audit
from ui import prefs, saving
from ui.screen_privacy import SCREEN

REPORT_TYPES = "Web page (*.html);;PDF (*.pdf);;Spreadsheet (*.csv);;Data (*.json)"


@pytest.mark.parametrize(
    ("typed", "picked", "saved"),
    [
        ("exposure-report", "PDF (*.pdf)", "exposure-report.pdf"),
        ("cv-letter", "PDF (*.pdf)", "cv-letter.pdf"),
        ("report.json", "PDF (*.pdf)", "report.json"),  # an offered type the person typed
        ("report.v2", "Spreadsheet (*.csv)", "report.v2.csv"),
        ("Report.PDF", "PDF (*.pdf)", "Report.PDF"),
    ],
)
def test_the_chosen_types_extension_is_added(typed: str, picked: str, saved: str) -> None:
    assert saving.with_extension(f"/x/{typed}", picked, REPORT_TYPES).name == saved


def test_the_dialog_starts_with_the_names_type(qapp, monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[tuple[str, str]] = []

    def dialog(_parent, _title, start, filters, selected, *_options):
        asked.append((start, selected))
        return str(Path(start).with_name("exposure-report")), "PDF (*.pdf)"

    monkeypatch.setattr(QFileDialog, "getSaveFileName", dialog)
    path = saving.ask_save_path(QWidget(), "Save", "exposure-report.html", REPORT_TYPES)
    assert path is not None
    assert path.name == "exposure-report.pdf"
    assert asked[0][1] == "Web page (*.html)"


def test_report_saved_as_pdf_without_an_extension(qtbot, tmp_path, window, monkeypatch) -> None:
    audit = tmp_path / "demo.audit"
    prepare_sample_audit(tmp_path / "data", audit)
    open_audit(qtbot, window, audit)
    page = window.requests
    monkeypatch.setattr(
        QFileDialog,
        "getSaveFileName",
        lambda *_args: (str(tmp_path / "exposure-report"), "PDF (*.pdf)"),
    )
    with qtbot.waitSignal(page.file_saved, timeout=30_000) as saved:
        page.report_button.click()
    assert saved.args[0] == tmp_path / "exposure-report.pdf"
    assert (tmp_path / "exposure-report.pdf").read_bytes().startswith(b"%PDF")


def test_workshop_saves_go_into_the_participants_folder_and_are_wiped(
    qtbot, window, monkeypatch
) -> None:
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *_a: pytest.fail("no file dialog in a workshop")
    )
    monkeypatch.setattr(QInputDialog, "getItem", lambda *_a: ("PDF (*.pdf)", True))
    window.workshop.confirm = False
    window.workshop.set_active(True)
    try:
        folder = SCREEN.save_folder
        assert folder is not None
        assert folder.is_relative_to(window.workshop.workshop.root)
        first = saving.ask_save_path(window, "Save", "exposure-report.html", REPORT_TYPES)
        assert first == folder / "exposure-report.pdf"
        first.write_bytes(b"%PDF")
        again = saving.ask_save_path(window, "Save", "exposure-report.html", REPORT_TYPES)
        assert again == folder / "exposure-report-2.pdf"  # nothing overwritten
        window.workshop.next_participant()
        assert not first.exists()
        assert SCREEN.save_folder is not None
        assert SCREEN.save_folder != folder
        # the note that everything was deleted goes once the next participant begins
        assert "deleted" in window.workshop.bar.status.text()
        with qtbot.waitSignal(window.session.opened, timeout=10_000):
            window.open_audit(window.workshop.workshop.audit_path)
        assert window.workshop.bar.status.text() == ""
    finally:
        window.workshop.set_active(False)
    assert SCREEN.save_folder is None


def test_the_sample_is_deleted_and_never_recent(qtbot, window, monkeypatch) -> None:
    monkeypatch.setattr(window.scan, "start_scan", lambda *_a: None)  # its scan is not the point
    with qtbot.waitSignal(window.workshop.sample_ready, timeout=30_000) as ready:
        window.workshop.try_sample_data()
    sample = Path(ready.args[0])
    assert sample.exists()
    assert str(sample) not in prefs.recent_audits()
    window.close()
    assert not sample.parent.exists()
