"""Findings as plain data for JSON, CSV, reports and the app, with their exposure level."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypedDict

from exposure_audit.audit.store import FindingRow
from exposure_audit.exports.context import PhotoContext
from exposure_audit.exposure import exposure_level
from exposure_audit.vocabulary import ExposureLevel


class Exposure(TypedDict):
    """A finding's exposure level and the plain reasons behind it, as JSON holds them."""

    level: ExposureLevel
    reasons: list[str]


def finding_dict(row: FindingRow) -> dict[str, Any]:
    """A finding as JSON: location, distance, band, box, and the photo's context."""
    out: dict[str, Any] = {
        "source": row.source,
        "location": row.location,
        "distance": round(row.distance, 4),
        "band": row.band,
        "box": list(row.box),
        "sha256": row.sha256,
        "face_id": row.face_id,
        "decision": row.decision,
        "format": row.format,
        "width": row.width,
        "height": row.height,
        "media": row.media,
    }
    if row.is_video:
        out["video_time"] = row.video_time
        out["video_spans"] = [list(span) for span in row.video_spans]
    out.update({k: v for k, v in row.context.items() if k != "in_export"})
    out["exposure"] = exposure_of(row.context)
    return out


def exposure_of(context: Mapping[str, Any]) -> Exposure:
    """The exposure level of a finding and the plain reasons behind it."""
    level, reasons = exposure_level(PhotoContext.from_dict(dict(context)))
    return {"level": level, "reasons": reasons}
