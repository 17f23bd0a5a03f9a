"""How exposed a photo is, from its export context, by rules listed in one table (RULES).

Rules are checked in order. A "base" rule sets the starting level; the first base rule that
matches wins. "raise" rules lift a shared photo one step (medium → high): a photo kept on this
computer, or one only its owner could see, stays where it is, so each level's heading
(LEVEL_HEADINGS) agrees with every reason under it. "note" rules only add a reason. Every
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

LEVELS = ("local", "low", "medium", "high")
LEVEL_HEADINGS = {
    "high": "High: public, or shared with the place it was taken",
    "medium": "Medium: some people could see these, or it is not known who",
    "low": "Low: private, sent in a message or hidden away",
    "local": "On this computer, not shared",
}
OWN_FILES = (None, "", "Files")  # the platform of photos from the person's own folders


@dataclass(frozen=True)
class Rule:
    effect: str  # "base:<level>", "raise", "note", or "note:<level>" (a note for that level only)
    applies: Callable[[PhotoContext], bool]
    reason: Callable[[PhotoContext], str]


def _said(text: str) -> Callable[[PhotoContext], str]:
    return lambda ctx: text


def _names(ctx: PhotoContext) -> str:
    return "names the people in it: " + ", ".join(ctx.people)


def _has_gps(ctx: PhotoContext) -> bool:
    return ctx.latitude is not None and ctx.longitude is not None


def _basis(prefix: str) -> Callable[[PhotoContext], str]:
    return lambda ctx: f"{prefix} ({ctx.audience_basis})" if ctx.audience_basis else prefix


RULES: tuple[Rule, ...] = (
    Rule(
        "base:high",
        lambda c: c.kind == "profile_picture",
        _said("profile pictures are visible to anyone"),
    ),
    Rule("base:high", lambda c: c.kind == "cover", _said("cover photos are visible to anyone")),
    Rule("base:high", lambda c: c.audience == "public", _basis("anyone could see it")),
    Rule(
        "base:low",
        lambda c: c.kind == "message_attachment",
        _said("sent in a private message: only the people in that chat received it"),
    ),
    Rule(
        "base:low",
        lambda c: c.kind in ("trashed", "archived"),
        _said("hidden away in the bin or archive"),
    ),
    Rule("base:low", lambda c: c.audience == "private", _basis("only you could see it")),
    Rule(
        "base:medium",
        lambda c: c.audience == "friends",
        _basis("friends or followers could see it"),
    ),
    Rule("base:medium", lambda c: c.kind == "web_page", _said("it was on a web page")),
    Rule(
        "base:local",
        lambda c: c.platform in OWN_FILES and c.audience in (None, "unknown"),
        _said("found only in your own files: not shared from here"),
    ),
    Rule("base:medium", lambda c: True, _said("who could see it is not known")),
    Rule("raise", _has_gps, _said("carries the exact place it was taken")),
    Rule("note:local", _has_gps, _said("carries the exact place it was taken, if it is shared")),
    Rule("note", lambda c: bool(c.place), lambda c: f"names the place: {c.place}"),
    Rule("note", lambda c: bool(c.caption), _said("has a caption that may identify you")),
    Rule("note", lambda c: bool(c.people), _names),
)


def exposure_level(ctx: PhotoContext) -> tuple[str, list[str]]:
    """("high" | "medium" | "low" | "local", plain-language reasons) for one photo's context."""
    level: str | None = None
    reasons: list[str] = []
    for rule in RULES:
        if not rule.applies(ctx):
            continue
        if rule.effect.startswith("base:"):
            if level is not None:
                continue
            level = rule.effect.split(":", 1)[1]
        elif rule.effect == "raise":
            if level not in ("medium", "high"):
                continue  # not shared, or only its owner could see it: nobody learns the place
            level = "high"
        elif rule.effect.startswith("note:") and rule.effect.split(":", 1)[1] != level:
            continue
        reasons.append(rule.reason(ctx))
    return level or "medium", reasons


def level_heading(level: str) -> str:
    """The heading a level is shown under (every reason of that level agrees with it)."""
    return LEVEL_HEADINGS.get(level, level)


# -- who can see a photo: the tests the score and the counts share ---------------------------

LOCAL_PLATFORMS = (None, "", "Files")


def on_platform(ctx: Mapping[str, Any]) -> bool:
    return ctx.get("platform") not in LOCAL_PLATFORMS


def is_shared(ctx: Mapping[str, Any]) -> bool:
    """On a platform and seen by someone besides the person."""
    if not on_platform(ctx) or ctx.get("kind") in ("trashed", "archived"):
        return False
    return ctx.get("audience") != "private" or ctx.get("kind") == "message_attachment"


def is_public(ctx: Mapping[str, Any]) -> bool:
    if not on_platform(ctx):
        return False
    return ctx.get("audience") == "public" or ctx.get("kind") in ("profile_picture", "cover")


def is_indexable(ctx: Mapping[str, Any]) -> bool:
    if not on_platform(ctx):
        return False
    if ctx.get("kind") == "web_page":
        return True
    return ctx.get("kind") in ("profile_picture", "cover") and ctx.get("audience") != "private"


def has_gps(ctx: Mapping[str, Any]) -> bool:
    return is_shared(ctx) and ctx.get("latitude") is not None and ctx.get("longitude") is not None


def names_things(ctx: Mapping[str, Any]) -> bool:
    return is_shared(ctx) and bool(ctx.get("caption") or ctx.get("place") or ctx.get("people"))
