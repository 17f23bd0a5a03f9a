"""Words for the codes a report's data holds, as the HTML and PDF reports show them.

The report's data (and its JSON and CSV forms) keeps codes; only what a person reads is turned
into words here, in the language in force.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, TypeVar

from exposure_audit.i18n import N_, _, ngettext
from exposure_audit.i18n.formats import format_number
from exposure_audit.rights.controllers import load_controllers
from exposure_audit.vocabulary import (
    Band,
    Channel,
    Decision,
    ExposureLevel,
    NextStep,
    PhotoKind,
    RequestStage,
    Right,
    Word,
    similarity_percent,
)

W = TypeVar("W", bound=Word)

SUMMARY_LABELS: dict[str, str] = {
    "sources": N_("Sources"),
    "photos_scanned": N_("Photos scanned"),
    "findings": N_("Findings"),
    "photos_with_you": N_("Photos with you"),
    "videos_with_you": N_("Videos with you"),
    "public_photos": N_("Public photos"),
    "confirmed": N_("Confirmed"),
    "undecided": N_("Not yet reviewed"),
    "platforms": N_("Platforms"),
    "exposure_high": N_("High exposure"),
    "exposure_medium": N_("Medium exposure"),
    "exposure_low": N_("Low exposure"),
    "exposure_local": N_("On this computer"),
    "locations_exposed": N_("Locations exposed"),
    "public_profile_pictures": N_("Public profile pictures"),
    "linked_media": N_("Linked media"),
    "requests": N_("Requests"),
    "requests_overdue": N_("Requests overdue"),
}


def word(kind: type[W], code: object, unknown: str = "") -> str:
    """The words for a stored code of ``kind``; a code this version does not know, as it is."""
    if code is None or code == "":
        return unknown
    try:
        return kind(code).label
    except ValueError:
        return str(code)


# Platforms the readers name in words of their own rather than by a company: the person's own
# files and saved web pages. Kept as they are in the report's data, translated where shown.
PLATFORM_WORDS = {"Files": N_("Your own files"), "Saved web page": N_("Saved web page")}


def platform_words(name: object) -> str:
    """A platform as people read it: a company's name as it is, the readers' own words in the
    language in force."""
    text = str(name or "")
    return _(PLATFORM_WORDS[text]) if text in PLATFORM_WORDS else text


def kind_words(code: object) -> str:
    return PhotoKind.label_of(str(code) if code else None)


def level_words(code: object) -> str:
    return word(ExposureLevel, code)


def band_words(code: object) -> str:
    return word(Band, code, Band.NONE.label)


def match_words(band: object, distance: object) -> str:
    """ "Strong match · 89 % alike": the band, and the similarity on the app's one scale."""
    if not isinstance(distance, int | float):
        return band_words(band)
    return _("{band} · {percent} % alike").format(
        band=band_words(band), percent=similarity_percent(float(distance))
    )


def controller_words(slug: object) -> str:
    """The company's name for a bundled controller's code ("meta"); anything else as it is."""
    if not slug:
        return "-"
    known = load_controllers().get(str(slug))
    return known.name if known is not None else str(slug)


def decision_words(code: object) -> str:
    if code is None or code == "":
        return _("not yet reviewed")
    return word(Decision, code)


def rights_words(codes: Iterable[object]) -> str:
    return ", ".join(word(Right, c) for c in codes)


def channel_words(code: object) -> str:
    return word(Channel, code, "-")


def stage_words(code: object) -> str:
    return word(RequestStage, code)


def next_step_words(code: object) -> str:
    return word(NextStep, code)


def year_words(year: object) -> str:
    return _("Unknown year") if not year or year == "unknown" else str(year)


def summary_label(key: str) -> str:
    return _(SUMMARY_LABELS[key]) if key in SUMMARY_LABELS else key.replace("_", " ")


def counted(counts: Mapping[str, Any], words: Any) -> str:
    """``{"post": 3, "story": 1}`` as "Post 3, Story 1", in words."""
    return ", ".join(f"{words(code)} {format_number(n)}" for code, n in counts.items() if n)


def step_heading(company: str | None, photos: int) -> str:
    """The heading of one platform's next steps, to fill in with ``platform``, ``company``, ``n``."""
    if company:
        return ngettext(
            "{platform} ({company}): {n} photo", "{platform} ({company}): {n} photos", photos
        )
    return ngettext("{platform}: {n} photo", "{platform}: {n} photos", photos)


def place_label(name: str | None, photos: int) -> str:
    """A place on the map and how many photos of you were taken there."""
    n = format_number(photos)
    if name:
        return ngettext("{place}: {n} photo", "{place}: {n} photos", photos).format(place=name, n=n)
    return ngettext("{n} photo", "{n} photos", photos).format(n=n)
