"""Enrolment work for the 'You' page: judge selfies, keep the good ones, remember their face crops.

Runs on a worker thread. Face crops are kept in the audit's private cache folder (mode 0600),
which 'Forget everything' removes with the audit.
"""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image
from PySide6.QtGui import QImage

from exposure_audit.audit.store import Audit
from exposure_audit.errors import BadData
from exposure_audit.faces.detection import Box
from exposure_audit.faces.enrolment import SelfieReport, assess_selfie, check_agreement
from exposure_audit.imaging import read_image, thumbnail_jpeg
from exposure_audit.private_files import write_private
from exposure_audit.storage import cache_dir_for, private_dir
from ui.models.findings import SelfieEntry
from ui.workers import with_audit

CROP_SIDE = 160


def crop_face(data: bytes, box: Box | None) -> bytes:
    """A square JPEG around the face (or the whole photo when no face was found)."""
    if box is None:
        return thumbnail_jpeg(data, side=CROP_SIDE)
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
    crop.thumbnail((CROP_SIDE, CROP_SIDE))
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
    image = QImage.fromData(jpeg, "JPEG")
    return None if image.isNull() else image


def load_selfies(audit_path: Path) -> list[SelfieEntry]:
    """The enrolled selfies with their verdicts and crops."""
    references = with_audit(audit_path, lambda audit: audit.references())
    entries = []
    for ref in references:
        crop = _crop_path(audit_path, ref.sha256)
        entries.append(
            SelfieEntry(
                name=ref.label,
                sha256=ref.sha256,
                usable=True,
                notes=list(ref.quality.get("notes") or []),
                crop=_image(crop.read_bytes() if crop.exists() else None),
                reference_id=ref.id,
            )
        )
    return entries


def read_files(paths: list[str]) -> list[tuple[str, bytes]]:
    selfies = []
    for raw in paths:
        path = Path(raw)
        try:
            selfies.append((path.name, path.read_bytes()))
        except OSError as exc:
            raise BadData(f"cannot read {path}: {exc.strerror}") from exc
    return selfies


def enrol(audit_path: Path, selfies: list[tuple[str, bytes]]) -> list[SelfieEntry]:
    """Judge new selfies against each other and the enrolled ones; store the usable ones."""
    existing = with_audit(audit_path, lambda audit: audit.references())
    reports = [assess_selfie(data, name) for name, data in selfies]
    known = [SelfieReport(r.label, r.sha256, r.box, r.encoding) for r in existing]
    check_agreement(known + reports)
    entries = []
    with Audit.open(audit_path, create=False) as audit:
        for report, (_, data) in zip(reports, selfies, strict=True):
            entries.append(_entry(audit, report, data))
    return entries


def _entry(audit: Audit, report: SelfieReport, data: bytes) -> SelfieEntry:
    try:
        jpeg = crop_face(data, report.box)
    except BadData:
        jpeg = None
    reference_id = None
    if report.usable:
        assert report.encoding is not None
        assert report.box is not None
        reference_id = audit.add_reference(
            report.name, report.sha256, report.encoding, report.box, report.to_dict()
        )
        if jpeg:
            _save_crop(audit.path, report.sha256, jpeg)
    return SelfieEntry(
        name=report.name,
        sha256=report.sha256,
        usable=report.usable,
        problems=list(report.problems),
        notes=list(report.notes),
        crop=_image(jpeg),
        reference_id=reference_id,
    )
