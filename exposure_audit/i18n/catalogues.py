"""Reading and writing message catalogues: the marked messages of the code, .po and .mo files.

Kept in the core (not only in the script) so that the completeness test and the script read
the code and the catalogues the same way. Only the standard library: no gettext tools or
Babel are needed to extract, check or compile, on any machine.
"""

from __future__ import annotations

import ast
import re
import struct
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

MARKERS = {"_": 1, "N_": 1, "ngettext": 2, "pgettext": 2, "NC_": 2}

PLURAL_FORMS = {
    "nl": "nplurals=2; plural=(n != 1);",
    "de": "nplurals=2; plural=(n != 1);",
    "fr": "nplurals=2; plural=(n > 1);",
}
LANGUAGE_NAMES = {"nl": "Dutch", "de": "German", "fr": "French"}

Key = tuple[str | None, str]  # (context, message)


@dataclass
class Message:
    """One message: its context, its text (and plural), where it is used, its translation."""

    msgid: str
    context: str | None = None
    plural: str | None = None
    places: list[str] = field(default_factory=list)
    translations: list[str] = field(default_factory=list)  # one, or one per plural form

    @property
    def key(self) -> Key:
        return (self.context, self.msgid)

    @property
    def translated(self) -> bool:
        return bool(self.translations) and all(self.translations)


# -- extraction -------------------------------------------------------------------------------


def extract(root: Path, packages: Iterable[str] = ("exposure_audit", "ui")) -> dict[Key, Message]:
    """Every message marked in the packages' source, in the order first met."""
    found: dict[Key, Message] = {}
    for package in packages:
        for path in sorted((root / package).rglob("*.py")):
            relative = path.relative_to(root).as_posix()
            for line, message in _marked(path.read_text(encoding="utf-8")):
                known = found.setdefault(message.key, message)
                if known.plural is None and message.plural is not None:
                    known.plural = message.plural
                known.places.append(f"{relative}:{line}")
    return found


def _marked(source: str) -> Iterator[tuple[int, Message]]:
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call):
            continue
        name = _called(node.func)
        if name not in MARKERS:
            continue
        texts = [
            a.value for a in node.args if isinstance(a, ast.Constant) and isinstance(a.value, str)
        ]
        if len(texts) < MARKERS[name]:
            continue
        if name == "ngettext":
            yield node.lineno, Message(texts[0], plural=texts[1])
        elif name in ("pgettext", "NC_"):
            yield node.lineno, Message(texts[1], context=texts[0])
        else:
            yield node.lineno, Message(texts[0])


def _called(func: ast.expr) -> str | None:
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute) and func.attr in ("ngettext", "pgettext"):
        return func.attr
    return None


# -- .po files ----------------------------------------------------------------------------------


def read_po(path: Path) -> tuple[str, dict[Key, Message]]:
    """The header's text and the messages of a .po file (obsolete ``#~`` entries skipped)."""
    header = ""
    messages: dict[Key, Message] = {}
    entry: dict[str, list[str]] = {}
    places: list[str] = []
    current: list[str] | None = None

    def finish() -> None:
        nonlocal header, entry, places, current
        if "msgid" in entry:
            msgid = "".join(entry["msgid"])
            forms = sorted(k for k in entry if k.startswith("msgstr"))
            translations = ["".join(entry[k]) for k in forms]
            if msgid == "" and "msgctxt" not in entry:
                header = translations[0] if translations else ""
            else:
                message = Message(
                    msgid,
                    context="".join(entry["msgctxt"]) if "msgctxt" in entry else None,
                    plural="".join(entry["msgid_plural"]) if "msgid_plural" in entry else None,
                    places=places,
                    translations=translations,
                )
                messages[message.key] = message
        entry, places, current = {}, [], None

    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line:
            finish()
        elif line.startswith("#~"):
            continue
        elif line.startswith("#:"):
            if "msgid" in entry:
                finish()
            places += line[2:].split()
        elif line.startswith("#"):
            continue
        elif line.startswith('"'):
            if current is not None:
                current.append(_unquote(line))
        else:
            keyword, _space, rest = line.partition(" ")
            if keyword in ("msgctxt", "msgid") and "msgid" in entry:
                finish()  # a new entry without a blank line before it
            current = entry.setdefault(keyword, [])
            current.append(_unquote(rest))
    finish()
    return header, messages


def _unquote(text: str) -> str:
    value = ast.literal_eval(text)
    if not isinstance(value, str):
        raise ValueError(f"not a string: {text}")
    return value


def _quote(text: str) -> str:
    escaped = (
        text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t")
    )
    return f'"{escaped}"'


def _field(keyword: str, text: str) -> str:
    if "\n" in text[:-1]:
        lines = text.splitlines(keepends=True)
        return f'{keyword} ""\n' + "\n".join(_quote(line) for line in lines)
    return f"{keyword} {_quote(text)}"


def header_for(language: str) -> str:
    return (
        "Project-Id-Version: Exposure Audit\n"
        f"Language: {language}\n"
        "MIME-Version: 1.0\n"
        "Content-Type: text/plain; charset=UTF-8\n"
        "Content-Transfer-Encoding: 8bit\n"
        f"Plural-Forms: {PLURAL_FORMS.get(language, 'nplurals=2; plural=(n != 1);')}\n"
    )


def write_po(path: Path, language: str, messages: Iterable[Message]) -> None:
    """A .po file of ``messages`` in the given order, with the standard header."""
    parts = [
        f"# {LANGUAGE_NAMES.get(language, language)} messages of Exposure Audit.\n"
        "# Updated by scripts/messages.py; write translations in msgstr.\n"
        + _field("msgid", "")
        + "\n"
        + _field("msgstr", header_for(language))
    ]
    for message in messages:
        lines = []
        if message.places:
            lines.append("#: " + " ".join(message.places[:4]))
        if message.context is not None:
            lines.append(_field("msgctxt", message.context))
        lines.append(_field("msgid", message.msgid))
        if message.plural is not None:
            lines.append(_field("msgid_plural", message.plural))
            forms = message.translations or ["", ""]
            lines += [_field(f"msgstr[{n}]", form) for n, form in enumerate(forms)]
        else:
            lines.append(_field("msgstr", message.translations[0] if message.translations else ""))
        parts.append("\n".join(lines))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n\n".join(parts) + "\n", encoding="utf-8")


def merged(code: dict[Key, Message], po: dict[Key, Message]) -> list[Message]:
    """The code's messages with the translations the catalogue has for them (stale ones go)."""
    out = []
    for key, message in code.items():
        known = po.get(key)
        translations = list(known.translations) if known else []
        if message.plural is not None and len(translations) < 2:
            translations = translations + [""] * (2 - len(translations))
        out.append(
            Message(message.msgid, message.context, message.plural, message.places, translations)
        )
    return out


# -- placeholders ------------------------------------------------------------------------------

# ``{name}``, ``{name!r}``, ``{n:,}`` and ``%(name)s``, ``%d``: what the code fills in.
_PLACEHOLDER = re.compile(
    r"(?<!\{)\{[A-Za-z_][A-Za-z0-9_]*(?:![rsa])?(?::[^{}]*)?\}(?!\})|%\([A-Za-z_]+\)[sdifr]|%[sdif]"
)


def placeholders(text: str) -> set[str]:
    """The placeholders in a message, as the code fills them in."""
    return set(_PLACEHOLDER.findall(text))


def placeholder_problems(message: Message) -> list[str]:
    """How a message's translations differ from it in placeholders (empty when they agree).

    A plural translation may leave the count out of the forms before the last (French "une
    photo" for "{n} photo"), never add one the code does not fill in; its last form has
    exactly the plural's placeholders.
    """
    problems = []
    if message.plural is None:
        wanted = placeholders(message.msgid)
        for form in message.translations:
            if form and placeholders(form) != wanted:
                problems.append(f"{message.msgid!r} → {form!r}")
        return problems
    allowed = placeholders(message.msgid) | placeholders(message.plural)
    for number, form in enumerate(message.translations):
        if not form:
            continue
        found = placeholders(form)
        last = number == len(message.translations) - 1
        if not found <= allowed or (last and found != placeholders(message.plural)):
            problems.append(f"{message.plural!r} [{number}] → {form!r}")
    return problems


# -- .mo files ----------------------------------------------------------------------------------


def mo_bytes(header: str, messages: Iterable[Message]) -> bytes:
    """A GNU .mo catalogue of the translated messages (untranslated ones are left out)."""
    pairs: dict[bytes, bytes] = {b"": header.encode("utf-8")}
    for message in messages:
        if not message.translated:
            continue
        key = message.msgid if message.context is None else f"{message.context}\x04{message.msgid}"
        if message.plural is not None:
            key += "\0" + message.plural
        pairs[key.encode("utf-8")] = "\0".join(message.translations).encode("utf-8")
    ordered = sorted(pairs)
    count = len(ordered)
    originals_at = 7 * 4
    translations_at = originals_at + count * 8
    data_at = translations_at + count * 8
    table_originals: list[tuple[int, int]] = []
    table_translations: list[tuple[int, int]] = []
    data = b""
    for original in ordered:
        table_originals.append((len(original), data_at + len(data)))
        data += original + b"\0"
    for original in ordered:
        value = pairs[original]
        table_translations.append((len(value), data_at + len(data)))
        data += value + b"\0"
    out = struct.pack("<7I", 0x950412DE, 0, count, originals_at, translations_at, 0, data_at)
    out += b"".join(struct.pack("<2I", *entry) for entry in table_originals)
    out += b"".join(struct.pack("<2I", *entry) for entry in table_translations)
    return out + data
