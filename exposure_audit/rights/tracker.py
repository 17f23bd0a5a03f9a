"""The request tracker: what was sent to whom, when it is due, and what to do next."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import PurePosixPath
from typing import Any

from exposure_audit.audit.requests import StoredReply, StoredRequest
from exposure_audit.audit.store import Audit
from exposure_audit.errors import UserMistake
from exposure_audit.escaping import terminal_safe
from exposure_audit.i18n import _
from exposure_audit.rights.controllers import Authority, authority_for_country, load_authorities
from exposure_audit.rights.deadlines import (
    RequestState,
    check_extension,
    due_date,
    is_overdue,
    next_step,
    received_on,
)
from exposure_audit.rights.evidence import (
    controller_by_slug,
    encoding_guard,
    evidence_face_ids,
    evidence_for,
    load_identity,
    place_in_export,
)
from exposure_audit.rights.ics import DueEvent, ics_for_requests
from exposure_audit.rights.letters import LANGUAGES, EvidenceRow, LetterRequest
from exposure_audit.rights.letters.request import CCPA_MISSING
from exposure_audit.rights.letters.residence import authority_mismatch, residence_of
from exposure_audit.rights.numbering import reference_for
from exposure_audit.vocabulary import (
    Channel,
    FollowUp,
    Jurisdiction,
    MissingItem,
    NextStep,
    ReplyKind,
    RequestStage,
    Right,
)

# The dates a request's listing (``RequestStatus.as_dict``) shows, in the order they happen.
DATE_FIELDS = (
    "sent_on",
    "received_on",
    "due_on",
    "extended_to",
    "reminder_on",
    "complaint_on",
    "answered_on",
    "closed_on",
    "controller_complaint_on",
)


@dataclass(frozen=True)
class Reply:
    """A controller's reply that was not compliance, as the person picked it, and the
    follow-up written to it.

    ``received_on`` is the reply's date as given (None when none was); ``due_on`` is the
    follow-up's deadline: the request's own (see ``record_reply``).
    """

    id: int
    request_id: int
    kind: ReplyKind
    received_on: date | None
    missing: tuple[MissingItem, ...]
    follow_up_on: date | None
    due_on: date | None


@dataclass(frozen=True)
class TrackedRequest:
    """One recorded request, as stored; dates are None until they happen."""

    id: int
    controller: str
    types: tuple[str, ...]
    jurisdiction: str
    region: str
    language: str
    grounds: tuple[str, ...]
    channel: str | None
    reference: str
    sent_on: date | None
    received_on: date | None
    due_on: date | None
    extended_to: date | None
    reminder_on: date | None
    complaint_on: date | None
    answered_on: date | None
    closed_on: date | None
    status: str
    evidence: tuple[EvidenceRow, ...]
    notes: str | None
    controller_complaint_on: date | None = None
    replies: tuple[Reply, ...] = ()
    recorded_at: str = ""  # when the request was recorded (ISO, UTC)
    sources_seen: int = 0  # the highest source id the audit knew then (see ``deletion_check``)

    @property
    def due(self) -> date | None:
        """The deadline in force: the extended one if the controller extended it."""
        return self.extended_to or self.due_on

    def state(self) -> RequestState | None:
        """The deadline rules' view of this request (None while it is a draft)."""
        if self.received_on is None:
            return None
        return RequestState(
            received=self.received_on,
            jurisdiction=self.jurisdiction,
            extended=self.extended_to is not None,
            answered=self.status in (RequestStage.ANSWERED, RequestStage.CLOSED),
            reminder_sent=self.reminder_on,
            complaint_sent=self.complaint_on,
            country=self.controller_country,
            types=self.types,
        )

    @property
    def controller_country(self) -> str | None:
        """The country of the entity written to, whose public holidays move its deadline."""
        try:
            return controller_by_slug(self.controller).entity(self.region).country
        except UserMistake:  # a controller or region this version no longer bundles
            return None


@dataclass(frozen=True)
class RequestStatus:
    """A request with what it means today: overdue or not, and the next step."""

    request: TrackedRequest
    overdue: bool
    step: NextStep
    deletion: DeletionCheck | None = None

    def as_dict(self) -> dict[str, Any]:
        """Plain data for reports (no thumbnails, no encodings)."""
        req = self.request
        out: dict[str, Any] = {
            "id": req.id,
            "controller": req.controller,
            "types": list(req.types),
            "jurisdiction": req.jurisdiction,
            "channel": req.channel,
            "reference": req.reference,
            "status": req.status,
            "overdue": self.overdue,
            "next_step": self.step,
            "photos": len(req.evidence),
        }
        if self.deletion is not None:
            out["deletion_checked_on"] = self.deletion.checked_on.isoformat()
            out["gone"] = len(self.deletion.gone)
            out["remaining"] = [row.sha256 for row in self.deletion.remaining]
        for name in (*DATE_FIELDS, "due"):
            value = getattr(req, name)
            out[name] = value.isoformat() if value else None
        out["replies"] = [
            {
                "kind": reply.kind,
                "received_on": _iso(reply.received_on),
                "missing": list(reply.missing),
                "follow_up_on": _iso(reply.follow_up_on),
                "due_on": _iso(reply.due_on),
            }
            for reply in req.replies
        ]
        return out


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


# -- recording -------------------------------------------------------------------------------


def record_request(
    audit: Audit,
    controller: str,
    types: Iterable[str],
    jurisdiction: str,
    language: str,
    channel: str | None,
    sent_on: date | datetime | None,
    face_ids: Iterable[int] = (),
    reference: str = "",
    *,
    region: str | None = None,
    grounds: Iterable[str] = (),
    evidence: Iterable[EvidenceRow] | None = None,
) -> int:
    """Record a request (a draft when ``sent_on`` is None); returns its id.

    The due date follows from the channel and the jurisdiction (see ``deadlines``). The evidence
    annex is kept as sent, so reminders repeat it even if the audit changes later.
    """
    kinds = _checked_types(types)
    area = region or Jurisdiction.parse(jurisdiction, "jurisdiction").region
    controller_by_slug(controller).entity(area)
    if reference and audit.request_reference_taken(reference):
        reference = ""  # another request took it since the letter was drafted
    faces = sorted(set(face_ids)) or evidence_face_ids(audit, controller, area)
    if evidence is None:
        evidence = evidence_for(audit, controller, area, face_ids=faces)
    rows = list(evidence)
    request_id = audit.add_request(
        {
            "controller": controller,
            "types": ",".join(kinds),
            "jurisdiction": jurisdiction,
            "region": area,
            "language": language,
            "grounds": ",".join(sorted(grounds)),
            "reference": reference,
            "evidence": _evidence_json(rows),
        },
        faces,
    )
    if not reference:
        _set(audit, request_id, reference=reference_for(request_id, sent_on or date.today()))
    if sent_on is not None:
        mark_sent(audit, request_id, sent_on, channel or Channel.EMAIL)
    return request_id


@dataclass(frozen=True)
class DueMoved:
    """Recording the sending again moved the deadline away from the one the letter names."""

    letter_due: date
    due: date

    def __str__(self) -> str:
        return _(
            "The deadline is now {due}, counted from when the letter was sent; the letter itself"
            " names {letter_due}. The law counts from receipt, so the new date holds; if the"
            " letter has not gone out yet, write it again so that it names the new date."
        ).format(due=self.due.isoformat(), letter_due=self.letter_due.isoformat())


def mark_sent(
    audit: Audit, request_id: int, sent_on: date | datetime, channel: str
) -> DueMoved | None:
    """Record when and how a request went out; computes receipt and due date.

    Returns what moved when the request had a due date already (the one its letter names).
    """
    Channel.parse(channel, "channel")
    req = get_request(audit, request_id)
    entity = controller_by_slug(req.controller).entity(req.region)
    received = received_on(sent_on, channel, entity.timezone)
    day = sent_on.date() if isinstance(sent_on, datetime) else sent_on
    due = due_date(received, req.jurisdiction, country=entity.country, types=req.types)
    _set(
        audit,
        request_id,
        sent_on=day,
        received_on=received,
        channel=channel,
        status=RequestStage.SENT,
        due_on=due,
    )
    if req.due_on is not None and req.due_on != due:
        return DueMoved(req.due_on, due)
    return None


def extend(
    audit: Audit, request_id: int, until: date | None = None, announced: date | None = None
) -> date:
    """Record that the controller extended the deadline (to ``until``, or the legal maximum),
    in a notice of ``announced`` (default: today).

    Raises:
        UserMistake: the request was not sent, or the extension is longer or later than the
            law allows (see ``deadlines.check_extension``).
    """
    req = get_request(audit, request_id)
    if req.received_on is None:
        raise UserMistake(
            _("Request {number} has not been sent yet: nothing to extend.").format(
                number=request_id
            )
        )
    country = req.controller_country
    longest = due_date(
        req.received_on, req.jurisdiction, extended=True, country=country, types=req.types
    )
    new = until or longest
    check_extension(
        req.received_on,
        req.jurisdiction,
        new,
        announced or date.today(),
        country=country,
        types=req.types,
    )
    _set(audit, request_id, extended_to=new)
    return new


def mark_controller_complaint_sent(audit: Audit, request_id: int, on: date) -> None:
    """A UK complaint to the controller itself (s. 164A DPA 2018), before one to the ICO."""
    _set(audit, request_id, controller_complaint_on=on)


def mark_reminder_sent(audit: Audit, request_id: int, on: date) -> None:
    _set(audit, request_id, reminder_on=on)


def mark_complaint_sent(audit: Audit, request_id: int, on: date) -> None:
    _set(audit, request_id, complaint_on=on)


def mark_answered(audit: Audit, request_id: int, on: date) -> None:
    _set(audit, request_id, answered_on=on, status=RequestStage.ANSWERED)


def record_reply(
    audit: Audit,
    request_id: int,
    kind: str,
    received_on: date | None,
    missing: Iterable[str] = (),
    follow_up_on: date | None = None,
) -> Reply:
    """Record what came back instead of compliance, and the follow-up sent on ``follow_up_on``.

    The follow-up's deadline is the request's own deadline in force. Art. 12(3) GDPR counts
    one month (at most two more, announced within the first) from receipt of the request; a
    reply that is not compliance neither stops nor restarts it, and the follow-up asks for
    nothing new, so it opens no period of its own. The same holds for the 45 days of the CCPA,
    which run "regardless of time required to verify the request" (CCPA Regulations §7021(b)).
    Where a controller's reasonable doubt about identity is accepted (Art. 12(6)) nothing is
    recorded here: the follow-up refuses an ID copy, so the deadline stays as it was.

    Raises:
        UserMistake: the request was not sent, the reply is older than it, or the kind and
            missing items do not fit the request.
    """
    req = get_request(audit, request_id)
    reply = ReplyKind.parse(kind, "kind of reply")
    if reply == ReplyKind.NO_ANSWER:
        raise UserMistake(_("No answer is not a reply: write the reminder, then the complaint."))
    if req.sent_on is None:
        raise UserMistake(
            _("Request {number} has not been sent yet: nothing can have answered it.").format(
                number=request_id
            )
        )
    if received_on is not None and received_on < req.sent_on:
        raise UserMistake(
            _("A reply of {reply} cannot answer request {number}, sent on {sent}.").format(
                reply=received_on.isoformat(), number=request_id, sent=req.sent_on.isoformat()
            )
        )
    items = checked_missing(req, reply, missing)
    reply_id = audit.add_reply(
        {
            "request_id": request_id,
            "kind": reply.value,
            "received_on": received_on,
            "missing": ",".join(items),
            "follow_up_on": follow_up_on,
            "due_on": req.due if follow_up_on else None,
        }
    )
    return next(r for r in get_request(audit, request_id).replies if r.id == reply_id)


def checked_missing(
    req: TrackedRequest, kind: ReplyKind, missing: Iterable[str]
) -> tuple[MissingItem, ...]:
    """The missing items of a partial answer, in the order of Art. 15 (UserMistake if unfit)."""
    wanted = set(missing)
    unknown = wanted - set(MissingItem)
    if unknown:
        raise UserMistake(
            _("Unknown missing item {items}; choose among {choices}.").format(
                items=", ".join(sorted(unknown)), choices=", ".join(MissingItem.values())
            )
        )
    if kind != ReplyKind.PARTIAL:
        if wanted:
            raise UserMistake(_("Missing items belong to a partial answer only."))
        return ()
    if "access" not in req.types:
        raise UserMistake(
            _(
                "A partial answer lists what is missing of an access request; request {number}"
                " asked for no access."
            ).format(number=req.id)
        )
    if not wanted:
        raise UserMistake(_("A partial answer: name what is missing."))
    if req.jurisdiction == Jurisdiction.CCPA and wanted - CCPA_MISSING:
        raise UserMistake(
            _(
                "Under the CCPA the right to know has no item {items}; choose among {choices}."
            ).format(
                items=", ".join(sorted(wanted - CCPA_MISSING)),
                choices=", ".join(m for m in MissingItem.values() if m in CCPA_MISSING),
            )
        )
    return tuple(m for m in MissingItem if m in wanted)


def mark_closed(audit: Audit, request_id: int, on: date) -> None:
    _set(audit, request_id, closed_on=on, status=RequestStage.CLOSED)


def set_notes(audit: Audit, request_id: int, notes: str) -> None:
    _set(audit, request_id, notes=notes)


def delete_request(audit: Audit, request_id: int) -> None:
    audit.delete_request(request_id)


def _set(audit: Audit, request_id: int, **values: Any) -> None:
    get_request(audit, request_id)
    audit.update_request(request_id, values)


def _checked_types(types: Iterable[str]) -> list[Right]:
    kinds = [t for t in Right if t in set(types)]
    unknown = set(types) - set(Right)
    if unknown or not kinds:
        raise UserMistake(
            _("request types must be among {types}").format(types=", ".join(Right.values()))
        )
    return kinds


def _evidence_json(rows: Iterable[EvidenceRow]) -> str:
    return json.dumps(
        [[r.platform, r.url_or_id, r.location, r.date, r.sha256] for r in rows], ensure_ascii=False
    )


# -- reading ---------------------------------------------------------------------------------


def get_request(audit: Audit, request_id: int) -> TrackedRequest:
    """One request; ``UserMistake`` if there is none with that id."""
    stored = audit.request(request_id)
    if stored is None:
        raise UserMistake(_("no request with id {id}").format(id=request_id))
    return _request(stored, [_reply(r) for r in audit.replies(request_id)])


def all_requests(audit: Audit) -> list[TrackedRequest]:
    replies: dict[int, list[Reply]] = {}
    for stored in audit.replies():
        replies.setdefault(stored.request_id, []).append(_reply(stored))
    return [_request(req, replies.get(req.id, [])) for req in audit.all_requests()]


def _reply(stored: StoredReply) -> Reply:
    return Reply(
        stored.id,
        stored.request_id,
        ReplyKind(stored.kind),
        stored.received_on,
        tuple(MissingItem(m) for m in stored.missing),
        stored.follow_up_on,
        stored.due_on,
    )


def request_face_ids(audit: Audit, request_id: int) -> list[int]:
    return audit.request_face_ids(request_id)


def _request(stored: StoredRequest, replies: list[Reply]) -> TrackedRequest:
    return TrackedRequest(
        id=stored.id,
        controller=stored.controller,
        types=stored.types,
        jurisdiction=stored.jurisdiction,
        region=stored.region,
        language=stored.language,
        grounds=stored.grounds,
        channel=stored.channel,
        reference=stored.reference,
        sent_on=stored.sent_on,
        received_on=stored.received_on,
        due_on=stored.due_on,
        extended_to=stored.extended_to,
        reminder_on=stored.reminder_on,
        complaint_on=stored.complaint_on,
        answered_on=stored.answered_on,
        closed_on=stored.closed_on,
        status=stored.status,
        evidence=tuple(EvidenceRow(*cells) for cells in stored.evidence),
        notes=stored.notes,
        controller_complaint_on=stored.controller_complaint_on,
        replies=tuple(replies),
        recorded_at=stored.created_at,
        sources_seen=stored.sources_seen,
    )


def status_of(req: TrackedRequest, today: date) -> RequestStatus:
    """Overdue flag and next step."""
    state = req.state()
    if req.status == RequestStage.CLOSED:
        return RequestStatus(req, False, NextStep.DONE)
    if state is None:
        return RequestStatus(req, False, NextStep.SEND)
    overdue = not state.answered and is_overdue(state.due, today)
    return RequestStatus(req, overdue, next_step(state, today))


def list_requests(audit: Audit, today: date | None = None) -> list[RequestStatus]:
    """Every request with its status on ``today``."""
    day = today or date.today()
    return [
        replace(status_of(req, day), deletion=deletion_check(audit, req))
        for req in all_requests(audit)
    ]


# -- follow-up letters -----------------------------------------------------------------------


class ResidenceUnknown(UserMistake):
    """The address does not say which authority is competent: the person must name it."""


def _follow_up(
    audit: Audit,
    req: TrackedRequest,
    kind: FollowUp,
    today: date,
    authority: Authority | None,
    language: str | None,
    no_court_case: bool = False,
    **reply: Any,
) -> LetterRequest:
    identity = load_identity(audit)
    if identity is None:
        raise UserMistake(_("enter your name, address and e-mail first (identity)"))
    if req.sent_on is None or req.due is None:
        raise UserMistake(_("request {id} has not been sent yet").format(id=req.id))
    check = deletion_check(audit, req)
    return LetterRequest(
        types=frozenset({kind}),
        controller=controller_by_slug(req.controller),
        identity=identity,
        jurisdiction=req.jurisdiction,
        language=language or req.language,
        erasure_grounds=frozenset(req.grounds),
        evidence=req.evidence,
        reference=req.reference,
        letter_date=today,
        original_date=req.sent_on,
        original_due=req.due,
        original_types=frozenset(req.types),
        authority=authority,
        region=req.region,
        encoding_guard=encoding_guard(audit),
        channel=req.channel,
        reminder_date=req.reminder_on,
        controller_complaint_date=req.controller_complaint_on,
        remaining=check.remaining if check else (),
        later_export_date=check.checked_on if check else None,
        later_export_platforms=check.platforms if check else (),
        no_court_case=no_court_case,
        **reply,
    )


def reminder_for(
    audit: Audit, req: TrackedRequest, today: date | None = None, language: str | None = None
) -> LetterRequest:
    """The reminder for an overdue request: it cites the request and the deadline that passed."""
    authority = _residence_authority(audit, req, None, required=False)
    return _follow_up(audit, req, FollowUp.REMINDER, today or date.today(), authority, language)


def complaint_for(
    audit: Audit,
    req: TrackedRequest,
    today: date | None = None,
    country: str | None = None,
    language: str | None = None,
    *,
    no_court_case: bool = False,
) -> LetterRequest:
    """The complaint, by default to the authority where the person lives, in its language.

    ``country`` ("IE", "DE-BE", "US-CA") overrides what the address says. Under UK law the
    first complaint goes to the controller itself (s. 164A DPA 2018), then to the ICO.
    ``ResidenceUnknown`` when the address does not name the country (or German Land).
    ``no_court_case``: the person confirmed that no court was seized; the complaint says so.
    """
    day = today or date.today()
    if req.jurisdiction == Jurisdiction.UK and req.controller_complaint_on is None and not country:
        return _follow_up(audit, req, FollowUp.COMPLAINT, day, None, language)
    authority = _residence_authority(audit, req, country, required=True)
    chosen = language or _language_of(authority)
    return _follow_up(audit, req, FollowUp.COMPLAINT, day, authority, chosen, no_court_case)


def reply_letter_for(
    audit: Audit,
    req: TrackedRequest,
    kind: str,
    received_on: date | None = None,
    missing: Iterable[str] = (),
    today: date | None = None,
    language: str | None = None,
    country: str | None = None,
) -> LetterRequest:
    """The next letter after what came back (``kind``, a ``ReplyKind``) on ``received_on``.

    No answer at all: the reminder, and once a reminder was sent, the complaint (``country``
    and ``ResidenceUnknown`` as for ``complaint_for``). Any other kind: a letter to the
    controller citing the rule its reply ignores; ``missing`` names what a partial answer left
    out. ``UserMistake`` when the kind or the items do not fit the request.
    """
    reply = ReplyKind.parse(kind, "kind of reply")
    day = today or date.today()
    if reply == ReplyKind.NO_ANSWER:
        if req.reminder_on is None:
            return reminder_for(audit, req, day, language)
        return complaint_for(audit, req, day, country, language)
    if req.sent_on is None:
        raise UserMistake(
            _("Request {number} has not been sent yet: nothing can have answered it.").format(
                number=req.id
            )
        )
    items = checked_missing(req, reply, missing)
    authority = _residence_authority(audit, req, None, required=False)
    return _follow_up(
        audit,
        req,
        FollowUp.REPLY,
        day,
        authority,
        language,
        reply_kind=reply,
        reply_date=received_on,
        missing=frozenset(items),
        first_request=_first_to(audit, req),
    )


def _first_to(audit: Audit, req: TrackedRequest) -> bool:
    """No other request to the same controller was recorded as sent before this one."""
    assert req.sent_on is not None
    return not any(
        other.id != req.id
        and other.controller == req.controller
        and other.sent_on is not None
        and (other.sent_on, other.id) < (req.sent_on, req.id)
        for other in all_requests(audit)
    )


def _language_of(authority: Authority | None) -> str | None:
    lang = authority.complaint_language if authority else None
    return lang if lang in LANGUAGES else None


def complaint_authority(audit: Audit, req: TrackedRequest, country: str | None = None) -> Authority:
    """The authority a complaint about ``req`` goes to (see ``complaint_for``)."""
    authority = _residence_authority(audit, req, country, required=True)
    assert authority is not None
    return authority


def _residence_authority(
    audit: Audit, req: TrackedRequest, country: str | None, *, required: bool
) -> Authority | None:
    if country:
        problem = authority_mismatch(country, req.jurisdiction)
        if problem:
            raise UserMistake(
                _("--country {country}: {problem}").format(country=country, problem=problem)
            )
        return authority_for_country(country)
    if req.jurisdiction == Jurisdiction.UK:
        return authority_for_country("GB")
    if req.jurisdiction == Jurisdiction.CCPA:
        return authority_for_country("US-CA")
    identity = load_identity(audit)
    key = residence_of(identity.postal_address).authority_key if identity else None
    if key is not None and key in load_authorities():
        problem = authority_mismatch(key, req.jurisdiction)
        if problem is None:
            return load_authorities()[key]
        if required:
            raise ResidenceUnknown(
                _("your address points to {key}, but {problem}").format(key=key, problem=problem)
            )
        return None
    if required:
        raise ResidenceUnknown(
            _(
                "your address does not say which supervisory authority is yours; name it with a "
                "country code such as IE, FR or, in Germany, the Land such as DE-BE"
            )
        )
    return None


# -- did they delete it? ---------------------------------------------------------------------


@dataclass(frozen=True)
class DeletionCheck:
    """An erasure request's items compared with a newer export of the same platform.

    Only items of a platform that was exported again are judged, each by its place or id in
    that platform's export (a re-encoded copy elsewhere does not count): ``unchecked`` are the
    items of platforms with no newer export, neither gone nor remaining.
    """

    checked_on: date
    gone: tuple[EvidenceRow, ...]
    remaining: tuple[EvidenceRow, ...]
    platforms: tuple[str, ...] = ()
    unchecked: tuple[EvidenceRow, ...] = ()


def _platform_key(name: str | None) -> str:
    return (name or "").split()[0].lower() if (name or "").split() else ""


def deletion_check(audit: Audit, req: TrackedRequest) -> DeletionCheck | None:
    """Which named items a later export of their own platform still holds; None before any.

    Only exports added to the audit after the request was recorded count: an old export
    scanned again still shows what was there before the request.
    """
    if "erasure" not in req.types or req.sent_on is None or not req.evidence:
        return None
    created, seen = req.recorded_at, req.sources_seen
    wanted = {_platform_key(r.platform) for r in req.evidence}
    owned = set(controller_by_slug(req.controller).platforms)
    later = [
        source
        for source, added in audit.exports_added_since(created)
        if (source.id > seen or added > created)
        and _platform_key(source.platform) in wanted & owned
    ]
    if not later:
        return None
    present: set[tuple[str, str]] = set()
    for source in later:
        key = _platform_key(source.platform)
        for path, location, context in audit.places_in_source(source.id):
            present.add((key, terminal_safe(place_in_export(path, location, context))))
            if context.get("url"):
                present.add((key, terminal_safe(str(context["url"]))))
    rechecked = {_platform_key(s.platform) for s in later}
    judged = [r for r in req.evidence if _platform_key(r.platform) in rechecked]
    remaining = tuple(r for r in judged if _still_there(r, present))
    gone = tuple(r for r in judged if not _still_there(r, present))
    unchecked = tuple(r for r in req.evidence if _platform_key(r.platform) not in rechecked)
    scanned = [s.last_scanned_at for s in later if s.last_scanned_at]
    checked = date.fromisoformat(max(scanned)[:10]) if scanned else date.today()
    names = tuple(dict.fromkeys(str(s.platform) for s in later))
    return DeletionCheck(checked, gone, remaining, names, unchecked)


def _still_there(row: EvidenceRow, present: set[tuple[str, str]]) -> bool:
    key = _platform_key(row.platform)
    by_id = row.url_or_id != PurePosixPath(row.location).name  # a URL or id, not a file name
    return (key, row.location) in present or (by_id and (key, row.url_or_id) in present)


# -- calendar --------------------------------------------------------------------------------


def due_events(audit: Audit) -> list[DueEvent]:
    """One all-day event per sent request, on the deadline in force."""
    events = []
    for req in all_requests(audit):
        if req.due is None:
            continue
        name = controller_by_slug(req.controller).name
        events.append(
            DueEvent(
                uid=f"request-{req.id}-{req.reference}@exposure-audit",
                title=f"Answer due: {name} ({req.reference})",
                due=req.due,
                description=f"{', '.join(req.types)} under {req.jurisdiction}, sent "
                f"{req.sent_on} by {req.channel}; status {req.status}.",
            )
        )
    return events


def ics(audit: Audit, now: datetime | None = None) -> str:
    """The due dates of every sent request as an iCalendar file."""
    return ics_for_requests(due_events(audit), now)
