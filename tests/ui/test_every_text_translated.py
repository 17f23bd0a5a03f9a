"""The app speaks Dutch, German and French: no English is left on any page, or in the report.

The main window is built once per language over the same scanned demo audit (every photo
confirmed, a request sent and its deadline extended, so every page has rows to show), every page
of the sidebar is visited and each finding's details shown, and every text is gathered (see
``tests.support.shown_texts``). A text still English is one the catalogue translates but the
window shows untranslated, or one identical in the English run that is not a translation, a
name, a number or the user's own data. The HTML report is read the same way.
"""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication

from exposure_audit import i18n
from exposure_audit.audit.store import Audit
from exposure_audit.report.build import build_report
from exposure_audit.report.html import render_html
from exposure_audit.rights import tracker
from exposure_audit.rights.controllers import load_controllers
from exposure_audit.rights.evidence import save_identity
from exposure_audit.rights.letters import Identity
from tests.support.actionkit import copy_of
from tests.support.shown_texts import (
    Catalogue,
    Shown,
    english_left,
    html_texts,
    widget_texts,
)
from tests.support.ui import open_audit
from ui import prefs
from ui.main_window import MainWindow

LANGUAGES = ("nl", "de", "fr")
TODAY = date(2027, 1, 20)
IDENTITY = Identity("Sam Sample", ("Musterweg 1", "10115 Berlin"), "sam@example.org", {})


@pytest.fixture(scope="module")
def demo(demo_scanned: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo persona scanned, every photo confirmed, one request sent and extended."""
    path = copy_of(demo_scanned, tmp_path_factory.mktemp("spoken"))
    with Audit.open(path) as audit:
        for row in audit.findings():
            audit.set_decision(row.face_id, "me")
        save_identity(audit, IDENTITY)
        sent = tracker.record_request(audit, "meta", ["erasure"], "EU", "en", "post", TODAY)
        tracker.extend(audit, sent, announced=TODAY)
        tracker.record_request(audit, "google", ["access"], "EU", "en", "email", date(2026, 9, 1))
    return path


@pytest.fixture(scope="module")
def own_data(demo: Path) -> frozenset[str]:
    """What the user's own exports say (captions, albums, people, pages), shown as it is."""
    with Audit.open(demo) as audit:
        rows = audit.findings()
    values: set[str] = {IDENTITY.name, *IDENTITY.postal_address}
    for controller in load_controllers().values():  # companies, named as they name themselves
        values.add(controller.name)
        values.update(entity.name for entity in controller.entities.values())
    for row in rows:
        for key in ("caption", "album", "place", "url"):
            if row.context.get(key):
                values.add(str(row.context[key]))
        values.update(row.context.get("people") or [])
        values.add(Path(row.location.split("!/")[-1]).name)
    return frozenset(values)


@pytest.fixture(scope="module")
def runs() -> dict[str, set[Shown]]:
    return {}


def settle(qtbot, window: MainWindow) -> None:
    """Let the pages' loads on the workers finish and their results be shown."""
    pools = window.session.pools
    qtbot.waitUntil(lambda: all(p.activeThreadCount() == 0 for p in pools), timeout=15_000)
    QApplication.processEvents()


def window_texts(qtbot, demo: Path, folder: Path, language: str) -> set[Shown]:
    """Every text of the main window in ``language``, each page visited, each finding shown."""
    prefs.set_language(language)
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    audit = folder / f"{language}.audit"
    shutil.copyfile(demo, audit)
    try:
        with qtbot.waitSignals(
            [window.requests.controllers_loaded, window.findings.loaded], timeout=15_000
        ):
            open_audit(qtbot, window, audit)
        found: set[Shown] = set()
        for key, page in window.pages.items():
            window.show_page(key)
            settle(qtbot, window)
            if key == "findings":  # every finding's details, one after the other
                for number in range(window.findings.proxy.rowCount()):
                    window.findings.gallery.select_row(number)
                    found |= widget_texts(window.findings.context, key)
                settle(qtbot, window)
            # The letter is written from its own template in the letter's language.
            found |= widget_texts(page, key, (window.requests.letter_box.preview,))
        found |= widget_texts(window, "window", (window.stack,))
        return found
    finally:
        window.close()
        prefs.set_language("")


def report_texts(demo: Path, language: str) -> set[Shown]:
    i18n.set_language(language)
    try:
        with Audit.open(demo) as audit:
            report = build_report(audit, TODAY)
        return html_texts(render_html(report, {}), "report")
    finally:
        i18n.set_language("en")


@pytest.fixture
def texts_in(qtbot, demo: Path, runs: dict[str, set[Shown]], tmp_path: Path) -> Any:
    def texts(language: str) -> set[Shown]:
        if language not in runs:
            runs[language] = window_texts(qtbot, demo, tmp_path, language)
        return runs[language]

    return texts


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_english_is_left_in_the_main_window(texts_in, own_data, language: str) -> None:
    english, other = texts_in("en"), texts_in(language)
    assert len(other) > 300  # every page was read, with its rows
    left = english_left(english, other, Catalogue.of(language), own_data)
    assert not left, f"{language}: English left in the window:\n" + "\n".join(left)


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_english_is_left_in_the_report(demo: Path, own_data, language: str) -> None:
    english, other = report_texts(demo, "en"), report_texts(demo, language)
    left = english_left(english, other, Catalogue.of(language), own_data)
    assert not left, f"{language}: English left in the report:\n" + "\n".join(left)


def test_the_check_finds_english_left_over() -> None:
    """A message shown untranslated, and a text no catalogue knows, are both found."""
    catalogue = Catalogue.of("nl")
    english = {Shown("x", "Start with my audit"), Shown("x", "Zebra crossing ahead")}
    dutch = english | {Shown("x", "Facebook"), Shown("x", "12 %"), Shown("x", "a/b.jpg")}
    left = english_left(english, dutch, catalogue, frozenset())
    assert left == [
        "x: 'Start with my audit' (a message shown untranslated)",
        "x: 'Zebra crossing ahead' (the same as in English, and not in the catalogue)",
    ]
