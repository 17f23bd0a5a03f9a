"""Selfie verdicts, profile URLs, the overview, errors in their tiers, and 'Forget everything'."""

from __future__ import annotations

import os

from PySide6.QtWidgets import QMessageBox

from exposure_audit.storage import cache_dir_for
from tests.support.ui import (
    FACES,
    enrolled_audit,
    open_audit,
    photo_folder,
    say_these_are_all_me,
    synthetic_rows,
)
from ui import errors, prefs
from ui.models.roles import RowRole
from ui.pages.overview import OverviewPage
from ui.pages.overview.summary import summarise
from ui.session import Session


def test_selfie_verdicts_say_how_to_fix(qtbot, tmp_path, window):
    open_audit(qtbot, window, tmp_path / "me.audit")
    with qtbot.waitSignal(window.you.enrolled, timeout=30_000):
        window.you.add_selfie_files(
            [str(FACES / n) for n in ("obama.jpg", "obama2.jpg", "obama-240p.jpg", "biden.jpg")]
        )
    verdicts = {e.name: e for e in window.you.model.entries()}
    assert verdicts["obama.jpg"].usable
    assert "too small" in verdicts["obama-240p.jpg"].verdict
    assert "does not look like your other selfies" in verdicts["biden.jpg"].verdict
    assert "2 selfies in use" in window.you.status.text()


def test_selfies_set_aside_stay_visible_and_can_be_used_after_all(qtbot, tmp_path, window):
    names = ("obama.jpg", "obama2.jpg", "obama3.jpg", "biden.jpg", "obama-240p.jpg")
    open_audit(qtbot, window, tmp_path / "me.audit")
    with qtbot.waitSignal(window.you.enrolled, timeout=60_000):
        window.you.add_selfie_files([str(FACES / n) for n in names])
    assert window.you.all_me_button.isVisibleTo(window.you)
    window.open_audit(tmp_path / "other.audit")
    qtbot.waitUntil(lambda: not window.you.model.entries(), timeout=10_000)
    open_audit(qtbot, window, tmp_path / "me.audit")
    qtbot.waitUntil(lambda: len(window.you.model.entries()) == 5, timeout=10_000)
    verdicts = {e.name: e for e in window.you.model.entries()}
    assert "does not look like your other selfies" in verdicts["biden.jpg"].verdict
    assert "too small" in verdicts["obama-240p.jpg"].verdict
    assert verdicts["biden.jpg"].crop is not None
    with qtbot.waitSignal(window.you.enrolled, timeout=60_000):
        say_these_are_all_me(window.you)
    verdicts = {e.name: e for e in window.you.model.entries()}
    assert verdicts["biden.jpg"].usable
    assert not verdicts["obama-240p.jpg"].usable  # objectively unusable stays refused
    assert not window.you.all_me_button.isVisibleTo(window.you)
    assert "4 selfies in use" in window.you.status.text()


def test_profile_url_is_listed_and_not_scanned(qtbot, tmp_path, window):
    open_audit(qtbot, window, tmp_path / "me.audit")
    with qtbot.waitSignal(window.sources.sources_added):
        window.sources.add_paths(["https://www.instagram.com/someone/"])
    qtbot.waitUntil(lambda: window.sources.model.rowCount() == 1)
    model = window.sources.model
    assert model.index(0, 1).data() == "Web profile"
    assert model.index(0, 2).data() == "instagram.com"


def test_a_profile_address_typed_without_https_is_added_with_it(
    qtbot, tmp_path, window, monkeypatch
):
    from PySide6.QtWidgets import QInputDialog

    open_audit(qtbot, window, tmp_path / "me.audit")
    monkeypatch.setattr(QInputDialog, "getText", lambda *_args: ("facebook.com/barackobama", True))
    with qtbot.waitSignal(window.sources.sources_added):
        window.sources.url_button.click()
    qtbot.waitUntil(lambda: window.sources.model.rowCount() == 1)
    model = window.sources.model
    assert model.index(0, 1).data() == "Web profile"
    assert model.index(0, 0).data(RowRole)["path"] == "https://facebook.com/barackobama"


def test_scanning_without_selfies_explains_what_to_do(qtbot, tmp_path, window):
    open_audit(qtbot, window, tmp_path / "me.audit")
    window.scan.start_scan()
    qtbot.waitUntil(lambda: bool(errors._open_boxes))
    box = errors._open_boxes[-1]
    assert "Add at least one selfie" in box.text()
    assert box.icon() == QMessageBox.Icon.Warning
    box.close()
    assert errors.shown_bugs == []


def test_a_bug_gets_a_dialog_with_the_log_location(qtbot):
    try:
        raise RuntimeError("boom")
    except RuntimeError as exc:
        errors.report_error(None, exc)
    box = errors._open_boxes[-1]
    assert "bug" in box.text()
    assert "boom" in box.detailedText()
    assert "exposure-audit.log" in box.informativeText()
    box.close()
    errors.shown_bugs.clear()


def test_overview_counts_photos_not_faces(qtbot):
    rows = synthetic_rows(40)
    summary = summarise(rows)
    assert summary.photos == 40
    assert summary.with_gps == 8
    assert sum(summary.platforms.values()) == 40
    assert summary.levels
    page = OverviewPage(Session())
    qtbot.addWidget(page)
    page.resize(1000, 700)
    page.show_summary(summary)
    page.show()
    qtbot.waitExposed(page)
    image = page.grab().toImage()
    assert not image.isNull()
    assert "Facebook 10" in page.platforms.accessibleDescription()


def test_forget_everything_removes_audit_and_cache(qtbot, tmp_path, window):
    audit = enrolled_audit(tmp_path / "me.audit", [photo_folder(tmp_path, ["obama3.jpg"])])
    open_audit(qtbot, window, audit)
    with qtbot.waitSignal(window.you.enrolled, timeout=30_000):
        window.you.add_selfie_files([str(FACES / "obama3.jpg")])
    assert (cache_dir_for(audit) / "selfies").exists()
    window.forget_everything()
    assert not audit.exists()
    assert not cache_dir_for(audit).exists()
    assert str(audit) not in prefs.recent_audits()
    assert window.session.path is None
    assert window.current_page() is window.start


def test_the_app_scans_with_every_core_by_default(monkeypatch):
    from exposure_audit.scan.pipeline import ScanSettings

    monkeypatch.setattr(prefs, "settings", lambda: _EmptySettings())
    assert prefs.workers() == ScanSettings().workers == len(os.sched_getaffinity(0))


class _EmptySettings:
    def value(self, _key, default=None):
        return default


def test_the_match_limit_reads_the_same_in_settings_and_findings(qtbot, tmp_path, window):
    open_audit(qtbot, window, tmp_path / "me.audit")
    qtbot.waitUntil(lambda: window.settings_page.threshold.value() == 40)  # 0.60 as a distance
    assert window.findings.filters.slider.value() == window.settings_page.threshold.value()
    window.settings_page.threshold.setValue(50)
    window.settings_page.threshold.editingFinished.emit()
    qtbot.waitUntil(lambda: abs(window.session.threshold - 0.5) < 1e-9)
