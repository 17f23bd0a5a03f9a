"""What scans record: runs and their problems, photos (items), where each was found, its faces."""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from typing import Any

from exposure_audit.audit.database import Database, now_iso
from exposure_audit.audit.findings import CURRENT_SQL, Findings
from exposure_audit.audit.settings import Settings
from exposure_audit.audit.sources import drop_orphan_items
from exposure_audit.faces.detection import Box, band_for
from exposure_audit.vocabulary import MediaKind, RunStatus

SCHEMA = """
CREATE TABLE items(
    id INTEGER PRIMARY KEY, sha256 TEXT NOT NULL UNIQUE, format TEXT, size INTEGER NOT NULL,
    width INTEGER, height INTEGER, status TEXT NOT NULL CHECK (status IN ('done', 'error')),
    error TEXT, detector TEXT, refs_key TEXT, exif TEXT, analysed_at TEXT NOT NULL);
CREATE TABLE locations(
    id INTEGER PRIMARY KEY,
    source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
    location TEXT NOT NULL, fingerprint TEXT NOT NULL,
    item_id INTEGER REFERENCES items(id) ON DELETE SET NULL,
    status TEXT NOT NULL CHECK (status IN ('image', 'not_image', 'error')),
    error TEXT, context TEXT, seen_run INTEGER,
    UNIQUE (source_id, location));
CREATE INDEX locations_item ON locations(item_id);
CREATE TABLE faces(
    id INTEGER PRIMARY KEY, item_id INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
    top INTEGER NOT NULL, right INTEGER NOT NULL, bottom INTEGER NOT NULL, left INTEGER NOT NULL,
    distance REAL, band TEXT);
CREATE INDEX faces_item ON faces(item_id);
CREATE INDEX faces_distance ON faces(distance);
CREATE TABLE thumbnails(
    item_id INTEGER PRIMARY KEY REFERENCES items(id) ON DELETE CASCADE, jpeg BLOB NOT NULL);
CREATE TABLE runs(
    id INTEGER PRIMARY KEY, started_at TEXT NOT NULL, finished_at TEXT,
    status TEXT NOT NULL, seen INTEGER DEFAULT 0, analysed INTEGER DEFAULT 0,
    problems INTEGER DEFAULT 0);
CREATE TABLE problems(
    id INTEGER PRIMARY KEY, run_id INTEGER REFERENCES runs(id) ON DELETE CASCADE,
    source_id INTEGER REFERENCES sources(id) ON DELETE CASCADE,
    location TEXT NOT NULL, message TEXT NOT NULL, at TEXT NOT NULL);
"""

# Videos: an item is a photo or a video; a video's faces are tracks, each with the time of its
# best frame and the spans it is on screen; a matched track keeps that frame (others blurred).
SCHEMA_5 = """
ALTER TABLE items ADD COLUMN media TEXT NOT NULL DEFAULT 'photo'
    CHECK (media IN ('photo', 'video'));
ALTER TABLE items ADD COLUMN duration REAL;
ALTER TABLE faces ADD COLUMN video_time REAL;
ALTER TABLE faces ADD COLUMN video_spans TEXT;
CREATE TABLE video_frames(
    face_id INTEGER PRIMARY KEY REFERENCES faces(id) ON DELETE CASCADE, jpeg BLOB NOT NULL);
"""


# 6: a location's audience basis stored as a code (vocabulary.AudienceBasis) instead of the English
# sentence earlier versions wrote; the sentences are frozen here as they were written. A text not
# listed stays as it is and is shown as plain text.
OLD_AUDIENCE_BASES: tuple[tuple[str, str], ...] = (
    ("profile pictures are public on Facebook", "facebook_profile_public"),
    ("cover photos are public on Facebook", "facebook_cover_public"),
    ("sent in a private Facebook message", "facebook_message"),
    ("the Facebook export does not record who could see this", "facebook_unrecorded"),
    ("profile pictures are visible to anyone on Instagram", "instagram_profile_public"),
    ("sent in a private Instagram message", "instagram_message"),
    ("archived Instagram posts are visible only to you", "instagram_archived"),
    ("recently deleted Instagram items are visible only to you", "instagram_trashed"),
    ("Instagram account marked private in personal_information", "instagram_account_private"),
    ("Instagram account marked public in personal_information", "instagram_account_public"),
    ("the Instagram export does not say whether the account was private", "instagram_unrecorded"),
    ("X account protected (protected-history.js)", "x_protected"),
    ("posts on X are public unless the account is protected", "x_posts_public"),
    ("profile pictures and headers are public on X", "x_profile_public"),
    ("sent in a private X direct message", "x_message"),
    ("Google Photos library items are private", "google_library"),
    ("Google Photos album shared by link", "google_album_shared"),
    ("Google Photos album not shared", "google_album_private"),
    ("in the Google Photos bin", "google_bin"),
    ("Google account profile photos are visible to anyone you contact", "google_profile"),
    (
        "Telegram profile photos are visible to everyone unless privacy settings limit them",
        "telegram_profile",
    ),
    ("posted in a public Telegram channel", "telegram_public_channel"),
    ("posted in a public Telegram supergroup", "telegram_public_group"),
    ("sent in a private Telegram chat", "telegram_private_chat"),
    ("the Telegram export does not say what kind of chat this was", "telegram_unrecorded"),
    ("sent in a WhatsApp chat", "whatsapp_chat"),
    ("sent in a Snapchat chat", "snapchat_chat"),
    ("Snapchat memories are private unless shared", "snapchat_memory"),
    (
        "Discord avatars are visible to anyone who shares a server or chat with you",
        "discord_avatar",
    ),
    ("iCloud Photos library items are private unless shared", "icloud_library"),
    ("saved copy of a web page; the page itself does not say who could open it", "web_page_saved"),
    ("fetched from the open web without logging in", "open_web"),
)


def _sql_text(text: str) -> str:
    """``text`` as an SQL literal; a semicolon is spelt char(59), as the scripts split on it."""
    quoted = "'" + text.replace("'", "''") + "'"
    return quoted.replace(";", "' || char(59) || '")


_SET_BASIS = (
    "UPDATE locations SET context = json_set(context, '$.audience_basis', '{code}')"
    " WHERE json_valid(context) AND json_extract(context, '$.audience_basis') {test};\n"
)
SCHEMA_6 = "".join(
    _SET_BASIS.format(code=code, test="= " + _sql_text(text)) for text, code in OLD_AUDIENCE_BASES
) + _SET_BASIS.format(
    # Earlier versions wrote the private chat's type into the sentence.
    code="telegram_private_chat",
    test="LIKE 'sent in a private Telegram chat (%)'",
)


@dataclass(frozen=True)
class KnownLocation:
    fingerprint: str
    status: str
    item_id: int | None
    item_current: bool
    context: str | None
    error: str | None = None  # why its photo could not be read, when it could not


@dataclass(frozen=True)
class LocationRecord:
    source_id: int
    location: str
    fingerprint: str
    status: str
    run_id: int
    context: str | None = None
    item_id: int | None = None
    error: str | None = None


@dataclass(frozen=True)
class ItemRecord:
    sha256: str
    size: int
    status: str
    refs_key: str
    detector: str
    format: str | None = None
    width: int | None = None
    height: int | None = None
    error: str | None = None
    faces: list[tuple[Box, float | None]] = field(default_factory=list)
    exif: dict[str, Any] | None = None
    media: str = MediaKind.PHOTO
    duration: float | None = None
    tracks: list[TrackRecord] = field(default_factory=list)  # a video's, instead of ``faces``


@dataclass(frozen=True)
class TrackRecord:
    """A face followed through a video: its best frame's box and time, its spans on screen."""

    box: Box
    distance: float | None
    time: float
    spans: tuple[tuple[float, float], ...]
    frame_jpeg: bytes | None = None


class Scans:
    """The scan bookkeeping: each run, each location seen, each photo analysed and its faces."""

    def __init__(self, database: Database, settings: Settings, findings: Findings) -> None:
        self._db = database
        self._settings = settings
        self._findings = findings

    def known_locations(self, source_id: int, refs_key: str) -> dict[str, KnownLocation]:
        """What the last scans learnt about each location of a source.

        ``item_current`` is true when the photo's analysis stands (see ``CURRENT_SQL``).
        """
        rows = self._db.execute(
            f"SELECT l.location, l.fingerprint, l.status, l.item_id, {CURRENT_SQL}, l.context,"
            " CASE WHEN i.status = 'error' THEN i.error END"
            " FROM locations l LEFT JOIN items i ON i.id = l.item_id WHERE l.source_id = ?",
            (refs_key, self._settings.threshold, source_id),
        )
        return {
            row[0]: KnownLocation(row[1], row[2], row[3], bool(row[4]), row[5], row[6])
            for row in rows
        }

    def mark_interrupted(self) -> None:
        """Runs still marked running were cut short (the process died): say so."""
        running = (RunStatus.RUNNING,)
        if self._db.execute("SELECT 1 FROM runs WHERE status = ? LIMIT 1", running).fetchone():
            with self._db.transaction():
                self._db.execute(
                    "UPDATE runs SET status = ?, finished_at = COALESCE(finished_at, ?)"
                    " WHERE status = ?",
                    (RunStatus.INTERRUPTED, now_iso(), RunStatus.RUNNING),
                )

    def start(self) -> int:
        with self._db.transaction():
            cursor = self._db.execute(
                "INSERT INTO runs(started_at, status) VALUES (?, ?) RETURNING id",
                (now_iso(), RunStatus.RUNNING),
            )
            return int(cursor.fetchone()[0])

    def finish(self, run_id: int, status: str, seen: int, analysed: int, problems: int) -> None:
        with self._db.transaction():
            self._db.execute(
                "UPDATE runs SET finished_at = ?, status = ?, seen = ?, analysed = ?, problems = ?"
                " WHERE id = ?",
                (now_iso(), status, seen, analysed, problems, run_id),
            )

    def add_problem(self, run_id: int, source_id: int | None, location: str, message: str) -> None:
        with self._db.transaction():
            self._db.execute(
                "INSERT INTO problems(run_id, source_id, location, message, at) VALUES (?, ?, ?, ?, ?)",
                (run_id, source_id, location, message, now_iso()),
            )

    def record_location(self, place: LocationRecord) -> None:
        with self._db.transaction():
            self._upsert_location(place)

    def _upsert_location(self, place: LocationRecord) -> None:
        self._db.execute(
            "INSERT INTO locations(source_id, location, fingerprint, item_id, status, error, context,"
            " seen_run) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(source_id, location) DO UPDATE SET"
            " fingerprint = excluded.fingerprint, item_id = excluded.item_id,"
            " status = excluded.status, error = excluded.error, context = excluded.context,"
            " seen_run = excluded.seen_run",
            (
                place.source_id,
                place.location,
                place.fingerprint,
                place.item_id,
                place.status,
                place.error,
                place.context,
                place.run_id,
            ),
        )

    def mark_seen(self, run_id: int, source_id: int, contexts: dict[str, str | None]) -> None:
        """Mark unchanged locations as seen by this run, with their context as read now."""
        with self._db.transaction():
            self._db.executemany(
                "UPDATE locations SET seen_run = ?, context = ? WHERE source_id = ? AND location = ?",
                [(run_id, ctx, source_id, loc) for loc, ctx in contexts.items()],
            )

    def forget_unseen(self, source_id: int, run_id: int) -> int:
        """Drop the locations a complete scan of a source no longer found (deleted files),
        and photos found nowhere else. Returns how many locations went."""
        with self._db.transaction():
            gone = self._db.execute(
                "DELETE FROM locations WHERE source_id = ? AND seen_run IS NOT ?",
                (source_id, run_id),
            ).rowcount
            if gone:
                drop_orphan_items(self._db)
        return int(gone)

    def item_for_hash(self, sha256: str, refs_key: str) -> tuple[int, bool] | None:
        """(item id, whether its analysis stands) for a known photo."""
        row = self._db.execute(
            f"SELECT i.id, {CURRENT_SQL} FROM items i WHERE i.sha256 = ?",
            (refs_key, self._settings.threshold, sha256),
        ).fetchone()
        return (row[0], bool(row[1])) if row else None

    def record_item(self, item: ItemRecord, places: list[LocationRecord]) -> int:
        """Store an analysed photo, its faces and every location it was found at, atomically.

        When the photo was analysed before (references changed), faces keep their ids, so
        decisions stay attached to them.
        """
        with self._db.transaction():
            cursor = self._db.execute(
                "INSERT INTO items(sha256, format, size, width, height, status, error, detector,"
                " refs_key, exif, analysed_at, media, duration)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                " ON CONFLICT(sha256) DO UPDATE SET format = excluded.format,"
                " media = excluded.media, duration = excluded.duration,"
                " width = excluded.width, height = excluded.height, status = excluded.status,"
                " error = excluded.error, detector = excluded.detector,"
                " refs_key = excluded.refs_key, exif = excluded.exif,"
                " analysed_at = excluded.analysed_at RETURNING id",
                (
                    item.sha256,
                    item.format,
                    item.size,
                    item.width,
                    item.height,
                    item.status,
                    item.error,
                    item.detector,
                    item.refs_key,
                    json.dumps(item.exif) if item.exif else None,
                    now_iso(),
                    MediaKind(item.media),
                    item.duration,
                ),
            )
            item_id = int(cursor.fetchone()[0])
            if item.media == MediaKind.VIDEO:
                self._store_tracks(item_id, item.tracks)
            else:
                self._store_faces(item_id, item.faces)
            for place in places:
                self._upsert_location(replace(place, item_id=item_id))
        return item_id

    def _store_faces(self, item_id: int, faces: list[tuple[Box, float | None]]) -> None:
        existing = {
            (r[1], r[2], r[3], r[4]): r[0]
            for r in self._db.execute(
                "SELECT id, top, right, bottom, left FROM faces WHERE item_id = ?", (item_id,)
            )
        }
        threshold = self._settings.threshold
        for box, distance in faces:
            band = band_for(distance, threshold)
            if box in existing:
                self._db.execute(
                    "UPDATE faces SET distance = ?, band = ? WHERE id = ?",
                    (distance, band, existing.pop(box)),
                )
            else:
                self._db.execute(
                    "INSERT INTO faces(item_id, top, right, bottom, left, distance, band)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (item_id, *box, distance, band),
                )
        for stale in existing.values():
            self._db.execute("DELETE FROM faces WHERE id = ?", (stale,))

    def _store_tracks(self, item_id: int, tracks: list[TrackRecord]) -> None:
        """A video's tracks replace the ones before: a new analysis follows faces afresh."""
        self._db.execute("DELETE FROM faces WHERE item_id = ?", (item_id,))
        threshold = self._settings.threshold
        for track in tracks:
            face_id = self._db.execute(
                "INSERT INTO faces(item_id, top, right, bottom, left, distance, band, video_time,"
                " video_spans) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                (
                    item_id,
                    *track.box,
                    track.distance,
                    band_for(track.distance, threshold),
                    track.time,
                    json.dumps([list(span) for span in track.spans]),
                ),
            ).fetchone()[0]
            if track.frame_jpeg:
                self._db.execute(
                    "INSERT INTO video_frames(face_id, jpeg) VALUES (?, ?)",
                    (face_id, track.frame_jpeg),
                )

    def video_frame(self, face_id: int) -> bytes | None:
        """The best frame of a video's face track (other faces blurred), if it was kept."""
        row = self._db.execute(
            "SELECT jpeg FROM video_frames WHERE face_id = ?", (face_id,)
        ).fetchone()
        return bytes(row[0]) if row else None

    def locations_of(self, item_id: int) -> list[tuple[str, str]]:
        """(source path, location) of every place a photo was found."""
        rows = self._db.execute(
            "SELECT s.path, l.location FROM locations l JOIN sources s ON s.id = l.source_id"
            " WHERE l.item_id = ? ORDER BY l.id",
            (item_id,),
        )
        return [(r[0], r[1]) for r in rows]

    def places_in_source(self, source_id: int) -> list[tuple[str, str, dict[str, Any]]]:
        """(source path, location, context) of every photo a source holds."""
        rows = self._db.execute(
            "SELECT s.path, l.location, l.context FROM locations l"
            " JOIN sources s ON s.id = l.source_id WHERE l.source_id = ?",
            (source_id,),
        )
        return [(r[0], r[1], json.loads(r[2]) if r[2] else {}) for r in rows]

    def hashes_in_source(self, source_id: int) -> set[str]:
        """SHA-256 of every photo a source holds."""
        rows = self._db.execute(
            "SELECT items.sha256 FROM locations JOIN items ON items.id = locations.item_id"
            " WHERE locations.source_id = ?",
            (source_id,),
        )
        return {row[0] for row in rows}

    def faces_of(self, item_id: int) -> list[tuple[int, Box, float | None]]:
        rows = self._db.execute(
            "SELECT id, top, right, bottom, left, distance FROM faces WHERE item_id = ? ORDER BY id",
            (item_id,),
        )
        return [(r[0], (r[1], r[2], r[3], r[4]), r[5]) for r in rows]

    def problems(self, run_id: int | None = None) -> list[tuple[str, str, str]]:
        """(source path, location, message) of recorded problems, newest run by default."""
        if run_id is None:
            row = self._db.execute("SELECT max(id) FROM runs").fetchone()
            run_id = row[0]
        rows = self._db.execute(
            "SELECT s.path, p.location, p.message FROM problems p"
            " LEFT JOIN sources s ON s.id = p.source_id WHERE p.run_id = ? ORDER BY p.id",
            (run_id,),
        )
        return [(r[0] or "", r[1], r[2]) for r in rows]

    def stats(self) -> dict[str, int]:
        one = self._db.execute
        return {
            "sources": one("SELECT count(*) FROM sources").fetchone()[0],
            "locations": one("SELECT count(*) FROM locations WHERE status = 'image'").fetchone()[0],
            # Photos and videos analysed; "videos" says how many of them are videos.
            "photos": one("SELECT count(*) FROM items WHERE status = 'done'").fetchone()[0],
            "videos": one(
                "SELECT count(*) FROM items WHERE status = 'done' AND media = 'video'"
            ).fetchone()[0],
            "unreadable": one(
                "SELECT count(*) FROM locations l LEFT JOIN items i ON i.id = l.item_id"
                " WHERE l.status = 'error' OR i.status = 'error'"
            ).fetchone()[0],
            "faces": one("SELECT count(*) FROM faces").fetchone()[0],
            "findings": self._findings.count(),
        }

    def photo_width(self, item_id: int) -> int | None:
        """The photo's width in pixels as analysed (None if unknown)."""
        row = self._db.execute("SELECT width FROM items WHERE id = ?", (item_id,)).fetchone()
        return int(row[0]) if row and row[0] else None

    def thumbnail(self, item_id: int) -> bytes | None:
        row = self._db.execute(
            "SELECT jpeg FROM thumbnails WHERE item_id = ?", (item_id,)
        ).fetchone()
        return bytes(row[0]) if row else None

    def set_thumbnail(self, item_id: int, jpeg: bytes) -> None:
        with self._db.transaction():
            self._db.execute(
                "INSERT OR REPLACE INTO thumbnails(item_id, jpeg) VALUES (?, ?)", (item_id, jpeg)
            )
