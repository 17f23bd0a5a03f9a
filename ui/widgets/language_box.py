"""The Language choice: follow the system, or one of the languages the app speaks."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QWidget

from exposure_audit import i18n
from exposure_audit.i18n import _
from ui import prefs


class LanguageBox(QComboBox):
    """Emits ``chosen(code)`` ("" for the system's language) when the user picks one."""

    chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(_("Language"))
        self.addItem(_("Follow the system"), "")
        for code, name in i18n.LANGUAGES.items():
            self.addItem(name, code)  # each language in its own words
        self.setCurrentIndex(max(0, self.findData(prefs.language())))
        self.activated.connect(self._on_activated)

    def _on_activated(self, _index: int) -> None:
        code = str(self.currentData() or "")
        if code != prefs.language():
            self.chosen.emit(code)
