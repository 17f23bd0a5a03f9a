"""Every text a window shows (or reads out), and a check for English left in another language.

``widget_texts`` walks a widget tree and gathers what a person sees or a screen reader says:
labels, buttons, tooltips, placeholders, combo items, group titles, tabs, the items and headers
of list, tree and table views, spin box affixes, window titles and accessible names. Rich text
is split into its text pieces (each table cell, each heading), so one English word among
translated ones is still found on its own.

``english_left`` compares a run in a language with the English run: a piece counts as English
left over when it is a message of the catalogue shown untranslated, or when it is the same in
both runs without being a translation, data, a name or a number (``KEPT``, and what the caller
passes as the user's own data).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QDoubleSpinBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QTabBar,
    QTextEdit,
    QWidget,
)

from exposure_audit import i18n
from exposure_audit.i18n.catalogues import read_po
from exposure_audit.i18n.unmarked import has_words

ROOT = Path(__file__).resolve().parents[2]
ROLES = (
    Qt.ItemDataRole.DisplayRole,
    Qt.ItemDataRole.ToolTipRole,
    Qt.ItemDataRole.AccessibleTextRole,
)
PLACEHOLDER = re.compile(r"%\([a-z_]+\)[sd]|\{[a-z_]+(?:![rsa])?(?::[^{}]*)?\}")
ROWS_READ = 60  # rows of one view read: enough to meet every kind of cell the demo has

# Shown as they are in every language, so the same in the English run and the others:
KEPT = frozenset(
    {
        *i18n.LANGUAGES.values(),  # each language is named in its own words in every language
        "Exposure Audit",
        # platforms and their products, named as the companies name them
        "Facebook",
        "Instagram",
        "WhatsApp",
        "Google",
        "Google Photos",
        "Google Takeout",
        "Telegram",
        "iCloud",
        "TikTok",
        "X",
        "Meta",
        "Clearview AI",
        "PimEyes",
        # units and abbreviations every language writes the same
        "PDF",
        "CSV",
        "JSON",
        "HTML",
        "GPS",
        "EXIF",
        "OK",
    }
)
# Pieces that are data, not words: numbers, dates, times, sizes, paths, addresses, file names.
DATA = re.compile(
    r"""^(
        [\d\s.,:;%+×x/\-–—()≥≤#]+                 # numbers, dates, times, ranges, percentages
      | .*[/\\].*                               # a path (the user's folders and archives)
      | \S+@\S+                                 # an e-mail address
      | (https?://|www\.)\S+                    # a web address
      | [\w.\-() ]+\.(jpe?g|png|heic|gif|webp|mp4|mov|zip|tgz|tar|audit|html|pdf|csv|json|ics|eml)
      | [0-9a-f]{8,}…?                          # the start of a photo's SHA-256, as shown
      | [A-Z]{2}-\d{4}-\d{3,}                   # a request's reference number
    )$""",
    re.IGNORECASE | re.VERBOSE,
)


@dataclass(frozen=True)
class Shown:
    """One piece of text and where it was: the page, the kind of text and the widget's class."""

    where: str
    text: str

    def __str__(self) -> str:
        return f"{self.where}: {self.text!r}"


class _Pieces(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.pieces: list[str] = []
        self._skipped = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("style", "script", "head"):
            self._skipped += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in ("style", "script", "head") and self._skipped:
            self._skipped -= 1

    def handle_data(self, data: str) -> None:
        if not self._skipped:
            self.pieces.append(data)


def pieces(text: str) -> list[str]:
    """The pieces of ``text`` a person reads one by one: text between tags, each line."""
    if re.search(r"<[a-zA-Z!/][^>]*>", text):
        parser = _Pieces()
        parser.feed(text)
        parser.close()
        found = parser.pieces
    else:
        found = [text]
    out = []
    for piece in found:
        for line in piece.replace("\u2029", "\n").splitlines():
            line = " ".join(line.split()).strip(" :·•—-✓✗")
            if line:
                out.append(line)
    return out


def _model_texts(model: QAbstractItemModel) -> Iterator[str]:
    def columns(parent: QModelIndex) -> int:
        try:
            return model.columnCount(parent)
        except TypeError:  # a list model keeps columnCount private
            return 1

    root = QModelIndex()
    for column in range(columns(root)):
        for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            value = model.headerData(column, Qt.Orientation.Horizontal, role)
            if isinstance(value, str):
                yield value

    def rows(parent: QModelIndex, depth: int) -> Iterator[str]:
        for row in range(min(model.rowCount(parent), ROWS_READ)):
            for column in range(columns(parent)):
                index = model.index(row, column, parent)
                for role in ROLES:
                    value = index.data(role)
                    if isinstance(value, str):
                        yield value
            if depth < 3:
                yield from rows(model.index(row, 0, parent), depth + 1)

    yield from rows(root, 0)


def _texts_of(widget: QWidget) -> Iterator[str]:
    yield widget.toolTip()
    yield widget.accessibleName()
    yield widget.accessibleDescription()
    yield widget.statusTip()
    if widget.isWindow():
        yield widget.windowTitle()
    if isinstance(widget, QLabel):
        yield widget.text()
    if isinstance(widget, QAbstractButton):
        yield widget.text()
    if isinstance(widget, (QLineEdit, QTextEdit, QPlainTextEdit)):
        yield widget.placeholderText()
    if isinstance(widget, (QTextEdit, QPlainTextEdit)) and widget.isReadOnly():
        yield widget.toPlainText()
    if isinstance(widget, QComboBox):
        yield from (widget.itemText(number) for number in range(widget.count()))
    if isinstance(widget, QGroupBox):
        yield widget.title()
    if isinstance(widget, QTabBar):
        for number in range(widget.count()):
            yield widget.tabText(number)
            yield widget.tabToolTip(number)
    if isinstance(widget, (QSpinBox, QDoubleSpinBox)):
        yield widget.prefix()
        yield widget.suffix()
    if isinstance(widget, QAbstractSpinBox):
        yield widget.specialValueText()
    if isinstance(widget, QAbstractItemView) and widget.model() is not None:
        yield from _model_texts(widget.model())
    for action in widget.actions():
        yield action.text()
        yield action.toolTip()
    message = getattr(widget, "_message", None)  # a photo view paints its message itself
    if isinstance(message, str):
        yield message


def widget_texts(top: QWidget, where: str, skipped: tuple[QWidget, ...] = ()) -> set[Shown]:
    """Every piece of text ``top`` and its children hold, shown or not (a hidden one may show),
    but for the ``skipped`` widgets and what they hold."""
    found = set()
    for widget in [top, *top.findChildren(QWidget)]:
        if any(widget is s or s.isAncestorOf(widget) for s in skipped):
            continue
        kind = type(widget).__name__
        for text in _texts_of(widget):
            for piece in pieces(text or ""):
                found.add(Shown(f"{where} {kind}", piece))
    return found


def html_texts(page: str, where: str) -> set[Shown]:
    """The visible text pieces of an HTML page (not its styles or scripts)."""
    return {Shown(where, piece) for piece in pieces(page)}


@dataclass(frozen=True)
class Catalogue:
    """What a language's catalogue says: the English messages it translates, and its words."""

    translated: frozenset[str]  # English messages whose translation differs from them
    words: frozenset[str]  # every translation, in pieces as they are shown
    filled: tuple[re.Pattern[str], ...]  # translations with placeholders, any value filled in

    def says(self, text: str) -> bool:
        """Whether ``text`` is one of this language's translations (filled in or not)."""
        return text in self.words or any(p.fullmatch(text) for p in self.filled)

    @classmethod
    def of(cls, language: str) -> Catalogue:
        po = ROOT / "resources" / "locale" / language / "LC_MESSAGES" / f"{i18n.DOMAIN}.po"
        english: set[str] = set()
        words: set[str] = set()
        filled: list[re.Pattern[str]] = []
        for message in read_po(po)[1].values():
            forms = [message.msgid] + ([message.plural] if message.plural else [])
            for form, translation in zip(forms, message.translations, strict=False):
                if translation and translation != form:
                    english.update(p for p in pieces(form) if p not in pieces(translation))
            for translation in message.translations:
                for piece in pieces(translation):
                    words.add(piece)
                    parts = PLACEHOLDER.split(piece)
                    if len(parts) > 1 and has_words("".join(parts)):
                        filled.append(re.compile(".+".join(map(re.escape, parts))))
        return cls(frozenset(english), frozenset(words), tuple(filled))


def kept(text: str, data: Iterable[str] = ()) -> bool:
    """Whether a piece is the same in every language: a name, a number, the user's own data."""
    if text in KEPT or text in data or not has_words(text) or DATA.match(text):
        return True
    names = text.split(", ")  # a list of platforms, each named as it is
    return len(names) > 1 and all(kept(name, data) for name in names)


def english_left(
    english: set[Shown], other: set[Shown], catalogue: Catalogue, data: frozenset[str]
) -> list[str]:
    """The pieces of ``other`` (a run in another language) that are still English, sorted."""
    in_english = {shown.text for shown in english}
    found = set()
    for shown in other:
        text = shown.text
        if catalogue.says(text) or kept(text, data):
            continue
        if text in catalogue.translated:
            found.add(f"{shown} (a message shown untranslated)")
        elif text in in_english:
            found.add(f"{shown} (the same as in English, and not in the catalogue)")
    return sorted(found)
