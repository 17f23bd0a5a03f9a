"""Names in an address written in the letter's language: the destination country's line.

The Universal Postal Union asks that the destination country be written in a language known in
the country of posting; a German letter to Dublin says "Irland", a French one to The Hague
"Pays-Bas". Street, town and postcode stay as the recipient writes them.
"""

from __future__ import annotations

# code: (English, German, Dutch, French)
_NAMES: dict[str, tuple[str, str, str, str]] = {
    "AE": ("United Arab Emirates", "Vereinigte Arabische Emirate", "Verenigde Arabische Emiraten",
           "Émirats arabes unis"),
    "AT": ("Austria", "Österreich", "Oostenrijk", "Autriche"),
    "BE": ("Belgium", "Belgien", "België", "Belgique"),
    "BG": ("Bulgaria", "Bulgarien", "Bulgarije", "Bulgarie"),
    "CY": ("Cyprus", "Zypern", "Cyprus", "Chypre"),
    "CZ": ("Czech Republic", "Tschechien", "Tsjechië", "Tchéquie"),
    "DE": ("Germany", "Deutschland", "Duitsland", "Allemagne"),
    "DK": ("Denmark", "Dänemark", "Denemarken", "Danemark"),
    "EE": ("Estonia", "Estland", "Estland", "Estonie"),
    "ES": ("Spain", "Spanien", "Spanje", "Espagne"),
    "FI": ("Finland", "Finnland", "Finland", "Finlande"),
    "FR": ("France", "Frankreich", "Frankrijk", "France"),
    "GB": ("United Kingdom", "Vereinigtes Königreich", "Verenigd Koninkrijk", "Royaume-Uni"),
    "GR": ("Greece", "Griechenland", "Griekenland", "Grèce"),
    "HR": ("Croatia", "Kroatien", "Kroatië", "Croatie"),
    "HU": ("Hungary", "Ungarn", "Hongarije", "Hongrie"),
    "IE": ("Ireland", "Irland", "Ierland", "Irlande"),
    "IS": ("Iceland", "Island", "IJsland", "Islande"),
    "IT": ("Italy", "Italien", "Italië", "Italie"),
    "LI": ("Liechtenstein", "Liechtenstein", "Liechtenstein", "Liechtenstein"),
    "LT": ("Lithuania", "Litauen", "Litouwen", "Lituanie"),
    "LU": ("Luxembourg", "Luxemburg", "Luxemburg", "Luxembourg"),
    "LV": ("Latvia", "Lettland", "Letland", "Lettonie"),
    "MT": ("Malta", "Malta", "Malta", "Malte"),
    "NL": ("Netherlands", "Niederlande", "Nederland", "Pays-Bas"),
    "NO": ("Norway", "Norwegen", "Noorwegen", "Norvège"),
    "PL": ("Poland", "Polen", "Polen", "Pologne"),
    "PT": ("Portugal", "Portugal", "Portugal", "Portugal"),
    "RO": ("Romania", "Rumänien", "Roemenië", "Roumanie"),
    "SE": ("Sweden", "Schweden", "Zweden", "Suède"),
    "SI": ("Slovenia", "Slowenien", "Slovenië", "Slovénie"),
    "SK": ("Slovakia", "Slowakei", "Slowakije", "Slovaquie"),
    "US": ("United States of America", "Vereinigte Staaten von Amerika",
           "Verenigde Staten van Amerika", "États-Unis d'Amérique"),
}  # fmt: skip
_COLUMN = {"en": 0, "de": 1, "nl": 2, "fr": 3}
# How the bundled addresses may end besides the four names above.
_OTHER_FORMS = {"NL": ("The Netherlands",), "US": ("USA", "United States")}


def country_name(code: str, language: str) -> str:
    """The country ``code`` ("IE") in ``language``; the code itself if it is not listed."""
    names = _NAMES.get(code.upper())
    return names[_COLUMN.get(language, 0)] if names else code


def postal_lines(lines: tuple[str, ...], country: str, language: str) -> tuple[str, ...]:
    """``lines`` with a last line naming ``country`` (in any of the languages) in ``language``."""
    if not lines:
        return lines
    names = _NAMES.get(country.upper())
    forms = {*(names or ()), *_OTHER_FORMS.get(country.upper(), ())}
    if lines[-1].strip().casefold() not in {form.casefold() for form in forms}:
        return lines
    return (*lines[:-1], country_name(country, language))
