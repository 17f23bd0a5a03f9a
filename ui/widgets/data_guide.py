"""'How to get your data': each platform's steps, link, options and usual delay."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from exposure_audit.i18n import _
from exposure_audit.sources.guide import GUIDES, PlatformGuide
from ui.desktop import open_web


def guide_html(guide: PlatformGuide) -> str:
    """One platform's guide as rich text; every piece of text escaped."""
    esc = html.escape
    guide = guide.shown()
    steps = "".join(f"<li>{esc(step)}</li>" for step in guide.steps)
    options = "".join(f"<li>{esc(option)}</li>" for option in guide.choose)
    link = esc(guide.link, quote=True)
    request = esc(_("Request it at {link}")).format(link=f'<a href="{link}">{link}</a>')
    return (
        f"<h3>{esc(guide.name)}</h3>"
        f"<p>{request}</p>"
        f"<ol>{steps}</ol>"
        f"<p><b>{esc(_('Choose:'))}</b></p><ul>{options}</ul>"
        f"<p><b>{esc(_('How long:'))}</b> {esc(guide.delay)}</p>"
        f"<p><b>{esc(_('What the audit finds in it:'))}</b> {esc(guide.photos)}</p>"
    )


class DataGuide(QWidget):
    """A platform list and the chosen platform's guide; links open in the browser on click."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.platforms = QListWidget()
        self.platforms.setAccessibleName(_("Platforms"))
        self.platforms.setMaximumWidth(220)
        for guide in GUIDES:
            item = QListWidgetItem(f"{guide.name}\n{_(guide.usually)}")
            item.setData(Qt.ItemDataRole.UserRole, guide.key)
            self.platforms.addItem(item)
        self.text = QLabel("")
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.text.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.text.setOpenExternalLinks(False)
        self.text.linkActivated.connect(self._open)
        self.text.setAccessibleName(_("How to request this platform's data"))
        self.platforms.currentRowChanged.connect(self._on_platform_changed)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.platforms)
        row.addWidget(self.text, 1)
        self.platforms.setCurrentRow(0)

    def show_platform(self, key: str) -> None:
        for number, guide in enumerate(GUIDES):
            if guide.key == key:
                self.platforms.setCurrentRow(number)

    def _on_platform_changed(self, number: int) -> None:
        if 0 <= number < len(GUIDES):
            self.text.setText(guide_html(GUIDES[number]))

    @staticmethod
    def _open(url: str) -> None:
        if url.lower().startswith("https://"):  # only the guide's own web links
            open_web(url)


class DataGuideDialog(QDialog):
    """The guide in its own window, opened from 'Where to look'."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("How to get your data"))
        self.guide = DataGuide()
        intro = QLabel(
            _(
                "Ask each platform you use for a copy of your data, then add the "
                "downloaded files under 'Where to look'. Most platforms e-mail you when "
                "the copy is ready."
            )
        )
        intro.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.guide, 1)
        layout.addWidget(buttons)
        self.resize(760, 520)
