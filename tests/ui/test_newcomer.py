"""The app as a newcomer meets it: honest labels, no dead ends, feedback, small screens."""

from __future__ import annotations

import html
from dataclasses import replace

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QInputDialog, QLabel

from exposure_audit.audit.store import Audit
from exposure_audit.scan.pipeline import ScanSettings, scan
from tests.support.ui import enrolled_audit, open_audit, photo_folder, synthetic_rows
from ui import labels, prefs
from ui.first_run import AuditState, next_step
from ui.pages.findings import FindingsPage
from ui.pages.findings.details import context_html
from ui.pages.overview import OverviewPage
from ui.pages.overview.summary import summarise
from ui.pages.settings import FORGET_TEXT
from ui.session import Session


def rows_with(**context) -> list:
    row = synthetic_rows(1)[0]
    return [replace(row, context={**row.context, **context})]


# -- 1. exposure labels agree ---------------------------------------------------------------


def test_photos_only_in_own_folders_are_on_this_computer(qtbot):
    phone = rows_with(platform="Files", audience=None, kind=None, latitude=52.5, longitude=13.4)
    summary = summarise(phone)
    assert dict(summary.levels) == {"local": 1}
    page = OverviewPage(Session())
    qtbot.addWidget(page)
    page.show_summary(summary)
    assert "On this computer, not shared 1" in page.levels.accessibleDescription()
    assert "Medium" not in page.reasons.text()


def test_unknown_audience_with_gps_sits_under_a_heading_that_says_so(qtbot):
    shared = rows_with(platform="Facebook", audience=None, kind="post", latitude=None)
    summary = summarise(shared)
    page = OverviewPage(Session())
    qtbot.addWidget(page)
    page.show_summary(summary)
    text = page.reasons.text()
    assert "who could see it is not known" in text
    assert "not known who" in text  # the heading it sits under
    assert "anyone could see these" not in text
    located = summarise(rows_with(platform="Facebook", audience=None, kind="post"))
    page.show_summary(located)
    assert "carries the exact place it was taken" in page.reasons.text()
    assert "shared with the place it was taken" in page.reasons.text()


# -- 3. beyond the threshold is not a match -------------------------------------------------


def test_faces_beyond_the_threshold_are_not_a_match(qtbot):
    session = Session()
    page = FindingsPage(session)
    qtbot.addWidget(page)
    far = replace(synthetic_rows(1)[0], distance=0.78, band="possible")
    page.set_rows([far])
    page.filters.slider.setValue(20)
    shown = page.proxy.index(0, 0).data(Qt.ItemDataRole.UserRole + 1)
    assert shown.band == "none"
    assert labels.band_label(shown.band) == "Not a match"
    assert "Not a match · 22 % alike" in context_html(shown, session.threshold)
    assert "Possible match" not in context_html(shown, session.threshold)


# -- 9. findings: headers, captions, dates, conversations, empty, undo, large -----------------


def test_dates_follow_the_locale_and_messages_name_a_conversation():
    QLocale.setDefault(QLocale(QLocale.Language.German, QLocale.Country.Germany))
    try:
        row = rows_with(
            kind="message_attachment", album="Joe Biden", taken_at="2020-09-13T12:26:42+00:00"
        )[0]
        text = context_html(row, 0.6)
    finally:
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    assert "2020-09-13T12:26:42" not in text
    assert "September 2020" in text
    assert "<b>Conversation</b>" in text
    assert "Album" not in text


def test_the_decision_buttons_stay_put_from_photo_to_photo(qtbot):
    """A tall photo with a long story and a wide one with none: Y and N do not move."""
    page = FindingsPage(Session())
    qtbot.addWidget(page)
    page.resize(1024, 700)
    wide, tall = synthetic_rows(2)
    tall = replace(
        tall,
        width=600,
        height=1800,
        context={**tall.context, "caption": "A long caption that goes on. " * 40},
    )
    page.set_rows([wide, tall])
    page.show()
    qtbot.waitExposed(page)
    places, texts = [], []
    for number in (0, 1, 0):
        page.gallery.select_row(number)
        qtbot.wait(20)
        texts.append(page.context.text())
        places.append(
            (
                page.me_button.mapTo(page, page.me_button.rect().topLeft()),
                page.not_me_button.mapTo(page, page.not_me_button.rect().topLeft()),
            )
        )
    assert "A long caption" in texts[1]
    assert places[0] == places[1] == places[2]


def test_an_empty_filter_result_says_so_and_offers_to_clear(qtbot):
    page = FindingsPage(Session())
    qtbot.addWidget(page)
    page.set_rows(synthetic_rows(6))
    page.filters.year.setCurrentIndex(page.filters.year.count() - 1)
    page.filters.platform.setCurrentIndex(page.filters.platform.findData("X"))
    page.filters.kind.setCurrentIndex(page.filters.kind.findData("story"))
    assert page.proxy.rowCount() == 0
    assert page.gallery_stack.currentIndex() == 1
    assert page.empty.text() == "No photos match these filters."
    page.clear_button.click()
    assert page.proxy.rowCount() == 6
    assert page.gallery_stack.currentIndex() == 0


@pytest.mark.slow
def test_undecided_key_undo_and_double_click(qtbot, tmp_path, window):
    folder = photo_folder(tmp_path, ["obama3.jpg", "two_people.jpg"])
    audit = enrolled_audit(tmp_path / "me.audit", [folder])
    with Audit.open(audit) as db:
        list(scan(db, ScanSettings(workers=1)))
    page = window.findings
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        open_audit(qtbot, window, audit)
    window.show_page("findings")
    assert page.proxy.rowCount() >= 2
    page.gallery.setFocus()
    page.gallery.select_row(0)
    first = page.current_row()
    with qtbot.waitSignal(window.session.decision_saved) as saved:
        qtbot.keyClick(page.gallery, Qt.Key.Key_N)
    assert saved.args[1] == "not_me"
    with qtbot.waitSignal(window.session.decision_saved) as saved:
        qtbot.keySequence(page.gallery, QKeySequence.StandardKey.Undo)
    assert saved.args == [first.face_id, None]
    assert page.current_row().face_id == first.face_id
    with qtbot.waitSignal(window.session.decision_saved):
        qtbot.keyClick(page.gallery, Qt.Key.Key_Y)
    page.gallery.select_row(0)
    with qtbot.waitSignal(window.session.decision_saved) as saved:
        qtbot.keyClick(page.gallery, Qt.Key.Key_U)
    assert saved.args == [first.face_id, None]
    index = page.gallery.currentIndex()
    rect = page.gallery.visualRect(index)
    qtbot.mouseClick(page.gallery.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(page.gallery.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert page.large is not None
    assert page.large.isVisible()
    assert page.large.windowTitle() == labels.file_name(page.current_row())
    page.large.close()


# -- 5, 6, 8. Requests: what to do first, where it was saved, hints at once ------------------


def test_requests_page_says_what_to_do_when_nobody_is_listed(qtbot, tmp_path, window):
    page = window.requests
    with qtbot.waitSignal(page.controllers_loaded, timeout=10_000):
        open_audit(qtbot, window, tmp_path / "me.audit")
    assert page.controller_box.note.isVisibleTo(page)
    assert "Mark photos as 'That's me'" in page.controller_box.note.text()
    assert "Choose a company" not in page.letter_box.preview.placeholderText()
    assert "That's me" in page.letter_box.preview.placeholderText()


def test_saving_says_where_with_an_open_button(qtbot, tmp_path, window):
    open_audit(qtbot, window, tmp_path / "me.audit")
    page = window.requests
    window.show_page("requests")
    out = tmp_path / "exposure-report.html"
    with qtbot.waitSignal(page.file_saved, timeout=20_000):
        page.save_report_to(out)
    assert out.exists()
    assert page.saved_note.isVisible()
    assert "exposure-report.html" in page.saved_note.text
    assert str(tmp_path) in page.saved_note.text
    assert page.saved_note.open_button.isVisible()


@pytest.mark.parametrize("size", [(1024, 700), (700, 700)])
def test_the_saved_note_never_pushes_the_page_down(qtbot, tmp_path, window, size):
    """A long folder name stays on one line: what is under the note keeps its place."""
    open_audit(qtbot, window, tmp_path / "me.audit")
    window.resize(*size)
    window.show_page("requests")
    page = window.requests
    qtbot.wait(50)
    first = page.top.mapTo(page, page.top.rect().topLeft())
    folder = tmp_path / ("a-long-folder-name-" * 8)
    page.saved_note.show_saved(folder / "exposure-report.pdf")
    qtbot.wait(50)
    assert page.saved_note.isVisible()
    assert page.top.mapTo(page, page.top.rect().topLeft()) == first
    assert page.saved_note.message.width() <= page.saved_note.width()
    page.saved_note.close_button.click()
    qtbot.wait(50)
    assert page.top.mapTo(page, page.top.rect().topLeft()) == first


def test_account_hint_appears_without_a_restart(qtbot, tmp_path, window):
    folder = photo_folder(tmp_path, ["obama3.jpg"])
    audit = enrolled_audit(tmp_path / "me.audit", [folder])
    open_audit(qtbot, window, audit)
    page = window.requests
    qtbot.wait(300)
    assert not page.identity.use_suggestions.isVisibleTo(page)
    with Audit.open(audit) as db:
        source_id = db.sources()[0].id
        db.set_source_account(source_id, "Facebook", {"username": "jdoe"})
    window.session.findings_changed.emit()  # as a finished scan does
    qtbot.waitUntil(lambda: "Found in your exports" in page.identity.hint.text(), timeout=5_000)
    assert "jdoe" in page.identity.hint.text()
    assert page.identity.use_suggestions.isVisibleTo(page)


# -- 10. small things ------------------------------------------------------------------------


def test_scan_page_names_matches_once(window):
    texts = [label.text() for label in window.scan.findChildren(QLabel)]
    assert not [t for t in texts if "Matches so far" in t]
    assert len([t for t in texts if "Photos and videos of you" in t]) == 1


def test_mistyped_url_is_offered_again(qtbot, tmp_path, window, monkeypatch):
    open_audit(qtbot, window, tmp_path / "me.audit")
    answers = iter([("instagram .com/me", True), ("https://instagram.com/me", True)])
    offered: list[str] = []

    def fake_get_text(_parent, _title, prompt, _echo, text):
        offered.append(text)
        if len(offered) == 2:
            assert "such as facebook.com/your.name" in prompt
        return next(answers)

    monkeypatch.setattr(QInputDialog, "getText", staticmethod(fake_get_text))
    with qtbot.waitSignal(window.sources.sources_added):
        window.sources.url_button.click()
    assert offered == ["", "instagram .com/me"]


def test_file_dialogs_start_in_downloads(tmp_path, monkeypatch):
    downloads = tmp_path / "Downloads"
    downloads.mkdir()
    monkeypatch.setattr(
        "ui.prefs.QStandardPaths.writableLocation", staticmethod(lambda _where: str(downloads))
    )
    assert prefs.downloads_folder() == str(downloads)


def test_forget_everything_names_deadlines_and_confirms(qtbot, tmp_path, window):
    assert "deadlines" in FORGET_TEXT
    audit = enrolled_audit(tmp_path / "me.audit", [])
    open_audit(qtbot, window, audit)
    window.forget_everything()
    assert window.forgotten.isVisible()
    assert "tracked deadlines" in window.forgotten.text()
    window.forgotten.close()


def test_opens_the_audit_used_last_time(qtbot, tmp_path, window):
    audit = enrolled_audit(tmp_path / "last.audit", [])
    prefs.remember_audit(str(audit))
    with qtbot.waitSignal(window.session.opened, timeout=10_000):
        window.reopen_last()
    assert window.session.path == audit


def test_quit_is_in_reach(window):
    keys = {s.key().toString() for s in window.findChildren(QShortcut)}
    assert "Ctrl+Q" in keys


def test_start_buttons_are_explained(window):
    text = window.start.choices.text()
    for button in (window.start.default_button, window.start.new_button, window.start.open_button):
        assert html.escape(button.text()).replace("…", "…") in text
        assert button.toolTip()


# -- the guided first run --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("page", "state", "expected", "target"),
    [
        ("you", AuditState(), "add three to five selfies", ""),
        ("you", AuditState(selfies=2), "", "sources"),
        ("sources", AuditState(selfies=2), "How to get your data", ""),
        ("sources", AuditState(selfies=2, sources=1), "", "scan"),
        ("scan", AuditState(selfies=2, sources=1), "Start scan", ""),
        (
            "findings",
            AuditState(selfies=2, sources=1, scanned=5, findings=3, undecided=3),
            "3 left",
            "",
        ),
        ("findings", AuditState(selfies=2, sources=1, scanned=5, findings=3), "", "overview"),
        ("overview", AuditState(findings=3, confirmed=2), "", "requests"),
    ],
)
def test_each_page_names_one_next_step(page, state, expected, target):
    step = next_step(page, state)
    assert step is not None
    assert expected in step.text
    assert step.target == target


def test_next_step_bar_leads_through_a_new_audit(qtbot, tmp_path, window):
    open_audit(qtbot, window, tmp_path / "new.audit")
    qtbot.waitUntil(lambda: window.next_bar.isVisible(), timeout=5_000)
    assert "selfies" in window.next_bar.text.text()
    window.show_page("sources")
    assert "Add your selfies first" in window.next_bar.text.text()
    window.next_bar.button.click()
    assert window.current_page() is window.you


# -- 11. a missing system library is named before Qt loads -----------------------------------


@pytest.mark.parametrize("args", [[], ["--workshop"]])
def test_every_missing_xcb_library_is_named_with_its_package(monkeypatch, capsys, args) -> None:
    from ui import launcher, platform_check

    real = platform_check.xcb_plugin_needs()
    monkeypatch.setattr(platform_check.sys, "platform", "linux")
    monkeypatch.setattr(
        platform_check,
        "xcb_plugin_needs",
        lambda: [*real, "libxcb-icccm-absent.so.4", "libxkbcommon-absent-x11.so.0"],
    )
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.setenv("QT_QPA_PLATFORM", "xcb")
    assert launcher.main(args) == 3
    err = capsys.readouterr().err
    listed = next(line for line in err.splitlines() if "they are missing" in line)
    assert "libxcb-icccm-absent.so.4" in listed
    assert "libxkbcommon-absent-x11.so.0" in listed
    apt = next(line for line in err.splitlines() if "sudo apt install" in line).split()
    assert "libxcb-icccm-absent4" in apt
    assert "libxkbcommon-absent-x11-0" in apt


def test_the_xcb_plugins_own_needs_are_read_from_its_file() -> None:
    from ui import platform_check

    needs = platform_check.xcb_plugin_needs()
    for library in ("libxcb-cursor.so.0", "libxcb-icccm.so.4", "libxcb-keysyms.so.1"):
        assert library in needs
    assert not [name for name in needs if name.startswith("libQt6")]  # PySide6 ships those


def test_a_library_the_loader_cannot_find_is_missing() -> None:
    from ui import platform_check

    assert platform_check.missing_libraries(["libc.so.6", "libxcb-absent.so.9"]) == [
        "libxcb-absent.so.9"
    ]


@pytest.mark.parametrize(
    ("library", "package"),
    [
        ("libxcb-icccm.so.4", "libxcb-icccm4"),
        ("libxcb-render-util.so.0", "libxcb-render-util0"),
        ("libxkbcommon-x11.so.0", "libxkbcommon-x11-0"),
        ("libX11-xcb.so.1", "libx11-xcb1"),
        ("libglib-2.0.so.0", "libglib2.0-0"),
    ],
)
def test_debian_package_names(library: str, package: str) -> None:
    from ui import platform_check

    assert platform_check.debian_package(library) == package


def test_no_xcb_check_off_x11(monkeypatch):
    from ui import platform_check

    monkeypatch.setattr(platform_check.sys, "platform", "linux")
    assert not platform_check.uses_xcb({"QT_QPA_PLATFORM": "offscreen"})
    assert not platform_check.uses_xcb({"WAYLAND_DISPLAY": "wayland-0"})
    assert platform_check.uses_xcb({"DISPLAY": ":0"})


def test_guide_is_shown_where_sources_are_added(qtbot, tmp_path, window):
    open_audit(qtbot, window, tmp_path / "me.audit")
    window.sources.show_guide("instagram")
    dialog = window.sources.guide_dialog
    assert dialog is not None
    assert dialog.isVisible()
    text = dialog.guide.text.text()
    assert "Instagram" in text
    assert "Media quality: High" in text
    assert dialog.guide.platforms.count() == 10
    dialog.close()


def test_own_files_are_named_as_such_everywhere():
    assert labels.platform_label("Files") == "Your own files"
    assert labels.platform_label(None) == "Your own files"
    assert labels.platform_label("Facebook") == "Facebook"


def test_a_cut_short_bar_label_is_whole_in_its_tooltip(qtbot, monkeypatch):
    from PySide6.QtCore import QPoint
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtWidgets import QToolTip

    from ui.widgets.charts import BarChart

    chart = BarChart("Exposure level")
    qtbot.addWidget(chart)
    chart.resize(300, 120)
    heading = "Low: private, sent in a message or hidden away"
    chart.set_items([(heading, 2)])
    shown: list[str] = []
    monkeypatch.setattr(QToolTip, "showText", staticmethod(lambda _pos, text: shown.append(text)))
    chart.event(QHelpEvent(QHelpEvent.Type.ToolTip, QPoint(10, 40), QPoint(10, 40)))
    assert shown == [f"{heading}: 2 — click to see them"]


def test_on_a_short_screen_the_photo_gives_way_to_what_is_known_about_it(qtbot):
    """1280x720 at 150 % leaves the page about 580x440: the detail text kept three lines."""
    page = FindingsPage(Session())
    qtbot.addWidget(page)
    page.resize(580, 440)
    page.set_rows(synthetic_rows(6))
    page.show()
    qtbot.waitExposed(page)
    page.gallery.select_row(0)
    qtbot.wait(20)
    line = page.context.fontMetrics().lineSpacing()
    assert page.context_scroll.height() >= 3 * line
    assert page.context_scroll.isVisible()
    bottom = page.context_scroll.mapTo(page, page.context_scroll.rect().bottomLeft()).y()
    assert bottom <= page.height()
    assert "Match" in page.context.text()


def test_a_long_path_wraps_after_its_folders_and_never_widens_the_detail(qtbot):
    page = FindingsPage(Session())
    qtbot.addWidget(page)
    row = replace(synthetic_rows(1)[0], source="/home/sam/" + "deeply-nested-folder/" * 6)
    page.set_rows([row])
    page.gallery.select_row(0)
    whole = page.context.fontMetrics().horizontalAdvance(row.source)
    assert page.context.minimumSizeHint().width() < whole / 2
    assert page.context_scroll.minimumWidth() >= page.context.minimumSizeHint().width()
    assert "deeply-nested-folder/\u200b" in page.context.text()
