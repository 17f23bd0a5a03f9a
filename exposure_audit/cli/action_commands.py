"""What the letter, report, identity and requests commands do (parsers in ``action_parsers``)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

from exposure_audit import actions, storage
from exposure_audit.audit.store import Audit
from exposure_audit.cli.usage import UsageError
from exposure_audit.errors import EnvironmentProblem, UserMistake
from exposure_audit.escaping import terminal_safe
from exposure_audit.i18n import N_, _, ngettext
from exposure_audit.i18n.formats import format_number
from exposure_audit.private_files import write_private
from exposure_audit.report.build import FORMATS, write_report
from exposure_audit.rights import tracker
from exposure_audit.rights.evidence import (
    build_letter,
    load_identity,
    suggest_account_ids,
)
from exposure_audit.rights.letters import (
    Identity,
    LetterRequest,
    accounts_for,
    mailto_link,
    photo_path,
    render_eml,
    render_pdf,
    render_text,
)
from exposure_audit.rights.letters.render import REMINDER_DAYS
from exposure_audit.rights.letters.request import unattributed_accounts
from exposure_audit.rights.letters.residence import (
    LETTER_LANGUAGE,
    Residence,
    in_california,
    jurisdiction_of,
    residence_of,
)
from exposure_audit.rights.opt_out import opt_out_photo
from exposure_audit.vocabulary import (
    Decision,
    ExitCode,
    FollowUp,
    Jurisdiction,
    ReplyKind,
    RequestChange,
    reply_summary,
)

LETTER_FORMATS = (".pdf", ".txt", ".eml")


def _csv(text: str) -> list[str]:
    return [part.strip() for part in text.split(",") if part.strip()]


@contextmanager
def _opened(args: argparse.Namespace) -> Iterator[Audit]:
    """The existing audit (a request the core refuses raises ``UserMistake``: bad input)."""
    with Audit.open(args.audit or storage.default_audit_path(), create=False) as audit:
        yield audit


# -- letter ------------------------------------------------------------------------------------


def letter(args: argparse.Namespace) -> int:
    """Write a first request, reminder or complaint; optionally record it as sent."""
    if args.out.suffix.lower() not in LETTER_FORMATS:
        raise UsageError(
            _("--out must end with {suffixes}").format(suffixes=", ".join(LETTER_FORMATS))
        )
    types = _csv(args.type)
    with _opened(args) as audit:
        if set(types) & set(FollowUp):
            req = _follow_up_letter(audit, args, types)
        else:
            req = _first_letter(audit, args, types)
        _render(req, args)
        if args.record and not req.follow_up:
            _record(audit, args, req)
        elif args.record and args.request:
            _record_follow_up(audit, args.request, req)
    return ExitCode.OK


def _first_letter(audit: Audit, args: argparse.Namespace, types: list[str]) -> LetterRequest:
    if not args.controller:
        raise UsageError(_("name the controller with --controller"))
    req = build_letter(
        audit,
        args.controller,
        types,
        jurisdiction=_jurisdiction(audit, args),
        language=args.lang or "en",
        region=args.region,
        grounds=_csv(args.grounds),
        restriction_grounds=_csv(args.restrict),
        thumbnails=args.thumbnails,
        today=args.date,
        channel=args.channel,
        reference_photo=args.photo is not None,
        situation=args.situation,
    )
    if "objection" in types and not args.situation.strip() and not req.face_search:
        print(
            _(
                "note: without --situation the objection covers direct marketing only "
                "(Art. 21(2)); Art. 21(1) needs your particular situation in your words"
            ),
            file=sys.stderr,
        )
    if args.photo:
        req = replace(req, reference_photo_jpeg=_opt_out_photo(Path(args.photo)))
    elif args.photo is not None and args.out.suffix.lower() == ".eml":
        raise UsageError(_("an e-mail cannot enclose a photo it does not have: --photo FILE"))
    _notes(req)
    return req


def _opt_out_photo(path: Path) -> bytes:
    """The opt-out kit's photo made from the person's own ``path``."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise EnvironmentProblem(
            _("cannot read {path}: {reason}").format(path=path, reason=exc.strerror or exc)
        ) from exc
    return opt_out_photo(data)


def _jurisdiction(audit: Audit, args: argparse.Namespace) -> str:
    """The law the person's address points to, unless they chose another (then a warning)."""
    identity = load_identity(audit)
    home = residence_of(identity.postal_address) if identity else Residence(None)
    suggested = jurisdiction_of(home)
    chosen = str(args.jurisdiction or suggested or Jurisdiction.EU)
    if args.jurisdiction and suggested and args.jurisdiction != suggested:
        print(
            _(
                "warning: your address is in {place}, where {suggested} applies; this letter is "
                "written under {chosen} as you chose"
            ).format(
                place=home.region or home.country, suggested=suggested, chosen=args.jurisdiction
            ),
            file=sys.stderr,
        )
    language = LETTER_LANGUAGE.get(home.country or "")
    if args.lang is None and language and language != "en":
        print(
            _("note: you may prefer a letter in your language: --lang {language}").format(
                language=language
            ),
            file=sys.stderr,
        )
    return chosen


def _notes(req: LetterRequest) -> None:
    """What the person should know before sending: no annex, ids left out, CCPA residence."""
    if not req.evidence:
        print(_("note: no confirmed finding belongs to this controller; no annex"), file=sys.stderr)
    if not req.face_search and not accounts_for(req.identity, req.controller):
        left = unattributed_accounts(req.identity)
        if left:
            print(
                _(
                    "note: account ids that name no platform go into no letter: {ids} "
                    "(write them as e.g. 'Facebook user id=…')"
                ).format(ids=", ".join(left)),
                file=sys.stderr,
            )
    if req.jurisdiction == Jurisdiction.CCPA and not in_california(req.identity.postal_address):
        print(
            _(
                "warning: your address is not in California; the CCPA protects California "
                "residents, so the letter does not say that you live there"
            ),
            file=sys.stderr,
        )
    entity = req.controller.entity(req.entity_region)
    if not entity.verified and entity.note:
        print(_("check before sending: {note}").format(note=entity.note), file=sys.stderr)


def _follow_up_letter(audit: Audit, args: argparse.Namespace, types: list[str]) -> LetterRequest:
    if len(types) != 1 or args.request is None:
        raise UsageError(_("a reminder or complaint is a letter of its own and needs --request ID"))
    if types[0] == FollowUp.REPLY:
        raise UsageError(
            _("to answer a reply, use: requests --reply ID --kind KIND (--on, --missing, --out)")
        )
    req = tracker.get_request(audit, args.request)
    if types[0] == FollowUp.REMINDER:
        return tracker.reminder_for(audit, req, args.date, args.lang)
    try:
        letter = tracker.complaint_for(
            audit, req, args.date, args.country, args.lang, no_court_case=args.not_in_court
        )
    except tracker.ResidenceUnknown as exc:
        raise UsageError(_("{problem} (--country)").format(problem=exc)) from exc
    if letter.reminder_date is not None and letter.letter_date <= letter.reminder_date + timedelta(
        days=REMINDER_DAYS
    ):
        print(
            _(
                "note: the reminder of {date} gave the controller {days} days; the complaint "
                "says so and claims no outcome"
            ).format(date=letter.reminder_date, days=REMINDER_DAYS),
            file=sys.stderr,
        )
    wanted = letter.authority.complaint_language if letter.authority else None
    if wanted and wanted != letter.language:
        print(
            _(
                "note: {authority} takes complaints in '{wanted}'; this letter is in "
                "'{language}' (check its complaint form)"
            ).format(
                authority=letter.authority.name if letter.authority else "",
                wanted=wanted,
                language=letter.language,
            ),
            file=sys.stderr,
        )
    if letter.authority is None:
        print(
            _(
                "UK: this complaint goes to the controller first (s. 164A DPA 2018); record it "
                "with --record, then write the complaint to the ICO"
            ),
            file=sys.stderr,
        )
    return letter


def _render(req: LetterRequest, args: argparse.Namespace) -> None:
    _write_letter(req, args.out, args.thumbnails)


def _write_letter(req: LetterRequest, out: Path, thumbnails: bool = False) -> None:
    try:
        if out.suffix.lower() == ".pdf":
            render_pdf(req, out, include_thumbnails=thumbnails)
        elif out.suffix.lower() == ".eml":
            render_eml(req, out)
        else:
            write_private(out, render_text(req))
    except OSError as exc:
        raise EnvironmentProblem(
            _("cannot write {path}: {reason}").format(path=out, reason=exc.strerror or exc)
        ) from exc
    print(_("Written: {path}").format(path=out))
    if req.reference_photo_jpeg is not None:
        photo = photo_path(out)
        try:
            write_private(photo, req.reference_photo_jpeg)
        except OSError as exc:
            raise EnvironmentProblem(
                _("cannot write {path}: {reason}").format(path=photo, reason=exc.strerror or exc)
            ) from exc
        print(
            _(
                "Written: {path} (your face only, no EXIF: send it for the search, never an ID)"
            ).format(path=photo)
        )
    entity = req.controller.entity(req.entity_region)
    if req.to_controller and not entity.email and entity.webform:
        print(
            _("{company} takes requests through its web form: {address}").format(
                company=entity.name, address=entity.webform
            )
        )
    if out.suffix.lower() in (".eml", ".txt"):
        print(mailto_link(req))


def _record(audit: Audit, args: argparse.Namespace, req: LetterRequest) -> None:
    request_id = actions.record_letter(audit, req, req.letter_date, args.channel)
    saved = tracker.get_request(audit, request_id)
    print(
        _("Recorded request {id} ({reference}), answer due {due}").format(
            id=request_id, reference=saved.reference, due=saved.due
        )
    )


# A whole sentence per follow-up, so that each language words it its own way.
RECORDED_FOLLOW_UP = {
    FollowUp.REMINDER: N_("Recorded the reminder for request {id}"),
    FollowUp.COMPLAINT: N_("Recorded the complaint for request {id}"),
    FollowUp.REPLY: N_(
        "Recorded their reply to request {id} and your answer; answer due {due} (the request's"
        " own deadline)"
    ),
}


def _record_follow_up(audit: Audit, request_id: int, req: LetterRequest) -> None:
    actions.record_letter(audit, req, req.letter_date, request_id=request_id)
    print(_(RECORDED_FOLLOW_UP[FollowUp(req.follow_up)]).format(id=request_id))


# -- decide ----------------------------------------------------------------------------------


# What `decide` says it did, a whole sentence per decision so each language words it its own way.
DECIDED: dict[Decision, Callable[[int], str]] = {
    Decision.ME: lambda n: ngettext(
        "%(count)d face now marked as you", "%(count)d faces now marked as you", n
    ),
    Decision.NOT_ME: lambda n: ngettext(
        "%(count)d face now marked as not you", "%(count)d faces now marked as not you", n
    ),
    Decision.UNDECIDED: lambda n: ngettext(
        "%(count)d face now undecided", "%(count)d faces now undecided", n
    ),
}


def decide(args: argparse.Namespace) -> int:
    """Confirm or reject findings by location, or all at once."""
    if bool(args.locations) == bool(args.all):
        raise UsageError(_("name the LOCATIONs (as `findings` lists them) or give --all"))
    decision = Decision(args.decision)
    with _opened(args) as audit:
        result = actions.decide_at(audit, decision, None if args.all else args.locations)
    for place in result.unknown:
        print(_("no finding at {location}").format(location=place), file=sys.stderr)
    print(DECIDED[decision](result.changed) % {"count": result.changed})
    return ExitCode.BAD_INPUT if result.unknown and not result.changed else ExitCode.OK


# -- report, identity ----------------------------------------------------------------------


def report(args: argparse.Namespace) -> int:
    """Write the exposure report in the format the file name ends with."""
    suffix = args.out.suffix.lower().lstrip(".")
    if getattr(args, "one_page", False):
        return _one_page(args, suffix)
    if suffix not in FORMATS:
        raise UsageError(
            _("--out must end with {suffixes}").format(suffixes=", ".join(f".{f}" for f in FORMATS))
        )
    with _opened(args) as audit:
        path = write_report(audit, args.out, args.date, getattr(args, "paper", "A4"))
    print(_("Written: {path}").format(path=path))
    return ExitCode.OK


def _one_page(args: argparse.Namespace, suffix: str) -> int:
    from exposure_audit.report.takeaway import build_takeaway, write_takeaway

    if suffix != "pdf":
        raise UsageError(_("--one-page writes a PDF: --out must end with .pdf"))
    with _opened(args) as audit:
        takeaway = build_takeaway(audit, args.date, with_photos=args.photos)
    path = write_takeaway(takeaway, args.out, args.paper)
    print(
        _("Written: {path} (exposure score {score})").format(path=path, score=takeaway.score.score)
    )
    return 0


def identity(args: argparse.Namespace) -> int:
    """Show the saved identity, after applying any changes given."""
    with _opened(args) as audit:
        current = load_identity(audit)
        if _identity_changes(args):
            actions.save_identity(audit, _merged(audit, current, args))
            current = load_identity(audit)
    if current is None:
        print(_("No identity saved yet; set it with --name, --address, --email, --account."))
        return ExitCode.OK
    print(terminal_safe(_("Name: {name}").format(name=current.name)))
    for line in current.postal_address:
        print(terminal_safe(_("Address: {line}").format(line=line)))
    print(terminal_safe(_("E-mail: {address}").format(address=current.email or "-")))
    for key, value in current.account_ids.items():
        print(terminal_safe(_("Account: {key} = {value}").format(key=key, value=value)))
    return ExitCode.OK


def _identity_changes(args: argparse.Namespace) -> bool:
    return bool(args.name or args.address or args.email or args.account or args.suggest)


def _merged(audit: Audit, current: Identity | None, args: argparse.Namespace) -> Identity:
    name = args.name or (current.name if current else None)
    if not name:
        raise UsageError(_("set your name with --name first"))
    accounts = dict(current.account_ids) if current else {}
    if args.suggest:
        accounts = {**suggest_account_ids(audit), **accounts}
    for pair in args.account:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise UsageError(_("--account takes KEY=VALUE, not {pair!r}").format(pair=pair))
        accounts[key.strip()] = value.strip()
    address = tuple(args.address) if args.address else (current.postal_address if current else ())
    email = args.email or (current.email if current else None)
    return Identity(name, address, email, accounts)


# -- requests --------------------------------------------------------------------------------


def requests(args: argparse.Namespace) -> int:
    """Apply one tracker action, then list requests; optionally write the .ics."""
    today = args.today or date.today()
    on = args.on or today
    _check_reply_options(args)
    with _opened(args) as audit:
        if args.reply is not None:
            _answer_reply(audit, args, today)
        notes = _apply_action(audit, args, on)
        rows = tracker.list_requests(audit, today)
        if args.ics:
            _write_ics(args.ics, tracker.ics(audit))
    for note in notes:
        print(_("Note: {note}").format(note=terminal_safe(note)))
    for status in rows:
        # Each line escaped on its own: the line breaks between them are the tool's own.
        print("\n".join(terminal_safe(line) for line in _request_line(status).split("\n")))
    if not rows:
        print(_("No requests recorded yet."))
    return ExitCode.OK


def _check_reply_options(args: argparse.Namespace) -> None:
    """The reply's options only with --reply; a kind always; no date for no answer at all."""
    given = [
        name
        for name, value in (
            ("--kind", args.kind),
            ("--missing", args.missing),
            ("--out", args.out),
            ("--lang", args.lang),
            ("--date", args.date),
            ("--record", args.record),
        )
        if value
    ]
    if args.reply is None:
        if given:
            raise UsageError(_("{options} go with --reply ID").format(options=", ".join(given)))
        return
    if args.kind is None:
        raise UsageError(
            _("--reply needs --kind: {kinds}").format(kinds=", ".join(ReplyKind.values()))
        )
    if args.kind == ReplyKind.NO_ANSWER and (args.on or args.missing):
        raise UsageError(_("no answer has no date and nothing missing: leave out --on, --missing"))
    if args.out is not None and args.out.suffix.lower() not in LETTER_FORMATS:
        raise UsageError(
            _("--out must end with {suffixes}").format(suffixes=", ".join(LETTER_FORMATS))
        )


def _answer_reply(audit: Audit, args: argparse.Namespace, today: date) -> None:
    """The letter that answers what came back (no answer: the reminder, then the complaint);
    written to --out or printed, and recorded with --record."""
    req = tracker.get_request(audit, args.reply)
    try:
        letter = tracker.reply_letter_for(
            audit, req, args.kind, args.on, _csv(args.missing), args.date or today, args.lang
        )
    except UserMistake as exc:
        raise UsageError(str(exc)) from exc
    except tracker.ResidenceUnknown as exc:
        raise UsageError(
            _("{problem} (write the complaint with: letter --type complaint --country)").format(
                problem=exc
            )
        ) from exc
    if args.out is not None:
        _write_letter(letter, args.out)
    else:
        print(render_text(letter))
    if args.record:
        actions.record_letter(audit, letter, letter.letter_date, request_id=req.id)
        due = tracker.get_request(audit, req.id).due
        print(_(RECORDED_FOLLOW_UP[FollowUp(letter.follow_up)]).format(id=req.id, due=due))


# The options of the requests command, each naming a request and the change to record.
CHANGE_OPTIONS = {
    "sent": RequestChange.SENT,
    "extend": RequestChange.EXTENDED,
    "reminder_sent": RequestChange.REMINDER_SENT,
    "complaint_sent": RequestChange.COMPLAINT_SENT,
    "controller_complaint_sent": RequestChange.CONTROLLER_COMPLAINT_SENT,
    "answered": RequestChange.ANSWERED,
    "closed": RequestChange.CLOSED,
}


def _apply_action(audit: Audit, args: argparse.Namespace, on: date) -> list[str]:
    notes: list[str] = []
    for option, change in CHANGE_OPTIONS.items():
        request_id = getattr(args, option)
        if request_id is not None:
            notes += actions.change_request(
                audit, request_id, change, on, until=args.until, channel=args.channel
            )
    return notes


def _request_line(status: tracker.RequestStatus) -> str:
    req = status.request
    due = str(req.due or "-")
    if req.extended_to:
        due = _("{due} (extended)").format(due=due)
    # Dates stay as the options take them (--on, --until: 2027-01-31); codes as --type names them.
    dates = _("sent {sent} due {due}").format(sent=f"{req.sent_on or '-'!s:10}", due=due)
    step = _("next: {step}").format(step=status.step)
    flag = "  " + _("OVERDUE") if status.overdue else ""
    line = (
        f"{req.id:3}  {req.reference:12} {req.controller:12} {','.join(req.types):20}"
        f" {dates}  {req.status}{flag}  {step}"
    )
    line += "".join("\n     " + _reply_line(reply) for reply in req.replies)
    check = status.deletion
    if check is not None:
        line += "\n     " + _(
            "deletion check of {date} ({platforms} export): {gone} gone, {remaining} still there"
        ).format(
            date=check.checked_on,
            platforms="/".join(check.platforms),
            gone=format_number(len(check.gone)),
            remaining=format_number(len(check.remaining)),
        )
        line += "".join(
            "\n       "
            + _("remaining: {location} ({hash})").format(
                location=row.location, hash=row.sha256[:12]
            )
            for row in check.remaining
        )
        if check.unchecked:
            line += "\n     " + ngettext(
                "{n} not checked: no newer export of {platforms}",
                "{n} not checked: no newer export of {platforms}",
                len(check.unchecked),
            ).format(
                n=format_number(len(check.unchecked)),
                platforms="/".join(sorted({row.platform for row in check.unchecked})),
            )
    return line


def _reply_line(reply: tracker.Reply) -> str:
    """ "reply: ID demanded on 2027-01-05; follow-up sent on 2027-01-07, due 2027-02-04"."""
    what = reply_summary(reply.kind)
    if reply.missing:
        what = _("{what} (missing: {items})").format(what=what, items=",".join(reply.missing))
    if reply.received_on is not None:
        line = _("reply: {what} on {date}").format(what=what, date=reply.received_on)
    else:
        line = _("reply: {what} (date not given)").format(what=what)
    if reply.follow_up_on is not None:
        line += "; " + _("follow-up sent on {date}, due {due}").format(
            date=reply.follow_up_on, due=reply.due_on or "-"
        )
    return line


def _write_ics(path: Path, text: str) -> None:
    try:
        write_private(path, text)
    except OSError as exc:
        raise EnvironmentProblem(
            _("cannot write {path}: {reason}").format(path=path, reason=exc.strerror or exc)
        ) from exc
    print(_("Written: {path}").format(path=path))
