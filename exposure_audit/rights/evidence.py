"""Findings mapped to their controllers, the evidence annex, and the requester's identity."""

from __future__ import annotations

import io
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import PurePosixPath
from typing import Any

from PIL import Image, ImageFilter

from exposure_audit.audit.store import Audit, FindingRow
from exposure_audit.errors import BadData, UserMistake
from exposure_audit.escaping import safe_link
from exposure_audit.faces.detection import Box
from exposure_audit.i18n import _
from exposure_audit.imaging import read_image
from exposure_audit.rights.controllers import (
    Controller,
    controller_for_platform,
    load_controllers,
    resolve_controller,
)
from exposure_audit.rights.deadlines import due_date, received_on
from exposure_audit.rights.letters import EvidenceRow, Identity, LetterRequest
from exposure_audit.rights.letters.encoding_guard import EncodingGuard
from exposure_audit.rights.letters.request import REGION_OF, exported_account_ids
from exposure_audit.rights.numbering import next_reference
from exposure_audit.sources.containers import read_location
from exposure_audit.vocabulary import Band, Channel, Decision, Jurisdiction, Language, Region

ARCHIVE_SEPARATOR = "!/"
_BREAKING = ("Cc", "Cf", "Zl", "Zp")
THUMBNAIL_SIDE = 256
# A stored thumbnail is made THUMBNAIL_SIDE on its longer side; anything far larger is not one.
STORED_THUMBNAIL_PIXELS = (4 * THUMBNAIL_SIDE) ** 2
BLUR_RADIUS_SHARE = 0.25
BLUR_MARGIN = 0.2  # face boxes are tight: hair and chin stay recognisable otherwise
ADDRESS_KEY, NAME_KEY, EMAIL_KEY, ACCOUNT_PREFIX = "address", "name", "email", "account:"
_EXPORT_NAME = re.compile(r"^(facebook|instagram)-(?P<user>[a-z0-9._]+)-\d", re.IGNORECASE)


# -- controllers ---------------------------------------------------------------------------------


def controller_of(platform: str | None, region: str = "EEA") -> Controller | None:
    """The controller behind an adapter's platform name ("iCloud Photos" → Apple), or None."""
    if not platform:
        return None
    for name in (platform, platform.split()[0]):
        controller = controller_for_platform(name, region)
        if controller is not None:
            return controller
    return None


def chosen_findings(audit: Audit, *, include_strong: bool = False) -> list[FindingRow]:
    """Confirmed findings; with ``include_strong``, undecided strong matches too."""
    rows = audit.findings(decision=Decision.ME)
    if include_strong:
        rows += [r for r in audit.findings(decision=Decision.UNDECIDED) if r.band == Band.STRONG]
    return rows


def controllers_for_findings(
    audit: Audit, region: str = "EEA", *, include_strong: bool = False
) -> dict[str, list[FindingRow]]:
    """Chosen findings grouped by the slug of the controller their platform belongs to."""
    out: dict[str, list[FindingRow]] = {}
    for row in chosen_findings(audit, include_strong=include_strong):
        controller = controller_of(row.context.get("platform"), region)
        if controller is not None:
            out.setdefault(controller.slug, []).append(row)
    return out


def controller_by_slug(slug: str) -> Controller:
    """A bundled controller by slug, or by the platform name people type ("facebook" → meta);
    ``UserMistake`` names the known slugs."""
    controllers = load_controllers()
    if slug in controllers:
        return controllers[slug]
    return resolve_controller(slug)


def face_search_controllers() -> list[Controller]:
    """Companies that collect public photos to make faces searchable."""
    return [c for c in load_controllers().values() if c.kind == "face_search"]


def is_public(row: FindingRow) -> bool:
    """A photo anyone could see: public audience in its export, or found on a web page."""
    context = row.context
    on_the_web = context.get("kind") == "web_page" or str(context.get("platform") or "") == "Web"
    return context.get("audience") == "public" or on_the_web


def public_findings(audit: Audit) -> list[FindingRow]:
    """Confirmed photos of the person that were public: what face-search companies collect."""
    return [row for row in audit.findings(decision=Decision.ME) if is_public(row)]


# -- evidence --------------------------------------------------------------------------------


def export_location(row: FindingRow) -> str:
    """The photo's place inside its export, never the person's own folders around it."""
    return place_in_export(row.source, row.location, row.context)


def place_in_export(source: str, location: str, context: dict[str, Any]) -> str:
    """The export reader's own path when there is one; else the path inside the outermost
    archive; else the location with the source's folder left out."""
    inside = context.get("in_export")
    if inside:
        return str(inside)
    prefix = source + ARCHIVE_SEPARATOR
    if location.startswith(prefix):
        location = location[len(prefix) :]
    if ARCHIVE_SEPARATOR in location and not location.startswith(ARCHIVE_SEPARATOR):
        return location.split(ARCHIVE_SEPARATOR, 1)[1]
    return location


def url_or_id(row: FindingRow) -> str:
    """The photo's URL from the export, else its file name (platforms name files by id)."""
    return url_or_name(row.source, row.location, row.context)


def url_or_name(source: str, location: str, context: dict[str, Any]) -> str:
    """The URL an export gives for a photo, else the file name of its place in the export."""
    url = context.get("url")
    if url:
        return str(url)
    place = place_in_export(source, location, context)
    return PurePosixPath(place.split(ARCHIVE_SEPARATOR)[-1]).name


def finding_date(row: FindingRow) -> str:
    """The day the photo was taken, else uploaded, as YYYY-MM-DD ("" when unknown)."""
    moment = row.context.get("taken_at") or row.context.get("uploaded_at") or ""
    return str(moment)[:10]


def evidence_for(
    audit: Audit,
    controller_slug: str | None = None,
    region: str = "EEA",
    *,
    thumbnails: bool = False,
    include_strong: bool = False,
    face_ids: Iterable[int] | None = None,
) -> list[EvidenceRow]:
    """One annex row per photo location of the chosen findings, for one controller or all.

    Thumbnails (other people's faces blurred) only when asked. Never carries encodings.
    """
    rows = chosen_findings(audit, include_strong=include_strong)
    if controller_slug is not None:
        rows = controllers_for_findings(audit, region, include_strong=include_strong).get(
            controller_slug, []
        )
    if face_ids is not None:
        wanted = set(face_ids)
        rows = [r for r in rows if r.face_id in wanted]
    return _rows(audit, rows, thumbnails)


def _rows(audit: Audit, rows: list[FindingRow], thumbnails: bool) -> list[EvidenceRow]:
    seen: set[tuple[str, str]] = set()
    out: list[EvidenceRow] = []
    cache: dict[int, bytes | None] = {}
    for row in sorted(rows, key=lambda r: (not finding_date(r), finding_date(r), r.location)):
        if (row.source, row.location) in seen:
            continue
        seen.add((row.source, row.location))
        jpeg = None
        if thumbnails:
            if row.item_id not in cache:
                cache[row.item_id] = blurred_thumbnail(audit, row.item_id)
            jpeg = cache[row.item_id]
        platform = str(row.context.get("platform") or "-")
        out.append(
            EvidenceRow(
                platform,
                url_or_id(row),
                export_location(row),
                finding_date(row),
                row.sha256,
                jpeg,
                row.video_time if row.is_video else None,
            )
        )
    return out


def evidence_face_ids(audit: Audit, controller_slug: str, region: str = "EEA") -> list[int]:
    """Face ids of the confirmed findings behind one controller's annex."""
    rows = controllers_for_findings(audit, region).get(controller_slug, [])
    return sorted({r.face_id for r in rows})


# -- thumbnails with other people's faces blurred -------------------------------------------


def others_faces(audit: Audit, item_id: int) -> list[Box]:
    """Boxes of faces in a photo that are not the user's: no match, or decided not me."""
    mine = {r.face_id for r in audit.findings_of_item(item_id) if r.decision != Decision.NOT_ME}
    return [box for face_id, box, _ in audit.faces_of(item_id) if face_id not in mine]


def blur_boxes(image: Image.Image, boxes: Iterable[Box], scale: float) -> Image.Image:
    """``image`` with each (top, right, bottom, left) box, in full-size pixels, blurred away.

    ``scale`` converts the image's pixels to full-size ones (``full = shown * scale``).
    """
    out = image.copy()
    for top, right, bottom, left in boxes:
        pad_x, pad_y = BLUR_MARGIN * (right - left), BLUR_MARGIN * (bottom - top)
        area = (
            max(0, int((left - pad_x) / scale)),
            max(0, int((top - pad_y) / scale)),
            min(out.width, int((right + pad_x) / scale) + 1),
            min(out.height, int((bottom + pad_y) / scale) + 1),
        )
        if area[2] <= area[0] or area[3] <= area[1]:
            continue
        radius = max(2.0, BLUR_RADIUS_SHARE * max(area[2] - area[0], area[3] - area[1]))
        patch = out.crop(area).filter(ImageFilter.GaussianBlur(radius))
        out.paste(patch, area[:2])
    return out


def blurred_thumbnail(audit: Audit, item_id: int, side: int = THUMBNAIL_SIDE) -> bytes | None:
    """A JPEG of the photo with other people's faces blurred, or None if it cannot be read.

    A video's is the best frame of its nearest match, blurred when it was kept.
    """
    mine = [r for r in audit.findings_of_item(item_id) if r.decision != Decision.NOT_ME]
    if any(r.is_video for r in mine):
        return _video_thumbnail(audit, [r.face_id for r in mine], side)
    image, scale = _small_image(audit, item_id, side)
    if image is None:
        return None
    image = blur_boxes(image, others_faces(audit, item_id), scale)
    out = io.BytesIO()
    image.save(out, "JPEG", quality=82)
    return out.getvalue()


def _video_thumbnail(audit: Audit, face_ids: list[int], side: int) -> bytes | None:
    for face_id in face_ids:
        jpeg = audit.video_frame(face_id)
        if jpeg is None:
            continue
        image = Image.open(io.BytesIO(jpeg)).convert("RGB")
        image.thumbnail((side, side))
        out = io.BytesIO()
        image.save(out, "JPEG", quality=82)
        return out.getvalue()
    return None


def _small_image(audit: Audit, item_id: int, side: int) -> tuple[Image.Image | None, float]:
    for source, location in audit.locations_of(item_id):
        try:
            decoded = read_image(read_location(source, location), work_side=side)
        except (BadData, OSError):
            continue
        return Image.fromarray(decoded.rgb), decoded.scale
    return _cached_image(audit, item_id)


def _cached_image(audit: Audit, item_id: int) -> tuple[Image.Image | None, float]:
    """The audit's own thumbnail, when the export is no longer where it was."""
    jpeg = audit.thumbnail(item_id)
    width = audit.photo_width(item_id)
    if jpeg is None or not width:
        return None, 1.0
    try:  # it comes from the audit, which may come from elsewhere: a photo like any other
        decoded = read_image(jpeg, work_side=THUMBNAIL_SIDE, max_pixels=STORED_THUMBNAIL_PIXELS)
    except BadData:
        return None, 1.0
    image = Image.fromarray(decoded.rgb)
    return image, width / image.width


# -- identity --------------------------------------------------------------------------------


def load_identity(audit: Audit) -> Identity | None:
    """The requester's details saved in this audit, or None before they are entered."""
    values = audit.identity()
    if not values.get(NAME_KEY):
        return None
    address = tuple(line for line in values.get(ADDRESS_KEY, "").split("\n") if line)
    accounts = {
        k[len(ACCOUNT_PREFIX) :]: v
        for k, v in sorted(values.items())
        if k.startswith(ACCOUNT_PREFIX)
    }
    return Identity(values[NAME_KEY], address, values.get(EMAIL_KEY) or None, accounts)


def save_identity(audit: Audit, identity: Identity) -> None:
    """Replace the saved identity with ``identity``."""
    values = {NAME_KEY: identity.name, ADDRESS_KEY: "\n".join(identity.postal_address)}
    if identity.email:
        values[EMAIL_KEY] = identity.email
    values.update({ACCOUNT_PREFIX + k: v for k, v in identity.account_ids.items()})
    audit.replace_identity(values)


def suggest_account_ids(audit: Audit) -> dict[str, str]:
    """Account identifiers the exports reveal, e.g. {"Instagram username": "jdoe"}.

    From what the export readers found in the exports, then from the exports' file names.
    """
    out: dict[str, str] = {}
    for account in audit.accounts():
        platform = account.pop("platform", "")
        for key, value in account.items():
            label = one_line(f"{platform} {key.replace('_', ' ')}")
            if label and one_line(str(value)):
                out.setdefault(label, one_line(str(value)))
    names = [PurePosixPath(s.path).name for s in audit.sources()]
    names += [str(r.context.get("export") or "") for r in audit.findings()]
    for name in names:
        match = _EXPORT_NAME.match(name)
        if match:
            user = one_line(match.group("user"))
            if user:
                out.setdefault(f"{match.group(1).capitalize()} username", user)
    return out


def one_line(text: str, limit: int = 200) -> str:
    """``text`` as one short line: line breaks and other control characters become spaces, so
    a crafted export cannot add lines (a "Bcc:" say) to a letter or its e-mail."""
    spaced = "".join(" " if unicodedata.category(ch) in _BREAKING else ch for ch in text)
    return " ".join(spaced.split())[:limit]


# -- first letters ---------------------------------------------------------------------------


@dataclass(frozen=True)
class LetterOptions:
    """What the person chose for a first request (the app's letter form; see ``build_letter``)."""

    types: tuple[str, ...]
    jurisdiction: str = Jurisdiction.EU
    language: str = Language.EN
    region: str | None = None
    grounds: tuple[str, ...] = ()
    restriction_grounds: tuple[str, ...] = ()
    thumbnails: bool = False
    today: date | None = None
    channel: str | None = "email"
    reference_photo: bool = False
    situation: str = ""


def letter_with(audit: Audit, controller_slug: str, options: LetterOptions) -> LetterRequest:
    """``build_letter`` with the choices of a letter form."""
    return build_letter(
        audit,
        controller_slug,
        options.types,
        jurisdiction=options.jurisdiction,
        language=options.language,
        region=options.region,
        grounds=options.grounds,
        restriction_grounds=options.restriction_grounds,
        thumbnails=options.thumbnails,
        today=options.today,
        channel=options.channel,
        reference_photo=options.reference_photo,
        situation=options.situation,
    )


def build_letter(
    audit: Audit,
    controller_slug: str,
    types: Iterable[str],
    *,
    jurisdiction: str = Jurisdiction.EU,
    language: str = Language.EN,
    region: str | None = None,
    grounds: Iterable[str] = (),
    restriction_grounds: Iterable[str] = (),
    thumbnails: bool = False,
    today: date | None = None,
    reference: str = "",
    channel: str | None = "email",
    reference_photo: bool = False,
    situation: str = "",
) -> LetterRequest:
    """A first request to one controller, with the confirmed findings as its annex.

    A face-search company gets the public photos (their URLs) instead. The letter carries the
    reference and the deadline the tracker will record for it when sent on ``today`` by
    ``channel``. Raises ``UserMistake`` for an unknown controller, a bad request, or when no
    identity is saved.
    """
    controller = controller_by_slug(controller_slug)
    identity = load_identity(audit)
    if identity is None:
        raise UserMistake(_("enter your name, address and e-mail first (identity)"))
    area = region or REGION_OF.get(jurisdiction, Region.EEA)
    if controller.kind == "face_search":
        # Only photos with their web address: they locate the company's copies; the others
        # would only tell it which platforms the person uses.
        rows = [
            r for r in _rows(audit, public_findings(audit), thumbnails) if safe_link(r.url_or_id)
        ]
    else:
        rows = evidence_for(audit, controller.slug, area, thumbnails=thumbnails)
    day = today or date.today()
    entity = controller.entity(area)
    received = received_on(day, channel or Channel.EMAIL, entity.timezone)
    return LetterRequest(
        types=frozenset(types),
        controller=controller,
        identity=identity,
        jurisdiction=jurisdiction,
        language=language,
        erasure_grounds=frozenset(grounds),
        restriction_grounds=frozenset(restriction_grounds),
        evidence=tuple(rows),
        reference=reference or next_reference(audit, day),
        letter_date=day,
        due=due_date(received, jurisdiction, country=entity.country, types=types),
        region=region,
        encoding_guard=encoding_guard(audit),
        channel=channel,
        assumed_receipt=received if channel == "post" else None,
        reference_photo=reference_photo,
        situation=situation,
        exported_ids=exported_account_ids(suggest_account_ids(audit)),
    )


def encoding_guard(audit: Audit) -> EncodingGuard:
    """What recognises the audit's own encodings in a letter's text."""
    return EncodingGuard.of(ref.encoding for ref in audit.references())
