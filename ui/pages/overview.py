"""Overview: the exposure at a glance, in pictures first and words second."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from ui.session import Session
from ui.summary import Overview, summarise
from ui.widgets.charts import BarChart, StatTile, Timeline
from ui.widgets.score_card import ScoreCard

LEVEL_COLOURS = {"high": "#c4572e", "medium": "#d39a1c", "low": "#2e9d5b"}
LEVEL_WORDS = {
    "high": "High: anyone could see these",
    "medium": "Medium: seen by some people",
    "low": "Low: kept close",
}


class OverviewPage(QWidget):
    """Counts by platform and kind, a yearly timeline, GPS and public profile pictures."""

    loaded = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.summary = Overview()
        self.score_card = ScoreCard(session)
        self.tiles = {
            "photos": StatTile("photos of you found", "#3b7dd8"),
            "gps": StatTile("carry the place they were taken (GPS)", "#c4572e"),
            "profile": StatTile("are public profile pictures", "#8e5bd6"),
            "platforms": StatTile("platforms or places hold them", "#2aa3a3"),
        }
        self.levels = BarChart("Exposure level")
        self.platforms = BarChart("Photos by platform")
        self.kinds = BarChart("Photos by kind")
        self.timeline = Timeline("Photos of you per year")
        self.reasons = QLabel("")
        self.reasons.setWordWrap(True)
        self.reasons.setTextFormat(Qt.TextFormat.RichText)
        self.reasons.setAccessibleName("Why each exposure level")
        self._layout()
        session.opened.connect(lambda _p: self.reload())
        session.findings_changed.connect(self.reload)
        session.decision_saved.connect(lambda *_: self.reload())

    def _layout(self) -> None:
        body = QWidget()
        tiles = QHBoxLayout()
        for tile in self.tiles.values():
            tiles.addWidget(tile)
        grid = QGridLayout()
        grid.addWidget(self.platforms, 0, 0)
        grid.addWidget(self.kinds, 0, 1)
        grid.addWidget(self.levels, 1, 0)
        grid.addWidget(self.reasons, 1, 1)
        column = QVBoxLayout(body)
        column.addWidget(QLabel("<h2>Overview</h2><p>Photos you marked 'Not me' are left out.</p>"))
        column.addWidget(self.score_card)
        column.addLayout(tiles)
        column.addWidget(self.timeline)
        column.addLayout(grid)
        column.addStretch()
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)

    def reload(self) -> None:
        self.session.db(lambda audit: summarise(audit.findings()), self.show_summary)

    def show_summary(self, summary: Overview) -> None:
        self.summary = summary
        self.tiles["photos"].set_value(f"{summary.photos:,}")
        self.tiles["gps"].set_value(f"{summary.with_gps:,}")
        self.tiles["profile"].set_value(f"{summary.public_profile:,}")
        self.tiles["platforms"].set_value(f"{len(summary.platforms):,}")
        self.platforms.set_items(list(summary.platforms.items()))
        self.kinds.set_items(list(summary.kinds.items()))
        self.levels.set_items(
            [(LEVEL_WORDS.get(k, k), v) for k, v in summary.levels.items()],
            {LEVEL_WORDS.get(k, k): c for k, c in LEVEL_COLOURS.items()},
        )
        self.timeline.set_counts(dict(summary.years))
        self.reasons.setText(self._reasons_html(summary))
        self.loaded.emit()

    @staticmethod
    def _reasons_html(summary: Overview) -> str:
        parts = ["<b>Why</b>"]
        for level in ("high", "medium", "low"):
            reasons = summary.reasons.get(level)
            if not reasons:
                continue
            items = "".join(
                f"<li>{html.escape(reason)} ({count})</li>"
                for reason, count in reasons.most_common(5)
            )
            parts.append(
                f'<p style="color:{LEVEL_COLOURS[level]}"><b>{LEVEL_WORDS[level]}</b></p><ul>{items}</ul>'
            )
        return "".join(parts) if len(parts) > 1 else "No findings yet: run a scan first."
