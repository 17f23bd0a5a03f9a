"""What a letter is about: the request, the person, the evidence."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from exposure_audit.rights.controllers import Authority, Controller
from exposure_audit.vocabulary import FollowUp, Ground, Jurisdiction, Language, Region, Right

RIGHTS: tuple[Right, ...] = tuple(Right)
FOLLOW_UPS: tuple[FollowUp, ...] = tuple(FollowUp)
GROUNDS: tuple[Ground, ...] = tuple(Ground)
LANGUAGES: tuple[Language, ...] = tuple(Language)
REGION_OF: dict[str, Region] = {jurisdiction: jurisdiction.region for jurisdiction in Jurisdiction}


@dataclass(frozen=True)
class Identity:
    """The requester, entered once per audit; account ids come from the person's own export."""

    name: str
    postal_address: tuple[str, ...] = ()
    email: str | None = None
    account_ids: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class EvidenceRow:
    """One confirmed finding, as shown in the evidence annex. Never carries face encodings."""

    platform: str
    url_or_id: str
    location: str
    date: str
    sha256: str
    thumbnail_jpeg: bytes | None = None


@dataclass(frozen=True)
class LetterRequest:
    """Everything needed to write one letter.

    ``types`` is a set of ``Right``s, or exactly one ``FollowUp``.
    ``erasure_grounds`` are ``Ground``s, the points of Art. 17(1).
    ``original_date``/``original_due`` describe the first request, for reminders and complaints.
    ``authority`` is named under remedies and receives the complaint.
    """

    types: frozenset[str]
    controller: Controller
    identity: Identity
    jurisdiction: str = "EU"
    language: str = "en"
    erasure_grounds: frozenset[str] = frozenset()
    evidence: tuple[EvidenceRow, ...] = ()
    reference: str = ""
    letter_date: date = field(default_factory=date.today)
    due: date | None = None
    original_date: date | None = None
    original_due: date | None = None
    original_types: frozenset[str] = frozenset()
    authority: Authority | None = None
    region: str | None = None

    def __post_init__(self) -> None:
        _check(self)

    @property
    def entity_region(self) -> str:
        return self.region or REGION_OF[self.jurisdiction]

    @property
    def follow_up(self) -> FollowUp | None:
        """The kind of follow-up letter this is, or None for a first request."""
        return FollowUp(next(iter(self.types))) if self.types & set(FOLLOW_UPS) else None


def _check(req: LetterRequest) -> None:
    if req.jurisdiction not in REGION_OF:
        raise ValueError(f"unknown jurisdiction {req.jurisdiction!r}")
    if req.language not in LANGUAGES:
        raise ValueError(
            f"unsupported language {req.language!r}; expected one of {Language.values()}"
        )
    unknown = set(req.types) - set(RIGHTS) - set(FOLLOW_UPS)
    if unknown or not req.types:
        raise ValueError(f"bad letter types {sorted(req.types)}")
    if set(req.types) & set(FOLLOW_UPS) and len(req.types) != 1:
        raise ValueError("a reminder or complaint is a letter of its own")
    if set(req.erasure_grounds) - set(GROUNDS):
        raise ValueError(f"erasure grounds must be among {Ground.values()}")
    if req.follow_up and (req.original_date is None or req.original_due is None):
        raise ValueError("a reminder or complaint needs original_date and original_due")
    if req.follow_up == FollowUp.COMPLAINT and req.authority is None:
        raise ValueError("a complaint needs the authority it is addressed to")
