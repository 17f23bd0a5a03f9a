"""Keep the message catalogues in step with the code: extract, merge, compile, check.

    uv run python scripts/messages.py update    # code → resources/locale/<lang>/…/*.po
    uv run python scripts/messages.py compile   # *.po → *.mo (committed, loaded at run time)
    uv run python scripts/messages.py check     # exit 1 if a message is missing or stale

`update` reads every `_()`, `N_()`, `ngettext()` and `pgettext()` call with literal text in
exposure_audit/ and ui/ (from the AST, so nothing is run), adds new messages to each
catalogue untranslated, keeps the translations of the others and drops stale ones. Then write
the translations into the .po files and run `compile`.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from exposure_audit.i18n import DOMAIN, LANGUAGES, SOURCE_LANGUAGE  # noqa: E402
from exposure_audit.i18n.catalogues import (  # noqa: E402
    extract,
    header_for,
    merged,
    mo_bytes,
    read_po,
    write_po,
)

LOCALE = ROOT / "resources" / "locale"
TRANSLATED = [code for code in LANGUAGES if code != SOURCE_LANGUAGE]


def po_path(language: str) -> Path:
    return LOCALE / language / "LC_MESSAGES" / f"{DOMAIN}.po"


def update() -> None:
    code = extract(ROOT)
    for language in TRANSLATED:
        path = po_path(language)
        known = read_po(path)[1] if path.exists() else {}
        messages = merged(code, known)
        write_po(path, language, messages)
        missing = sum(not m.translated for m in messages)
        print(f"{path.relative_to(ROOT)}: {len(messages)} messages, {missing} to translate")


def compile_all() -> None:
    for language in TRANSLATED:
        path = po_path(language)
        _header, messages = read_po(path)
        path.with_suffix(".mo").write_bytes(mo_bytes(header_for(language), messages.values()))
        print(f"{path.with_suffix('.mo').relative_to(ROOT)}: {len(messages)} messages")


def check() -> int:
    code = extract(ROOT)
    problems = []
    for language in TRANSLATED:
        path = po_path(language)
        known = read_po(path)[1] if path.exists() else {}
        missing = [k for k in code if k not in known or not known[k].translated]
        stale = [k for k in known if k not in code]
        compiled = mo_bytes(header_for(language), known.values())
        mo = path.with_suffix(".mo")
        if missing:
            problems.append(f"{language}: {len(missing)} untranslated, e.g. {missing[0][1]!r}")
        if stale:
            problems.append(f"{language}: {len(stale)} stale, e.g. {stale[0][1]!r}")
        if not mo.exists() or mo.read_bytes() != compiled:
            problems.append(f"{language}: {mo.name} is not compiled from the .po (run compile)")
    print("\n".join(problems) or "catalogues complete")
    return 1 if problems else 0


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else "check"
    if command == "update":
        update()
    elif command == "compile":
        compile_all()
    elif command == "check":
        sys.exit(check())
    else:
        sys.exit(f"unknown command {command!r}: use update, compile or check")
