"""The one-page takeaway: the score, the three biggest risks and what to do next, as PDF."""

from __future__ import annotations

import io
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from exposure_audit.audit.store import Audit, FindingRow
from exposure_audit.errors import EnvironmentProblem, UserMistake
from exposure_audit.i18n import N_, _, ngettext
from exposure_audit.i18n.formats import format_date, format_number
from exposure_audit.rights.evidence import blurred_thumbnail, controller_of
from exposure_audit.rights.letters.outputs import to_latin1, unicode_font
from exposure_audit.score import Part, Score, is_indexable, is_public, is_shared, score_of_findings
from exposure_audit.vocabulary import Decision

PAPERS = ("A4", "Letter")
REQUESTS_PAGE = N_("the Requests page of Exposure Audit (in the list of steps on the left)")

RISKS: dict[str, tuple[str, str]] = {
    "public_photos": (
        N_("Photos of you anyone can see"),
        N_("Anyone, face-search companies included, can copy a public photo and match your face."),
    ),
    "indexable_profile_pictures": (
        N_("Profile pictures that crawlers collect"),
        N_(
            "Profile pictures and avatars sit on pages search engines and face-search crawlers "
            "visit."
        ),
    ),
    "gps": (
        N_("Photos that give away where you were"),
        N_("GPS coordinates point to the exact spot: home, work, routines."),
    ),
    "captions": (
        N_("Captions and tags that name places or people"),
        N_("Names and places next to your face make a search for you easy."),
    ),
    "recent": (
        N_("Recent photos"),
        N_("Recent photos show how you look now and where you are these days."),
    ),
    "platforms": (
        N_("Many platforms"),
        N_("Each platform is another copy, another crawler, another company to ask."),
    ),
}

# The menu names are the platforms' own English ones; translators write the names each
# platform shows in their language.
SETTINGS: dict[str, str] = {
    "Facebook": N_(
        "Settings & privacy > Settings > Audience and visibility: set future posts to "
        "Friends, use 'Limit past posts'; choose a profile picture without your face."
    ),
    "Instagram": N_(
        "Settings > Account privacy: turn on Private account; remove the location "
        "from posts (Edit > location)."
    ),
    "Google Photos": N_(
        "Photos settings > Sharing: turn on 'Hide photo location data'; "
        "check shared albums and links."
    ),
    "WhatsApp": N_(
        "Settings > Privacy > Profile photo: My contacts; ask the chat to delete photos of you."
    ),
    "X": N_(
        "Settings > Privacy and safety > Audience and tagging: Protect your posts, turn off "
        "photo tagging."
    ),
    "Telegram": N_("Settings > Privacy and Security > Profile photos: My contacts."),
    "iCloud Photos": N_(
        "Photos > Shared Albums: stop public websites and shared links you no longer need."
    ),
    "Saved web page": N_(
        "Ask the site to remove or change the picture, then ask search engines "
        "to drop the cached copy."
    ),
}
DEFAULT_SETTING = N_("Check who can see your photos there; remove what you no longer want shown.")
CLEAN_COPY = N_(
    'Before you post the next photo, make a clean copy: "Clean copy..." in Exposure Audit, '
    "or exposure-audit clean PHOTO --out FOLDER. It removes the place, the camera and the "
    "dates, and blurs other people's faces."
)


@dataclass(frozen=True)
class PlatformAdvice:
    """What to do on one platform: the setting to change and the letter to send."""

    platform: str
    photos: int
    setting: str
    letter: str | None
    videos: int = 0  # counted apart from ``photos``: a video of you is not a photo of you

    def as_dict(self) -> dict[str, Any]:
        keys = ("platform", "photos", "videos", "setting", "letter")
        return {k: getattr(self, k) for k in keys}

    def heading(self) -> str:
        """ "Instagram (3 photos and 1 video of you)": photos and videos counted apart."""
        if not self.videos:
            heading = ngettext(
                "{platform} ({n} photo of you)", "{platform} ({n} photos of you)", self.photos
            )
            return heading.format(platform=self.platform, n=format_number(self.photos))
        videos = ngettext("{n} video", "{n} videos", self.videos).format(
            n=format_number(self.videos)
        )
        if not self.photos:
            return _("{platform} ({videos} of you)").format(platform=self.platform, videos=videos)
        photos = ngettext("{n} photo", "{n} photos", self.photos).format(
            n=format_number(self.photos)
        )
        return _("{platform} ({photos} and {videos} of you)").format(
            platform=self.platform, photos=photos, videos=videos
        )


@dataclass
class Takeaway:
    """Everything on the page, as plain data; it names no file and no path."""

    score: Score
    risks: list[tuple[Part, str, str]]
    steps: list[PlatformAdvice]
    made_on: str
    photos: list[bytes] = field(default_factory=list)
    clean_copy: bool = False  # photos carry GPS or show other people: point to clean copies

    def as_dict(self) -> dict[str, Any]:
        return {
            "exposure": self.score.as_dict(),
            "risks": [
                {"key": part.key, "title": title, "why": why, "explanation": part.explanation}
                for part, title, why in self.risks
            ],
            "next_steps": [s.as_dict() for s in self.steps],
            "made_on": self.made_on,
            "clean_copy": _(CLEAN_COPY) if self.clean_copy else None,
        }


def _letter(platform: str, rows: list[FindingRow]) -> str | None:
    controller = controller_of(platform)
    if controller is None:
        return None
    if any(is_public(r.context) or is_indexable(r.context) for r in rows):
        return _("Erasure request (GDPR Art. 17) to {company} for the public photos").format(
            company=controller.name
        )
    return _("Access request (GDPR Art. 15) to {company}: ask what else they hold").format(
        company=controller.name
    )


def next_steps(rows: list[FindingRow], limit: int = 5) -> list[PlatformAdvice]:
    """One step per platform sharing photos of the person, the most photos first."""
    by_platform: dict[str, list[FindingRow]] = {}
    for row in rows:
        if is_shared(row.context):
            by_platform.setdefault(str(row.context["platform"]), []).append(row)
    counts = Counter({name: len({r.sha256 for r in group}) for name, group in by_platform.items()})
    return [
        PlatformAdvice(
            name,
            len({r.sha256 for r in by_platform[name] if not r.is_video}),
            _(SETTINGS.get(name, DEFAULT_SETTING)),
            _letter(name, by_platform[name]),
            len({r.sha256 for r in by_platform[name] if r.is_video}),
        )
        for name, _count in counts.most_common(limit)
    ]


def build_takeaway(
    audit: Audit, today: date | None = None, *, with_photos: bool = False
) -> Takeaway:
    """The takeaway of an audit; photos (blurred, public ones first) only when asked for."""
    rows = [r for r in audit.findings() if r.decision != Decision.NOT_ME]
    score = score_of_findings(rows, today)
    risks = [(part, _(RISKS[part.key][0]), _(RISKS[part.key][1])) for part in score.biggest(3)]
    takeaway = Takeaway(score, risks, next_steps(rows), (today or date.today()).isoformat())
    takeaway.clean_copy = _gives_away_places_or_people(audit, rows)
    if with_photos:
        takeaway.photos = _photos(audit, rows)
    return takeaway


def _gives_away_places_or_people(audit: Audit, rows: list[FindingRow]) -> bool:
    """Whether photos of the person carry GPS, or show (or tag) other people too."""
    for row in rows:
        context = row.context
        if context.get("latitude") is not None and context.get("longitude") is not None:
            return True
        if context.get("people") or len(audit.faces_of(row.item_id)) > 1:
            return True
    return False


def _photos(audit: Audit, rows: list[FindingRow], count: int = 3) -> list[bytes]:
    ranked = sorted(rows, key=lambda r: (not is_public(r.context), not is_shared(r.context)))
    out: list[bytes] = []
    seen: set[int] = set()
    for row in ranked:
        if len(out) >= count or row.item_id in seen or not is_shared(row.context):
            continue
        seen.add(row.item_id)
        jpeg = blurred_thumbnail(audit, row.item_id, 240)
        if jpeg:
            out.append(jpeg)
    return out


# -- PDF -------------------------------------------------------------------------------------


class _Page:
    """One page of the chosen paper; ``scale`` shrinks the text until everything fits."""

    def __init__(self, paper: str, scale: float) -> None:
        from fpdf import FPDF  # loaded only when a PDF is written

        self.pdf = FPDF(format=paper)
        self.pdf.set_margins(18, 16, 18)
        self.pdf.set_auto_page_break(True, margin=14)
        self.scale = scale
        font = unicode_font()
        self.unicode = font is not None
        self.family = "Takeaway" if font else "Helvetica"
        if font:
            self.pdf.add_font("Takeaway", "", str(font))
        self.pdf.set_title(_("Your exposure: what to do next"))
        self.pdf.set_creator("Exposure Audit")
        self.pdf.add_page()

    def text(self, value: str, size: float, indent: float = 0, colour: int = 20) -> None:
        size *= self.scale
        self.pdf.set_font(self.family, size=size)
        self.pdf.set_text_color(colour)
        self.pdf.set_x(self.pdf.l_margin + indent)
        shown = value if self.unicode else to_latin1(value)
        self.pdf.multi_cell(0, size * 0.48, shown, align="L", new_x="LMARGIN", new_y="NEXT")

    def gap(self, mm: float) -> None:
        self.pdf.ln(mm * self.scale)


def _score_line(score: Score) -> str:
    if score.score >= 60:
        return _("High: much of your face is out there, easy to find and match.")
    if score.score >= 30:
        return _("Medium: some photos of you are easy to find.")
    if score.score:
        return _("Low: little of your face is exposed.")
    return _("Nothing exposed found.")


def _render(takeaway: Takeaway, page: _Page) -> None:
    page.text(_("Your exposure, on one page"), 20)
    made = _("Made with Exposure Audit on {date}. Everything stayed on the computer.")
    page.text(made.format(date=format_date(takeaway.made_on)), 8.5, colour=90)
    page.gap(3)
    page.text(_("Exposure score: {score} / 100").format(score=takeaway.score.score), 26)
    page.text(_score_line(takeaway.score), 11)
    page.gap(1)
    for part in takeaway.score.parts:
        line = _("{label}: {points} of {weight} points - {explanation}").format(
            label=part.label, points=part.points, weight=part.weight, explanation=part.explanation
        )
        page.text(line, 8.5, 4, 70)
    page.gap(3)
    page.text(_("Your three biggest risks"), 14)
    for number, (part, title, why) in enumerate(takeaway.risks, 1):
        page.text(f"{number}. {title} ({part.explanation})", 11, 2)
        page.text(why, 9, 7, 70)
    if not takeaway.risks:
        page.text(_("None found: no photo of you is shared on a platform."), 10, 2)
    page.gap(3)
    page.text(_("What to do next"), 14)
    for step in takeaway.steps:
        page.text(step.heading(), 11, 2)
        page.text(_("Setting: {setting}").format(setting=step.setting), 9, 7)
        if step.letter:
            letter = _("Letter: {letter}. Write it on {page}.")
            page.text(letter.format(letter=step.letter, page=_(REQUESTS_PAGE)), 9, 7)
    if takeaway.clean_copy:
        page.text(_(CLEAN_COPY), 9, 2)
    page.text(_("Photos only on your own computer add nothing to the score."), 8.5, 2, 90)
    _render_photos(takeaway, page)


def _render_photos(takeaway: Takeaway, page: _Page) -> None:
    if not takeaway.photos:
        return
    page.gap(3)
    page.text(_("Some of the photos (other people's faces blurred)"), 11)
    pdf, height = page.pdf, 30 * page.scale
    top, x = pdf.get_y() + 1, pdf.l_margin
    for jpeg in takeaway.photos:
        info = pdf.image(io.BytesIO(jpeg), x=x, y=top, h=height)
        x += float(info.rendered_width) + 4
    pdf.set_y(top + height + 2)


def write_takeaway(takeaway: Takeaway, path: str | Path, paper: str = "A4") -> Path:
    """Write the takeaway as a one-page PDF on A4 or Letter paper.

    Raises:
        ValueError: ``paper`` is not one of PAPERS.
        EnvironmentProblem: the file cannot be written.
    """
    if paper not in PAPERS:
        raise UserMistake(_("paper must be one of {papers}").format(papers=", ".join(PAPERS)))
    page = _fitted(lambda scale: _Page(paper, scale), takeaway)
    target = Path(path)
    try:
        page.pdf.output(str(target))
        target.chmod(0o600)
    except OSError as exc:
        raise EnvironmentProblem(
            _("cannot write {path}: {reason}").format(path=target.name, reason=exc.strerror or exc)
        ) from exc
    return target


def _fitted(make: Callable[[float], _Page], takeaway: Takeaway) -> _Page:
    scale = 1.0
    while True:
        page = make(scale)
        _render(takeaway, page)
        if page.pdf.page_no() == 1 or scale < 0.5:
            return page
        scale *= 0.9
