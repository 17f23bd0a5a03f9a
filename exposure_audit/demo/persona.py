"""The invented demo persona and the story its sample exports tell, scene by scene."""

from __future__ import annotations

from dataclasses import dataclass

from exposure_audit.vocabulary import PhotoKind

PERSONA = "Sam Sample"
INVENTED = "invented demo persona"
SELFIES = ("selfie-front.jpg", "selfie-turned.jpg")


@dataclass(frozen=True)
class Scene:
    """One photo of the story: where it ends up, and what the audit should make of it.

    ``kind`` is the context kind the export reader gives it; ``matches`` whether the persona's
    face is in it; ``days_ago`` when it was posted, counted back from the day the demo is made.
    """

    photo: str
    platform: str
    kind: str | None
    matches: bool
    days_ago: int
    says: str


STORY: tuple[Scene, ...] = (
    Scene(
        "profile.jpg", "Facebook", PhotoKind.PROFILE_PICTURE, True, 45,
        "A public profile picture: anyone can see it, and face-search crawlers index it.",
    ),
    Scene(
        "profile.jpg", "Instagram", PhotoKind.PROFILE_PICTURE, True, 45,
        "The same picture as Instagram profile photo: one photo, two platforms.",
    ),
    Scene(
        "group.jpg", "Facebook", "post", True, 210,
        "A group photo a friend's post tagged by name.",
    ),
    Scene(
        "phone.jpg", "Google Photos", "library", True, 400,
        "A phone photo stored sideways with an EXIF orientation tag, GPS in the other part "
        "of a two-part Google Takeout.",
    ),
    Scene(
        "harbour.jpg", "Instagram", "post", True, 12,
        "A recent post with GPS coordinates and a caption naming the place.",
    ),
    Scene(
        "avatar.jpg", "Saved web page", PhotoKind.WEB_PAGE, True, 5,
        "A 96-pixel avatar on a saved community profile page.",
    ),
    Scene(
        "message.jpg", "WhatsApp", PhotoKind.MESSAGE_ATTACHMENT, True, 90,
        "A photo sent in a private chat: only the people in the chat received it.",
    ),
    Scene(
        "at-home.jpg", "Files", None, True, 1100,
        "A photo only on the persona's own computer: it adds nothing to the exposure.",
    ),
    Scene("other-1.jpg", "Facebook", "post", False, 300, "Someone else: must not match."),
    Scene(
        "other-2.jpg", "Facebook", PhotoKind.MESSAGE_ATTACHMENT, False, 95,
        "Someone else, in a Messenger chat: must not match.",
    ),
    Scene("other-3.jpg", "Instagram", "post", False, 150, "Two other people: must not match."),
    Scene("other-4.jpg", "Google Photos", "library", False, 380, "Someone else: must not match."),
    Scene("other-5.jpg", "Google Photos", "library", False, 20, "Someone else: must not match."),
    Scene("other-6.jpg", "WhatsApp", PhotoKind.MESSAGE_ATTACHMENT, False, 88, "Someone else: must not match."),
)  # fmt: skip
