"""Photos and faces written straight into an audit, as a scan records them, without a scan."""

from __future__ import annotations

import hashlib
import json

from exposure_audit.audit.store import Audit, ItemRecord, LocationRecord
from exposure_audit.faces.detection import Box


def face_box(index: int) -> Box:
    """A box of its own for the ``index``-th face of a photo (top, right, bottom, left)."""
    return (10, 90 + 100 * index, 90, 10 + 100 * index)


def record_photo(
    audit: Audit,
    source_id: int,
    location: str,
    distances: list[float | None],
    *,
    run_id: int | None = None,
    sha256: str | None = None,
) -> int:
    """Record a photo at ``location`` with one face per distance; returns the photo's id."""
    run = audit.start_run() if run_id is None else run_id
    item = ItemRecord(
        sha256=sha256 or hashlib.sha256(location.encode()).hexdigest(),
        size=1000,
        status="done",
        refs_key=audit.references_key(),
        detector="hog",
        format="JPEG",
        width=800,
        height=600,
        faces=[(face_box(index), distance) for index, distance in enumerate(distances)],
    )
    place = LocationRecord(
        source_id,
        location,
        fingerprint=f"fingerprint of {location}",
        status="image",
        run_id=run,
        context=json.dumps({"platform": "facebook", "audience": "public"}),
    )
    return audit.record_item(item, [place])
