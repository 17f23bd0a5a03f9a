"""The words the audit stores and shows: decisions, rights, letters, requests, runs, exit codes."""

from __future__ import annotations

from enum import Enum, IntEnum
from typing import TypeVar

from exposure_audit.i18n import N_

W = TypeVar("W", bound="Word")


class Word(str, Enum):
    """A string enum that prints as its value, so it can go into SQL, JSON and text as it is.

    (``enum.StrEnum`` does the same but needs Python 3.11.)
    """

    def __str__(self) -> str:
        return str(self.value)

    def __format__(self, spec: str) -> str:
        return format(str(self.value), spec)

    @property
    def label(self) -> str:
        """The words the app shows for this value."""
        return LABELS[type(self)][self]

    @classmethod
    def values(cls) -> tuple[str, ...]:
        """Every value, in declaration order (for argument choices and messages)."""
        return tuple(member.value for member in cls)

    @classmethod
    def parse(cls: type[W], text: str, what: str) -> W:
        """The member whose value is ``text``; ValueError naming ``what`` and the choices if none."""
        try:
            return cls(text)
        except ValueError:
            raise ValueError(
                f"unknown {what} {text!r}; expected one of {', '.join(cls.values())}"
            ) from None


class Decision(Word):
    """What the user said about a finding; the audit stores ``me`` and ``not_me``, NULL otherwise."""

    ME = "me"
    NOT_ME = "not_me"
    UNDECIDED = "undecided"  # a filter value only: undecided findings have no stored decision


class Right(Word):
    """Data subject rights a first letter can invoke."""

    ACCESS = "access"
    ERASURE = "erasure"
    RESTRICTION = "restriction"
    OBJECTION = "objection"
    WITHDRAW_CONSENT = "withdraw_consent"


class FollowUp(Word):
    """Letters that follow an unanswered request."""

    REMINDER = "reminder"
    COMPLAINT = "complaint"


class Ground(Word):
    """Grounds for erasure: the points of GDPR Art. 17(1) a letter may rely on."""

    NO_LONGER_NEEDED = "a"
    CONSENT_WITHDRAWN = "b"
    OBJECTED = "c"
    UNLAWFUL = "d"
    CHILD = "f"


class RestrictionGround(Word):
    """Grounds for restriction: the points of GDPR Art. 18(1) a letter may rely on."""

    CONTESTED = "a"  # accuracy contested
    UNLAWFUL = "b"  # unlawful, and restriction asked instead of erasure
    OBJECTED = "d"  # pending the verification of an objection


class Language(Word):
    """Languages letters are written in."""

    EN = "en"
    DE = "de"
    NL = "nl"
    FR = "fr"


class Channel(Word):
    """How a request was sent; it decides when it counts as received."""

    EMAIL = "email"
    WEBFORM = "webform"
    POST = "post"


class Region(Word):
    """Where the requester lives, which picks the controller's entity that answers."""

    EEA = "EEA"
    UK = "UK"
    US = "US"

    @property
    def jurisdiction(self) -> Jurisdiction:
        """The law a requester living here relies on."""
        return {Region.EEA: Jurisdiction.EU, Region.UK: Jurisdiction.UK}.get(
            self, Jurisdiction.CCPA
        )


class Jurisdiction(Word):
    """The law a letter relies on; it sets the answer deadline."""

    EU = "EU"
    UK = "UK"
    CCPA = "CCPA"

    @property
    def region(self) -> Region:
        """The region whose controller entity answers under this law."""
        return {Jurisdiction.EU: Region.EEA, Jurisdiction.UK: Region.UK}.get(self, Region.US)


class RequestStage(Word):
    """Where a tracked request stands, as stored."""

    DRAFT = "draft"
    SENT = "sent"
    ANSWERED = "answered"
    CLOSED = "closed"


class RequestChange(Word):
    """What the user can record about a tracked request after writing it."""

    SENT = "sent"
    EXTENDED = "extended"
    REMINDER_SENT = "reminder_sent"
    COMPLAINT_SENT = "complaint_sent"
    CONTROLLER_COMPLAINT_SENT = "controller_complaint_sent"  # UK: to the controller first
    ANSWERED = "answered"
    CLOSED = "closed"


class NextStep(Word):
    """What to do about a tracked request today."""

    SEND = "send"
    WAIT = "wait"
    REMINDER = "reminder"
    COMPLAINT = "complaint"
    DONE = "done"


class RunStatus(Word):
    """How a scan run ended (``running`` while it goes on), as stored."""

    RUNNING = "running"
    FINISHED = "finished"
    CANCELLED = "cancelled"
    FAILED = "failed"
    INTERRUPTED = "interrupted"  # the process died mid-scan; found so on the next open


class BlurMode(Word):
    """Whose faces a clean copy blurs: everyone but the user, everyone, or no one."""

    OTHERS = "others"
    ALL = "all"
    NONE = "none"


class ExitCode(IntEnum):
    """Exit codes of the command line."""

    OK = 0
    FAILED = 1  # the command ran but did not do what was asked (no usable selfie, declined)
    BAD_INPUT = 2  # bad arguments or bad data: the message says what to change
    ENVIRONMENT = 3  # the computer is in the way: disk full, file not readable, audit locked
    INTERRUPTED = 130  # stopped by Ctrl+C; what was done is kept


# Words of different kinds can share a value ("reminder"), so labels are kept per kind.
LABELS: dict[type[Word], dict[Word, str]] = {
    Decision: {
        Decision.ME: "That's me",
        Decision.NOT_ME: "Not me",
        Decision.UNDECIDED: "Not decided yet",
    },
    Right: {
        Right.ACCESS: "See them",
        Right.ERASURE: "Delete them",
        Right.RESTRICTION: "Pause use",
        Right.OBJECTION: "Object",
        Right.WITHDRAW_CONSENT: "Withdraw consent",
    },
    FollowUp: {
        FollowUp.REMINDER: "Reminder",
        FollowUp.COMPLAINT: "Complaint",
    },
    Ground: {
        Ground.NO_LONGER_NEEDED: "They no longer need the photos for why they were collected",
        Ground.CONSENT_WITHDRAWN: "I withdraw my consent",
        Ground.OBJECTED: "I object, and they have no stronger reason to go on",
        Ground.UNLAWFUL: "They use my face unlawfully (e.g. face recognition without a legal basis)",
        Ground.CHILD: "They were collected when I was a child",
    },
    RestrictionGround: {
        RestrictionGround.CONTESTED: "I contest that their tags and inferences about me are right",
        RestrictionGround.UNLAWFUL: "They use my face unlawfully; I want it kept but not used",
        RestrictionGround.OBJECTED: "I objected and they have not shown a stronger reason",
    },
    Language: {
        Language.EN: "English",
        Language.DE: "Deutsch",
        Language.NL: "Nederlands",
        Language.FR: "Français",
    },
    Channel: {
        Channel.EMAIL: "E-mail",
        Channel.WEBFORM: "Web form",
        Channel.POST: "Post",
    },
    Region: {
        Region.EEA: "EU / EEA",
        Region.UK: "United Kingdom",
        Region.US: "United States",
    },
    Jurisdiction: {
        Jurisdiction.EU: "EU GDPR",
        Jurisdiction.UK: "UK GDPR",
        Jurisdiction.CCPA: "California (CCPA)",
    },
    RequestStage: {
        RequestStage.DRAFT: "Draft",
        RequestStage.SENT: "Sent",
        RequestStage.ANSWERED: "Answered",
        RequestStage.CLOSED: "Closed",
    },
    RequestChange: {
        RequestChange.SENT: "Sent",
        RequestChange.EXTENDED: "They extended the deadline",
        RequestChange.REMINDER_SENT: "Reminder sent",
        RequestChange.COMPLAINT_SENT: "Complaint sent",
        RequestChange.CONTROLLER_COMPLAINT_SENT: "Complaint to the company sent",
        RequestChange.ANSWERED: "They answered",
        RequestChange.CLOSED: "Closed",
    },
    NextStep: {
        NextStep.SEND: "Send it",
        NextStep.WAIT: "Wait for the answer",
        NextStep.REMINDER: "Send a reminder",
        NextStep.COMPLAINT: "Complain to the authority",
        NextStep.DONE: "Done",
    },
    RunStatus: {
        RunStatus.RUNNING: "Running",
        RunStatus.FINISHED: "Done",
        RunStatus.CANCELLED: "Stopped",
        RunStatus.FAILED: "Stopped by an error",
        RunStatus.INTERRUPTED: "Interrupted",
    },
    BlurMode: {
        BlurMode.OTHERS: N_("Blur other people's faces"),
        BlurMode.ALL: N_("Blur every face, mine too"),
        BlurMode.NONE: N_("Blur no face"),
    },
}

RIGHT_DESCRIPTIONS: dict[Right, str] = {
    Right.ACCESS: "Access: a copy of the photos and what is done with them",
    Right.ERASURE: "Erasure: delete the photos and anything made from them",
    Right.RESTRICTION: "Restriction: stop using them while this is sorted out",
    Right.OBJECTION: "Objection: stop processing them",
    Right.WITHDRAW_CONSENT: "Withdrawal of consent: stop what rests on your consent",
}
