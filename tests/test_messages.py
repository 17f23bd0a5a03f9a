"""Messages: every visible text of the app is marked, catalogues follow the code, languages apply."""

from __future__ import annotations

from pathlib import Path

from exposure_audit import i18n
from exposure_audit.i18n.catalogues import (
    Message,
    extract,
    header_for,
    mo_bytes,
    placeholder_problems,
    read_po,
)
from exposure_audit.i18n.unmarked import (
    CORE_CALLS,
    CORE_ERROR_CALLS,
    unmarked_files,
    unmarked_in,
    unmarked_in_core,
)

ROOT = Path(__file__).resolve().parent.parent


def test_every_visible_text_of_the_app_is_marked() -> None:
    found = unmarked_files(ROOT, "ui")
    assert not found, "mark these with _() or ngettext():\n" + "\n".join(map(str, found))


def test_the_check_finds_an_unmarked_label() -> None:
    source = 'QLabel("Hello there")\nQLabel(_("Marked"))\nb.setToolTip(f"{n} photos")\n'
    assert [u.text for u in unmarked_in(source, "x.py")] == ["Hello there", "{} photos"]


def test_the_check_finds_what_the_window_showed_in_english() -> None:
    """The kinds of text the runtime test found in English, each found without running it."""
    source = """
PROMISE = "<h1>Where does your face appear?</h1>"
SHOTS = (("straight", "Shot 1 of 3: look straight"), ("left", N_("Shot 2 of 3")))
LINK_WORDS = {"data_download": "Download your data"}
STYLE = "#workshopBar { background: #1f4f8f; }"
CODES = ("platform", "libc6.so", "FileDialog/")
class Model:
    HEADERS = ("Company", N_("Photos"))
Guidance("Your face is known.", "Next: add where to look", "sources")
BarChart("Exposure level")
combo("Where you live", Region)
self._combo("Group by", [(None, "Any year")])
"""
    found = [u.text for u in unmarked_in(source, "x.py", constants=True)]
    assert sorted(found) == sorted(
        [
            "<h1>Where does your face appear?</h1>",
            "Shot 1 of 3: look straight",
            "Download your data",
            "Company",
            "Your face is known.",
            "Next: add where to look",
            "Exposure level",
            "Where you live",
            "Group by",
            "Any year",
        ]
    )


def test_every_visible_text_of_the_core_is_marked() -> None:
    found = unmarked_in_core(ROOT)
    assert not found, "mark these with _() or ngettext():\n" + "\n".join(map(str, found))


def test_the_core_check_finds_printed_raised_and_reported_text() -> None:
    source = """
print("Written to the folder")
print(_("Marked"), file=sys.stderr)
raise BadData(f"cannot read {path}")
raise UsageError(_("name the controller with --controller"))
raise UserMistake(f"no request with id {request_id}")
log.warning("kept in English for the log file")
parser.add_argument("--out", type=Path, metavar="DIR", help="where copies go")
parser.add_argument("--audit", help=_("audit file"))
doc.table(("Platform", _("Photos")), rows, widths)
doc.pdf.cell(0, 6, doc.text(title), new_x="LMARGIN", new_y="NEXT")
def heading() -> str:
    return "<h2>What to do next</h2>"
"""
    found = [u.text for u in unmarked_in(source, "x.py", CORE_CALLS, returns=True)]
    assert found == [
        "Written to the folder",
        "cannot read {}",
        "no request with id {}",
        "where copies go",
        "Platform",
        "<h2>What to do next</h2>",
    ]
    errors_only = [u.text for u in unmarked_in(source, "x.py", CORE_ERROR_CALLS)]
    assert errors_only == [
        "Written to the folder",
        "cannot read {}",
        "no request with id {}",
        "where copies go",
    ]


def catalogues() -> dict[str, Path]:
    return {
        language: ROOT / "resources" / "locale" / language / "LC_MESSAGES" / f"{i18n.DOMAIN}.po"
        for language in ("nl", "de", "fr")
    }


def test_every_translation_keeps_the_placeholders_of_its_message() -> None:
    problems = []
    for language, po in catalogues().items():
        for message in read_po(po)[1].values():
            problems += [f"{language}: {p}" for p in placeholder_problems(message)]
    assert not problems, "placeholders must stay as in the message:\n" + "\n".join(problems)


def test_the_placeholder_check_finds_a_lost_renamed_or_added_placeholder() -> None:
    def problems(msgid: str, *forms: str, plural: str | None = None) -> int:
        return len(placeholder_problems(Message(msgid, plural=plural, translations=list(forms))))

    assert problems("Written: {path}", "Geschreven: {path}") == 0
    assert problems("Written: {path}", "Geschreven: {pad}") == 1
    assert problems("Written: {path}", "Geschreven") == 1
    assert problems("%(n)d copy", "%(n)d kopie", "%(n)d kopieën", plural="%(n)d copies") == 0
    assert problems("%(n)d copy", "%(n)d kopie", "kopieën", plural="%(n)d copies") == 1
    assert problems("{n} photo", "une photo", "{n} photos", plural="{n} photos") == 0
    assert problems("{n} photo", "{n} photo {x}", "{n} photos", plural="{n} photos") == 1
    assert problems("{text!r} is not a date", "{text} n'est pas une date") == 1
    assert problems("Not translated yet: {path}", "") == 0


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
