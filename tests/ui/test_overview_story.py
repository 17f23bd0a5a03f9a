"""The overview tells a story: clickable charts filter the findings, a map, next steps."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QPointF, Qt

from exposure_audit.report.world_map import project
from tests.support.ui import enrolled_audit, open_audit, synthetic_rows
from ui.models.roles import RowRole
from ui.pages.overview import OverviewPage
from ui.pages.overview.summary import summarise
from ui.session import Session


def test_summary_gathers_places_and_next_steps():
    rows = synthetic_rows(40)
    summary = summarise(rows)
    assert sum(p.photos for p in summary.places) == summary.with_gps == 8
    assert summary.places[0].latitude == 52.0 or summary.places[0].latitude == 53.0
    steps = {s.platform: s for s in summary.next_steps}
    assert set(steps) == {"Facebook, Instagram", "Google Photos", "X"}  # one entry per company
    facebook = steps["Facebook, Instagram"]
    assert facebook.platforms == ("Facebook", "Instagram")
    assert facebook.photos == 20
    assert facebook.company
    assert "Meta" in facebook.company
    links = {a.url for a in facebook.actions if a.url}
    assert "https://accountscenter.facebook.com/info_and_permissions/dyi/" in links
    assert any("anyone can see" in a.text for a in facebook.actions)


def test_own_files_need_no_next_step():
    rows = [replace(r, context={**r.context, "platform": "Files"}) for r in synthetic_rows(4)]
    assert summarise(rows).next_steps == []


def test_overview_draws_map_and_names_next_steps(qtbot):
    page = OverviewPage(Session())
    qtbot.addWidget(page)
    page.resize(900, 1400)
    page.show_summary(summarise(synthetic_rows(40)))
    page.show()
    qtbot.waitExposed(page)
    assert "52" in page.map.accessibleDescription() or "53" in page.map.accessibleDescription()
    assert "Turn off face recognition" in page.steps.text()  # Google's setting
    assert "photos.google.com/settings" in page.steps.text()
    assert "40 photos of you" in page.story.text()
    image = page.map.grab().toImage()
    frame = page.map._frame()
    place = page.summary.places[0]
    x, y = project(place.longitude, place.latitude, frame.width(), frame.height())
    dot = image.pixelColor(int(frame.left() + x), int(frame.top() + y))
    assert dot.red() > dot.blue()  # the dot's colour, over Berlin


def test_a_bar_a_year_and_a_place_filter_the_findings(qtbot, tmp_path, window):
    open_audit(qtbot, window, enrolled_audit(tmp_path / "me.audit", []))
    rows = synthetic_rows(40)
    window.findings.set_rows(rows)
    window.overview.show_summary(summarise(rows))
    window.show_page("overview")
    window.overview.resize(900, 1400)
    chart = window.overview.platforms
    first_label = chart.items[0][0]
    qtbot.mouseClick(chart, Qt.MouseButton.LeftButton, pos=QPointF(20, 30 + 5).toPoint())
    assert window.current_page() is window.findings
    assert window.findings.filters.platform.currentData() == first_label
    shown = window.findings.proxy.rowCount()
    assert shown == sum(
        1 for r in rows if r.context["platform"] == first_label and r.distance <= 0.6
    )

    window.overview.timeline.year_clicked.emit("2012")
    assert window.findings.filters.year.currentData() == "2012"
    assert window.findings.filters.platform.currentData() is None

    window.overview.levels.bar_clicked.emit("high")
    assert window.findings.filters.level.currentData() == "high"
    assert window.findings.proxy.rowCount() > 0

    first = window.overview.summary.places[0]
    window.overview.map.place_clicked.emit(first)
    assert window.findings.filters.located.currentData() == (first.latitude, first.longitude)


def test_a_map_dot_shows_the_photos_taken_there_only(qtbot, window) -> None:
    """Two places on the map: clicking one lists its photos, not every located photo."""
    rows = synthetic_rows(20)
    rows = [
        replace(r, context={**r.context, "latitude": 48.85, "longitude": 2.35, "place": "Paris"})
        if n % 2
        else r
        for n, r in enumerate(rows)
    ]
    window.findings.set_rows(rows)
    window.overview.show_summary(summarise(rows))
    places = window.overview.summary.places
    assert len(places) == 2
    paris = next(p for p in places if p.name == "Paris")
    window.overview.map.place_clicked.emit(paris)
    shown = [
        window.findings.proxy.index(n, 0).data(RowRole)
        for n in range(window.findings.proxy.rowCount())
    ]
    assert shown
    assert all(r.context["place"] == "Paris" for r in shown)
    located = sum(1 for r in rows if r.context.get("latitude") is not None and r.distance <= 0.6)
    assert len(shown) < located
    assert window.findings.filters.located.currentText() == "Taken at Paris"
    window.findings.clear_filters()
    assert window.findings.proxy.rowCount() > len(shown)
