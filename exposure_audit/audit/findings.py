"""Findings: the user's face matched at a location, and the user's decisions on them."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from exposure_audit.audit.database import Database, now_iso
from exposure_audit.audit.settings import Settings
from exposure_audit.audit.stored_values import checked_threshold
from exposure_audit.faces.detection import Box, band_for
from exposure_audit.vocabulary import Band, Decision, MediaKind

SCHEMA = """
CREATE TABLE decisions(
    face_id INTEGER PRIMARY KEY REFERENCES faces(id) ON DELETE CASCADE,
    decision TEXT NOT NULL CHECK (decision IN ('me', 'not_me')), decided_at TEXT NOT NULL);
"""

# A photo's analysis stands when it failed for good, or was made against the current references
# and does not leave faces unmeasured (they are, once the user is found in a photo) after the
# user rejected every match in it: then the other faces may be the user after all.
CURRENT_SQL = """(i.status = 'error' OR (i.refs_key IS ? AND NOT (
    EXISTS (SELECT 1 FROM faces u WHERE u.item_id = i.id AND u.distance IS NULL)
    AND NOT EXISTS (
        SELECT 1 FROM faces m LEFT JOIN decisions d ON d.face_id = m.id
        WHERE m.item_id = i.id AND m.distance <= ? AND d.decision IS NOT 'not_me'))))"""

FINDINGS_SQL = """
SELECT f.id, i.id, i.sha256, s.path, l.location, f.distance, f.top, f.right, f.bottom, f.left,
       d.decision, i.format, i.width, i.height, l.context, i.exif, i.media, f.video_time,
       f.video_spans
FROM faces f
JOIN items i ON i.id = f.item_id
JOIN locations l ON l.item_id = i.id
JOIN sources s ON s.id = l.source_id
LEFT JOIN decisions d ON d.face_id = f.id
"""


@dataclass(frozen=True)
class FindingRow:
    """One matched face at one location, with the photo's context."""

    face_id: int
    item_id: int
    sha256: str
    source: str
    location: str
    distance: float
    band: str
    box: Box
    decision: Decision | None
    format: str | None
    width: int | None
    height: int | None
    context: dict[str, Any]
    media: MediaKind = MediaKind.PHOTO
    video_time: float | None = None  # a video's: seconds from its start to the best frame
    video_spans: tuple[tuple[float, float], ...] = ()  # a video's: when the face is on screen

    @property
    def is_video(self) -> bool:
        return self.media == MediaKind.VIDEO


class Findings:
    """Matched faces within the threshold; calling it lists them, nearest first."""

    def __init__(self, database: Database, settings: Settings) -> None:
        self._db = database
        self._settings = settings

    def __call__(
        self, *, threshold: float | None = None, decision: Decision | None = None
    ) -> list[FindingRow]:
        """Every matched face at every location, nearest first; only those with ``decision``."""
        limit = self._settings.threshold if threshold is None else checked_threshold(threshold)
        sql = FINDINGS_SQL + " WHERE f.distance <= ?"
        args: list[Any] = [limit]
        if decision is not None:
            undecided = decision == Decision.UNDECIDED
            sql += " AND d.decision IS NULL" if undecided else " AND d.decision = ?"
            args += [] if undecided else [Decision(decision)]
        sql += " ORDER BY f.distance, l.id"
        return [_finding(row, limit) for row in self._db.execute(sql, args)]

    def of_item(self, item_id: int) -> list[FindingRow]:
        limit = self._settings.threshold
        sql = FINDINGS_SQL + " WHERE i.id = ? AND f.distance <= ? ORDER BY f.distance, l.id"
        return [_finding(row, limit) for row in self._db.execute(sql, (item_id, limit))]

    def count(self) -> int:
        return int(
            self._db.execute(
                "SELECT count(*) FROM faces f JOIN locations l ON l.item_id = f.item_id"
                " WHERE f.distance <= ?",
                (self._settings.threshold,),
            ).fetchone()[0]
        )

    def decide(self, face_id: int, decision: Decision | None) -> None:
        """Record the user's decision on a face; None (or undecided) clears it."""
        with self._db.transaction():
            if decision is None or decision == Decision.UNDECIDED:
                self._db.execute("DELETE FROM decisions WHERE face_id = ?", (face_id,))
            else:
                self._db.execute(
                    "INSERT OR REPLACE INTO decisions(face_id, decision, decided_at) VALUES (?, ?, ?)",
                    (face_id, Decision(decision), now_iso()),
                )
            if decision == Decision.NOT_ME:  # its thumbnail showed this face sharp: made again
                self._db.execute(
                    "DELETE FROM thumbnails WHERE item_id = (SELECT item_id FROM faces WHERE id = ?)",
                    (face_id,),
                )
                # A video's frame of this face is no one's to keep.
                self._db.execute("DELETE FROM video_frames WHERE face_id = ?", (face_id,))

    def refresh_bands(self) -> None:
        """Re-band every face after the threshold changed."""
        threshold = self._settings.threshold
        rows = self._db.execute("SELECT id, distance FROM faces").fetchall()
        with self._db.transaction():
            self._db.executemany(
                "UPDATE faces SET band = ? WHERE id = ?",
                [(band_for(distance, threshold), face_id) for face_id, distance in rows],
            )


def _finding(row: tuple[Any, ...], threshold: float) -> FindingRow:
    return FindingRow(
        face_id=row[0],
        item_id=row[1],
        sha256=row[2],
        source=row[3],
        location=row[4],
        distance=row[5],
        band=band_for(row[5], threshold) or Band.NONE,
        box=(row[6], row[7], row[8], row[9]),
        decision=Decision(row[10]) if row[10] else None,
        format=row[11],
        width=row[12],
        height=row[13],
        context=_with_exif(json.loads(row[14]) if row[14] else {}, row[15]),
        media=MediaKind(row[16]) if row[16] in MediaKind.values() else MediaKind.PHOTO,
        video_time=row[17],
        video_spans=_spans(row[18]),
    )


def _spans(text: str | None) -> tuple[tuple[float, float], ...]:
    if not text:
        return ()
    return tuple((float(a), float(b)) for a, b in json.loads(text))


def _with_exif(context: dict[str, Any], exif: str | None) -> dict[str, Any]:
    """The export's context, with time and place from the photo's EXIF where it says nothing."""
    if not exif:
        return context
    merged = dict(context)
    for key, value in json.loads(exif).items():
        if merged.get(key) is None:
            merged[key] = value
    return merged
