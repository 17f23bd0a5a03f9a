"""The audit: one private SQLite file with references, sources, photos, faces and decisions.

``Audit`` is the facade; each area owns its tables and their schema (``audit.references``,
``audit.sources``, ``audit.scans``, ``audit.findings``, ``audit.requests``, ``audit.identity``).
Calling an area lists what it holds: ``audit.findings()``, ``audit.sources()``.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import numpy as np

from exposure_audit.audit import findings as findings_area
from exposure_audit.audit import identity, references, requests, scans, settings, sources
from exposure_audit.audit.database import Database, now_iso
from exposure_audit.audit.findings import FindingRow
from exposure_audit.audit.references import ForgottenSelfie, Reference, RejectedSelfie
from exposure_audit.audit.requests import StoredReply, StoredRequest
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
    """One audit file. Use one instance per thread; every write runs in a transaction.

    Its methods are the one way in: the areas behind them (settings, references, sources,
    scans, findings, requests, identity) are private to this package.
    """

    def __init__(self, database: Database) -> None:
        self.database = database
        self.path = database.path
        self._settings = settings.Settings(database)
        self._references = references.References(database)
        self._sources = sources.Sources(database)
        self._findings = findings_area.Findings(database, self._settings)
        self._scans = scans.Scans(database, self._settings, self._findings)
        self._requests = requests.Requests(database)
        self._identity = identity.IdentityValues(database)

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
            audit._scans.mark_interrupted()
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
        return self._settings.get(key, default)

    def set_setting(self, key: str, value: str) -> None:
        self._settings.set(key, value)

    @property
    def threshold(self) -> float:
        return self._settings.threshold

    def set_threshold(self, threshold: float) -> None:
        self._settings.set("threshold", repr(checked_threshold(threshold)))
        self._findings.refresh_bands()

    def refresh_bands(self) -> None:
        self._findings.refresh_bands()

    # -- references ---------------------------------------------------------------------------

    def references(self) -> list[Reference]:
        """The user's selfies in use, oldest first."""
        return self._references()

    def add_reference(
        self, label: str, sha256: str, encoding: np.ndarray, box: Box, quality: dict[str, Any]
    ) -> int:
        return self._references.add(label, sha256, encoding, box, quality)

    def remove_reference(self, reference_id: int) -> None:
        self._references.remove(reference_id)

    def reject_selfie(
        self, label: str, sha256: str, verdict: dict[str, Any], origin: str | None = None
    ) -> None:
        self._references.reject(label, sha256, verdict, origin)

    def rejected_selfies(self) -> list[RejectedSelfie]:
        return self._references.rejected()

    def forget_selfie(self, sha256: str) -> ForgottenSelfie:
        return self._references.forget(sha256)

    def put_back_selfie(self, forgotten: ForgottenSelfie) -> None:
        self._references.put_back(forgotten)

    def reference_matrix(self) -> np.ndarray:
        return self._references.matrix()

    def references_key(self) -> str:
        """Changes whenever the set of references changes."""
        return self._references.key()

    # -- sources ------------------------------------------------------------------------------

    def sources(self) -> list[SourceRow]:
        return self._sources()

    def add_source(self, path: str, kind: str) -> int:
        return self._sources.add(path, kind)

    def remove_source(self, source_id: int) -> None:
        self._sources.remove(source_id)

    def set_source_account(self, source_id: int, platform: str, account: dict[str, str]) -> None:
        self._sources.set_account(source_id, platform, account)

    def accounts(self) -> list[dict[str, str]]:
        return self._sources.accounts()

    def update_source(self, source_id: int, platform: str | None, photo_count: int) -> None:
        self._sources.scanned(source_id, platform, photo_count)

    def add_linked_media(
        self, source_id: int, rows: list[tuple[str, str, str | None, str | None, str | None]]
    ) -> None:
        self._sources.add_linked_media(source_id, rows)

    def linked_media(self) -> list[dict[str, str | None]]:
        return self._sources.linked_media()

    def exports_added_since(self, moment: str) -> list[tuple[SourceRow, str]]:
        """Scanned sources added at or after ``moment`` (ISO time), with when each was added."""
        return self._sources.added_since(moment)

    def places_in_source(self, source_id: int) -> list[tuple[str, str, dict[str, Any]]]:
        """(source path, location, context) of every photo a source holds."""
        return self._scans.places_in_source(source_id)

    def hashes_in_source(self, source_id: int) -> set[str]:
        """SHA-256 of every photo a source holds."""
        return self._scans.hashes_in_source(source_id)

    # -- scan bookkeeping ---------------------------------------------------------------------

    def known_locations(self, source_id: int, refs_key: str) -> dict[str, KnownLocation]:
        return self._scans.known_locations(source_id, refs_key)

    def start_run(self) -> int:
        return self._scans.start()

    def finish_run(self, run_id: int, status: str, seen: int, analysed: int, problems: int) -> None:
        self._scans.finish(run_id, status, seen, analysed, problems)

    def add_problem(self, run_id: int, source_id: int | None, location: str, message: str) -> None:
        self._scans.add_problem(run_id, source_id, location, message)

    def problems(self, run_id: int | None = None) -> list[tuple[str, str, str]]:
        return self._scans.problems(run_id)

    def record_location(self, place: LocationRecord) -> None:
        self._scans.record_location(place)

    def mark_seen(self, run_id: int, source_id: int, contexts: dict[str, str | None]) -> None:
        self._scans.mark_seen(run_id, source_id, contexts)

    def forget_unseen(self, source_id: int, run_id: int) -> int:
        return self._scans.forget_unseen(source_id, run_id)

    def item_for_hash(self, sha256: str, refs_key: str) -> tuple[int, bool] | None:
        return self._scans.item_for_hash(sha256, refs_key)

    def record_item(self, item: ItemRecord, places: list[LocationRecord]) -> int:
        return self._scans.record_item(item, places)

    def locations_of(self, item_id: int) -> list[tuple[str, str]]:
        return self._scans.locations_of(item_id)

    def faces_of(self, item_id: int) -> list[tuple[int, Box, float | None]]:
        return self._scans.faces_of(item_id)

    def photo_width(self, item_id: int) -> int | None:
        return self._scans.photo_width(item_id)

    def thumbnail(self, item_id: int) -> bytes | None:
        return self._scans.thumbnail(item_id)

    def video_frame(self, face_id: int) -> bytes | None:
        return self._scans.video_frame(face_id)

    def set_thumbnail(self, item_id: int, jpeg: bytes) -> None:
        self._scans.set_thumbnail(item_id, jpeg)

    def stats(self) -> dict[str, int]:
        return self._scans.stats()

    # -- findings -----------------------------------------------------------------------------

    def findings(
        self, *, threshold: float | None = None, decision: Decision | None = None
    ) -> list[FindingRow]:
        """Every matched face at every location, nearest first; only those with ``decision``."""
        return self._findings(threshold=threshold, decision=decision)

    def findings_of_item(self, item_id: int) -> list[FindingRow]:
        return self._findings.of_item(item_id)

    def finding_count(self) -> int:
        return self._findings.count()

    def set_decision(self, face_id: int, decision: Decision | None) -> None:
        """Record the user's decision on a face; None (or undecided) clears it."""
        self._findings.decide(face_id, decision)

    # -- identity (for letters) ---------------------------------------------------------------

    def identity(self) -> dict[str, str]:
        return self._identity()

    def set_identity(self, values: dict[str, str]) -> None:
        self._identity.update(values)

    def replace_identity(self, values: dict[str, str]) -> None:
        """Store exactly ``values`` as the identity (fields left out are removed)."""
        self._identity.replace(values)

    # -- requests (their meaning is in ``rights.tracker``) -------------------------------------

    def add_request(self, values: dict[str, Any], face_ids: Iterable[int] = ()) -> int:
        return self._requests.add(values, face_ids)

    def update_request(self, request_id: int, values: dict[str, Any]) -> None:
        self._requests.update(request_id, values)

    def delete_request(self, request_id: int) -> None:
        self._requests.delete(request_id)

    def request(self, request_id: int) -> StoredRequest | None:
        return self._requests.get(request_id)

    def all_requests(self) -> list[StoredRequest]:
        return self._requests.all()

    def request_reference_taken(self, reference: str) -> bool:
        return self._requests.reference_taken(reference)

    def last_request_id(self) -> int:
        return self._requests.last_id()

    def request_face_ids(self, request_id: int) -> list[int]:
        return self._requests.face_ids(request_id)

    def add_reply(self, values: dict[str, Any]) -> int:
        return self._requests.add_reply(values)

    def replies(self, request_id: int | None = None) -> list[StoredReply]:
        return self._requests.replies(request_id)
