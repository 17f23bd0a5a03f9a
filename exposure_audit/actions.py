"""What the user does with an audit, the same for the command line and the app."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from exposure_audit import storage
from exposure_audit.audit import locking
from exposure_audit.audit.store import Audit, FindingRow, Reference, RejectedSelfie
from exposure_audit.clean import CleanOptions
from exposure_audit.errors import UserMistake
from exposure_audit.faces.enrollment import (
    Remark,
    Selfie,
    SelfieReport,
    assess_selfie,
    check_agreement,
)
from exposure_audit.i18n import _
from exposure_audit.rights import evidence, tracker
from exposure_audit.rights.letters import Identity, LetterRequest
from exposure_audit.vocabulary import BlurMode, Channel, Decision, FollowUp, RequestChange

# Called with each selfie's report as soon as it is assessed, before the selfies are compared.
Assessed = Callable[[SelfieReport], None]


def enroll_selfies(
    audit: Audit,
    selfies: list[Selfie],
    *,
    all_me: bool = False,
    all_or_nothing: bool = False,
    on_assessed: Assessed | None = None,
) -> list[SelfieReport]:
    """Judge ``selfies`` together with the enrolled ones and keep every verdict.

    Usable selfies become references; the others are kept with their verdict (without an
    encoding), so they stay visible. With ``all_or_nothing`` nothing is kept unless all are
    usable. Returns the reports of ``selfies``, then of enrolled
    selfies that the new ones set aside. ``on_assessed`` is as for ``judge``.
    """
    reports, others = judge(audit, selfies, all_me=all_me, on_assessed=on_assessed)
    if all_or_nothing and not all(report.usable for report in reports + others):
        return reports
    for report in others + reports:
        keep(audit, report)
    return reports + [r for r in others if not r.usable]


def judge(
    audit: Audit,
    selfies: list[Selfie],
    *,
    all_me: bool = False,
    on_assessed: Assessed | None = None,
) -> tuple[list[SelfieReport], list[SelfieReport]]:
    """Reports on ``selfies`` and on the already enrolled ones, nothing stored yet.

    A selfie assessed before (the same SHA-256 of its bytes) is not assessed again.
    ``on_assessed`` gets each selfie's report once its face is judged; whether it looks like
    the other selfies is not known yet then, so only its ``problems`` are final.
    """
    enrolled = {r.sha256: r for r in audit.references()}
    rejected = {r.sha256: r for r in audit.rejected_selfies()}
    reports: dict[str, SelfieReport] = {}
    for selfie in selfies:
        sha256 = hashlib.sha256(selfie.data).hexdigest()
        if sha256 in reports:
            continue
        report = _remembered(sha256, selfie.name, enrolled, rejected)
        if report is None:
            report = assess_selfie(selfie.data, selfie.name)
        report.origin = selfie.origin
        reports[sha256] = report
        if on_assessed is not None:
            on_assessed(report)
    others = [_from_reference(r) for r in enrolled.values() if r.sha256 not in reports]
    check_agreement(others + list(reports.values()), all_me=all_me)
    return list(reports.values()), others


def needs_assessment(audit: Audit, selfies: list[Selfie]) -> bool:
    """Whether any of ``selfies`` has not been assessed before (its face must be found)."""
    enrolled = {r.sha256: r for r in audit.references()}
    rejected = {r.sha256: r for r in audit.rejected_selfies()}
    return any(
        _remembered(hashlib.sha256(s.data).hexdigest(), s.name, enrolled, rejected) is None
        for s in selfies
    )


def keep(audit: Audit, report: SelfieReport) -> None:
    """Store a verdict: a usable selfie as a reference, any other with its verdict only."""
    if report.usable:
        assert report.encoding is not None
        assert report.box is not None
        audit.add_reference(
            report.name, report.sha256, report.encoding, report.box, report.to_dict()
        )
    else:
        audit.reject_selfie(report.name, report.sha256, report.to_dict(), report.origin)


def _remembered(
    sha256: str, name: str, enrolled: dict[str, Reference], rejected: dict[str, RejectedSelfie]
) -> SelfieReport | None:
    """The stored assessment of these bytes, or None when they must be assessed."""
    if sha256 in enrolled:
        report = _from_reference(enrolled[sha256])
        report.name = name
        return report
    verdict = rejected[sha256].verdict if sha256 in rejected else None
    if not verdict or not verdict.get("problems"):  # set aside for disagreeing: needs its face
        return None
    box = verdict.get("box")
    return SelfieReport(
        name=name,
        sha256=sha256,
        box=tuple(box) if box else None,
        sharpness=verdict.get("sharpness"),
        face_count=int(verdict.get("face_count") or 0),
        problems=[Remark.from_stored(p) for p in verdict["problems"]],
        notes=_kept_notes(verdict.get("notes")),
    )


def _from_reference(reference: Reference) -> SelfieReport:
    quality = reference.quality
    return SelfieReport(
        name=reference.label,
        sha256=reference.sha256,
        box=reference.box,
        encoding=reference.encoding,
        sharpness=quality.get("sharpness"),
        face_count=int(quality.get("face_count") or 1),
        notes=_kept_notes(quality.get("notes")),
    )


def _kept_notes(stored: object) -> list[Remark]:
    """Stored notes without those from comparing selfies: they are worked out again."""
    notes = [Remark.from_stored(n) for n in stored] if isinstance(stored, list) else []
    return [n for n in notes if not n.code.compares]


def decide(audit: Audit, face_ids: Iterable[int], decision: Decision | None) -> None:
    """Record that the faces are the user's, are not, or (None / undecided) clear the decision."""
    for face_id in face_ids:
        audit.set_decision(face_id, decision)


@dataclass(frozen=True)
class DecideResult:
    """How many faces changed, and which of the named locations matched no finding."""

    changed: int
    unknown: tuple[str, ...]


def _by_location(rows: list[FindingRow]) -> dict[str, list[FindingRow]]:
    """Findings by their location, also reachable as "<source>/<location>" for folder sources."""
    out: dict[str, list[FindingRow]] = {}
    for row in rows:
        out.setdefault(row.location, []).append(row)
        if row.source and not row.location.startswith(row.source):
            out.setdefault(f"{row.source}/{row.location}", []).append(row)
    return out


def _by_photo(rows: list[FindingRow]) -> list[list[FindingRow]]:
    out: dict[tuple[str, str], list[FindingRow]] = {}
    for row in rows:
        out.setdefault((row.source, row.location), []).append(row)
    return list(out.values())


def decide_at(
    audit: Audit, decision: Decision, locations: Iterable[str] | None = None
) -> DecideResult:
    """Set ``decision`` on the findings at ``locations`` (every finding when None).

    A photo shows its owner once: "that's me" marks the nearest matched face of each photo and
    leaves the others as they were; "not me" and undecided apply to every matched face there.
    """
    decision = Decision.parse(decision, "decision")
    rows = audit.findings()
    unknown: tuple[str, ...] = ()
    if locations is None:
        groups = _by_photo(rows)
    else:
        index = _by_location(rows)
        wanted = list(dict.fromkeys(locations))
        unknown = tuple(place for place in wanted if place not in index)
        groups = [index[place] for place in wanted if place in index]
    stored = None if decision == Decision.UNDECIDED else decision
    changed = 0
    for group in groups:
        chosen = [min(group, key=lambda r: r.distance)] if decision == Decision.ME else group
        for row in chosen:
            if row.decision != stored:
                audit.set_decision(row.face_id, stored)
                changed += 1
    return DecideResult(changed, unknown)


def record_letter(
    audit: Audit,
    letter: LetterRequest,
    sent_on: date,
    channel: str = Channel.EMAIL,
    request_id: int | None = None,
) -> int:
    """Record a letter as sent: a first request becomes a tracked request (its id is returned);
    a reminder or complaint is noted on the request ``request_id`` it follows up, an answer to
    a reply is recorded with that reply."""
    if letter.follow_up is not None:
        if request_id is None:
            raise UserMistake(_("a reminder or complaint belongs to a tracked request: name it"))
        if letter.follow_up == FollowUp.REPLY:
            # The reply and the answer to it are recorded together, when the answer goes out.
            tracker.record_reply(
                audit,
                request_id,
                str(letter.reply_kind),
                letter.reply_date,
                letter.missing,
                follow_up_on=sent_on,
            )
            return request_id
        if letter.follow_up == FollowUp.REMINDER:
            change = RequestChange.REMINDER_SENT
        elif letter.authority is None:  # UK: the complaint goes to the controller first
            change = RequestChange.CONTROLLER_COMPLAINT_SENT
        else:
            change = RequestChange.COMPLAINT_SENT
        change_request(audit, request_id, change, sent_on)
        return request_id
    return tracker.record_request(
        audit,
        letter.controller.slug,
        letter.types,
        letter.jurisdiction,
        letter.language,
        channel,
        sent_on,
        reference=letter.reference,
        region=letter.entity_region,
        grounds=letter.erasure_grounds,
        # The tracker keeps the annex as sent, without thumbnails.
        evidence=[replace(row, thumbnail_jpeg=None) for row in letter.evidence],
    )


def change_request(
    audit: Audit,
    request_id: int,
    change: RequestChange,
    on: date,
    *,
    until: date | None = None,
    channel: str = Channel.EMAIL,
) -> list[str]:
    """Record what happened to a tracked request on ``on``; what the person should know.

    ``until`` is the extended deadline (default: the legal maximum), announced on ``on``;
    ``channel`` is how a request recorded as sent went out. ``KeyError`` if there is no such
    request; ``UserMistake`` for an extension the law does not allow.
    """
    if change == RequestChange.SENT:
        moved = tracker.mark_sent(audit, request_id, on, channel)
        return [str(moved)] if moved is not None else []
    if change == RequestChange.EXTENDED:
        tracker.extend(audit, request_id, until, announced=on)
    elif change == RequestChange.REMINDER_SENT:
        tracker.mark_reminder_sent(audit, request_id, on)
    elif change == RequestChange.COMPLAINT_SENT:
        tracker.mark_complaint_sent(audit, request_id, on)
    elif change == RequestChange.CONTROLLER_COMPLAINT_SENT:
        tracker.mark_controller_complaint_sent(audit, request_id, on)
    elif change == RequestChange.ANSWERED:
        tracker.mark_answered(audit, request_id, on)
    elif change == RequestChange.CLOSED:
        tracker.mark_closed(audit, request_id, on)
    else:
        raise ValueError(f"unknown change {change!r}")
    return []


def save_identity(audit: Audit, identity: Identity) -> Identity:
    """Keep the requester's details for letters; returns them as saved."""
    evidence.save_identity(audit, identity)
    return identity


def forget(audit_path: Path) -> storage.Removal:
    """Remove the audit and everything kept for it (thumbnails, selfie crops, logs).

    Returns what was removed and what was left (a link placed beside the audit, say).

    Raises:
        EnvironmentProblem: another window or process has the audit open.
    """
    locking.acquire(audit_path)  # refuses while another process has the audit open
    try:
        return storage.forget_audit(audit_path)
    finally:
        locking.release(audit_path)


def clean_options(blur: BlurMode, audit_path: Path | None) -> CleanOptions:
    """How clean copies are made: with the audit's selfies to tell the user's face from others.

    No audit file (yet) means no selfies: with ``blur others`` every face is then blurred.

    Raises:
        EnvironmentProblem: the audit cannot be opened.
    """
    if blur == BlurMode.NONE or audit_path is None or not Path(audit_path).exists():
        return CleanOptions(blur)
    with Audit.open(audit_path, create=False) as audit:
        return CleanOptions(blur, audit.reference_matrix(), audit.threshold)
