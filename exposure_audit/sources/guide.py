"""How to get your data: for each platform the app reads, how to request the export.

The texts are kept in English (marked with ``N_``) and shown through ``shown()``, in the
language in force when they are shown. The quoted menu names are the platforms' English ones;
translators write the names each platform shows in their language.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass, replace

from exposure_audit.i18n import N_, _


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

    def shown(self) -> PlatformGuide:
        """The guide with its texts in the language in force."""
        return replace(
            self,
            steps=tuple(_(step) for step in self.steps),
            choose=tuple(_(option) for option in self.choose),
            delay=_(self.delay),
            photos=_(self.photos),
            usually=_(self.usually),
        )


GUIDES: tuple[PlatformGuide, ...] = (
    PlatformGuide(
        key="facebook",
        usually=N_("hours to a few days"),
        name="Facebook",
        link="https://accountscenter.facebook.com/info_and_permissions/dyi/",
        steps=(
            N_("Open Accounts Center: Settings & privacy → Settings → Accounts Center."),
            N_("Choose 'Your information and permissions' → 'Download your information'."),
            N_(
                "Choose 'Download or transfer information', pick your Facebook profile, then "
                "'Available information' (everything) and 'Download to device'."
            ),
            N_("Set the options below and press 'Create files'."),
            N_(
                "When Facebook notifies you, download every part of the export (it may be split "
                "into several zip files) and add all of them here."
            ),
        ),
        choose=(
            N_("Date range: All time"),
            N_("Format: JSON"),
            N_("Media quality: High"),
        ),
        delay=N_(
            "Usually a few hours; large accounts can take several days. "
            "The download link stays for about four days."
        ),
        photos=N_(
            "Profile and cover pictures, posts and albums, photos sent in messages, with "
            "dates, places, captions and audience."
        ),
        aliases=("fb", "meta"),
    ),
    PlatformGuide(
        key="instagram",
        usually=N_("hours, at most about 2 days"),
        name="Instagram",
        link="https://accountscenter.instagram.com/info_and_permissions/dyi/",
        steps=(
            N_("Open Accounts Center: Settings → Accounts Center."),
            N_("Choose 'Your information and permissions' → 'Download your information'."),
            N_(
                "Choose 'Download or transfer information', pick your Instagram account, then "
                "'All available information' and 'Download to device'."
            ),
            N_("Set the options below and press 'Create files'."),
            N_("Download every zip file from the e-mail or notification and add them here."),
        ),
        choose=(
            N_("Date range: All time"),
            N_("Format: JSON"),
            N_("Media quality: High"),
        ),
        delay=N_(
            "Usually within a few hours, at most about 48 hours for large accounts. "
            "The download link stays for about four days."
        ),
        photos=N_(
            "Posts, stories, reels, profile pictures and photos sent in direct messages, with "
            "captions, dates and places."
        ),
        aliases=("ig", "insta"),
    ),
    PlatformGuide(
        key="google",
        usually=N_("minutes to days"),
        name="Google Takeout (Google Photos)",
        link="https://takeout.google.com/",
        steps=(
            N_("Open Google Takeout and press 'Deselect all'."),
            N_("Tick 'Google Photos' (and 'Profile' for your Google profile picture)."),
            N_("Press 'Next step', set the options below and press 'Create export'."),
            N_(
                "Download every part (takeout-…-001.zip, -002.zip, …) and add all of them here: "
                "a photo and its details can sit in different parts."
            ),
        ),
        choose=(
            N_("Destination: Send download link via email"),
            N_("Frequency: Export once"),
            N_("File type: .zip; size: 50 GB (fewer parts)"),
            N_("Google Photos: all photo albums included"),
        ),
        delay=N_(
            "From a few minutes to a few days, depending on the size of your library. "
            "The parts can be downloaded for about a week."
        ),
        photos=N_(
            "Your Google Photos library and albums with the time taken, places, descriptions "
            "and names of people you tagged; archived and binned photos are marked."
        ),
        aliases=("takeout", "google photos", "google-photos", "gphotos"),
    ),
    PlatformGuide(
        key="x",
        usually=N_("a day or more"),
        name="X (Twitter)",
        link="https://x.com/settings/download_your_data",
        steps=(
            N_(
                "Open More → Settings and privacy → Your account → 'Download an archive of your data'."
            ),
            N_("Confirm your password and the code X sends you."),
            N_("Press 'Request archive'."),
            N_(
                "When X tells you it is ready, download the zip from the same page and add it here."
            ),
        ),
        choose=(N_("Nothing to choose: the archive always includes your media."),),
        delay=N_("24 hours or longer."),
        photos=N_(
            "Photos in your posts, your avatar and header, photos in direct messages; posts "
            "keep their date, text and place."
        ),
        aliases=("twitter", "tweets"),
    ),
    PlatformGuide(
        key="tiktok",
        usually=N_("up to a few days"),
        name="TikTok",
        link="https://www.tiktok.com/setting/download-your-data",
        steps=(
            N_("Open Profile → menu → Settings and privacy → Account → 'Download your data'."),
            N_("Choose the options below and press 'Request data'."),
            N_(
                "Check the 'Download data' tab; when the file is ready, download it and add it here."
            ),
        ),
        choose=(N_("Format: JSON (machine-readable)"), N_("Data: All data")),
        delay=N_("Up to a few days; the file then stays available for about four days."),
        photos=N_(
            "TikTok's export holds links to your videos, not the files: the app lists them "
            "as 'not included in this export'. Ask TikTok for a copy of the media itself with an "
            "access request (Requests page)."
        ),
    ),
    PlatformGuide(
        key="snapchat",
        usually=N_("about a day"),
        name="Snapchat",
        link="https://accounts.snapchat.com/v2/download-my-data",
        steps=(
            N_("Log in at accounts.snapchat.com and choose 'My Data'."),
            N_("Tick 'Export your Memories' and the other data you want, set the options below."),
            N_("Press 'Submit'; Snapchat e-mails a link when the file is ready."),
            N_("Download the zip and add it here."),
        ),
        choose=(
            N_("Export your Memories: on (otherwise photos are only links)"),
            N_("Export JSON files: on"),
            N_("Date range: All time"),
        ),
        delay=N_("Usually within a day; large Memories exports can take longer."),
        photos=N_(
            "Memories saved with 'Export your Memories' are included; without it the export "
            "only links to them and the app lists them as 'not included in this export'."
        ),
        aliases=("snap",),
    ),
    PlatformGuide(
        key="whatsapp",
        usually=N_("at once (per chat)"),
        name="WhatsApp",
        link="https://faq.whatsapp.com/1180414079177245/",
        steps=(
            N_("WhatsApp has no download of all your photos: export each chat that matters."),
            N_(
                "Open the chat → contact or group name (iPhone) or ⋮ → More (Android) → 'Export chat'."
            ),
            N_(
                "Choose 'Attach media' / 'Include media' and save or send the zip to this computer."
            ),
            N_("Add each chat's zip here."),
        ),
        choose=(N_("Include media: yes"),),
        delay=N_(
            "At once, on your phone. (The separate 'Request account info' report takes about "
            "three days and holds no photos.)"
        ),
        photos=N_("Photos sent and received in the exported chat, with the date and sender."),
        aliases=("wa",),
    ),
    PlatformGuide(
        key="linkedin",
        usually=N_("10 minutes to a day"),
        name="LinkedIn",
        link="https://www.linkedin.com/mypreferences/d/download-my-data",
        steps=(
            N_("Open Me → Settings & Privacy → Data privacy → 'Get a copy of your data'."),
            N_("Choose the option below and press 'Request archive'."),
            N_("LinkedIn e-mails you when it is ready; download the zip from the same page."),
        ),
        choose=(N_("'Download larger data archive' (everything, including your profile photo)"),),
        delay=N_("About 10 minutes for the first part; the full archive within about 24 hours."),
        photos=N_(
            "LinkedIn's archive holds little media; your profile photo is best added as a "
            "saved copy or your profile's URL."
        ),
    ),
    PlatformGuide(
        key="icloud",
        usually=N_("up to 7 days"),
        name="iCloud Photos (Apple)",
        link="https://privacy.apple.com/",
        steps=(
            N_("Sign in at privacy.apple.com with your Apple Account (on a computer or iPad)."),
            N_("Choose 'Request a copy of your data'."),
            N_(
                "Tick 'iCloud Photos', press 'Continue', choose the largest file size and "
                "'Complete request'."
            ),
            N_(
                "When Apple e-mails you, download every 'iCloud Photos Part k of N.zip' and add "
                "them all here."
            ),
        ),
        choose=(
            N_("Data: iCloud Photos"),
            N_("Maximum file size: the largest offered (fewer parts)"),
        ),
        delay=N_(
            "Up to seven days (Apple checks the request came from you); the files stay for "
            "two weeks."
        ),
        photos=N_(
            "Your iCloud library in full quality with EXIF (time, place) and whether a photo "
            "was hidden or deleted."
        ),
        aliases=("apple", "icloud photos"),
    ),
    PlatformGuide(
        key="telegram",
        usually=N_("minutes (24 h on a new computer)"),
        name="Telegram",
        link="https://desktop.telegram.org/",
        steps=(
            N_("Install Telegram Desktop on a computer and log in."),
            N_("Open Settings → Advanced → 'Export Telegram data'."),
            N_("Tick the options below and press 'Export'."),
            N_("Add the folder it writes (DataExport_…) here."),
        ),
        choose=(
            N_("Account information and profile pictures: on"),
            N_("Personal chats and private groups, with Photos: on"),
            N_("Format: Machine-readable JSON"),
        ),
        delay=N_(
            "Usually minutes. On a newly logged-in computer Telegram may ask you to wait "
            "24 hours and confirm from another device before the export starts."
        ),
        photos=N_("Your profile pictures and photos in your chats, with dates and senders."),
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
    guide = guide.shown()
    wrap = textwrap.TextWrapper(width=width, subsequent_indent="   ")
    request = _("Request it at: {link}").format(link=guide.link)
    lines = [guide.name, "=" * len(guide.name), request, ""]
    lines += [wrap.fill(f"{n}. {step}") for n, step in enumerate(guide.steps, 1)]
    lines += ["", _("Choose:")] + [wrap.fill(f" - {option}") for option in guide.choose]
    lines += ["", textwrap.fill(_("How long: {delay}").format(delay=guide.delay), width)]
    finds = _("What the audit finds in it: {photos}").format(photos=guide.photos)
    lines += [textwrap.fill(finds, width)]
    return "\n".join(lines)


def overview_text() -> str:
    """Every platform in one line each, for `exposure-audit guide` without a platform."""
    rows = [f"  {g.key:<10} {g.name:<31} {_(g.usually)}" for g in GUIDES]
    intro = _(
        "How to get your data: request an export from each platform you use, then add "
        "the downloaded files under 'Where to look' in the app (or scan --source)."
    )
    return "\n".join(
        [
            textwrap.fill(intro, 78),
            "",
            f"  {_('PLATFORM'):<10} {'':<31} {_('USUALLY READY IN')}",
            *rows,
            "",
            _("exposure-audit guide PLATFORM   shows the steps, the link and what to choose."),
        ]
    )
