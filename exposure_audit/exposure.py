"""How exposed a photo is, from its export context, by rules listed in one table (RULES).

Rules are checked in order. A "base" rule sets the starting level; the first base rule that
matches wins. "raise" rules lift a shared photo one step (medium → high): a photo kept on this
computer, or one only its owner could see, stays where it is, so each level's heading
(``ExposureLevel.heading``) agrees with every reason under it. "note" rules only add a reason. Every
matching rule adds its reason, so the person sees why.

    base  profile picture                → high    profile pictures are visible to anyone
    base  cover photo                    → high    cover photos are visible to anyone
    base  audience public                → high    anyone could see it
    base  message attachment             → low     sent in a private message
    base  trashed or archived            → low     hidden away (bin or archive)
    base  audience private               → low     only you could see it
    base  audience friends               → medium  friends or followers could see it
    base  saved web page                 → medium  it was on a web page
    base  own files, audience not known  → local   found only in your own files
    base  anything else                  → medium  who could see it is not known
    raise GPS coordinates present        → +1      carries the exact place it was taken
    note  GPS coordinates, not shared    →         would give away the place if shared
    note  place name present             →         names the place
    note  caption present                →         has a caption that may identify you
    note  people names present           →         names the people in it
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from exposure_audit.exports.context import PhotoContext
from exposure_audit.i18n import N_, _
from exposure_audit.vocabulary import ExposureLevel, PhotoKind, audience_basis_text

# From least to most exposed; each level's heading is ExposureLevel.heading.
LEVELS = (ExposureLevel.LOCAL, ExposureLevel.LOW, ExposureLevel.MEDIUM, ExposureLevel.HIGH)
OWN_FILES = (None, "", "Files")  # the platform of photos from the person's own folders


@dataclass(frozen=True)
class Rule:
    effect: str  # "base:<level>", "raise", "note", or "note:<level>" (a note for that level only)
    applies: Callable[[PhotoContext], bool]
    reason: Callable[[PhotoContext], str]


def _said(text: str) -> Callable[[PhotoContext], str]:
    return lambda ctx: _(text)  # translated when said, in the language in force


def _names(ctx: PhotoContext) -> str:
    return _("names the people in it: %(people)s") % {"people": ", ".join(ctx.people)}


def _has_gps(ctx: PhotoContext) -> bool:
    return ctx.latitude is not None and ctx.longitude is not None


def _basis(prefix: str) -> Callable[[PhotoContext], str]:
    def reason(ctx: PhotoContext) -> str:
        basis = audience_basis_text(ctx.audience_basis)
        return f"{_(prefix)} ({basis})" if basis else _(prefix)

    return reason


RULES: tuple[Rule, ...] = (
    Rule(
        "base:high",
        lambda c: c.kind == PhotoKind.PROFILE_PICTURE,
        _said(N_("profile pictures are visible to anyone")),
    ),
    Rule(
        "base:high",
        lambda c: c.kind == PhotoKind.COVER,
        _said(N_("cover photos are visible to anyone")),
    ),
    Rule("base:high", lambda c: c.audience == "public", _basis(N_("anyone could see it"))),
    Rule(
        "base:low",
        lambda c: c.kind == PhotoKind.MESSAGE_ATTACHMENT,
        _said(N_("sent in a private message: only the people in that chat received it")),
    ),
    Rule(
        "base:low",
        lambda c: c.kind in (PhotoKind.TRASHED, PhotoKind.ARCHIVED),
        _said(N_("hidden away in the bin or archive")),
    ),
    Rule("base:low", lambda c: c.audience == "private", _basis(N_("only you could see it"))),
    Rule(
        "base:medium",
        lambda c: c.audience == "friends",
        _basis(N_("friends or followers could see it")),
    ),
    Rule("base:medium", lambda c: c.kind == PhotoKind.WEB_PAGE, _said(N_("it was on a web page"))),
    Rule(
        "base:local",
        lambda c: c.platform in OWN_FILES and c.audience in (None, "unknown"),
        _said(N_("found only in your own files: not shared from here")),
    ),
    Rule("base:medium", lambda c: True, _said(N_("who could see it is not known"))),
    Rule("raise", _has_gps, _said(N_("carries the exact place it was taken"))),
    Rule(
        "note:local", _has_gps, _said(N_("carries the exact place it was taken, if it is shared"))
    ),
    Rule(
        "note",
        lambda c: bool(c.place),
        lambda c: _("names the place: %(place)s") % {"place": c.place},
    ),
    Rule("note", lambda c: bool(c.caption), _said(N_("has a caption that may identify you"))),
    Rule("note", lambda c: bool(c.people), _names),
)


def exposure_level(ctx: PhotoContext) -> tuple[ExposureLevel, list[str]]:
    """The level and the plain-language reasons (in the language in force) for one photo."""
    level: ExposureLevel | None = None
    reasons: list[str] = []
    for rule in RULES:
        if not rule.applies(ctx):
            continue
        if rule.effect.startswith("base:"):
            if level is not None:
                continue
            level = ExposureLevel(rule.effect.split(":", 1)[1])
        elif rule.effect == "raise":
            if level not in (ExposureLevel.MEDIUM, ExposureLevel.HIGH):
                continue  # not shared, or only its owner could see it: nobody learns the place
            level = ExposureLevel.HIGH
        elif rule.effect.startswith("note:") and rule.effect.split(":", 1)[1] != level:
            continue
        reasons.append(rule.reason(ctx))
    return level or ExposureLevel.MEDIUM, reasons


def level_heading(level: str) -> str:
    """The heading a stored level is shown under (every reason of that level agrees with it)."""
    try:
        return ExposureLevel(level).heading
    except ValueError:
        return level


# -- who can see a photo: the tests the score and the counts share ---------------------------

LOCAL_PLATFORMS = (None, "", "Files")


def on_platform(ctx: Mapping[str, Any]) -> bool:
    return ctx.get("platform") not in LOCAL_PLATFORMS


def is_shared(ctx: Mapping[str, Any]) -> bool:
    """On a platform and seen by someone besides the person."""
    if not on_platform(ctx) or ctx.get("kind") in (PhotoKind.TRASHED, PhotoKind.ARCHIVED):
        return False
    return ctx.get("audience") != "private" or ctx.get("kind") == PhotoKind.MESSAGE_ATTACHMENT


def is_public(ctx: Mapping[str, Any]) -> bool:
    if not on_platform(ctx):
        return False
    return ctx.get("audience") == "public" or ctx.get("kind") in (
        PhotoKind.PROFILE_PICTURE,
        PhotoKind.COVER,
    )


def is_indexable(ctx: Mapping[str, Any]) -> bool:
    if not on_platform(ctx):
        return False
    if ctx.get("kind") == PhotoKind.WEB_PAGE:
        return True
    return (
        ctx.get("kind") in (PhotoKind.PROFILE_PICTURE, PhotoKind.COVER)
        and ctx.get("audience") != "private"
    )


def has_gps(ctx: Mapping[str, Any]) -> bool:
    return is_shared(ctx) and ctx.get("latitude") is not None and ctx.get("longitude") is not None


def names_things(ctx: Mapping[str, Any]) -> bool:
    return is_shared(ctx) and bool(ctx.get("caption") or ctx.get("place") or ctx.get("people"))
