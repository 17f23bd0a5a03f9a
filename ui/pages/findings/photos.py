"""The Findings page's work off the GUI thread: a photo (or a video's kept frame) and its faces."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtGui import QImage

from exposure_audit.audit.store import FindingRow
from exposure_audit.errors import BadData
from exposure_audit.faces.detection import Box
from exposure_audit.i18n import _
from exposure_audit.imaging import read_image
from exposure_audit.sources.containers import read_location
from ui.workers import with_audit

LARGE_SIDE = 2400  # the longer side a photo opened large is decoded at


def load_photo(
    audit_path: Path, row: FindingRow, side: int = 1400
) -> tuple[QImage, QSize, list[tuple[int, Box, float | None]]]:
    """(QImage, full size, faces) for the detail pane or the large view (worker thread).

    A video shows the frame its face is best seen in, kept at the scan, with that face alone.
    """
    if row.is_video:
        return _video_frame(audit_path, row)
    decoded = read_image(read_location(row.source, row.location), work_side=side)
    height, width = decoded.rgb.shape[:2]
    image = QImage(decoded.rgb.data, width, height, 3 * width, QImage.Format.Format_RGB888).copy()
    faces = with_audit(audit_path, lambda audit: audit.faces_of(row.item_id))
    return image, QSize(*decoded.full_size), faces


def _video_frame(
    audit_path: Path, row: FindingRow
) -> tuple[QImage, QSize, list[tuple[int, Box, float | None]]]:
    jpeg = with_audit(audit_path, lambda audit: audit.video_frame(row.face_id))
    if jpeg is None:
        raise BadData(_("this video's frame was not kept"))
    image = QImage.fromData(jpeg)
    full = QSize(row.width or image.width(), row.height or image.height())
    return image, full, [(row.face_id, row.box, row.distance)]
