"""Dates and numbers in the form of the language in force, as the report, CLI and app show them."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime

import pytest

from exposure_audit import i18n
from exposure_audit.i18n.formats import format_date, format_decimal, format_number


@pytest.fixture
def dutch() -> Iterator[None]:
    before = i18n.language()
    i18n.set_language("nl")
    yield
    i18n.set_language(before)


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", "2 December 2026"),
        ("nl", "2 december 2026"),
        ("de", "2. Dezember 2026"),
        ("fr", "2 décembre 2026"),
    ],
)
def test_a_day_is_written_out_in_each_language(lang: str, expected: str) -> None:
    assert format_date(date(2026, 12, 2), lang) == expected


def test_french_writes_the_first_of_the_month_as_premier() -> None:
    assert format_date(date(2027, 3, 1), "fr") == "1er mars 2027"
    assert format_date(date(2027, 3, 1), "de") == "1. März 2027"
    assert format_date(date(2027, 8, 15), "fr") == "15 août 2027"


def test_iso_text_and_datetimes_are_read_and_other_text_is_left_alone() -> None:
    assert format_date("2024-05-07", "en") == "7 May 2024"
    assert format_date("2024-05-07T18:30:00+02:00", "nl") == "7 mei 2024"
    assert format_date(datetime(2024, 5, 7, 23, 59), "de") == "7. Mai 2024"
    assert format_date("undated", "fr") == "undated"
    assert format_date(None) == ""
    assert format_date("") == ""


def test_numbers_use_the_language_separators() -> None:
    assert [format_number(1234567, lang) for lang in ("en", "nl", "de", "fr")] == [
        "1,234,567",
        "1.234.567",
        "1.234.567",
        "1\u00a0234\u00a0567",
    ]
    assert format_number(12, "de") == "12"
    assert format_decimal(0.6, 2, "en") == "0.60"
    assert format_decimal(0.6, 2, "fr") == "0,60"
    assert format_decimal(1234.5, 1, "nl") == "1.234,5"
    assert format_decimal(0.4123, None, "de") == "0,4123"


def test_the_language_in_force_is_used_when_none_is_named(dutch: None) -> None:
    assert format_date(date(2026, 12, 2)) == "2 december 2026"
    assert format_number(1500) == "1.500"
    assert format_decimal(2.25) == "2,25"


def test_an_unknown_language_is_written_in_english() -> None:
    assert format_date(date(2026, 1, 9), "sv") == "9 January 2026"
    assert format_number(1500, "sv") == "1,500"
