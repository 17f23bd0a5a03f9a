"""The Findings filter bar: grouping, the filters and the similarity slider, in a wrapping row."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QSizePolicy, QSlider, QWidget

from exposure_audit.audit.store import FindingRow
from exposure_audit.i18n import N_, _
from exposure_audit.report.world_map import Place
from exposure_audit.vocabulary import Band, Decision, ExposureLevel, MediaKind
from ui import labels
from ui.models.findings import FindingsFilter
from ui.widgets.flow import FlowLayout

LEVEL_ORDER = (ExposureLevel.HIGH, ExposureLevel.MEDIUM, ExposureLevel.LOW, ExposureLevel.LOCAL)
FIND_LIMIT = 0.8  # the loosest match the slider can show
MAX_CHOICE_CHARS = 36  # the widest a filter's choice is shown, in characters
GROUPS = [
    ("", N_("No grouping")),
    ("platform", N_("Platform")),
    ("kind", N_("Kind")),
    ("band", N_("Confidence")),
    ("year", N_("Year")),
    ("location", N_("Has location")),
    ("decision", N_("Decision")),
]


class FindingsFilters(QWidget):
    """The boxes that narrow the gallery; ``changed`` whenever the person picks another choice.

    Filling the choices, setting the similarity and clearing change nothing the person picked,
    so they stay silent (``clear`` says once that the filters changed).
    """

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.group = self._combo(_("Group by"), [(k, _(v)) for k, v in GROUPS])
        self.platform = self._combo(_("Platform"), [(None, _("Any platform"))])
        self.kind = self._combo(_("Kind"), [(None, _("Any kind"))])
        self.band = self._combo(
            _("Confidence"), [(None, _("Any confidence"))] + [(band, band.label) for band in Band]
        )
        self.year = self._combo(_("Year"), [(None, _("Any year"))])
        self.located = self._combo(
            _("Has location"),
            [
                (None, _("With or without location")),
                (True, _("Has a location")),
                (False, _("No location")),
            ],
        )
        self.level = self._combo(
            _("Exposure"),
            [(None, _("Any exposure"))] + [(level, level.label) for level in LEVEL_ORDER],
        )
        self.decision = self._combo(
            _("Decision"),
            [
                (None, _("Any decision")),
                *((decision, decision.label) for decision in Decision),
            ],
        )
        self.media = self._combo(
            _("Photos or videos"),
            [
                (None, _("Photos and videos")),
                (MediaKind.PHOTO, _("Photos only")),
                (MediaKind.VIDEO, _("Videos only")),
            ],
        )
        self._choosable = {  # what a chart's bar or a map's dot can pick
            "platform": self.platform,
            "kind": self.kind,
            "year": self.year,
            "has_location": self.located,
            "level": self.level,
        }
        self._lay_out()

    def _lay_out(self) -> None:
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setRange(round((1 - FIND_LIMIT) * 100), 80)
        self.slider.setAccessibleName(_("Minimum similarity"))
        self.slider.valueChanged.connect(self._on_slider_value_changed)
        self.slider_label = QLabel("")
        self.slider.setMinimumWidth(140)
        similarity = QWidget()
        row = QHBoxLayout(similarity)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.slider_label)
        row.addWidget(self.slider, 1)
        # The filters wrap: each shows its whole choice at any width.
        layout = FlowLayout(self)
        for widget in (self.group, *self.filter_combos(), similarity):
            layout.addWidget(widget)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def _combo(self, name: str, items: list[tuple[object, str]]) -> QComboBox:
        combo = QComboBox()
        combo.setAccessibleName(name)
        combo.setToolTip(name)
        # As wide as its longest choice, so the chosen one is never cut; a very long place
        # name is capped so it cannot widen the page past a small screen.
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self._cap(combo)
        for data, text in items:
            combo.addItem(text, data)
        combo.currentIndexChanged.connect(self._on_combo_current_index_changed)
        return combo

    @staticmethod
    def _cap(combo: QComboBox) -> None:
        combo.setMaximumWidth(combo.fontMetrics().averageCharWidth() * MAX_CHOICE_CHARS)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:  # larger text (workshop mode): a wider cap
            for combo in (self.group, *self.filter_combos()):
                self._cap(combo)

    def filter_combos(self) -> tuple[QComboBox, ...]:
        """The boxes that hide photos (grouping only orders them)."""
        return (
            self.platform,
            self.kind,
            self.band,
            self.year,
            self.located,
            self.level,
            self.decision,
            self.media,
        )

    # -- what is chosen -----------------------------------------------------------------------

    def rules(self) -> FindingsFilter:
        """The photos the chosen filters let through."""
        located = self.located.currentData()
        place = located if isinstance(located, tuple) else None  # a map dot, chosen there
        return FindingsFilter(
            platform=self.platform.currentData(),
            kind=self.kind.currentData(),
            band=self.band.currentData(),
            year=self.year.currentData(),
            has_location=None if place else located,
            place=place,
            decision=self.decision.currentData(),
            level=self.level.currentData(),
            max_distance=1 - self.slider.value() / 100 + 1e-9,
            media=self.media.currentData(),
        )

    def grouping(self) -> str:
        return str(self.group.currentData() or "")

    # -- changed by the page ------------------------------------------------------------------

    def fill_choices(self, rows: list[FindingRow]) -> None:
        """List the platforms, kinds and years ``rows`` hold; a choice still listed stays."""
        # Each choice is (code, words): the filter compares codes, the combo shows words.
        values = {
            self.platform: {labels.platform_key(r.context.get("platform")) for r in rows},
            self.kind: {labels.kind_key(r.context.get("kind")) for r in rows},
            self.year: {labels.year_of(r.context) or "" for r in rows},
        }
        words = {
            self.platform: labels.platform_label,
            self.kind: labels.kind_label,
            self.year: lambda year: year or _("Unknown year"),
        }
        for combo, codes in values.items():
            chosen = combo.currentData()
            combo.blockSignals(True)
            while combo.count() > 1:
                combo.removeItem(1)
            for word, code in sorted((words[combo](code), code) for code in codes):
                combo.addItem(word, code)
            combo.setCurrentIndex(max(0, combo.findData(chosen)) if chosen is not None else 0)
            combo.blockSignals(False)

    def set_similarity(self, similarity: int) -> None:
        """Set the slider (in % alike) without saying the filters changed."""
        self.slider.blockSignals(True)
        self.slider.setValue(similarity)
        self.slider.blockSignals(False)
        self._show_similarity()

    def clear(self, similarity: int) -> None:
        """Every filter back to 'any' and the slider to ``similarity``; then ``changed`` once."""
        for combo in self.filter_combos():
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self.set_similarity(similarity)
        self.changed.emit()

    def offers(self, field: str, value: object) -> bool:
        """Whether ``choose`` can show only the photos with ``value`` in ``field``."""
        return field in self._choosable or (field == "place" and isinstance(value, Place))

    def choose(self, field: str, value: object) -> None:
        """Pick one value of one filter (a chart's bar, a map's dot), listed if it is not yet."""
        if field == "place" and isinstance(value, Place):
            self._choose_place(value)
            return
        combo = self._choosable.get(field)
        if combo is None:
            return
        number = combo.findData(value)
        if number < 0:  # a value the combo does not list yet (rows still loading)
            combo.addItem(str(value), value)
            number = combo.count() - 1
        combo.setCurrentIndex(number)

    def _choose_place(self, place: Place) -> None:
        """Only the photos taken at one dot of the map, named in the location filter."""
        key = (place.latitude, place.longitude)
        number = self.located.findData(key)
        if number < 0:
            name = place.name or f"{place.latitude:.0f}, {place.longitude:.0f}"
            self.located.addItem(_("Taken at {place}").format(place=name), key)
            number = self.located.count() - 1
        self.located.setCurrentIndex(number)

    def _on_combo_current_index_changed(self, _index: int) -> None:
        self.changed.emit()

    def _on_slider_value_changed(self, _value: int) -> None:
        self._show_similarity()
        self.changed.emit()

    def _show_similarity(self) -> None:
        self.slider_label.setText(_("Similarity ≥ %(value)s %%") % {"value": self.slider.value()})
