"""Finding user-visible text that is not marked for translation, from the source's AST.

A text is user-visible when it is given to a Qt text setter or constructor (``setText``,
``QLabel(...)``, ``QMessageBox.warning(...)``, ``addItem``...) or, in the core, printed for
people or put into a report. It is marked when it goes through ``_``, ``ngettext`` or
``pgettext`` (or is a ``N_`` constant translated where shown).
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

# Calls whose text arguments people read (or hear, for accessible names).
TEXT_CALLS = frozenset(
    {
        "setText",
        "setToolTip",
        "setWindowTitle",
        "setPlaceholderText",
        "setAccessibleName",
        "setAccessibleDescription",
        "setStatusTip",
        "setWhatsThis",
        "setTitle",
        "setLabelText",
        "setInformativeText",
        "setDetailedText",
        "setSuffix",
        "setPrefix",
        "setSpecialValueText",
        "addItem",
        "insertItem",
        "addTab",
        "setTabText",
        "setItemText",
        "addButton",
        "addRow",
        "showMessage",
        "information",
        "warning",
        "critical",
        "question",
        "getOpenFileName",
        "getOpenFileNames",
        "getSaveFileName",
        "getExistingDirectory",
        "getText",
        "getItem",
        "QLabel",
        "QPushButton",
        "QCheckBox",
        "QRadioButton",
        "QGroupBox",
        "QAction",
        "QToolButton",
        "QMessageBox",
        "QListWidgetItem",
        "QTableWidgetItem",
        "QCommandLinkButton",
        "button",
        "plain_tooltip",
        "show_step",
        "set_label",
        "Step",
        "StatTile",
    }
)
MARKING = frozenset({"_", "ngettext", "pgettext", "N_"})
# Words that stay as they are in every language: names, units, symbols.
KEPT = frozenset({"Exposure Audit", "HOG", "CNN", "SHA-256", "GPS", "OK", "px", "%"})
_TAG = re.compile(r"<[^>]*>|&[a-z]+;|%\([a-z_]+\)[sd]|\{[^}]*\}")
_WORD = re.compile(r"[A-Za-zÀ-ÿ]{2,}")
_COLOUR = re.compile(r"#[0-9a-fA-F]{3,8}")


@dataclass(frozen=True)
class Unmarked:
    path: str
    line: int
    text: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.text!r}"


def has_words(text: str) -> bool:
    """Whether a literal says something in a language (not only markup, symbols or names)."""
    rest = _COLOUR.sub(" ", _TAG.sub(" ", text))
    for kept in KEPT:
        rest = rest.replace(kept, " ")
    return bool(_WORD.search(rest))


def unmarked_in(source: str, path: str, calls: frozenset[str] = TEXT_CALLS) -> Iterator[Unmarked]:
    """Literal texts given to ``calls`` without going through a translation function."""
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call) and _name(node.func) in calls:
            for argument in _text_arguments(node):
                yield from _literals(argument, path)


# Item views take (text, user data) or (icon, text, user data); the user data is a code.
_TEXT_POSITION = {"addItem": (0, 1), "insertItem": (1, 2)}


def _text_arguments(call: ast.Call) -> list[ast.expr]:
    keywords = [k.value for k in call.keywords if k.arg not in ("userData", "data", "icon_name")]
    name = _name(call.func)
    if name in _TEXT_POSITION and len(call.args) >= 2:
        plain, with_icon = _TEXT_POSITION[name]
        with_data = plain + 2
        position = with_icon if len(call.args) >= with_data + 1 else plain
        return [call.args[position], *keywords]
    return [*call.args, *keywords]


def _name(func: ast.expr) -> str | None:
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return None


def _literals(node: ast.expr, path: str) -> Iterator[Unmarked]:
    """Unmarked literal text in an argument (through +, %, if-else and f-strings)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        if has_words(node.value):
            yield Unmarked(path, node.lineno, node.value)
    elif isinstance(node, ast.JoinedStr):
        text = "".join(
            str(part.value) if isinstance(part, ast.Constant) else "{}" for part in node.values
        )
        if has_words(text):
            yield Unmarked(path, node.lineno, text)
    elif isinstance(node, ast.BinOp):
        yield from _literals(node.left, path)
        if isinstance(node.op, ast.Add):
            yield from _literals(node.right, path)
    elif isinstance(node, ast.IfExp):
        yield from _literals(node.body, path)
        yield from _literals(node.orelse, path)
    elif isinstance(node, ast.Call) and _name(node.func) in ("join", "format", "escape"):
        for argument in node.args:
            yield from _literals(argument, path)


def unmarked_files(root: Path, folder: str) -> list[Unmarked]:
    found: list[Unmarked] = []
    for path in sorted((root / folder).rglob("*.py")):
        relative = path.relative_to(root).as_posix()
        found += unmarked_in(path.read_text(encoding="utf-8"), relative)
    return found
