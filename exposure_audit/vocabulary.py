"""The codes the audit stores and compares, and the one place their words are kept.

Every concept the audit stores (decisions, rights, selfie checks, match bands, exposure levels,
item and location states, photo kinds, request stages, next steps) is a ``Word``: a string enum
whose stored value is a code. Its ``label`` is the words shown for it, in the language in force;
code never compares or parses a label.
"""

from __future__ import annotations

from enum import Enum, IntEnum
from typing import TypeVar

from exposure_audit.errors import UserMistake
from exposure_audit.i18n import N_, NC_, _, translated

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
        """The words shown for this value, in the language in force."""
        return translated(LABELS[type(self)][self])

    @classmethod
    def values(cls) -> tuple[str, ...]:
        """Every value, in declaration order (for argument choices and messages)."""
        return tuple(member.value for member in cls)

    @classmethod
    def parse(cls: type[W], text: str, what: str) -> W:
        """The member whose value is ``text``; ``UserMistake`` naming ``what`` and the choices if
        none."""
        try:
            return cls(text)
        except ValueError:
            raise UserMistake(
                _("unknown {what} {text}; expected one of {choices}").format(
                    what=what, text=repr(text), choices=", ".join(cls.values())
                )
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
    """Letters that follow a request: unanswered (reminder, complaint) or answered wrongly."""

    REMINDER = "reminder"
    COMPLAINT = "complaint"
    REPLY = "reply"  # the answer to a controller's reply that was not compliance


class ReplyKind(Word):
    """What came back from a controller instead of compliance, as the user picked it."""

    ID_DEMANDED = "id_demanded"  # an ID copy or more identity data
    EXCESSIVE = "excessive"  # "manifestly unfounded or excessive"
    OTHER_CHANNEL = "other_channel"  # another channel, form or language
    PARTIAL = "partial"  # some of what was asked is missing
    NO_ANSWER = "no_answer"  # nothing: the reminder, then the complaint


class MissingItem(Word):
    """What a partial answer to an access request left out: Art. 15(1)(a)-(h), the copy."""

    PURPOSES = "a"
    CATEGORIES = "b"
    RECIPIENTS = "c"
    RETENTION = "d"
    RIGHTS = "e"
    COMPLAINT = "f"
    SOURCE = "g"
    AUTOMATED = "h"
    COPY = "copy"  # Art. 15(3)


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


class SelfieCheck(Word):
    """What is said about a selfie, stored in its verdict as ``{"code": ..., "value": ...}``.

    The first five are problems that make a selfie unusable (``SEVERAL_FACES`` is only a
    note); the ``FAR_*`` notes and ``UNLIKE_OTHERS`` compare it with the other selfies and are
    worked out again whenever the selfies change. ``value`` is the figure the words name: a
    count of faces, a width in pixels, or the distance to the nearest other selfie.
    """

    UNREADABLE = "unreadable"
    NO_FACE = "no_face"
    SEVERAL_FACES = "several_faces"
    TOO_SMALL = "too_small"
    BLURRY = "blurry"
    FAR_FROM_OTHER = "far_from_other"  # two selfies, far apart: both kept
    FAR_BUT_ALL_ME = "far_but_all_me"  # far from the others, kept as the user said all are theirs
    FAR_FROM_SOME = "far_from_some"  # far from some others, kept
    UNLIKE_OTHERS = "unlike_others"  # a clear minority: set aside as likely someone else
    OTHER = "other"  # a verdict written before codes that no code fits; its text is kept

    @property
    def compares(self) -> bool:
        """Whether this remark comes from comparing selfies (so it is redone when they change)."""
        return self in _COMPARING


_COMPARING = frozenset(
    {
        SelfieCheck.FAR_FROM_OTHER,
        SelfieCheck.FAR_BUT_ALL_ME,
        SelfieCheck.FAR_FROM_SOME,
        SelfieCheck.UNLIKE_OTHERS,
    }
)


class Band(Word):
    """How sure a match is, as stored per face (``none``: beyond the audit's threshold)."""

    STRONG = "strong"
    LIKELY = "likely"
    POSSIBLE = "possible"
    NONE = "none"


class ExposureLevel(Word):
    """How exposed a photo is, from who could see it where it was found."""

    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"
    LOCAL = "local"

    @property
    def heading(self) -> str:
        """The heading photos of this level are shown under (every reason agrees with it)."""
        return _(LEVEL_HEADINGS[self])


class ItemState(Word):
    """How analysing one photo's bytes ended, as stored."""

    DONE = "done"
    ERROR = "error"


class LocationState(Word):
    """What was found at one location of a source, as stored."""

    IMAGE = "image"
    NOT_IMAGE = "not_image"
    ERROR = "error"


class PhotoKind(Word):
    """What a photo was on its platform, from the export's context."""

    PROFILE_PICTURE = "profile_picture"
    COVER = "cover"
    POST = "post"
    STORY = "story"
    REEL = "reel"
    ALBUM = "album"
    LIBRARY = "library"
    MESSAGE_ATTACHMENT = "message_attachment"
    TAGGED = "tagged"
    ARCHIVED = "archived"
    TRASHED = "trashed"
    WEB_PAGE = "web_page"
    VIDEO_MESSAGE = "video_message"  # a round video note (Telegram), a recorded chat video
    LIVE_PHOTO = "live_photo"  # the moving part of an iPhone Live Photo
    OTHER = "other"

    @classmethod
    def label_of(cls, kind: str | None) -> str:
        """The words for a stored kind; one this version does not know reads as "Other"."""
        try:
            return cls(kind or cls.OTHER).label
        except ValueError:
            return cls.OTHER.label


class AudienceBasis(Word):
    """Why a photo's audience is what it is: what the export (or the web) says about it."""

    FACEBOOK_PROFILE_PUBLIC = "facebook_profile_public"
    FACEBOOK_COVER_PUBLIC = "facebook_cover_public"
    FACEBOOK_MESSAGE = "facebook_message"
    FACEBOOK_UNRECORDED = "facebook_unrecorded"
    INSTAGRAM_PROFILE_PUBLIC = "instagram_profile_public"
    INSTAGRAM_MESSAGE = "instagram_message"
    INSTAGRAM_ARCHIVED = "instagram_archived"
    INSTAGRAM_TRASHED = "instagram_trashed"
    INSTAGRAM_ACCOUNT_PRIVATE = "instagram_account_private"
    INSTAGRAM_ACCOUNT_PUBLIC = "instagram_account_public"
    INSTAGRAM_UNRECORDED = "instagram_unrecorded"
    X_PROTECTED = "x_protected"
    X_POSTS_PUBLIC = "x_posts_public"
    X_PROFILE_PUBLIC = "x_profile_public"
    X_MESSAGE = "x_message"
    GOOGLE_LIBRARY = "google_library"
    GOOGLE_ALBUM_SHARED = "google_album_shared"
    GOOGLE_ALBUM_PRIVATE = "google_album_private"
    GOOGLE_BIN = "google_bin"
    GOOGLE_PROFILE = "google_profile"
    TELEGRAM_PROFILE = "telegram_profile"
    TELEGRAM_PUBLIC_CHANNEL = "telegram_public_channel"
    TELEGRAM_PUBLIC_GROUP = "telegram_public_group"
    TELEGRAM_PRIVATE_CHAT = "telegram_private_chat"
    TELEGRAM_UNRECORDED = "telegram_unrecorded"
    WHATSAPP_CHAT = "whatsapp_chat"
    SNAPCHAT_CHAT = "snapchat_chat"
    SNAPCHAT_MEMORY = "snapchat_memory"
    DISCORD_AVATAR = "discord_avatar"
    ICLOUD_LIBRARY = "icloud_library"
    WEB_PAGE_SAVED = "web_page_saved"
    OPEN_WEB = "open_web"


class MediaKind(Word):
    """What an item is: a photo, or a video searched frame by frame."""

    PHOTO = "photo"
    VIDEO = "video"


def video_moment(seconds: float) -> str:
    """A time in a video as a clock shows it: ``0:03``, ``12:40``, ``1:02:05``."""
    whole = max(0, int(seconds))
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def video_at(seconds: float) -> str:
    """Where in a video a finding is, in words: "video, at 0:03"."""
    return _("video, at %(time)s") % {"time": video_moment(seconds)}


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
    BUG = 70  # a fault in Exposure Audit itself (sysexits' EX_SOFTWARE); the log has the details
    INTERRUPTED = 130  # stopped by Ctrl+C; what was done is kept


# Words of different kinds can share a value ("reminder"), so labels are kept per kind.
LABELS: dict[type[Word], dict[Word, str]] = {
    Decision: {
        Decision.ME: N_("That's me"),
        Decision.NOT_ME: N_("Not me"),
        Decision.UNDECIDED: N_("Not decided yet"),
    },
    Right: {
        Right.ACCESS: N_("See them"),
        Right.ERASURE: N_("Delete them"),
        Right.RESTRICTION: N_("Pause use"),
        Right.OBJECTION: N_("Object"),
        Right.WITHDRAW_CONSENT: N_("Withdraw consent"),
    },
    FollowUp: {
        FollowUp.REMINDER: N_("Reminder"),
        FollowUp.COMPLAINT: N_("Complaint"),
        FollowUp.REPLY: N_("Answer to their reply"),
    },
    ReplyKind: {
        ReplyKind.ID_DEMANDED: N_("They want a copy of my ID or more identity details"),
        ReplyKind.EXCESSIVE: N_("They call my request manifestly unfounded or excessive"),
        ReplyKind.OTHER_CHANNEL: N_("They want it through another channel, form or language"),
        ReplyKind.PARTIAL: N_("They answered only in part"),
        ReplyKind.NO_ANSWER: N_("No answer at all"),
    },
    MissingItem: {
        MissingItem.PURPOSES: N_("Why they use my data"),
        MissingItem.CATEGORIES: N_("What kinds of data they hold"),
        MissingItem.RECIPIENTS: N_("Who received my data"),
        MissingItem.RETENTION: N_("How long they keep it"),
        MissingItem.RIGHTS: N_("My rights to correct, delete, pause or object"),
        MissingItem.COMPLAINT: N_("My right to complain to an authority"),
        MissingItem.SOURCE: N_("Where they got my data"),
        MissingItem.AUTOMATED: N_("Automated decisions about me"),
        MissingItem.COPY: N_("A copy of my data"),
    },
    Ground: {
        Ground.NO_LONGER_NEEDED: N_("They no longer need the photos for why they were collected"),
        Ground.CONSENT_WITHDRAWN: N_("I withdraw my consent"),
        Ground.OBJECTED: N_("I object, and they have no stronger reason to go on"),
        Ground.UNLAWFUL: N_(
            "They use my face unlawfully (e.g. face recognition without a legal basis)"
        ),
        Ground.CHILD: N_("They were collected when I was a child"),
    },
    RestrictionGround: {
        RestrictionGround.CONTESTED: N_(
            "I contest that their tags and inferences about me are right"
        ),
        RestrictionGround.UNLAWFUL: N_("They use my face unlawfully; I want it kept but not used"),
        RestrictionGround.OBJECTED: N_("I objected and they have not shown a stronger reason"),
    },
    Language: {
        Language.EN: N_("English"),
        Language.DE: N_("Deutsch"),
        Language.NL: N_("Nederlands"),
        Language.FR: N_("Français"),
    },
    Channel: {
        Channel.EMAIL: N_("E-mail"),
        Channel.WEBFORM: N_("Web form"),
        Channel.POST: NC_("sent by", "Post"),
    },
    Region: {
        Region.EEA: N_("EU / EEA"),
        Region.UK: N_("United Kingdom"),
        Region.US: N_("United States"),
    },
    Jurisdiction: {
        Jurisdiction.EU: N_("EU GDPR"),
        Jurisdiction.UK: N_("UK GDPR"),
        Jurisdiction.CCPA: N_("California (CCPA)"),
    },
    RequestStage: {
        RequestStage.DRAFT: N_("Draft"),
        RequestStage.SENT: N_("Sent"),
        RequestStage.ANSWERED: N_("Answered"),
        RequestStage.CLOSED: N_("Closed"),
    },
    RequestChange: {
        RequestChange.SENT: N_("Sent"),
        RequestChange.EXTENDED: N_("They extended the deadline"),
        RequestChange.REMINDER_SENT: N_("Reminder sent"),
        RequestChange.COMPLAINT_SENT: N_("Complaint sent"),
        RequestChange.CONTROLLER_COMPLAINT_SENT: N_("Complaint to the company sent"),
        RequestChange.ANSWERED: N_("They answered"),
        RequestChange.CLOSED: N_("Closed"),
    },
    NextStep: {
        NextStep.SEND: N_("Send it"),
        NextStep.WAIT: N_("Wait for the answer"),
        NextStep.REMINDER: N_("Send a reminder"),
        NextStep.COMPLAINT: N_("Complain to the authority"),
        NextStep.DONE: N_("Done"),
    },
    RunStatus: {
        RunStatus.RUNNING: N_("Running"),
        RunStatus.FINISHED: N_("Done"),
        RunStatus.CANCELLED: N_("Stopped"),
        RunStatus.FAILED: N_("Stopped by an error"),
        RunStatus.INTERRUPTED: N_("Interrupted"),
    },
    SelfieCheck: {
        SelfieCheck.UNREADABLE: N_("Cannot read this photo"),
        SelfieCheck.NO_FACE: N_("No face found"),
        SelfieCheck.SEVERAL_FACES: N_("Several faces"),
        SelfieCheck.TOO_SMALL: N_("Face too small"),
        SelfieCheck.BLURRY: N_("Face is blurry"),
        SelfieCheck.FAR_FROM_OTHER: N_("Far from your other selfie"),
        SelfieCheck.FAR_BUT_ALL_ME: N_("Far from your other selfies"),
        SelfieCheck.FAR_FROM_SOME: N_("Far from some of your other selfies"),
        SelfieCheck.UNLIKE_OTHERS: N_("Looks like another person"),
        SelfieCheck.OTHER: N_("Other"),
    },
    Band: {
        Band.STRONG: N_("Strong match"),
        Band.LIKELY: N_("Likely match"),
        Band.POSSIBLE: N_("Possible match"),
        Band.NONE: N_("Not a match"),
    },
    ExposureLevel: {
        ExposureLevel.HIGH: N_("High"),
        ExposureLevel.MEDIUM: N_("Medium"),
        ExposureLevel.LOW: N_("Low"),
        ExposureLevel.LOCAL: N_("On this computer"),
    },
    ItemState: {
        ItemState.DONE: N_("Analysed"),
        ItemState.ERROR: N_("Could not be analysed"),
    },
    LocationState: {
        LocationState.IMAGE: N_("Photo"),
        LocationState.NOT_IMAGE: N_("Not a photo"),
        LocationState.ERROR: N_("Could not be read"),
    },
    PhotoKind: {
        PhotoKind.PROFILE_PICTURE: N_("Profile picture"),
        PhotoKind.COVER: N_("Cover photo"),
        PhotoKind.POST: NC_("kind of photo", "Post"),
        PhotoKind.STORY: N_("Story"),
        PhotoKind.REEL: N_("Reel"),
        PhotoKind.ALBUM: N_("Album"),
        PhotoKind.LIBRARY: N_("Photo library"),
        PhotoKind.MESSAGE_ATTACHMENT: N_("Message attachment"),
        PhotoKind.TAGGED: N_("Tagged photo"),
        PhotoKind.ARCHIVED: N_("Archived"),
        PhotoKind.TRASHED: N_("In the bin"),
        PhotoKind.WEB_PAGE: N_("Web page"),
        PhotoKind.VIDEO_MESSAGE: N_("Video message"),
        PhotoKind.LIVE_PHOTO: N_("Live Photo"),
        PhotoKind.OTHER: N_("Other"),
    },
    AudienceBasis: {
        AudienceBasis.FACEBOOK_PROFILE_PUBLIC: N_("profile pictures are public on Facebook"),
        AudienceBasis.FACEBOOK_COVER_PUBLIC: N_("cover photos are public on Facebook"),
        AudienceBasis.FACEBOOK_MESSAGE: N_("sent in a private Facebook message"),
        AudienceBasis.FACEBOOK_UNRECORDED: N_(
            "the Facebook export does not record who could see this"
        ),
        AudienceBasis.INSTAGRAM_PROFILE_PUBLIC: N_(
            "profile pictures are visible to anyone on Instagram"
        ),
        AudienceBasis.INSTAGRAM_MESSAGE: N_("sent in a private Instagram message"),
        AudienceBasis.INSTAGRAM_ARCHIVED: N_("archived Instagram posts are visible only to you"),
        AudienceBasis.INSTAGRAM_TRASHED: N_(
            "recently deleted Instagram items are visible only to you"
        ),
        AudienceBasis.INSTAGRAM_ACCOUNT_PRIVATE: N_(
            "the account details in your Instagram export say the account is private"
        ),
        AudienceBasis.INSTAGRAM_ACCOUNT_PUBLIC: N_(
            "the account details in your Instagram export say the account is public"
        ),
        AudienceBasis.INSTAGRAM_UNRECORDED: N_(
            "the Instagram export does not say whether the account was private"
        ),
        AudienceBasis.X_PROTECTED: N_("X account protected (protected-history.js)"),
        AudienceBasis.X_POSTS_PUBLIC: N_("posts on X are public unless the account is protected"),
        AudienceBasis.X_PROFILE_PUBLIC: N_("profile pictures and headers are public on X"),
        AudienceBasis.X_MESSAGE: N_("sent in a private X direct message"),
        AudienceBasis.GOOGLE_LIBRARY: N_("Google Photos library items are private"),
        AudienceBasis.GOOGLE_ALBUM_SHARED: N_("Google Photos album shared by link"),
        AudienceBasis.GOOGLE_ALBUM_PRIVATE: N_("Google Photos album not shared"),
        AudienceBasis.GOOGLE_BIN: N_("in the Google Photos bin"),
        AudienceBasis.GOOGLE_PROFILE: N_(
            "Google account profile photos are visible to anyone you contact"
        ),
        AudienceBasis.TELEGRAM_PROFILE: N_(
            "Telegram profile photos are visible to everyone unless privacy settings limit them"
        ),
        AudienceBasis.TELEGRAM_PUBLIC_CHANNEL: N_("posted in a public Telegram channel"),
        AudienceBasis.TELEGRAM_PUBLIC_GROUP: N_("posted in a public Telegram supergroup"),
        AudienceBasis.TELEGRAM_PRIVATE_CHAT: N_("sent in a private Telegram chat"),
        AudienceBasis.TELEGRAM_UNRECORDED: N_(
            "the Telegram export does not say what kind of chat this was"
        ),
        AudienceBasis.WHATSAPP_CHAT: N_("sent in a WhatsApp chat"),
        AudienceBasis.SNAPCHAT_CHAT: N_("sent in a Snapchat chat"),
        AudienceBasis.SNAPCHAT_MEMORY: N_("Snapchat memories are private unless shared"),
        AudienceBasis.DISCORD_AVATAR: N_(
            "Discord avatars are visible to anyone who shares a server or chat with you"
        ),
        AudienceBasis.ICLOUD_LIBRARY: N_("iCloud Photos library items are private unless shared"),
        AudienceBasis.WEB_PAGE_SAVED: N_(
            "saved copy of a web page; the page itself does not say who could open it"
        ),
        AudienceBasis.OPEN_WEB: N_("fetched from the open web without logging in"),
    },
    MediaKind: {
        MediaKind.PHOTO: N_("Photo"),
        MediaKind.VIDEO: N_("Video"),
    },
    BlurMode: {
        BlurMode.OTHERS: N_("Blur other people's faces"),
        BlurMode.ALL: N_("Blur every face, mine too"),
        BlurMode.NONE: N_("Blur no face"),
    },
}

RIGHT_DESCRIPTIONS: dict[Right, str] = {
    Right.ACCESS: N_("Access: a copy of the photos and what is done with them"),
    Right.ERASURE: N_("Erasure: delete the photos and anything made from them"),
    Right.RESTRICTION: N_("Restriction: stop using them while this is sorted out"),
    Right.OBJECTION: N_("Objection: stop processing them"),
    Right.WITHDRAW_CONSENT: N_("Withdrawal of consent: stop what rests on your consent"),
}

LEVEL_HEADINGS: dict[ExposureLevel, str] = {
    ExposureLevel.HIGH: N_("High: public, or shared with the place it was taken"),
    ExposureLevel.MEDIUM: N_("Medium: some people could see these, or it is not known who"),
    ExposureLevel.LOW: N_("Low: private, sent in a message or hidden away"),
    ExposureLevel.LOCAL: N_("On this computer, not shared"),
}


def audience_basis_text(stored: str | None) -> str:
    """The words for a stored audience basis; text this version has no code for shows as it is."""
    if not stored:
        return ""
    try:
        return AudienceBasis(stored).label
    except ValueError:
        return stored


# A reply in a few words, for the tracked request's line ("reply: ID demanded on ...").
REPLY_SUMMARY: dict[ReplyKind, str] = {
    ReplyKind.ID_DEMANDED: N_("ID demanded"),
    ReplyKind.EXCESSIVE: N_("called excessive"),
    ReplyKind.OTHER_CHANNEL: N_("another channel, form or language demanded"),
    ReplyKind.PARTIAL: N_("partial answer"),
    ReplyKind.NO_ANSWER: N_("no answer"),
}


def reply_summary(kind: ReplyKind) -> str:
    """What came back, in a few words in the language in force."""
    return translated(REPLY_SUMMARY[kind])


def right_description(right: Right) -> str:
    """What a right asks for, in a sentence (the checkbox's tooltip)."""
    return _(RIGHT_DESCRIPTIONS[right])


def similarity_percent(distance: float) -> int:
    """How alike two faces are, 0-100 (higher is more alike): the one scale a person sees.

    Face distances (0 the same face, 0.6 the usual limit) are what is stored and compared;
    wherever a figure is shown, in the app, the reports and the selfie verdicts, it is this.
    """
    return round(max(0.0, min(1.0, 1.0 - distance)) * 100)
