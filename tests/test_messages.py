"""Messages: every visible text of the app is marked, catalogues follow the code, languages apply."""

from __future__ import annotations

from pathlib import Path

from exposure_audit import i18n
from exposure_audit.i18n.catalogues import extract, header_for, mo_bytes, read_po
from exposure_audit.i18n.unmarked import unmarked_files, unmarked_in

ROOT = Path(__file__).resolve().parent.parent


def test_every_visible_text_of_the_app_is_marked() -> None:
    found = unmarked_files(ROOT, "ui")
    assert not found, "mark these with _() or ngettext():\n" + "\n".join(map(str, found))


def test_the_check_finds_an_unmarked_label() -> None:
    source = 'QLabel("Hello there")\nQLabel(_("Marked"))\nb.setToolTip(f"{n} photos")\n'
    assert [u.text for u in unmarked_in(source, "x.py")] == ["Hello there", "{} photos"]


def test_catalogues_hold_every_message_and_no_stale_one_and_are_compiled() -> None:
    code = extract(ROOT)
    for language in ("nl", "de", "fr"):
        po = ROOT / "resources" / "locale" / language / "LC_MESSAGES" / f"{i18n.DOMAIN}.po"
        _header, known = read_po(po)
        assert set(known) == set(code), f"{language}: run scripts/messages.py update"
        compiled = mo_bytes(header_for(language), known.values())
        assert po.with_suffix(".mo").read_bytes() == compiled, f"{language}: run compile"


def test_the_language_follows_the_environment_as_gettext_reads_it() -> None:
    assert i18n.system_language({"LANG": "nl_NL.UTF-8"}) == "nl"
    assert i18n.system_language({"LC_ALL": "de_DE.UTF-8", "LANG": "nl_NL.UTF-8"}) == "de"
    assert i18n.system_language({"LANGUAGE": "sv:fr", "LANG": "nl_NL.UTF-8"}) == "fr"
    assert i18n.system_language({"LANGUAGE": "fr", "LC_ALL": "C"}) == "en"
    assert i18n.system_language({"LANG": "ja_JP.UTF-8"}) == "en"
    assert i18n.system_language({}) is None
