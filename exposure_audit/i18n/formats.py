"""Dates and numbers in the form of the language in force: "2 December 2026", "1.234", "0,60".

A small table per language, not the system's C locale (which may not be installed, and would
follow the system rather than the Language setting). Grouping in French is a no-break space
(U+00A0) rather than CLDR's narrow one, so that Windows consoles and the PDF core fonts
(Latin-1) can show it.
"""

from __future__ import annotations

from datetime import date, datetime

from exposure_audit.i18n import SOURCE_LANGUAGE, language

MONTHS: dict[str, tuple[str, ...]] = {
    "en": (
        "January", "February", "March", "April", "May", "June", "July", "August",
        "September", "October", "November", "December",
    ),
    "nl": (
        "januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
        "september", "oktober", "november", "december",
    ),
    "de": (
        "Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August",
        "September", "Oktober", "November", "Dezember",
    ),
    "fr": (
        "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
        "septembre", "octobre", "novembre", "décembre",
    ),
}  # fmt: skip
DATE_PATTERNS = {
    "en": "{day} {month} {year}",
    "nl": "{day} {month} {year}",
    "de": "{day}. {month} {year}",
    "fr": "{day} {month} {year}",
}
# (thousands separator, decimal separator)
SEPARATORS = {"en": (",", "."), "nl": (".", ","), "de": (".", ","), "fr": ("\u00a0", ",")}


def _language(code: str | None) -> str:
    chosen = code or language()
    return chosen if chosen in MONTHS else SOURCE_LANGUAGE


def _as_date(value: date | str | None) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def format_date(value: date | str | None, lang: str | None = None) -> str:
    """A day written out: 2 December 2026, 2 december 2026, 2. Dezember 2026, 2 décembre 2026.

    ``value`` may be a date, a datetime or an ISO text (``2026-12-02``, ``2026-12-02T10:00``);
    text that is no date is given back as it is, None as "".
    """
    if value is None or value == "":
        return ""
    day = _as_date(value)
    if day is None:
        return str(value)
    code = _language(lang)
    shown_day = "1er" if code == "fr" and day.day == 1 else str(day.day)
    return DATE_PATTERNS[code].format(
        day=shown_day, month=MONTHS[code][day.month - 1], year=day.year
    )


def format_number(value: int, lang: str | None = None) -> str:
    """A whole number with the language's thousands separator: 12,345 / 12.345 / 12 345."""
    grouped = f"{value:,}"
    return grouped.replace(",", SEPARATORS[_language(lang)][0])


def format_decimal(value: float, places: int | None = 2, lang: str | None = None) -> str:
    """A number with ``places`` decimals in the language's form: 0.60 / 0,60; 1,234.50 / 1.234,50.

    ``places=None`` keeps the digits the value has (0.4123 → 0,4123).
    """
    thousands, point = SEPARATORS[_language(lang)]
    text = f"{value:,}" if places is None else f"{value:,.{places}f}"
    return text.replace(",", "\0").replace(".", point).replace("\0", thousands)
