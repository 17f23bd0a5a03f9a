"""Work behind the Requests page, run on worker threads: letters, identity, tracked requests."""

from __future__ import annotations

import tempfile
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

from exposure_audit import actions
from exposure_audit.audit.store import Audit
from exposure_audit.errors import EnvironmentProblem
from exposure_audit.i18n import N_, _
from exposure_audit.private_files import write_private
from exposure_audit.report.build import write_report
from exposure_audit.rights import tracker
from exposure_audit.rights.controllers import load_authorities, load_controllers
from exposure_audit.rights.evidence import (
    LetterOptions,
    controller_by_slug,
    controllers_for_findings,
    face_search_controllers,
    letter_with,
    public_findings,
    suggest_account_ids,
)
from exposure_audit.rights.evidence import load_identity as load
from exposure_audit.rights.letters import (
    Identity,
    LetterRequest,
    mailto_link,
    photo_path,
    render_eml,
    render_pdf,
    render_text,
)
from exposure_audit.vocabulary import FollowUp
from ui.models.requests import ControllerRow
from ui.pages.requests.reply_dialog import ReplyChoice
from ui.widgets.identity_form import IdentityFields

LINK_WORDS = {
    "data_download": N_("Download your data"),
    "account_deletion": N_("Delete your account"),
    "face_recognition_setting": N_("Face recognition setting"),
}


@dataclass(frozen=True)
class Letter:
    """A letter ready to save: the core's request, its text and its mailto link.

    ``kind`` is "first" or a ``FollowUp`` ("reminder", "complaint", "reply"); ``request_id`` names the tracked request a
    follow-up belongs to.
    """

    request: LetterRequest
    text: str
    mailto: str
    kind: str = "first"
    request_id: int | None = None


def load_identity(audit: Audit) -> tuple[Any, dict[str, str]]:
    """(saved Identity or None, account names suggested by the exports)."""
    return load(audit), suggest_account_ids(audit)


def platform_names(_audit: Audit) -> set[str]:
    """The platform names an account id may start with ("facebook", "instagram", …)."""
    from exposure_audit.rights.letters.request import known_platforms

    return known_platforms()


def save_identity(audit: Audit, fields: IdentityFields) -> Any:
    identity = Identity(fields.name, fields.postal_address, fields.email, fields.account_ids)
    return actions.save_identity(audit, identity)


def controller_rows(audit: Audit, region: str, include_strong: bool) -> list[ControllerRow]:
    """One row per controller of the chosen findings, most photos first; then the face-search
    companies when some confirmed photos were public (what such companies collect)."""
    out = []
    groups = controllers_for_findings(audit, region, include_strong=include_strong)
    for slug, rows in groups.items():
        controller = controller_by_slug(slug)
        entity = controller.entity(region)
        links = {
            _(LINK_WORDS[key]) if key in LINK_WORDS else key.replace("_", " ").capitalize(): url
            for key, url in controller.self_service.items()
            if url
        }
        photos = len({row.item_id for row in rows})
        out.append(
            ControllerRow(
                slug, controller.name, entity.name, photos, entity.email, entity.webform, links
            )
        )
    out.sort(key=lambda r: (-r.photos, r.name))
    public = len({row.item_id for row in public_findings(audit)})
    if public:
        for controller in face_search_controllers():
            entity = controller.entity(region)
            out.append(
                ControllerRow(
                    controller.slug,
                    controller.name,
                    entity.name,
                    public,
                    entity.email,
                    entity.webform,
                    {},
                    face_search=True,
                )
            )
    return out


def first_letter(
    audit: Audit, slug: str, options: LetterOptions, photo: bytes | None = None
) -> Letter | None:
    """The first request to ``slug`` with the page's options; None before details are saved.

    ``photo`` is the opt-out kit's photo the letter encloses (``options.reference_photo``).
    """
    if load(audit) is None:
        return None
    request = letter_with(audit, slug, options)
    if photo is not None:
        request = replace(request, reference_photo_jpeg=photo)
    return _letter(request, "first", None)


def follow_up(
    audit: Audit, request_id: int, kind: FollowUp, today: date, country: str | None = None
) -> Letter:
    """The reminder or the complaint for a tracked request (``UserMistake`` if none is possible).

    The complaint goes to the authority where the person lives, unless ``country`` names one;
    ``tracker.ResidenceUnknown`` when the address does not say.
    """
    tracked = tracker.get_request(audit, request_id)
    if kind == FollowUp.REMINDER:
        request = tracker.reminder_for(audit, tracked, today)
    else:
        request = tracker.complaint_for(audit, tracked, today, country)
    return _letter(request, kind, request_id)


def reply_letter(audit: Audit, request_id: int, choice: ReplyChoice, today: date) -> Letter:
    """The letter answering what came back for a tracked request (no answer: the reminder,
    then the complaint). ``UserMistake`` when the choice does not fit the request."""
    tracked = tracker.get_request(audit, request_id)
    request = tracker.reply_letter_for(
        audit, tracked, choice.kind, choice.received_on, choice.missing, today
    )
    return _letter(request, str(request.follow_up), request_id)


def authority_choices() -> list[tuple[str, str]]:
    """(key, label) of every bundled authority, for asking where the person lives."""
    return sorted(
        ((key, f"{key}: {a.name}") for key, a in load_authorities().items()), key=lambda c: c[0]
    )


def _letter(request: LetterRequest, kind: str, request_id: int | None) -> Letter:
    return Letter(request, render_text(request), mailto_link(request), kind, request_id)


def record(audit: Audit, letter: Letter, sent_on: date, channel: str) -> int:
    """Track a first letter as sent, or note a follow-up's date on its request; returns its id."""
    return actions.record_letter(audit, letter.request, sent_on, channel, letter.request_id)


def requests(audit: Audit, today: date) -> tuple[list[Any], dict[str, str]]:
    """Every tracked request's status on ``today``, and the companies' names by slug."""
    names = {slug: c.name for slug, c in load_controllers().items()}
    return tracker.list_requests(audit, today), names


def _writing(path: Path, write: Any) -> Path:
    try:
        write()
    except OSError as exc:
        raise EnvironmentProblem(
            _("Cannot write %(path)s: %(problem)s. Choose another folder or free some space.")
            % {"path": path, "problem": exc.strerror or exc}
        ) from exc
    return path


def _photo_beside(letter: Letter, path: Path) -> None:
    """The reference photo the letter encloses, written owner-only beside the letter."""
    jpeg = letter.request.reference_photo_jpeg
    if jpeg is not None:
        photo = photo_path(path)
        _writing(photo, lambda: write_private(photo, jpeg))


def save_pdf(letter: Letter, path: Path, thumbnails: bool) -> Path:
    """The letter as PDF; the reference photo it encloses beside it."""

    def write() -> None:
        render_pdf(letter.request, path, include_thumbnails=thumbnails)
        _photo_beside(letter, path)

    return _writing(path, write)


def save_eml(letter: Letter, path: Path, thumbnails: bool) -> Path:
    """An .eml draft with the letter as body and its PDF (with the annex) attached; the
    reference photo it encloses attached too, and beside it."""

    def write() -> None:
        with tempfile.TemporaryDirectory() as folder:
            pdf = Path(folder) / f"{path.stem}.pdf"
            render_pdf(letter.request, pdf, include_thumbnails=thumbnails)
            render_eml(letter.request, path, pdf=pdf)
        _photo_beside(letter, path)

    return _writing(path, write)


def save_text(letter: Letter, path: Path) -> Path:
    """The letter as plain text; the reference photo it encloses beside it."""

    def write() -> None:
        write_private(path, letter.text)
        _photo_beside(letter, path)

    return _writing(path, write)


def save_ics(audit: Audit, path: Path) -> Path:
    text = tracker.ics(audit)
    return _writing(path, lambda: write_private(path, text))


def save_report(audit: Audit, path: Path) -> Path:
    return _writing(path, lambda: write_report(audit, path))
