"""Finding user-visible text that is not marked for translation, from the source's AST.

A text is user-visible when it is given to a Qt text setter or constructor (``setText``,
``QLabel(...)``, ``QMessageBox.warning(...)``, ``addItem``...) or, in the core, printed for
people, asked, raised as an error people read, or put into a report (CORE_CALLS, and what the
core's message modules return). It is marked when it goes through ``_``, ``ngettext`` or
``pgettext`` (or is a ``N_`` constant translated where shown).

Not user-visible, so never flagged: flags, codes, JSON keys, SQL, file names and log lines
(none of them go to these calls), the keyword arguments in NOT_TEXT_KEYWORDS (``align=``,
``new_x=``, ``file=``...), and the letters under ``exposure_audit/rights/letters``, which have
their own templates per letter language.
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
        "BarChart",
        "Timeline",
        "WorldMap",
        "combo",
        "_combo",
        "table",
    }
)
# Calls where only the arguments at these positions are text (the others are codes, names).
TEXT_POSITIONS: dict[str, tuple[int, ...]] = {"Guidance": (0, 1)}
# The core's calls whose text people read: printed, asked, raised, drawn into a report.
CORE_CALLS = frozenset(
    {
        "print",
        "input",
        "write",
        "message",
        "UsageError",
        "UserMistake",
        "ResidenceUnknown",
        "BadData",
        "EnvironmentProblem",
        "ArgumentTypeError",
        "problem",
        "Action",
        "Guidance",
        "paragraph",
        "heading",
        "text",
        "cell",
        "multi_cell",
        "set_title",
        "bars",
        "bars_svg",
        "timeline_svg",
        "table",
        "append",
    }
)
# Calls where only some keyword arguments are text (the rest are flags, names, links).
TEXT_KEYWORDS: dict[str, frozenset[str]] = {
    "ArgumentParser": frozenset({"description", "epilog"}),
    "add_parser": frozenset({"help", "description", "epilog"}),
    "add_argument": frozenset({"help"}),
    "add_argument_group": frozenset({"title", "description"}),
    "PlatformGuide": frozenset({"steps", "choose", "delay", "photos", "usually"}),
}
NOT_TEXT_KEYWORDS = frozenset(
    {
        "align",
        "text_align",
        "new_x",
        "new_y",
        "style",
        "css_class",
        "file",
        "end",
        "sep",
        "encoding",
        "family",
        "mode",
    }
)
# The core's modules that put sentences together for people (checked for every call above and
# for the text their functions return); the rest of the core is checked for errors and prints.
CORE_MESSAGE_MODULES = (
    "exposure_audit/report/",
    "exposure_audit/cli/",
    "exposure_audit/sources/guide.py",
    "exposure_audit/score.py",
    "exposure_audit/exposure.py",
    "exposure_audit/faces/enrollment.py",
    "exposure_audit/clean/result.py",
)
CORE_ERROR_CALLS = frozenset(
    {
        "print",
        "input",
        "UsageError",
        "UserMistake",
        "ResidenceUnknown",
        "BadData",
        "EnvironmentProblem",
        "problem",
    }
)
# Letters are written from their own templates in the letter's language, not from messages;
# the build's self-check (--smoke-test) speaks to whoever packages the app, in English.
NOT_CHECKED = (
    "exposure_audit/rights/letters/render.py",
    "exposure_audit/rights/letters/outputs.py",
    "exposure_audit/i18n/",
    "exposure_audit/smoke.py",
)
# Texts shown as they are in every language: file patterns and the platforms' codes.
KEPT_TEXTS = frozenset(
    {
        "FILE.html|.pdf|.csv|.json",
        "FILE.pdf|.txt|.eml",
        "facebook, instagram, google, x, tiktok, …",
    }
)
PASSED_THROUGH = frozenset({"join", "format", "escape", "esc", "terminal_safe", "fill"})
MARKING = frozenset({"_", "ngettext", "pgettext", "N_", "NC_", "translated"})
# Words that stay as they are in every language: names, units, symbols.
KEPT = frozenset({"Exposure Audit", "HOG", "CNN", "SHA-256", "GPS", "OK", "px", "%"})
_TAG = re.compile(r"<[^>]*>|&[a-z]+;|%\([a-z_]+\)[sd]|\{[^}]*\}")
_WORD = re.compile(r"[A-Za-zÀ-ÿ]{2,}")
_COLOUR = re.compile(r"#[0-9a-fA-F]{3,8}")
_ADDRESS = re.compile(r"\b(?:https?|data|mailto):\S*")


@dataclass(frozen=True)
class Unmarked:
    path: str
    line: int
    text: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.text!r}"


def has_words(text: str) -> bool:
    """Whether a literal says something in a language (not only markup, symbols or names)."""
    if text in KEPT_TEXTS:
        return False
    rest = _ADDRESS.sub(" ", _COLOUR.sub(" ", _TAG.sub(" ", text)))
    for kept in KEPT:
        rest = rest.replace(kept, " ")
    return bool(_WORD.search(rest))


def unmarked_in(
    source: str,
    path: str,
    calls: frozenset[str] = TEXT_CALLS,
    *,
    returns: bool = False,
    constants: bool = False,
) -> Iterator[Unmarked]:
    """Literal texts given to ``calls`` (or returned, with ``returns``; or kept in an UPPER_CASE
    constant, with ``constants``) without going through a translation function."""
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Return) and returns and node.value is not None:
            yield from _literals(node.value, path)
        if not isinstance(node, ast.Call):
            continue
        name = _name(node.func)
        if name in TEXT_KEYWORDS:
            wanted = TEXT_KEYWORDS[name]
            for keyword in node.keywords:
                if keyword.arg in wanted:
                    yield from _literals(keyword.value, path)
        elif name in TEXT_POSITIONS and calls is TEXT_CALLS:
            for position in TEXT_POSITIONS[name]:
                if position < len(node.args):
                    yield from _literals(node.args[position], path)
        elif name in calls:
            for argument in _text_arguments(node):
                yield from _literals(argument, path)
    if constants:
        yield from _unmarked_constants(source, path)


# Module and class constants that are not text people read: style sheets, markup templates.
_NOT_TEXT = re.compile(r"^\s*(?:<svg|#\w+\s*\{|Q\w+\s*\{)|\{[^}]*:[^}]*;")


def _unmarked_constants(source: str, path: str) -> Iterator[Unmarked]:
    """Literal text kept in an UPPER_CASE constant of a module or class without ``N_``: shown
    later, it would stay English (a constant is translated where shown, after marking)."""
    tree = ast.parse(source)
    bodies = [tree.body] + [n.body for n in tree.body if isinstance(n, ast.ClassDef)]
    for body in bodies:
        for node in body:
            targets = node.targets if isinstance(node, ast.Assign) else []
            if isinstance(node, ast.AnnAssign):
                targets = [node.target]
            value = getattr(node, "value", None)
            if value is None or not any(
                isinstance(t, ast.Name) and t.id.isupper() and len(t.id) > 1 for t in targets
            ):
                continue
            for found in _literals(_values_of(value), path):
                if _reads_as_words(found.text) and not _NOT_TEXT.search(found.text):
                    yield found


def _reads_as_words(text: str) -> bool:
    """Words for people ("Any year", "Post"), not a code ("platform", "libc6", "FileDialog/")."""
    text = text.strip()
    return " " in text or (text[:1].isupper() and text.isalpha())


def _values_of(node: ast.expr) -> ast.expr:
    """A constant's texts: a dict's values (its keys are codes), else the value itself."""
    if isinstance(node, ast.Dict):
        return ast.Tuple(elts=list(node.values), ctx=ast.Load())
    return node


# Item views take (text, user data) or (icon, text, user data); the user data is a code.
_TEXT_POSITION = {"addItem": (0, 1), "insertItem": (1, 2)}


def _text_arguments(call: ast.Call) -> list[ast.expr]:
    skipped = NOT_TEXT_KEYWORDS | {"userData", "data", "icon_name"}
    keywords = [k.value for k in call.keywords if k.arg not in skipped]
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
    elif isinstance(node, (ast.Tuple, ast.List)):
        for element in node.elts:
            yield from _literals(element, path)
    elif isinstance(node, ast.BoolOp):
        for value in node.values:
            yield from _literals(value, path)
    elif isinstance(node, ast.Call) and _name(node.func) in PASSED_THROUGH:
        for argument in node.args:
            yield from _literals(argument, path)


def unmarked_files(root: Path, folder: str) -> list[Unmarked]:
    found: list[Unmarked] = []
    for path in sorted((root / folder).rglob("*.py")):
        relative = path.relative_to(root).as_posix()
        found += unmarked_in(path.read_text(encoding="utf-8"), relative, constants=True)
    return found


def unmarked_in_core(root: Path, package: str = "exposure_audit") -> list[Unmarked]:
    """Unmarked text of the core: its message modules in full, the rest for errors and prints."""
    found: list[Unmarked] = []
    for path in sorted((root / package).rglob("*.py")):
        relative = path.relative_to(root).as_posix()
        if relative.startswith(NOT_CHECKED):
            continue
        source = path.read_text(encoding="utf-8")
        if relative.startswith(CORE_MESSAGE_MODULES):
            found += unmarked_in(source, relative, CORE_CALLS, returns=True)
        else:
            found += unmarked_in(source, relative, CORE_ERROR_CALLS)
    return found
