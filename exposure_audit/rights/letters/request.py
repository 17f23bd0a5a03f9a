"""What a letter is about: the request, the person, the evidence."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from exposure_audit.errors import UserMistake
from exposure_audit.escaping import terminal_safe
from exposure_audit.i18n import _
from exposure_audit.rights.controllers import Authority, Controller, load_controllers
from exposure_audit.rights.letters.encoding_guard import EncodingGuard
from exposure_audit.vocabulary import (
    Channel,
    FollowUp,
    Ground,
    Jurisdiction,
    Language,
    MissingItem,
    Region,
    ReplyKind,
    RestrictionGround,
    Right,
)

RIGHTS: tuple[Right, ...] = tuple(Right)
FOLLOW_UPS: tuple[FollowUp, ...] = tuple(FollowUp)
GROUNDS: tuple[Ground, ...] = tuple(Ground)
RESTRICTION_GROUNDS: tuple[RestrictionGround, ...] = tuple(RestrictionGround)
LANGUAGES: tuple[Language, ...] = tuple(Language)
CHANNELS: tuple[Channel, ...] = tuple(Channel)
# What the CCPA's right to know covers of the items a partial answer can leave out
# (Cal. Civ. Code §1798.110(a)(1)-(5)); retention, rights, complaints and automated decisions
# are Art. 15(1)(d)-(f),(h) GDPR, with no counterpart in the right to know.
CCPA_MISSING: frozenset[MissingItem] = frozenset(
    {
        MissingItem.PURPOSES,
        MissingItem.CATEGORIES,
        MissingItem.RECIPIENTS,
        MissingItem.SOURCE,
        MissingItem.COPY,
    }
)
REGION_OF: dict[str, Region] = {jurisdiction: jurisdiction.region for jurisdiction in Jurisdiction}


@dataclass(frozen=True)
class Identity:
    """The requester, entered once per audit; account ids come from the person's own export.

    An account id's key names its platform first ("Facebook user id", "instagram:username"):
    it is only ever given to the controller of that platform.
    """

    name: str
    postal_address: tuple[str, ...] = ()
    email: str | None = None
    account_ids: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class AccountId:
    """One account identifier, split into the platform it belongs to and what it is."""

    platform: str
    kind: str
    value: str


def known_platforms() -> set[str]:
    """Every platform name a bundled controller claims, plus the controllers' slugs."""
    names: set[str] = set()
    for controller in load_controllers().values():
        names.update(controller.platforms)
        names.add(controller.slug)
    return names


def split_account_key(key: str) -> tuple[str | None, str]:
    """("facebook", "user id") for "Facebook user id" or "facebook:User id"; None if no platform."""
    head, sep, rest = key.partition(":")
    if not sep:
        head, _, rest = key.strip().partition(" ")
    platform = head.strip().lower().replace("-", "_")
    if platform in known_platforms():
        return platform, rest.strip().replace("_", " ")
    return None, key.strip()


def accounts_for(identity: Identity, controller: Controller) -> list[AccountId]:
    """The account ids that belong to ``controller``'s own platforms; none for anyone else."""
    owned = {*controller.platforms, controller.slug}
    out = []
    for key, value in identity.account_ids.items():
        platform, kind = split_account_key(key)
        if platform is not None and platform in owned:
            out.append(AccountId(key.strip().split(":")[0].split(" ")[0], kind, value))
    return out


def exported_account_ids(suggested: dict[str, str]) -> frozenset[tuple[str, str]]:
    """(platform, value) of the account ids an audit's exports revealed (see suggest_account_ids)."""
    out = set()
    for key, value in suggested.items():
        platform, _ = split_account_key(key)
        if platform is not None:
            out.add((platform, value))
    return frozenset(out)


def unattributed_accounts(identity: Identity) -> list[str]:
    """Keys of account ids that name no known platform (they go into no letter)."""
    return [k for k in identity.account_ids if split_account_key(k)[0] is None]


@dataclass(frozen=True)
class EvidenceRow:
    """One confirmed finding, as shown in the evidence annex. Never carries face encodings."""

    platform: str
    url_or_id: str
    location: str
    date: str
    sha256: str
    thumbnail_jpeg: bytes | None = None
    video_time: float | None = None  # a video's: seconds to the frame the person is in

    def __post_init__(self) -> None:
        # Every cell comes from an export: one line each, breaks and controls shown escaped, so
        # a crafted file name cannot add lines ("P.S. I withdraw ...") to a letter or e-mail.
        for name in ("platform", "url_or_id", "location", "date", "sha256"):
            object.__setattr__(self, name, terminal_safe(str(getattr(self, name))))


@dataclass(frozen=True)
class LetterRequest:
    """Everything needed to write one letter.

    ``types`` is a set of ``Right``s, or exactly one ``FollowUp``.
    ``erasure_grounds`` are ``Ground``s, the points of Art. 17(1); none ticked means the
    conditional unlawful-biometrics ground. ``restriction_grounds`` are ``RestrictionGround``s.
    ``original_date``/``original_due`` describe the first request, for reminders and complaints;
    ``reminder_date`` is set only when a reminder was really sent.
    ``authority`` is named under remedies and receives the complaint; a UK complaint without an
    authority goes to the controller first (s. 164A DPA 2018).
    ``channel`` decides what the letter says about answering electronically and receipt by post;
    ``assumed_receipt`` is the day a posted letter is assumed to arrive.
    ``remaining`` lists items a later export still contained after an erasure request: that
    export's platforms are ``later_export_platforms``, checked on ``later_export_date``.
    ``reference_photo`` states that a photo of the requester is enclosed (face-search letters);
    ``reference_photo_jpeg`` is that photo (the opt-out kit's crop), attached to an .eml.
    ``exported_ids`` are the (platform, value) account ids found in the person's own exports:
    only those are said to come from the controller's data export.
    ``situation`` is the person's particular situation in their own words: only with it does
    an objection rest on Art. 21(1) (and restriction on 18(1)(d), erasure on 17(1)(c)).
    ``no_court_case``: the person said no court was seized; only then does a complaint say so.
    ``reply_kind`` (a ``ReplyKind``) is what came back, for a letter answering the controller's
    reply; ``reply_date`` is that reply's date as the person gave it (None: the letter names no
    date); ``missing`` are the ``MissingItem``s of a partial answer; ``first_request``: the
    tracker holds no earlier request to this controller (only then does the letter say so).
    """

    types: frozenset[str]
    controller: Controller
    identity: Identity
    jurisdiction: str = Jurisdiction.EU
    language: str = "en"
    erasure_grounds: frozenset[str] = frozenset()
    restriction_grounds: frozenset[str] = frozenset()
    evidence: tuple[EvidenceRow, ...] = ()
    reference: str = ""
    letter_date: date = field(default_factory=date.today)
    due: date | None = None
    original_date: date | None = None
    original_due: date | None = None
    original_types: frozenset[str] = frozenset()
    authority: Authority | None = None
    region: str | None = None
    channel: str | None = None
    assumed_receipt: date | None = None
    reminder_date: date | None = None
    controller_complaint_date: date | None = None
    remaining: tuple[EvidenceRow, ...] = ()
    later_export_date: date | None = None
    later_export_platforms: tuple[str, ...] = ()
    reference_photo: bool = False
    reference_photo_jpeg: bytes | None = field(default=None, repr=False)
    no_court_case: bool = False
    situation: str = ""
    exported_ids: frozenset[tuple[str, str]] = frozenset()
    reply_kind: str | None = None
    reply_date: date | None = None
    missing: frozenset[str] = frozenset()
    first_request: bool = False
    encoding_guard: EncodingGuard = field(default_factory=EncodingGuard, repr=False)

    def __post_init__(self) -> None:
        _check(self)

    @property
    def entity_region(self) -> str:
        return self.region or REGION_OF[self.jurisdiction]

    @property
    def follow_up(self) -> FollowUp | None:
        """The kind of follow-up letter this is, or None for a first request."""
        return FollowUp(next(iter(self.types))) if self.types & set(FOLLOW_UPS) else None

    @property
    def to_controller(self) -> bool:
        """True unless this is a complaint addressed to a supervisory authority."""
        return self.follow_up != FollowUp.COMPLAINT or self.authority is None

    @property
    def face_search(self) -> bool:
        return self.controller.kind == "face_search"


def _check(req: LetterRequest) -> None:
    if req.jurisdiction not in REGION_OF:
        raise ValueError(f"unknown jurisdiction {req.jurisdiction!r}")
    if req.language not in LANGUAGES:
        raise UserMistake(
            _("unsupported language {language}; expected one of {languages}").format(
                language=repr(req.language), languages=", ".join(Language.values())
            )
        )
    unknown = set(req.types) - set(RIGHTS) - set(FOLLOW_UPS)
    if unknown or not req.types:
        raise UserMistake(
            _("letter types must be among {types}").format(
                types=", ".join([*Right.values(), *FollowUp.values()])
            )
        )
    if set(req.types) & set(FOLLOW_UPS) and len(req.types) != 1:
        raise UserMistake(_("a reminder or complaint is a letter of its own"))
    if set(req.erasure_grounds) - set(GROUNDS):
        raise UserMistake(
            _("erasure grounds must be among {grounds}").format(grounds=", ".join(Ground.values()))
        )
    if set(req.restriction_grounds) - set(RESTRICTION_GROUNDS):
        raise UserMistake(
            _("restriction grounds must be among {grounds}").format(
                grounds=", ".join(RestrictionGround.values())
            )
        )
    _check_grounds(req)
    if req.channel is not None and req.channel not in CHANNELS:
        raise UserMistake(
            _("unknown channel {channel}; expected one of {channels}").format(
                channel=repr(req.channel), channels=", ".join(Channel.values())
            )
        )
    if req.follow_up and (req.original_date is None or req.original_due is None):
        raise ValueError("a reminder or complaint needs original_date and original_due")
    _check_reply(req)
    if (
        req.follow_up == FollowUp.COMPLAINT
        and req.authority is None
        and req.jurisdiction != Jurisdiction.UK
    ):
        raise ValueError("a complaint needs the authority it is addressed to")


def _check_reply(req: LetterRequest) -> None:
    """An answer to a reply says only what the person picked: a kind, a date, what is missing."""
    if req.follow_up != FollowUp.REPLY:
        if req.reply_kind or req.missing or req.reply_date:
            raise UserMistake(_("only an answer to a reply names what came back"))
        return
    answerable = set(ReplyKind) - {ReplyKind.NO_ANSWER}
    if req.reply_kind not in answerable:
        raise UserMistake(
            _(
                "the kind of reply must be one of {kinds}; with no answer, write the reminder,"
                " then the complaint"
            ).format(kinds=", ".join(sorted(answerable)))
        )
    if set(req.missing) - set(MissingItem):
        raise UserMistake(
            _("missing items must be among {items}").format(items=", ".join(MissingItem.values()))
        )
    if req.reply_kind == ReplyKind.PARTIAL:
        if not req.missing:
            raise UserMistake(_("a partial answer: name what is missing"))
        if "access" not in req.original_types:
            raise UserMistake(_("a partial answer lists what is missing of an access request"))
        if req.jurisdiction == Jurisdiction.CCPA and set(req.missing) - CCPA_MISSING:
            extra = sorted(set(req.missing) - CCPA_MISSING)
            raise UserMistake(
                _(
                    "under the CCPA the right to know has no item {items}; choose among {known}"
                ).format(
                    items=", ".join(extra),
                    known=", ".join(m for m in MissingItem.values() if m in CCPA_MISSING),
                )
            )
    elif req.missing:
        raise UserMistake(_("missing items belong to a partial answer"))
    if req.reply_date is not None:
        if req.original_date is not None and req.reply_date < req.original_date:
            raise UserMistake(_("the reply cannot be older than the request it answers"))
        if req.reply_date > req.letter_date:
            raise UserMistake(_("the reply cannot be dated after this letter"))


def objects_under_21_1(req: LetterRequest) -> bool:
    """An Art. 21(1) objection is made: it needs the person's particular situation."""
    return bool(req.situation.strip()) and (
        "objection" in req.types or ("erasure" in req.types and "c" in req.erasure_grounds)
    )


def _check_grounds(req: LetterRequest) -> None:
    """Art. 17 and 18 grounds only where they can apply (a letter never asks for both at once
    or rests on an objection it does not make)."""
    if req.face_search or req.jurisdiction == Jurisdiction.CCPA:
        return
    chosen = set(req.restriction_grounds)
    if "erasure" in req.types and "c" in req.erasure_grounds and not req.situation.strip():
        raise UserMistake(
            _(
                "erasure ground c rests on an objection under Art. 21(1): give your particular"
                " situation"
            )
        )
    if "restriction" not in req.types:
        return
    if "b" in chosen and "erasure" in req.types:
        raise UserMistake(
            _(
                "restriction ground b (Art. 18(1)(b)) is restriction instead of erasure: it cannot"
                " be asked together with erasure"
            )
        )
    if "d" in chosen and not objects_under_21_1(req):
        raise UserMistake(
            _(
                "restriction ground d (Art. 18(1)(d)) applies only with an objection under"
                " Art. 21(1): add objection and your particular situation"
            )
        )
    if not chosen and not objects_under_21_1(req):
        raise UserMistake(
            _("a restriction request needs a ground of Art. 18(1): {grounds}").format(
                grounds=", ".join(RestrictionGround.values())
            )
        )
