"""Overview: the exposure told as a story: what was found, how exposed, where, what to do."""

from __future__ import annotations

import html
from typing import ClassVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from exposure_audit.exposure import LEVELS
from exposure_audit.i18n import _
from exposure_audit.i18n.formats import format_number
from exposure_audit.report.counts import story as counts_story
from exposure_audit.report.next_steps import PlatformSteps
from exposure_audit.report.words import step_heading
from ui import labels
from ui.desktop import open_web
from ui.pages.overview.summary import Overview, summarise
from ui.session import Session
from ui.widgets.charts import BarChart, StatTile, Timeline
from ui.widgets.score_card import ScoreCard
from ui.widgets.world_map import WorldMap

LEVEL_COLOURS = {"high": "#c4572e", "medium": "#d39a1c", "low": "#2e9d5b", "local": "#3b7dd8"}
SHOWN_LEVELS = ("high", "medium", "low", "local")


def level_words() -> dict[str, str]:
    """Each level's heading in the language in force (worked out when shown)."""
    return {level.value: level.heading for level in LEVELS}


def story(summary: Overview) -> str:
    """The overview in two sentences a person reads first (the core's words and counts)."""
    if not summary.counts.photos:
        return _("No photo of you yet: run a scan, then mark the photos that are you.")
    told = counts_story(summary.counts.as_dict())
    return told + " " + _("Click a bar, a year or a place to see those photos.")


def next_steps_html(steps: list[PlatformSteps]) -> str:
    """Per platform, what to do next; links are the controllers' own pages."""
    if not steps:
        nothing = _("Nothing to do on any platform: no photo of you was found in an export.")
        return f"<p>{html.escape(nothing)}</p>"
    parts = []
    for step in steps:
        items = "".join(
            f'<li><a href="{html.escape(a.url, quote=True)}">{html.escape(a.text)}</a></li>'
            if a.url
            else f"<li>{html.escape(a.text)}</li>"
            for a in step.actions
        )
        title = html.escape(step_heading(step.company, step.photos)).format(
            platform=f"<b>{html.escape(labels.platform_label(step.platform))}</b>",
            company=html.escape(step.company or ""),
            n=format_number(step.photos),
        )
        parts.append(f"<p>{title}</p><ul>{items}</ul>")
    return "".join(parts)


class OverviewPage(QWidget):
    """Tiles, exposure levels with their reasons, platforms, kinds, years, a map and next steps.

    Clicking a chart emits ``filter_requested(field, value)`` for the findings page. Other
    widgets (a score, say) can be added with ``add_section``.
    """

    key: ClassVar[str] = "overview"
    icon_name: ClassVar[str] = "overview"
    needs_audit: ClassVar[bool] = True

    @staticmethod
    def title() -> str:
        return _("Overview")

    loaded = Signal()
    filter_requested = Signal(str, object)  # field of the findings filter, value
    requests_requested = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.summary = Overview()
        self.story = QLabel("")
        self.story.setWordWrap(True)
        self.story.setAccessibleName(_("Your exposure in a few words"))
        self.score_card = ScoreCard(session)
        self.tiles = {
            "photos": StatTile(_("photos of you found"), "#3b7dd8"),
            "gps": StatTile(_("carry the place they were taken (GPS)"), "#d39a1c"),
            "public": StatTile(_("anyone could see"), "#c4572e"),
            "profile": StatTile(_("public profile pictures or avatars"), "#8e5bd6"),
            "platforms": StatTile(_("platforms hold them"), "#2aa3a3"),
        }
        self.levels = BarChart(_("Exposure level"))
        self.platforms = BarChart(_("Photos by platform"))
        self.kinds = BarChart(_("Photos by kind"))
        self.timeline = Timeline(_("Photos of you per year"))
        self.map = WorldMap(_("Places your photos give away"))
        self.reasons = QLabel("")
        self.reasons.setWordWrap(True)
        self.reasons.setTextFormat(Qt.TextFormat.RichText)
        self.reasons.setAccessibleName(_("Why each exposure level"))
        self.steps = QLabel("")
        self.steps.setWordWrap(True)
        self.steps.setTextFormat(Qt.TextFormat.RichText)
        self.steps.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.steps.setOpenExternalLinks(False)
        self.steps.linkActivated.connect(self._open)
        self.steps.setAccessibleName(_("What to do next, per platform"))
        self._wire()
        self._layout()
        session.opened.connect(lambda _p: self.reload())
        session.findings_changed.connect(self.reload)
        session.decision_saved.connect(lambda *_: self.reload())

    def _wire(self) -> None:
        self.levels.bar_clicked.connect(lambda key: self.filter_requested.emit("level", key))
        self.platforms.bar_clicked.connect(lambda key: self.filter_requested.emit("platform", key))
        self.kinds.bar_clicked.connect(lambda key: self.filter_requested.emit("kind", key))
        self.timeline.year_clicked.connect(lambda year: self.filter_requested.emit("year", year))
        self.map.place_clicked.connect(lambda place: self.filter_requested.emit("place", place))

    def _layout(self) -> None:
        body = QWidget()
        tiles = QGridLayout()
        for number, tile in enumerate(self.tiles.values()):
            tiles.addWidget(tile, number // 3, number % 3)  # two rows: room at any zoom
        levels = QGridLayout()
        levels.addWidget(self.levels, 0, 0)
        levels.addWidget(self.reasons, 0, 1)
        levels.setColumnStretch(0, 1)
        levels.setColumnStretch(1, 1)
        charts = QHBoxLayout()
        charts.addWidget(self.platforms)
        charts.addWidget(self.kinds)
        self.column = QVBoxLayout(body)
        heading = QLabel(_("<h2>Overview</h2><p>Photos you marked 'Not me' are left out.</p>"))
        heading.setWordWrap(True)
        self.column.addWidget(heading)
        self.column.addWidget(self.story)
        self.column.addWidget(self.score_card)
        self.column.addLayout(tiles)
        self.column.addLayout(levels)
        self.column.addLayout(charts)
        self.column.addWidget(self.timeline)
        self.column.addWidget(self.map)
        self.column.addWidget(QLabel(_("<h3>What to do next</h3>")))
        self.column.addWidget(self.steps)
        self.column.addStretch()
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)

    def add_section(self, widget: QWidget, position: int = 2) -> None:
        """Put another part of the story on the page (after the summary sentence by default)."""
        self.column.insertWidget(position, widget)

    def reload(self) -> None:
        self.session.db(lambda audit: summarise(audit.findings()), self.show_summary)

    def show_summary(self, summary: Overview) -> None:
        self.summary = summary
        self.story.setText(story(summary))
        counts = summary.counts
        self.tiles["photos"].set_value(format_number(counts.photos))
        self.tiles["gps"].set_value(format_number(counts.located))
        self.tiles["public"].set_value(format_number(counts.public))
        self.tiles["profile"].set_value(format_number(counts.profile))
        self.tiles["platforms"].set_value(format_number(len(counts.platforms)))
        self.platforms.set_items(list(summary.platforms.items()))
        self.kinds.set_items(list(summary.kinds.items()))
        headings = level_words()
        self.levels.set_items(
            [(headings.get(k, k), v) for k, v in summary.levels.items()],
            {headings.get(k, k): c for k, c in LEVEL_COLOURS.items()},
            {heading: k for k, heading in headings.items()},
        )
        self.timeline.set_counts(dict(summary.years))
        self.map.set_places(summary.places)
        self.reasons.setText(self._reasons_html(summary))
        self.steps.setText(next_steps_html(summary.next_steps))
        self.loaded.emit()

    @staticmethod
    def _reasons_html(summary: Overview) -> str:
        parts = [f"<b>{html.escape(_('Why'))}</b>"]
        for level in SHOWN_LEVELS:
            reasons = summary.reasons.get(level)
            if not reasons:
                continue
            items = "".join(
                f"<li>{html.escape(reason)} ({count})</li>"
                for reason, count in reasons.most_common(5)
            )
            parts.append(
                f'<p style="color:{LEVEL_COLOURS[level]}"><b>{html.escape(level_words()[level])}</b>'
                f"</p><ul>{items}</ul>"
            )
        return "".join(parts) if len(parts) > 1 else _("No findings yet: run a scan first.")

    @staticmethod
    def _open(url: str) -> None:
        if url.lower().startswith(("https://", "http://")):
            open_web(url)
