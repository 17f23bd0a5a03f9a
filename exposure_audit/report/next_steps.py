"""What to do next on each platform that holds photos of you, from the controller records."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from exposure_audit.exposure import is_public, on_platform
from exposure_audit.i18n import N_, _, ngettext
from exposure_audit.report.counts import PhotoOfYou
from exposure_audit.rights.evidence import controller_of

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
        out.append(
            Action(
                ngettext(
                    "Hide or replace the photo of you anyone can see",
                    "Hide or replace the {n} photos of you anyone can see",
                    public,
                ).format(n=public)
            )
        )
    if located:
        out.append(
            Action(
                ngettext(
                    "Remove the place from the photo, or share it without it",
                    "Remove the place from {n} photos, or share them without it",
                    located,
                ).format(n=located)
            )
        )
    if located or others:
        out.append(Action(_(CLEAN_COPY)))
    if links.get("face_recognition_setting"):
        out.append(Action(_("Turn off face recognition"), links["face_recognition_setting"]))
    if links.get("account_deletion"):
        out.append(Action(_("Delete the photos, or the whole account"), links["account_deletion"]))
    if controller is not None:
        out.append(
            Action(
                _("Ask {company} for a copy or to erase them (Requests page)").format(
                    company=controller.name
                )
            )
        )
    if links.get("data_download"):
        out.append(Action(_("Download your data again later to check"), links["data_download"]))
    return tuple(out)


def next_steps(
    photos: Iterable[PhotoOfYou | tuple[Mapping[str, Any], str]], region: str = "EEA"
) -> list[PlatformSteps]:
    """Per company, what to do about the photos of you it holds; own files need nothing.

    A photo counts once per company holding a copy of it; it is public there when a copy there
    is (``visibility.is_public``), the same test as the score's and the overview's.
    """
    counts: dict[str, list[int]] = {}
    names: dict[str, list[str]] = {}  # platforms by company: Google Photos and Google are one
    for photo in photos:
        held: dict[str, list[bool]] = {}
        # a (context, level) pair is one photo found in one place
        copies = photo.copies if isinstance(photo, PhotoOfYou) else (photo[0],)
        for context in copies:
            if not on_platform(context):
                continue
            platform = str(context.get("platform"))
            controller = controller_of(platform, region)
            key = controller.slug if controller is not None else platform
            if platform not in names.setdefault(key, []):
                names[key].append(platform)
            was_public, was_located, had_people = held.setdefault(key, [False, False, False])
            held[key] = [
                was_public or is_public(context),
                was_located
                or (context.get("latitude") is not None and context.get("longitude") is not None),
                had_people or bool(context.get("people")),
            ]
        for key, (is_public_there, is_located_there, names_people) in held.items():
            count = counts.setdefault(key, [0, 0, 0, 0])
            count[0] += 1
            count[1] += is_public_there
            count[2] += is_located_there
            count[3] += names_people
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
