"""Command line for acting on findings: letters, the report, identity, the request tracker.

Only the parsers live here; the work is done in ``action_commands``.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import date
from pathlib import Path

from exposure_audit.cli import action_commands
from exposure_audit.cli.options import add_audit_option
from exposure_audit.i18n import _
from exposure_audit.rights.controllers import load_controllers
from exposure_audit.vocabulary import (
    Channel,
    Decision,
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


def add_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the letter, report, identity and requests subcommands."""
    _letter_parser(commands)
    _decide_parser(commands)
    report = commands.add_parser("report", help=_("write the exposure report"))
    add_audit_option(report)
    report.add_argument("--out", type=Path, required=True, help="FILE.html|.pdf|.csv|.json")
    report.add_argument("--date", type=_day, default=None, help=_("report date (default today)"))
    report.add_argument(
        "--one-page",
        action="store_true",
        help=_("a one-page takeaway PDF: score, risks, next steps"),
    )
    report.add_argument(
        "--paper", choices=("A4", "Letter"), default="A4", help=_("paper size of a PDF")
    )
    report.add_argument(
        "--photos", action="store_true", help=_("with --one-page: add a few blurred photos")
    )
    _identity_parser(commands)
    _requests_parser(commands)


def _letter_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    letter = commands.add_parser("letter", help=_("write a request, reminder or complaint letter"))
    add_audit_option(letter)
    letter.add_argument(
        "--controller",
        help=_("controller slug or platform (facebook, instagram, twitter, …): ")
        + ", ".join(load_controllers()),
    )
    letter.add_argument(
        "--type",
        default=Right.ACCESS.value,
        help=_("comma-separated: {types}").format(
            types=", ".join((*Right.values(), FollowUp.REMINDER, FollowUp.COMPLAINT))
        ),
    )
    letter.add_argument(
        "--lang",
        choices=Language.values(),
        default=None,
        help=_("letter language (default: en; a complaint: the authority's language)"),
    )
    letter.add_argument(
        "--jurisdiction",
        choices=Jurisdiction.values(),
        default=None,
        help=_("the law of the request (default: from your address; EU when it does not say)"),
    )
    letter.add_argument(
        "--region", choices=Region.values(), default=None, help=_("entity to address")
    )
    letter.add_argument(
        "--grounds",
        default="",
        help=_("erasure grounds: {grounds}").format(grounds=",".join(Ground.values())),
    )
    letter.add_argument(
        "--restrict",
        default="",
        help=_("restriction grounds of Art. 18(1): ")
        + ", ".join(f"{g.value} ({g.label})" for g in RestrictionGround),
    )
    letter.add_argument(
        "--situation",
        default="",
        metavar="TEXT",
        help=_(
            "objection: your particular situation, in your words (Art. 21(1)); without it the"
            " objection covers direct marketing only (Art. 21(2))"
        ),
    )
    letter.add_argument(
        "--photo",
        nargs="?",
        const="",
        default=None,
        metavar="FILE",
        help=_(
            "face-search letters: say that a photo of you is enclosed, for the search only;"
            " with FILE, make it the opt-out photo (your face cropped, no EXIF) and attach it"
        ),
    )
    letter.add_argument("--out", type=Path, required=True, help="FILE.pdf|.txt|.eml")
    letter.add_argument("--thumbnails", action="store_true", help=_("photos in the PDF annex"))
    letter.add_argument("--request", type=int, help=_("request id, for a reminder or complaint"))
    letter.add_argument(
        "--country",
        help=_(
            "complaint: the authority's country (IE, FR, …; a German Land as DE-BE, "
            "California as US-CA); default: from your address"
        ),
    )
    letter.add_argument(
        "--not-in-court",
        action="store_true",
        help=_("complaint: state that you have not brought the matter before a court"),
    )
    letter.add_argument("--date", type=_day, default=None, help=_("letter date (default today)"))
    letter.add_argument("--record", action="store_true", help=_("record the request as sent"))
    letter.add_argument(
        "--channel",
        choices=Channel.values(),
        default=Channel.EMAIL.value,
        help=_(
            "how you will send it (email, webform, post): it decides when it counts as received"
        ),
    )


def _identity_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    identity = commands.add_parser("identity", help=_("show or set your details for letters"))
    add_audit_option(identity)
    identity.add_argument("--name", help=_("your full name, as the company knows it"))
    identity.add_argument("--address", action="append", help=_("an address line (repeatable)"))
    identity.add_argument("--email", help=_("the e-mail address you use with the companies"))
    identity.add_argument(
        "--account", action="append", default=[], metavar="KEY=VALUE", help=_("account id")
    )
    identity.add_argument(
        "--suggest", action="store_true", help=_("add account ids found in the exports")
    )


def _requests_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    requests = commands.add_parser("requests", help=_("list requests, due dates and next steps"))
    add_audit_option(requests)
    requests.add_argument("--ics", type=Path, help=_("write due dates to an .ics calendar file"))
    action = requests.add_mutually_exclusive_group()
    for name, text in (
        ("sent", _("record request ID as sent (--on, --channel)")),
        ("extend", _("record that the controller extended ID's deadline (--until)")),
        ("reminder-sent", _("record the reminder for ID as sent")),
        ("complaint-sent", _("record the complaint about ID as sent")),
        ("controller-complaint-sent", _("UK: record the complaint to the controller (s. 164A)")),
        ("answered", _("record that ID was answered")),
        ("closed", _("close ID")),
        ("reply", _("ID got a reply that is not compliance: write the answer (--kind)")),
    ):
        action.add_argument(f"--{name}", type=int, metavar="ID", help=text)
    requests.add_argument(
        "--on",
        type=_day,
        default=None,
        help=_("date (default today); with --reply: the date of their reply, if you know it"),
    )
    requests.add_argument("--until", type=_day, default=None, help=_("extended deadline"))
    requests.add_argument(
        "--channel",
        choices=Channel.values(),
        default=Channel.EMAIL.value,
        help=_("with --sent: how you sent it (email, webform, post)"),
    )
    _reply_options(requests)
    requests.add_argument("--today", type=_day, default=None, help=argparse.SUPPRESS)


def _reply_options(requests: argparse.ArgumentParser) -> None:
    requests.add_argument(
        "--kind",
        choices=ReplyKind.values(),
        default=None,
        help=_("with --reply: what came back: ")
        + "; ".join(f"{kind.value} ({kind.label})" for kind in ReplyKind),
    )
    requests.add_argument(
        "--missing",
        default="",
        metavar="ITEMS",
        help=_("with --kind partial, comma-separated: what is missing: ")
        + "; ".join(f"{item.value} ({item.label})" for item in MissingItem),
    )
    requests.add_argument(
        "--out",
        type=Path,
        default=None,
        help=_("with --reply: FILE.pdf|.txt|.eml (default: print)"),
    )
    requests.add_argument(
        "--lang", choices=Language.values(), default=None, help=_("with --reply: letter language")
    )
    requests.add_argument(
        "--date", type=_day, default=None, help=_("with --reply: letter date (default today)")
    )
    requests.add_argument(
        "--record",
        action="store_true",
        help=_("with --reply: record their reply and your answer as sent on the letter date"),
    )


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            _("{text!r} is not a date like 2027-01-31").format(text=text)
        ) from None


def _decide_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    decide = commands.add_parser(
        "decide", help=_("confirm findings: that's me, not me, or undecided again")
    )
    add_audit_option(decide)
    choice = decide.add_mutually_exclusive_group(required=True)
    for flag, value in (
        ("--me", Decision.ME),
        ("--not-me", Decision.NOT_ME),
        ("--undecided", Decision.UNDECIDED),
    ):
        choice.add_argument(
            flag, dest="decision", action="store_const", const=value.value, help=value.label
        )
    decide.add_argument("locations", nargs="*", metavar="LOCATION", help=_("as `findings` lists"))
    decide.add_argument("--all", action="store_true", help=_("every finding"))


HANDLERS: dict[str, Callable[[argparse.Namespace], int]] = {
    "letter": action_commands.letter,
    "report": action_commands.report,
    "identity": action_commands.identity,
    "requests": action_commands.requests,
    "decide": action_commands.decide,
}
