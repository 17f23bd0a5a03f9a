"""The audit: one private SQLite file with references, sources, photos, faces and decisions.

``Audit`` is the facade; each area owns its tables and their schema (``audit.references``,
``audit.sources``, ``audit.scans``, ``audit.findings``, ``audit.requests``, ``audit.identity``).
Calling an area lists what it holds: ``audit.findings()``, ``audit.sources()``.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from pathlib import Path
from typing import Any

import numpy as np

from exposure_audit.audit import findings as findings_area
from exposure_audit.audit import identity, references, requests, scans, settings, sources
from exposure_audit.audit.database import Database, now_iso
from exposure_audit.audit.findings import FindingRow
from exposure_audit.audit.references import ForgottenSelfie, Reference, RejectedSelfie
from exposure_audit.audit.scans import ItemRecord, KnownLocation, LocationRecord, TrackRecord
from exposure_audit.audit.sources import SourceRow
from exposure_audit.audit.stored_values import check_stored_values, checked_threshold
from exposure_audit.faces.core_dumps import no_core_dumps
from exposure_audit.faces.detection import Box
from exposure_audit.vocabulary import Decision

__all__ = [
    "MIGRATIONS",
    "Audit",
    "FindingRow",
    "ItemRecord",
    "KnownLocation",
    "LocationRecord",
    "Reference",
    "RejectedSelfie",
    "SourceRow",
    "TrackRecord",
    "now_iso",
]

# Schema versions: MIGRATIONS[n] takes an audit from version n to n + 1. Each area keeps its
# tables' statements beside its code.
MIGRATIONS: list[str] = [
    # 1: the first schema.
    settings.SCHEMA
    + references.SCHEMA
    + sources.SCHEMA
    + scans.SCHEMA
    + findings_area.SCHEMA
    + identity.SCHEMA
    + requests.SCHEMA,
    # 2: a UK complaint to the controller comes before one to the ICO; the sources an erasure
    # request knew of.
    requests.SCHEMA_2,
    # 3: selfies that were not used, kept with their verdict.
    references.SCHEMA_3,
    # 4: selfie verdicts stored as codes, no longer as English sentences.
    references.SCHEMA_4,
    # 5: videos, their face tracks and the best frame of each.
    scans.SCHEMA_5,
    # 6: audience bases stored as codes, no longer as English sentences.
    scans.SCHEMA_6,
    # 7: what came back from a controller instead of compliance, and the follow-up to it.
    requests.SCHEMA_7,
]


class Audit:
    """One audit file. Use one instance per thread; every write runs in a transaction."""

    def __init__(self, database: Database) -> None:
        self.database = database
        self.path = database.path
        self.settings = settings.Settings(database)
        self.references = references.References(database)
        self.sources = sources.Sources(database)
        self.findings = findings_area.Findings(database, self.settings)
        self.scans = scans.Scans(database, self.settings, self.findings)
        self.requests = requests.Requests(database)
        self.identity = identity.IdentityValues(database)

    @classmethod
    def open(cls, path: str | os.PathLike[str], *, create: bool = True) -> Audit:
        """Open (or create, owner-only) the audit at ``path`` and bring its schema up to date.

        Raises:
            EnvironmentProblem: the file cannot be created, is not an audit, or is locked.
        """
        no_core_dumps()  # this process is about to hold the person's encodings
        audit = cls(Database.open(Path(path), MIGRATIONS, create=create))
        try:
            check_stored_values(audit.database, audit.path)  # it may come from elsewhere
        except BaseException:
            audit.close()
            raise
        if audit.database.first_opener:  # no scan of this process is running: any "running" died
            audit.scans.mark_interrupted()
        return audit

    @property
    def db(self) -> sqlite3.Connection:
        return self.database.connection

    @db.setter
    def db(self, connection: sqlite3.Connection) -> None:
        self.database.connection = connection  # lets fault tests put a failing disk under it

    def close(self) -> None:
        self.database.close()

    def __enter__(self) -> Audit:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def transaction(self) -> contextlib.AbstractContextManager[sqlite3.Connection]:
        """A write transaction: committed whole, or rolled back whole."""
        return self.database.transaction()

    # -- settings -----------------------------------------------------------------------------

    def setting(self, key: str, default: str | None = None) -> str | None:
        return self.settings.get(key, default)

    def set_setting(self, key: str, value: str) -> None:
        self.settings.set(key, value)

    @property
    def threshold(self) -> float:
        return self.settings.threshold

    def set_threshold(self, threshold: float) -> None:
        self.settings.set("threshold", repr(checked_threshold(threshold)))
        self.findings.refresh_bands()

    def refresh_bands(self) -> None:
        self.findings.refresh_bands()

    # -- references ---------------------------------------------------------------------------

    def add_reference(
        self, label: str, sha256: str, encoding: np.ndarray, box: Box, quality: dict[str, Any]
    ) -> int:
        return self.references.add(label, sha256, encoding, box, quality)

    def remove_reference(self, reference_id: int) -> None:
        self.references.remove(reference_id)

    def reject_selfie(
        self, label: str, sha256: str, verdict: dict[str, Any], origin: str | None = None
    ) -> None:
        self.references.reject(label, sha256, verdict, origin)

    def rejected_selfies(self) -> list[RejectedSelfie]:
        return self.references.rejected()

    def forget_selfie(self, sha256: str) -> ForgottenSelfie:
        return self.references.forget(sha256)

    def put_back_selfie(self, forgotten: ForgottenSelfie) -> None:
        self.references.put_back(forgotten)

    def reference_matrix(self) -> np.ndarray:
        return self.references.matrix()

    def references_key(self) -> str:
        """Changes whenever the set of references changes."""
        return self.references.key()

    # -- sources ------------------------------------------------------------------------------

    def add_source(self, path: str, kind: str) -> int:
        return self.sources.add(path, kind)

    def remove_source(self, source_id: int) -> None:
        self.sources.remove(source_id)

    def set_source_account(self, source_id: int, platform: str, account: dict[str, str]) -> None:
        self.sources.set_account(source_id, platform, account)

    def accounts(self) -> list[dict[str, str]]:
        return self.sources.accounts()

    def update_source(self, source_id: int, platform: str | None, photo_count: int) -> None:
        self.sources.scanned(source_id, platform, photo_count)

    def add_linked_media(
        self, source_id: int, rows: list[tuple[str, str, str | None, str | None, str | None]]
    ) -> None:
        self.sources.add_linked_media(source_id, rows)

    def linked_media(self) -> list[dict[str, str | None]]:
        return self.sources.linked_media()

    def exports_added_since(self, moment: str) -> list[tuple[SourceRow, str]]:
        """Scanned sources added at or after ``moment`` (ISO time), with when each was added."""
        return self.sources.added_since(moment)

    def places_in_source(self, source_id: int) -> list[tuple[str, str, dict[str, Any]]]:
        """(source path, location, context) of every photo a source holds."""
        return self.scans.places_in_source(source_id)

    def hashes_in_source(self, source_id: int) -> set[str]:
        """SHA-256 of every photo a source holds."""
        return self.scans.hashes_in_source(source_id)

    # -- scan bookkeeping ---------------------------------------------------------------------

    def known_locations(self, source_id: int, refs_key: str) -> dict[str, KnownLocation]:
        return self.scans.known_locations(source_id, refs_key)

    def start_run(self) -> int:
        return self.scans.start()

    def finish_run(self, run_id: int, status: str, seen: int, analysed: int, problems: int) -> None:
        self.scans.finish(run_id, status, seen, analysed, problems)

    def add_problem(self, run_id: int, source_id: int | None, location: str, message: str) -> None:
        self.scans.add_problem(run_id, source_id, location, message)

    def problems(self, run_id: int | None = None) -> list[tuple[str, str, str]]:
        return self.scans.problems(run_id)

    def record_location(self, place: LocationRecord) -> None:
        self.scans.record_location(place)

    def mark_seen(self, run_id: int, source_id: int, contexts: dict[str, str | None]) -> None:
        self.scans.mark_seen(run_id, source_id, contexts)

    def forget_unseen(self, source_id: int, run_id: int) -> int:
        return self.scans.forget_unseen(source_id, run_id)

    def item_for_hash(self, sha256: str, refs_key: str) -> tuple[int, bool] | None:
        return self.scans.item_for_hash(sha256, refs_key)

    def record_item(self, item: ItemRecord, places: list[LocationRecord]) -> int:
        return self.scans.record_item(item, places)

    def locations_of(self, item_id: int) -> list[tuple[str, str]]:
        return self.scans.locations_of(item_id)

    def faces_of(self, item_id: int) -> list[tuple[int, Box, float | None]]:
        return self.scans.faces_of(item_id)

    def photo_width(self, item_id: int) -> int | None:
        return self.scans.photo_width(item_id)

    def thumbnail(self, item_id: int) -> bytes | None:
        return self.scans.thumbnail(item_id)

    def video_frame(self, face_id: int) -> bytes | None:
        return self.scans.video_frame(face_id)

    def set_thumbnail(self, item_id: int, jpeg: bytes) -> None:
        self.scans.set_thumbnail(item_id, jpeg)

    def stats(self) -> dict[str, int]:
        return self.scans.stats()

    # -- findings -----------------------------------------------------------------------------

    def findings_of_item(self, item_id: int) -> list[FindingRow]:
        return self.findings.of_item(item_id)

    def finding_count(self) -> int:
        return self.findings.count()

    def set_decision(self, face_id: int, decision: Decision | None) -> None:
        """Record the user's decision on a face; None (or undecided) clears it."""
        self.findings.decide(face_id, decision)

    # -- identity (for letters) ---------------------------------------------------------------

    def set_identity(self, values: dict[str, str]) -> None:
        self.identity.update(values)
