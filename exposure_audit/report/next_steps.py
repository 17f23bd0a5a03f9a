"""What to do next on each platform that holds photos of you, from the controller records."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from exposure_audit.exposure import OWN_FILES
from exposure_audit.i18n import N_
from exposure_audit.rights.evidence import controller_of
from exposure_audit.vocabulary import PhotoKind

CLEAN_COPY = N_(
    "Before you post the next one: make a clean copy (Clean copy… on Findings, or "
    "exposure-audit clean): no place, no camera, other people's faces blurred"
)


@dataclass(frozen=True)
class Action:
    """One thing to do: a sentence, and the page where it is done when there is one."""

    text: str
    url: str | None = None


@dataclass(frozen=True)
class PlatformSteps:
    """The actions for one company's platforms (or one platform without a known company),
    with how many photos of you they hold."""

    platform: str  # the platforms' names, joined
    company: str | None
    photos: int
    public: int
    located: int
    actions: tuple[Action, ...]
    platforms: tuple[str, ...] = ()


def _actions(
    platform: str, public: int, located: int, region: str, others: int = 0
) -> tuple[Action, ...]:
    controller = controller_of(platform, region)
    links = controller.self_service if controller is not None else {}
    out: list[Action] = []
    if public:
        out.append(Action(f"Hide or replace the {public} photo(s) anyone can see"))
    if located:
        out.append(Action(f"Remove the place from {located} photo(s), or share them without it"))
    if located or others:
        out.append(Action(CLEAN_COPY))
    if links.get("face_recognition_setting"):
        out.append(Action("Turn off face recognition", links["face_recognition_setting"]))
    if links.get("account_deletion"):
        out.append(Action("Delete the photos, or the whole account", links["account_deletion"]))
    if controller is not None:
        out.append(Action(f"Ask {controller.name} for a copy or to erase them (Requests page)"))
    if links.get("data_download"):
        out.append(Action("Download your data again later to check", links["data_download"]))
    return tuple(out)


def next_steps(
    photos: Iterable[tuple[Mapping[str, Any], str]], region: str = "EEA"
) -> list[PlatformSteps]:
    """``photos`` are (context, exposure level) of each photo of you; own files need nothing."""
    counts: dict[str, list[int]] = {}
    names: dict[str, list[str]] = {}  # platforms by company: Google Photos and Google are one
    for context, level in photos:
        platform = context.get("platform")
        if platform in OWN_FILES:
            continue
        controller = controller_of(str(platform), region)
        key = controller.slug if controller is not None else str(platform)
        if str(platform) not in names.setdefault(key, []):
            names[key].append(str(platform))
        count = counts.setdefault(key, [0, 0, 0, 0])
        count[0] += 1
        count[1] += level == "high" and (
            context.get("audience") == "public"
            or context.get("kind") in (PhotoKind.PROFILE_PICTURE, PhotoKind.COVER)
        )
        count[2] += context.get("latitude") is not None and context.get("longitude") is not None
        count[3] += bool(context.get("people"))
    out = []
    for key, (total, public, located, others) in sorted(counts.items(), key=lambda kv: -kv[1][0]):
        platform = names[key][0]
        controller = controller_of(platform, region)
        out.append(
            PlatformSteps(
                ", ".join(names[key]),
                controller.name if controller is not None else None,
                total,
                public,
                located,
                _actions(platform, public, located, region, others),
                tuple(names[key]),
            )
        )
    return out
