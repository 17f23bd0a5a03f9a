"""Where the requester lives, read from the postal address: country, German Land, US state."""

from __future__ import annotations

import re
from dataclasses import dataclass

COUNTRY_NAMES = {
    "DE": ("germany", "deutschland", "allemagne", "duitsland", "bundesrepublik deutschland"),
    "AT": ("austria", "österreich", "oostenrijk", "autriche"),
    "BE": ("belgium", "belgië", "belgique", "belgien"),
    "NL": ("netherlands", "the netherlands", "nederland", "niederlande", "pays-bas"),
    "FR": ("france", "frankreich", "frankrijk"),
    "LU": ("luxembourg", "luxemburg"),
    "IE": ("ireland", "irland", "ierland", "irlande", "éire"),
    "IT": ("italy", "italia", "italien", "italië", "italie"),
    "ES": ("spain", "españa", "spanien", "spanje", "espagne"),
    "PT": ("portugal",),
    "PL": ("poland", "polska", "polen", "pologne"),
    "DK": ("denmark", "danmark", "dänemark", "denemarken", "danemark"),
    "SE": ("sweden", "sverige", "schweden", "zweden", "suède"),
    "FI": ("finland", "suomi", "finnland", "finlande"),
    "NO": ("norway", "norge", "norwegen", "noorwegen", "norvège"),
    "CZ": ("czechia", "czech republic", "česko", "tschechien"),
    "GR": ("greece", "ελλάδα", "griechenland", "griekenland", "grèce"),
    "GB": (
        "united kingdom",
        "uk",
        "great britain",
        "england",
        "scotland",
        "wales",
        "northern ireland",
        "vereinigtes königreich",
        "verenigd koninkrijk",
        "royaume-uni",
    ),
    "US": ("usa", "united states", "united states of america", "vereinigte staaten"),
}
_BY_NAME = {name: code for code, names in COUNTRY_NAMES.items() for name in names}

# German cities whose name and postcode place them in one Land beyond doubt (postcode ranges
# of the city itself). Smaller places share postcode areas across Land borders: ask instead.
GERMAN_CITIES: dict[str, tuple[str, int, int]] = {
    "berlin": ("DE-BE", 10115, 14199),
    "hamburg": ("DE-HH", 20095, 22769),
    "bremen": ("DE-HB", 28195, 28779),
    "bremerhaven": ("DE-HB", 27568, 27580),
    "münchen": ("DE-BY", 80331, 81929),
    "nürnberg": ("DE-BY", 90402, 90491),
    "augsburg": ("DE-BY", 86150, 86199),
    "stuttgart": ("DE-BW", 70173, 70629),
    "karlsruhe": ("DE-BW", 76131, 76229),
    "mannheim": ("DE-BW", 68159, 68309),
    "freiburg im breisgau": ("DE-BW", 79098, 79117),
    "köln": ("DE-NW", 50667, 51149),
    "düsseldorf": ("DE-NW", 40210, 40629),
    "dortmund": ("DE-NW", 44135, 44388),
    "essen": ("DE-NW", 45127, 45359),
    "bonn": ("DE-NW", 53111, 53229),
    "münster": ("DE-NW", 48143, 48167),
    "frankfurt am main": ("DE-HE", 60306, 65936),
    "wiesbaden": ("DE-HE", 65183, 65207),
    "kassel": ("DE-HE", 34117, 34134),
    "hannover": ("DE-NI", 30159, 30669),
    "braunschweig": ("DE-NI", 38100, 38126),
    "osnabrück": ("DE-NI", 49074, 49090),
    "kiel": ("DE-SH", 24103, 24159),
    "lübeck": ("DE-SH", 23552, 23570),
    "schwerin": ("DE-MV", 19053, 19063),
    "rostock": ("DE-MV", 18055, 18147),
    "potsdam": ("DE-BB", 14467, 14482),
    "cottbus": ("DE-BB", 3042, 3055),
    "magdeburg": ("DE-ST", 39104, 39130),
    "halle (saale)": ("DE-ST", 6108, 6132),
    "dresden": ("DE-SN", 1067, 1328),
    "leipzig": ("DE-SN", 4103, 4357),
    "chemnitz": ("DE-SN", 9111, 9247),
    "erfurt": ("DE-TH", 99084, 99099),
    "jena": ("DE-TH", 7743, 7751),
    "mainz": ("DE-RP", 55116, 55131),
    "ludwigshafen am rhein": ("DE-RP", 67059, 67071),
    "koblenz": ("DE-RP", 56068, 56077),
    "trier": ("DE-RP", 54290, 54296),
    "saarbrücken": ("DE-SL", 66111, 66133),
}
CITY_ALIASES = {
    "munich": "münchen",
    "cologne": "köln",
    "nuremberg": "nürnberg",
    "frankfurt": "frankfurt am main",
}
_POSTCODE_CITY = re.compile(r"^(?:D-?\s*)?(\d{5})\s+(.+)$", re.IGNORECASE)
_US_STATE = re.compile(r"\b([A-Z]{2})\s+\d{5}(?:-\d{4})?\b")


@dataclass(frozen=True)
class Residence:
    """What the address says: a country code, the German Land or US state ("DE-BE", "US-CA")."""

    country: str | None
    region: str | None = None

    @property
    def authority_key(self) -> str | None:
        """The key of the competent authority, or None when the address leaves it open."""
        if self.country == "DE":
            return self.region
        if self.country == "US":
            return self.region if self.region == "US-CA" else None
        return self.country


def _country(lines: list[str]) -> str | None:
    for line in reversed(lines):
        name = line.strip().strip(".").lower()
        if name in _BY_NAME:
            return _BY_NAME[name]
        if len(name) == 2 and name.upper() in COUNTRY_NAMES:
            return name.upper()
    return None


def _german_land(lines: list[str]) -> str | None:
    for line in lines:
        match = _POSTCODE_CITY.match(line.strip())
        if not match:
            continue
        city = match.group(2).strip().lower()
        city = CITY_ALIASES.get(city, city)
        known = GERMAN_CITIES.get(city)
        if known and known[1] <= int(match.group(1)) <= known[2]:
            return known[0]
    return None


def _us_state(lines: list[str]) -> str | None:
    for line in lines:
        if "california" in line.lower():
            return "US-CA"
        match = _US_STATE.search(line)
        if match:
            return f"US-{match.group(1)}"
    return None


def residence_of(postal_address: tuple[str, ...] | list[str]) -> Residence:
    """The country and region an address names unambiguously; None for what it leaves open.

    "10115 Berlin" + "Germany" gives DE / DE-BE; a German postcode and city known to lie in one
    Land is taken as Germany even without the country line.
    """
    lines = [line for line in postal_address if line.strip()]
    country = _country(lines)
    land = _german_land(lines) if country in (None, "DE") else None
    if land is not None:
        return Residence("DE", land)
    if country == "US" or (country is None and _us_state(lines)):
        return Residence("US", _us_state(lines))
    return Residence(country)


def in_california(postal_address: tuple[str, ...] | list[str]) -> bool:
    """True when the address is a Californian one (CCPA letters warn otherwise)."""
    return residence_of(postal_address).region == "US-CA"


EU_EEA = frozenset(
    [
        "AT",
        "BE",
        "BG",
        "HR",
        "CY",
        "CZ",
        "DK",
        "EE",
        "FI",
        "FR",
        "DE",
        "GR",
        "HU",
        "IE",
        "IT",
        "LV",
        "LT",
        "LU",
        "MT",
        "NL",
        "PL",
        "PT",
        "RO",
        "SK",
        "SI",
        "ES",
        "SE",
        "IS",
        "LI",
        "NO",
    ]
)
# Languages the letters are written in, by country of residence (a suggestion only).
LETTER_LANGUAGE = {"DE": "de", "AT": "de", "LI": "de", "NL": "nl", "FR": "fr", "LU": "fr"}


def jurisdiction_of(residence: Residence) -> str | None:
    """The law of a request from someone living at ``residence``; None when none is known.

    The UK GDPR for the United Kingdom, the CCPA for California, the GDPR for the EEA.
    """
    if residence.country == "GB":
        return "UK"
    if residence.country == "US":
        return "CCPA" if residence.region == "US-CA" else None
    if residence.country in EU_EEA:
        return "EU"
    return None


def authority_mismatch(key: str, jurisdiction: str) -> str | None:
    """Why the authority ``key`` ("IE", "DE-BE", "US-CA") cannot take a complaint under
    ``jurisdiction``, or None when it can."""
    code = key.upper()
    if jurisdiction == "UK" and code != "GB":
        return "a UK GDPR complaint goes to the Information Commissioner's Office (GB)"
    if jurisdiction == "CCPA" and not code.startswith("US-CA"):
        return "a CCPA complaint goes to the California Privacy Protection Agency (US-CA)"
    if jurisdiction == "EU":
        if code == "DE":
            return (
                "the federal commissioner (BfDI) is not competent for companies: in Germany "
                "name the Land, e.g. DE-BE, DE-BY"
            )
        if code.split("-")[0] not in EU_EEA:
            return "a GDPR complaint goes to an authority in the EU or EEA (IE, FR, DE-BE, ...)"
    return None
