"""How to get your data: for each platform the app reads, how to request the export."""

from __future__ import annotations

import textwrap
from dataclasses import dataclass


@dataclass(frozen=True)
class PlatformGuide:
    """The steps to request one platform's export, what to choose, and how long it takes."""

    key: str
    name: str
    link: str
    steps: tuple[str, ...]
    choose: tuple[str, ...]
    delay: str
    photos: str  # what the app finds in this export
    usually: str  # the delay in a few words
    aliases: tuple[str, ...] = ()


GUIDES: tuple[PlatformGuide, ...] = (
    PlatformGuide(
        key="facebook",
        usually="hours to a few days",
        name="Facebook",
        link="https://accountscenter.facebook.com/info_and_permissions/dyi/",
        steps=(
            "Open Accounts Center: Settings & privacy → Settings → Accounts Center.",
            "Choose 'Your information and permissions' → 'Download your information'.",
            "Choose 'Download or transfer information', pick your Facebook profile, then "
            "'Available information' (everything) and 'Download to device'.",
            "Set the options below and press 'Create files'.",
            "When Facebook notifies you, download every part of the export (it may be split "
            "into several zip files) and add all of them here.",
        ),
        choose=(
            "Date range: All time",
            "Format: JSON",
            "Media quality: High",
        ),
        delay="Usually a few hours; large accounts can take several days. "
        "The download link stays for about four days.",
        photos="Profile and cover pictures, posts and albums, photos sent in messages, with "
        "dates, places, captions and audience.",
        aliases=("fb", "meta"),
    ),
    PlatformGuide(
        key="instagram",
        usually="hours, at most about 2 days",
        name="Instagram",
        link="https://accountscenter.instagram.com/info_and_permissions/dyi/",
        steps=(
            "Open Accounts Center: Settings → Accounts Center.",
            "Choose 'Your information and permissions' → 'Download your information'.",
            "Choose 'Download or transfer information', pick your Instagram account, then "
            "'All available information' and 'Download to device'.",
            "Set the options below and press 'Create files'.",
            "Download the zip file(s) from the e-mail or notification and add them here.",
        ),
        choose=(
            "Date range: All time",
            "Format: JSON",
            "Media quality: High",
        ),
        delay="Usually within a few hours, at most about 48 hours for large accounts. "
        "The download link stays for about four days.",
        photos="Posts, stories, reels, profile pictures and photos sent in direct messages, with "
        "captions, dates and places.",
        aliases=("ig", "insta"),
    ),
    PlatformGuide(
        key="google",
        usually="minutes to days",
        name="Google Takeout (Google Photos)",
        link="https://takeout.google.com/",
        steps=(
            "Open Google Takeout and press 'Deselect all'.",
            "Tick 'Google Photos' (and 'Profile' for your Google profile picture).",
            "Press 'Next step', set the options below and press 'Create export'.",
            "Download every part (takeout-…-001.zip, -002.zip, …) and add all of them here: "
            "a photo and its details can sit in different parts.",
        ),
        choose=(
            "Destination: Send download link via email",
            "Frequency: Export once",
            "File type: .zip; size: 50 GB (fewer parts)",
            "Google Photos: all photo albums included",
        ),
        delay="From a few minutes to a few days, depending on the size of your library. "
        "The parts can be downloaded for about a week.",
        photos="Your Google Photos library and albums with the time taken, places, descriptions "
        "and names of people you tagged; archived and binned photos are marked.",
        aliases=("takeout", "google photos", "google-photos", "gphotos"),
    ),
    PlatformGuide(
        key="x",
        usually="a day or more",
        name="X (Twitter)",
        link="https://x.com/settings/download_your_data",
        steps=(
            "Open More → Settings and privacy → Your account → 'Download an archive of your data'.",
            "Confirm your password and the code X sends you.",
            "Press 'Request archive'.",
            "When X tells you it is ready, download the zip from the same page and add it here.",
        ),
        choose=("Nothing to choose: the archive always includes your media.",),
        delay="24 hours or longer.",
        photos="Photos in your posts, your avatar and header, photos in direct messages; posts "
        "keep their date, text and place.",
        aliases=("twitter", "tweets"),
    ),
    PlatformGuide(
        key="tiktok",
        usually="up to a few days",
        name="TikTok",
        link="https://www.tiktok.com/setting/download-your-data",
        steps=(
            "Open Profile → menu → Settings and privacy → Account → 'Download your data'.",
            "Choose the options below and press 'Request data'.",
            "Check the 'Download data' tab; when the file is ready, download it and add it here.",
        ),
        choose=("Format: JSON (machine-readable)", "Data: All data"),
        delay="Up to a few days; the file then stays available for about four days.",
        photos="TikTok's export holds links to your videos, not the files: the app lists them "
        "as 'not included in this export'. Ask TikTok for a copy of the media itself with an "
        "access request (Requests page).",
    ),
    PlatformGuide(
        key="snapchat",
        usually="about a day",
        name="Snapchat",
        link="https://accounts.snapchat.com/v2/download-my-data",
        steps=(
            "Log in at accounts.snapchat.com and choose 'My Data'.",
            "Tick 'Export your Memories' and the other data you want, set the options below.",
            "Press 'Submit'; Snapchat e-mails a link when the file is ready.",
            "Download the zip and add it here.",
        ),
        choose=(
            "Export your Memories: on (otherwise photos are only links)",
            "Export JSON files: on",
            "Date range: All time",
        ),
        delay="Usually within a day; large Memories exports can take longer.",
        photos="Memories saved with 'Export your Memories' are included; without it the export "
        "only links to them and the app lists them as 'not included in this export'.",
        aliases=("snap",),
    ),
    PlatformGuide(
        key="whatsapp",
        usually="at once (per chat)",
        name="WhatsApp",
        link="https://faq.whatsapp.com/1180414079177245/",
        steps=(
            "WhatsApp has no download of all your photos: export each chat that matters.",
            "Open the chat → contact or group name (iPhone) or ⋮ → More (Android) → 'Export chat'.",
            "Choose 'Attach media' / 'Include media' and save or send the zip to this computer.",
            "Add each chat's zip here.",
        ),
        choose=("Include media: yes",),
        delay="At once, on your phone. (The separate 'Request account info' report takes about "
        "three days and holds no photos.)",
        photos="Photos sent and received in the exported chat, with the date and sender.",
        aliases=("wa",),
    ),
    PlatformGuide(
        key="linkedin",
        usually="10 minutes to a day",
        name="LinkedIn",
        link="https://www.linkedin.com/mypreferences/d/download-my-data",
        steps=(
            "Open Me → Settings & Privacy → Data privacy → 'Get a copy of your data'.",
            "Choose the option below and press 'Request archive'.",
            "LinkedIn e-mails you when it is ready; download the zip from the same page.",
        ),
        choose=("'Download larger data archive' (everything, including your profile photo)",),
        delay="About 10 minutes for the first part; the full archive within about 24 hours.",
        photos="LinkedIn's archive holds little media; your profile photo is best added as a "
        "saved copy or your profile's URL.",
    ),
    PlatformGuide(
        key="icloud",
        usually="up to 7 days",
        name="iCloud Photos (Apple)",
        link="https://privacy.apple.com/",
        steps=(
            "Sign in at privacy.apple.com with your Apple Account (on a computer or iPad).",
            "Choose 'Request a copy of your data'.",
            "Tick 'iCloud Photos', press 'Continue', choose the largest file size and "
            "'Complete request'.",
            "When Apple e-mails you, download every 'iCloud Photos Part k of N.zip' and add "
            "them all here.",
        ),
        choose=("Data: iCloud Photos", "Maximum file size: the largest offered (fewer parts)"),
        delay="Up to seven days (Apple checks the request came from you); the files stay for "
        "two weeks.",
        photos="Your iCloud library in full quality with EXIF (time, place) and whether a photo "
        "was hidden or deleted.",
        aliases=("apple", "icloud photos"),
    ),
    PlatformGuide(
        key="telegram",
        usually="minutes (24 h on a new computer)",
        name="Telegram",
        link="https://desktop.telegram.org/",
        steps=(
            "Install Telegram Desktop on a computer and log in.",
            "Open Settings → Advanced → 'Export Telegram data'.",
            "Tick the options below and press 'Export'.",
            "Add the folder it writes (DataExport_…) here.",
        ),
        choose=(
            "Account information and profile pictures: on",
            "Personal chats and private groups, with Photos: on",
            "Format: Machine-readable JSON",
        ),
        delay="Usually minutes. On a newly logged-in computer Telegram may ask you to wait "
        "24 hours and confirm from another device before the export starts.",
        photos="Your profile pictures and photos in your chats, with dates and senders.",
        aliases=("tg",),
    ),
)


def platform_guide(name: str) -> PlatformGuide | None:
    """The guide for a platform, by key, name or a common alias (any case)."""
    wanted = name.strip().lower()
    for guide in GUIDES:
        if wanted in (guide.key, guide.name.lower(), *guide.aliases):
            return guide
    for guide in GUIDES:  # "Google", "Twitter" and other first words
        if guide.name.lower().split(" ")[0] == wanted:
            return guide
    return None


def guide_text(guide: PlatformGuide, width: int = 78) -> str:
    """A guide as plain text for the terminal."""
    wrap = textwrap.TextWrapper(width=width, subsequent_indent="   ")
    lines = [guide.name, "=" * len(guide.name), f"Request it at: {guide.link}", ""]
    lines += [wrap.fill(f"{n}. {step}") for n, step in enumerate(guide.steps, 1)]
    lines += ["", "Choose:"] + [wrap.fill(f" - {option}") for option in guide.choose]
    lines += ["", textwrap.fill(f"How long: {guide.delay}", width)]
    lines += [textwrap.fill(f"What the audit finds in it: {guide.photos}", width)]
    return "\n".join(lines)


def overview_text() -> str:
    """Every platform in one line each, for `exposure-audit guide` without a platform."""
    rows = [f"  {g.key:<10} {g.name:<31} {g.usually}" for g in GUIDES]
    return "\n".join(
        [
            "How to get your data: request an export from each platform you use, then add",
            "the downloaded files under 'Where to look' in the app (or scan --source).",
            "",
            f"  {'PLATFORM':<10} {'':<31} USUALLY READY IN",
            *rows,
            "",
            "exposure-audit guide PLATFORM   shows the steps, the link and what to choose.",
        ]
    )
