"""Enrollment work for the 'You' page: judge selfies, keep the good ones, remember their face crops.

Runs on a worker thread. Face crops are kept in the audit's private cache folder (mode 0600),
which 'Forget everything' removes with the audit.
"""

from __future__ import annotations

import hashlib
import io
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageFilter
from PySide6.QtGui import QImage

from exposure_audit import actions
from exposure_audit.audit.references import Reference
from exposure_audit.audit.store import Audit
from exposure_audit.errors import BadData
from exposure_audit.faces.detection import Box
from exposure_audit.faces.enrollment import Remark, Selfie, SelfieReport
from exposure_audit.i18n import _
from exposure_audit.imaging import read_image, thumbnail_jpeg
from exposure_audit.private_files import write_private
from exposure_audit.rights.opt_out import KIT_SIDE, opt_out_photo
from exposure_audit.storage import cache_dir_for, private_dir
from ui.models.selfies import SelfieEntry
from ui.workers import with_audit

CROP_SIDE = 160


def crop_face(data: bytes, box: Box | None, side: int = CROP_SIDE) -> bytes:
    """A square JPEG around the face (or the whole photo when no face was found)."""
    if box is None:
        return thumbnail_jpeg(data, side=side)
    image = read_image(data)
    top, right, bottom, left = (v / image.scale for v in box)
    margin = (bottom - top) * 0.25
    height, width = image.rgb.shape[:2]
    area = (
        max(0, int(left - margin)),
        max(0, int(top - margin)),
        min(width, int(right + margin)),
        min(height, int(bottom + margin)),
    )
    crop = Image.fromarray(image.rgb).crop(area)
    crop.thumbnail((side, side))
    out = io.BytesIO()
    crop.save(out, "JPEG", quality=85)
    return out.getvalue()


def _crop_path(audit_path: Path, sha256: str) -> Path:
    return cache_dir_for(audit_path) / "selfies" / f"{sha256}.jpg"


def _save_crop(audit_path: Path, sha256: str, jpeg: bytes) -> None:
    path = _crop_path(audit_path, sha256)
    private_dir(path.parent.parent)
    private_dir(path.parent)
    write_private(path, jpeg)


def _image(jpeg: bytes | None) -> QImage | None:
    if not jpeg:
        return None
    image = QImage.fromData(jpeg)
    return None if image.isNull() else image


def load_selfies(audit_path: Path) -> list[SelfieEntry]:
    """Every selfie given so far, used or not, with its verdict and crop."""
    references, rejected = with_audit(
        audit_path, lambda audit: (audit.references(), audit.rejected_selfies())
    )
    entries = [
        SelfieEntry(
            name=ref.label,
            sha256=ref.sha256,
            usable=True,
            notes=_remarks(ref.quality.get("notes")),
            crop=_stored_crop(audit_path, ref.sha256),
            reference_id=ref.id,
        )
        for ref in references
    ]
    for selfie in rejected:
        disagrees = selfie.verdict.get("disagrees")
        entries.append(
            SelfieEntry(
                name=selfie.label,
                sha256=selfie.sha256,
                usable=False,
                problems=_remarks(selfie.verdict.get("problems"))
                + ([Remark.from_stored(disagrees)] if disagrees else []),
                notes=_remarks(selfie.verdict.get("notes")),
                crop=_stored_crop(audit_path, selfie.sha256),
                set_aside=bool(disagrees),
                origin=selfie.origin,
            )
        )
    return entries


def _remarks(stored: object) -> list[Remark]:
    return [Remark.from_stored(r) for r in stored] if isinstance(stored, list) else []


@dataclass(frozen=True)
class KitSource:
    """A selfie the opt-out kit's photo can be made from: the person alone, face stored."""

    sha256: str
    name: str


def opt_out_sources(audit_path: Path) -> list[KitSource]:
    """The used selfies showing the person alone whose face crop is kept, best first.

    Best is the largest face (most detail for a search), then the sharpest. A selfie with
    other people in it is never offered: its stored crop may hold part of their faces.
    """
    references = with_audit(audit_path, lambda audit: audit.references())
    alone = [
        ref
        for ref in references
        if ref.quality.get("face_count") == 1 and _crop_path(audit_path, ref.sha256).is_file()
    ]

    def quality(ref: Reference) -> tuple[int, float]:
        top, right, bottom, left = ref.box
        return (right - left) * (bottom - top), float(ref.quality.get("sharpness") or 0.0)

    alone.sort(key=quality, reverse=True)
    return [KitSource(ref.sha256, ref.label) for ref in alone]


def opt_out_kit_photo(audit_path: Path, sha256: str) -> bytes:
    """The opt-out kit's photo made from the stored face of the selfie ``sha256``.

    Raises:
        BadData: the selfie is no longer kept, or its face is not found again.
    """
    references = with_audit(audit_path, lambda audit: audit.references())
    mine = next((ref for ref in references if ref.sha256 == sha256), None)
    crop = _crop_path(audit_path, sha256)
    if mine is None or not crop.is_file():
        raise BadData(_("This selfie is no longer kept: choose another one."))
    return opt_out_photo(crop.read_bytes(), mine.encoding)


def _stored_crop(audit_path: Path, sha256: str) -> QImage | None:
    crop = _crop_path(audit_path, sha256)
    return _image(crop.read_bytes() if crop.exists() else None)


def read_files(paths: list[str]) -> list[Selfie]:
    selfies = []
    for raw in paths:
        path = Path(raw)
        try:
            selfies.append(Selfie(path.name, path.read_bytes(), str(path.resolve())))
        except OSError as exc:
            raise BadData(
                _("cannot read %(path)s: %(problem)s") % {"path": path, "problem": exc.strerror}
            ) from exc
    return selfies


# Called on the worker thread with each selfie: first pending, then judged where that is known.
SelfieProgress = Callable[[SelfieEntry], None]


def enroll(
    audit_path: Path,
    selfies: list[Selfie],
    *,
    all_me: bool = False,
    progress: SelfieProgress | None = None,
) -> list[SelfieEntry]:
    """Judge new selfies against each other and the enrolled ones; keep every verdict.

    ``progress`` gets each selfie at once, pending, with a thumbnail of its photo; then each
    selfie that is unusable whatever the others look like, with its verdict, as soon as it is
    judged. Returns every selfie given so far, as ``load_selfies`` does.
    """
    show = progress or _unwatched
    data = _show_pending(selfies, show)
    crops: dict[str, bytes | None] = {}

    def assessed(report: SelfieReport) -> None:
        if report.problems:  # comparing it with the other selfies cannot change its verdict
            crops[report.sha256] = _crop(report, data[report.sha256])
            show(_unusable(report, crops[report.sha256]))

    with Audit.open(audit_path, create=False) as audit:
        reports = actions.enroll_selfies(audit, selfies, all_me=all_me, on_assessed=assessed)
    for report in (r for r in reports if r.sha256 in data):
        if report.sha256 not in crops:
            crops[report.sha256] = _crop(report, data[report.sha256])
        jpeg = crops[report.sha256]
        if jpeg is not None:
            _save_crop(audit_path, report.sha256, jpeg)
    return load_selfies(audit_path)


def _unwatched(_entry: SelfieEntry) -> None:
    """Progress nobody is shown."""


def _show_pending(selfies: list[Selfie], show: SelfieProgress) -> dict[str, bytes]:
    """Show each selfie as pending; returns their bytes by SHA-256 (a selfie given twice once)."""
    data: dict[str, bytes] = {}
    for selfie in selfies:
        sha256 = hashlib.sha256(selfie.data).hexdigest()
        if sha256 not in data:
            data[sha256] = selfie.data
            show(
                SelfieEntry(
                    name=selfie.name,
                    sha256=sha256,
                    usable=False,
                    crop=_photo_thumbnail(selfie.data),
                    origin=selfie.origin,
                    pending=True,
                )
            )
    return data


def _photo_thumbnail(data: bytes) -> QImage | None:
    """The photo, blurred: until it is judged, whose face it shows is not known."""
    try:
        return _image(_blurred(thumbnail_jpeg(data, side=CROP_SIDE)))
    except BadData:
        return None  # it gets its verdict ("cannot read this photo") in a moment


def _unusable(report: SelfieReport, crop: bytes | None) -> SelfieEntry:
    """A selfie with problems as ``load_selfies`` will show it once it is stored."""
    return SelfieEntry(
        name=report.name,
        sha256=report.sha256,
        usable=False,
        problems=list(report.problems),
        notes=list(report.notes),
        crop=_image(crop),
        origin=report.origin,
    )


def _crop(report: SelfieReport, data: bytes) -> bytes | None:
    """The face crop shown next to the verdict; blurred when it looks like someone else.

    A usable selfie of the person alone is kept large enough to be the opt-out kit's photo
    (see ``opt_out_sources``); any other at the size the list shows.
    """
    alone = report.usable and report.face_count == 1
    try:
        jpeg = crop_face(data, report.box, KIT_SIDE if alone else CROP_SIDE)
    except BadData:
        return None
    return _blurred(jpeg) if report.disagrees else jpeg


def _blurred(jpeg: bytes) -> bytes:
    image = Image.open(io.BytesIO(jpeg)).filter(ImageFilter.GaussianBlur(CROP_SIDE / 12))
    out = io.BytesIO()
    image.save(out, "JPEG", quality=85)
    return out.getvalue()


def all_me(
    audit_path: Path, entries: list[SelfieEntry], progress: SelfieProgress | None = None
) -> list[SelfieEntry]:
    """Use the selfies set aside as someone else's after all: the user says they are all theirs.

    Each is read again from the file it came from; ``progress`` is as for ``enroll``.

    Raises:
        BadData: a selfie's file is gone or cannot be read (add it again).
    """
    selfies = []
    for entry in entries:
        if entry.origin is None:
            raise BadData(
                _("%(name)s was pasted: add it again, then say these are all you")
                % {"name": entry.name}
            )
        (selfie,) = read_files([entry.origin])
        selfies.append(Selfie(entry.name, selfie.data, entry.origin))
    return enroll(audit_path, selfies, all_me=True, progress=progress)
