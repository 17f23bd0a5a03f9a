"""Each letter speaks one language: names, countries, dates and punctuation of the letter's own.

The second legal review found English inside Dutch, German and French letters (authority
glosses, "The Netherlands", "(operator of PimEyes)", "Attn: Clearview Privacy Team"), ISO dates
in sentences ("bis zum 2027-01-04") and French colons without their space ("nom: ").
"""

from __future__ import annotations

import re
from datetime import date

import pytest

from exposure_audit.i18n.formats import format_date
from exposure_audit.rights.controllers import authority_for_country, load_controllers
from exposure_audit.rights.letters import LANGUAGES, EvidenceRow, Identity, LetterRequest
from exposure_audit.rights.letters import render_text as text_of
from exposure_audit.rights.letters.places import country_name, postal_lines

IDENTITY = Identity(
    "Alex Exämple",
    ("Hauptstraße 1", "10115 Berlin", "Germany"),
    "alex@example.org",
    {"Facebook user id": "100012345"},
)
EVIDENCE = (
    EvidenceRow("facebook", "fbid 22", "photos/b.jpg", "2019-11-30", "b" * 64),
    EvidenceRow("pimeyes", "https://example.org/page", "saved/page.html", "2020-01-02", "c" * 64),
)
CONTROLLERS = load_controllers()
ISO = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")


def letter(slug: str, types: set[str], language: str, **extra: object) -> LetterRequest:
    values: dict[str, object] = {
        "types": frozenset(types),
        "controller": CONTROLLERS[slug],
        "identity": IDENTITY,
        "language": language,
        "evidence": EVIDENCE[:1] if slug == "meta" else EVIDENCE[1:],
        "reference": "EA-2028-004",
        "letter_date": date(2028, 1, 31),
    }
    values.update(extra)
    return LetterRequest(**values)  # type: ignore[arg-type]


def complaint(country: str, language: str, **extra: object) -> str:
    req = letter(
        "meta",
        {"complaint"},
        language,
        original_date=date(2027, 12, 1),
        original_due=date(2028, 1, 3),
        original_types=frozenset({"access"}),
        authority=authority_for_country(country),
        reminder_date=date(2028, 1, 10),
        **extra,
    )
    return text_of(req)


def body(text: str) -> str:
    """The letter without its annex table (whose date column stays ISO, as the export has it)."""
    return text.split("\n#")[0]


@pytest.mark.parametrize("language", LANGUAGES)
def test_dates_in_sentences_are_written_as_the_language_writes_them(language: str) -> None:
    first = body(text_of(letter("meta", {"access", "erasure"}, language)))
    assert format_date(date(2028, 1, 31), language) in first  # the letter's date
    assert format_date(date(2028, 2, 29), language) in first  # the deadline
    reminder = body(
        text_of(
            letter(
                "meta",
                {"reminder"},
                language,
                original_date=date(2027, 12, 1),
                original_due=date(2028, 1, 3),
                original_types=frozenset({"access"}),
            )
        )
    )
    assert format_date(date(2027, 12, 1), language) in reminder
    assert format_date(date(2028, 2, 14), language) in reminder  # 14 days from the reminder
    filed = body(complaint("IE", language))
    assert format_date(date(2028, 1, 10), language) in filed
    for text in (first, reminder, filed):
        assert not ISO.search(text), ISO.findall(text)


def test_german_and_french_dates_read_as_those_languages_write_them() -> None:
    de = text_of(letter("meta", {"access"}, "de"))
    assert "29. Februar 2028" in de
    assert "bis zum 2028-02-29" not in de
    fr = text_of(letter("meta", {"access"}, "fr", letter_date=date(2028, 2, 1)))
    assert "Date : 1er février 2028" in fr
    nl = text_of(letter("meta", {"access"}, "nl"))
    assert "29 februari 2028" in nl
    assert "uiterlijk op 2028-02-29" not in nl


@pytest.mark.parametrize(
    ("language", "wanted"),
    [("en", "Ireland"), ("de", "Irland"), ("nl", "Ierland"), ("fr", "Irlande")],
)
def test_the_destination_country_is_in_the_letters_language(language: str, wanted: str) -> None:
    lines = text_of(letter("meta", {"access"}, language)).split("\n\n")[1].splitlines()
    assert lines[-1] == wanted
    assert lines[0] == "Meta Platforms Ireland Limited"


@pytest.mark.parametrize("language", ["de", "nl", "fr"])
def test_no_english_names_in_other_languages(language: str) -> None:
    to_ap = complaint("NL", language)
    assert "Autoriteit Persoonsgegevens" in to_ap
    assert country_name("NL", language) in to_ap
    assert "Dutch Data Protection Authority" not in to_ap
    assert "The Netherlands" not in to_ap
    to_cnil = complaint("FR", language)
    assert "Commission nationale de l'informatique et des libertés (CNIL)" in to_cnil
    assert "French National Commission" not in to_cnil
    pimeyes = text_of(letter("pimeyes", {"access"}, language))
    assert "EMEARobotics" in pimeyes
    assert "PimEyes" in pimeyes.split("\n\n")[1]
    assert "operator of" not in pimeyes
    clearview = text_of(letter("clearview-ai", {"access"}, language))
    assert "Attn:" not in clearview
    assert "Privacy Team" not in clearview
    assert "United States of America" not in clearview
    assert country_name("US", language) in clearview
    telegram = text_of(letter("telegram", {"access"}, language))
    assert "Telegram UK Holdings Ltd." in telegram
    assert "(representative)" not in telegram
    assert "United Kingdom" not in telegram


@pytest.mark.parametrize(
    ("language", "pimeyes", "clearview", "care_of"),
    [
        ("en", "EMEARobotics (operator of PimEyes)", "Attn: Clearview AI Privacy Team",
         "c/o Telegram UK Holdings Ltd. (representative)"),
        ("de", "EMEARobotics (Betreiber von PimEyes)",
         "z. Hd. des Datenschutzteams von Clearview AI",
         "c/o Telegram UK Holdings Ltd. (Vertreter)"),
        ("nl", "EMEARobotics (exploitant van PimEyes)", "T.a.v. het privacyteam van Clearview AI",
         "p/a Telegram UK Holdings Ltd. (vertegenwoordiger)"),
        ("fr", "EMEARobotics (exploitant de PimEyes)",
         "À l'attention de l'équipe chargée de la vie privée de Clearview AI",
         "Aux bons soins de Telegram UK Holdings Ltd. (représentant)"),
    ],
)  # fmt: skip
def test_company_lines_in_each_language(
    language: str, pimeyes: str, clearview: str, care_of: str
) -> None:
    assert pimeyes in text_of(letter("pimeyes", {"access"}, language))
    assert clearview in text_of(letter("clearview-ai", {"access"}, language))
    assert care_of in text_of(letter("telegram", {"access"}, language))


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_irish_authority_is_the_data_protection_commission(language: str) -> None:
    text = complaint("IE", language)
    assert "Data Protection Commission\n21 Fitzwilliam Square South" in text
    assert "Irish Data Protection Commission" not in text


@pytest.mark.parametrize(("language", "name"), [
    ("nl", "Gegevensbeschermingsautoriteit"), ("fr", "Autorité de protection des données"),
    ("de", "Datenschutzbehörde"),
])  # fmt: skip
def test_belgium_is_named_in_the_letters_language(language: str, name: str) -> None:
    header = complaint("BE", language).split("\n\n")[1]
    assert header.splitlines()[0] == name
    assert "Belgium" not in header


# The Brussels authority writes its own address in each language it works in: Rue de la
# Presse 35, 1000 Bruxelles in French; Drukpersstraat 35, 1000 Brussel in Dutch; Rue de la Presse
# 35, 1000 Brüssel on its German pages, 1000 Brussels on its English ones.
BRUSSELS = {
    "fr": ("Rue de la Presse 35", "1000 Bruxelles", "Belgique"),
    "nl": ("Drukpersstraat 35", "1000 Brussel", "België"),
    "de": ("Rue de la Presse 35", "1000 Brüssel", "Belgien"),
    "en": ("Rue de la Presse 35", "1000 Brussels", "Belgium"),
}
OTHER_CITY_FORMS = ("1000 Bruxelles", "1000 Brussel", "1000 Brüssel", "1000 Brussels")


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_brussels_address_follows_the_letters_language(language: str) -> None:
    header = complaint("BE", language).split("\n\n")[1].splitlines()
    assert tuple(header[1:4]) == BRUSSELS[language]
    for other in OTHER_CITY_FORMS:
        if other != BRUSSELS[language][1]:
            assert other not in header, other
    if language != "nl":
        assert "Drukpersstraat 35" not in header


def test_french_puts_a_space_before_colon_and_semicolon() -> None:
    text = text_of(letter("meta", {"access", "erasure"}, "fr"))
    assert re.search(r"Facebook – [^\n:]+ : 100012345", text)
    assert "Adresse électronique : alex@example.org" in text
    assert not re.search(r"\w: ", body(text)), re.findall(r".{20}\w: .{10}", body(text))
    subject = next(line for line in text.splitlines() if line.startswith("Objet"))
    assert " ; " in subject
    assert not re.search(r"\); ", subject)


@pytest.mark.parametrize("language", ["en", "de", "nl"])
def test_other_languages_keep_their_colon(language: str) -> None:
    text = text_of(letter("meta", {"access"}, language))
    assert re.search(r"Facebook – [^\n:]+: 100012345", text)
    assert not re.search(r"Facebook – [^\n:]+ : 100012345", text)


def test_postal_lines_leave_other_last_lines_alone() -> None:
    assert postal_lines(("Rue 1", "75007 Paris", "France"), "FR", "de")[-1] == "Frankreich"
    assert postal_lines(("Postbus 1", "2509 AJ DEN HAAG", "The Netherlands"), "NL", "fr")[-1] == (
        "Pays-Bas"
    )
    assert postal_lines(("Street 1", "Dublin 2"), "IE", "de") == ("Street 1", "Dublin 2")
    assert postal_lines((), "AE", "fr") == ()
