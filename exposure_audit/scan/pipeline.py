"""The scan pipeline: one generator of events that the command line and the app both drive.

    for event in scan(audit, settings, cancelled=flag.is_set):
        ...  # Progress | Finding | ItemError | Finished

Photos already analysed (same fingerprint, or same content elsewhere) are not decoded again;
each analysed photo is committed on its own, so a killed scan resumes where it stopped.
"""

from __future__ import annotations

import hashlib
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field, replace
from pathlib import Path

import numpy as np

from exposure_audit import i18n
from exposure_audit.audit.store import (
    Audit,
    FindingRow,
    ItemRecord,
    KnownLocation,
    LocationRecord,
    TrackRecord,
)
from exposure_audit.errors import BadData, EnvironmentProblem
from exposure_audit.exports.common import sniff_video
from exposure_audit.exports.grouping import context_json, read_contexts
from exposure_audit.exports.profile_urls import fetch_source, is_url
from exposure_audit.faces.analysis import (
    AnalysisSettings,
    Outcome,
    Task,
    analyse,
    init_worker,
    run_task,
)
from exposure_audit.i18n import _
from exposure_audit.imaging import sniff_format
from exposure_audit.scan.server import default_workers, start_server, worker_context
from exposure_audit.sources.address_guard import PUBLIC_ONLY, AddressPolicy
from exposure_audit.sources.containers import (
    Entry,
    Export,
    Limits,
    MemberReader,
    discover,
    members_in_order,
    source_kind,
)
from exposure_audit.storage import cache_dir_for, private_dir
from exposure_audit.vocabulary import MediaKind, RunStatus

PHOTO_SUFFIXES = (
    ".jpg",
    ".jpeg",
    ".png",
    ".gif",
    ".webp",
    ".heic",
    ".heif",
    ".avif",
    ".bmp",
    ".tif",
    ".tiff",
)
VIDEO_SUFFIXES = (".mp4", ".mov", ".m4v", ".3gp", ".webm", ".mkv", ".avi")
# Bytes of videos on their way to workers at once: a few long phone clips, not a library.
MAX_VIDEO_BYTES_IN_FLIGHT = 1024 * 1024 * 1024

__all__ = ["Finding", "Finished", "ItemError", "Progress", "ScanSettings", "scan"]


@dataclass(frozen=True)
class ScanSettings:
    detector: str = "hog"
    workers: int = field(default_factory=default_workers)
    work_side: int = 1600
    limits: Limits = field(default_factory=Limits)
    online: bool = False  # fetch profile URL sources: only when the person asked for it
    fetch_policy: AddressPolicy = PUBLIC_ONLY  # public addresses only; tests name their server


@dataclass(frozen=True)
class Progress:
    done: int
    total: int
    analysed: int
    faces: int
    matches: int
    rate: float
    eta_seconds: float | None
    current: str


@dataclass(frozen=True)
class Finding:
    row: FindingRow


@dataclass(frozen=True)
class ItemError:
    source: str
    location: str
    message: str


@dataclass(frozen=True)
class Finished:
    run_id: int
    status: RunStatus
    seen: int
    analysed: int
    problems: int
    seconds: float


Event = Progress | Finding | ItemError | Finished


def add_sources(audit: Audit, paths: list[str]) -> list[int]:
    """Register sources, checking each can be read.

    Raises:
        BadData: a path does not exist or cannot be read (message names it).
    """
    ids = []
    for raw in paths:
        if "://" in raw:
            from exposure_audit.sources.web import check_scheme

            check_scheme(raw)
            ids.append(audit.add_source(raw, "url"))
            continue
        path = Path(raw).expanduser().resolve()
        ids.append(audit.add_source(str(path), source_kind(path)))
    return ids


@dataclass(frozen=True)
class SourceSummary:
    """What a source looks like before scanning: its kind, platform and number of files.

    ``photos`` counts the files named like photos: an estimate until a scan has looked inside
    each file (the stored count of the source is then exact).
    """

    kind: str
    platform: str | None
    files: int
    exports: int
    photos: int = 0


def inspect_source(path: str, limits: Limits | None = None) -> SourceSummary:
    """List a source and recognise its platform, without analysing any photo.

    Raises:
        BadData: the source cannot be read.
    """
    limits = limits or Limits()
    source = Path(path).expanduser().resolve()
    kind = source_kind(source)
    exports = list(discover(source, limits, lambda _location, _message: None))
    _, platforms, _ = read_contexts([(0, e) for e in exports], lambda *_: None)
    for export in exports:
        export.container.close()
    entries = [entry for export in exports for entry in export.entries]
    photos = sum(entry.path.lower().endswith(PHOTO_SUFFIXES + VIDEO_SUFFIXES) for entry in entries)
    return SourceSummary(kind, platforms.get(0), len(entries), len(exports), photos)


# New workers after one died, per scan: a crash is survived, a machine that keeps killing them
# (out of memory) is told so.
MAX_WORKER_RESTARTS = 3


def start_workers(settings: ScanSettings) -> ProcessPoolExecutor | None:
    """Start the worker processes of a scan; each loads the models at once.

    Starting them before a scan (while selfies are assessed, say) hides their start-up.
    Returns None when the settings ask for no worker processes.
    """
    if settings.workers <= 1:
        return None
    context = worker_context()
    pool = ProcessPoolExecutor(
        max_workers=settings.workers,
        mp_context=context,
        initializer=init_worker,
        initargs=(settings.detector,),
    )
    if context.get_start_method() != "forkserver":
        _start_each(pool, settings.workers)
        return pool
    # Forking a worker waits until the server has loaded the models, so that wait is left to
    # a thread; the server itself starts here (unless it runs already: the command line starts
    # it first thing), as it ends with the thread that starts it.
    start_server()
    threading.Thread(
        target=_start_each, args=(pool, settings.workers), name="start-workers", daemon=True
    ).start()
    return pool


def _start_each(pool: ProcessPoolExecutor, workers: int) -> None:
    """A no-op per worker, so all start now, not on demand."""
    try:
        for _ in range(workers):
            pool.submit(int)
    except RuntimeError:  # shut down before they all started: nothing is lost
        pass


def scan(
    audit: Audit,
    settings: ScanSettings | None = None,
    *,
    cancelled: Callable[[], bool] = lambda: False,
    source_ids: list[int] | None = None,
    workers: ProcessPoolExecutor | None = None,
) -> Iterator[Event]:
    """Scan the audit's sources (or the given ones) for the enrolled faces, yielding events.

    ``workers`` may be processes from ``start_workers``; the scan shuts them down at its end.

    Raises:
        EnvironmentProblem: nothing is enrolled yet, or the audit cannot be written.
    """
    settings = settings or ScanSettings()
    references = audit.reference_matrix()
    if references.size == 0:
        if workers is not None:
            workers.shutdown(cancel_futures=True)
        raise EnvironmentProblem(_("Add at least one selfie with a clear face before scanning."))
    run = _Run(audit, settings, references, cancelled)
    run.pool = workers  # the scan shuts them down when it ends
    yield from run.execute(source_ids)


class _Run:
    """The state of one scan; kept out of sight of callers."""

    def __init__(
        self,
        audit: Audit,
        settings: ScanSettings,
        references: np.ndarray,
        cancelled: Callable[[], bool],
    ) -> None:
        self.audit = audit
        self.settings = settings
        self.references = references
        self.cancelled = self._timing(cancelled)
        self.paused_seconds = 0.0  # time spent waiting in ``cancelled`` (a paused scan)
        self.refs_key = audit.references_key()
        self.analysis = AnalysisSettings(
            detector=settings.detector,
            work_side=settings.work_side,
            max_pixels=settings.limits.max_pixels,
            threshold=audit.threshold,
            language=i18n.language(),
        )
        self.run_id = audit.start_run()
        self.started = self._clock()
        self.listed: float | None = None  # when every source was listed and the photos begin
        # When the first photo came back from analysis, and how many files were done then.
        self.first_analysed: tuple[float, int] | None = None
        self.events: list[Event] = []
        self.done = self.total = self.analysed = self.faces = self.matches = self.problems = 0
        self.current = ""
        self.pending: dict[str, list[LocationRecord]] = {}
        self.in_flight: dict[Future[Outcome], Task] = {}
        self.crashed: set[str] = set()  # photos in flight when a worker died: sent once more
        self.restarts = 0  # of the workers, after one died
        self.sizes: dict[str, int] = {}
        self.pool: ProcessPoolExecutor | None = None
        self.last_progress = 0.0
        self.source_path = ""
        self.contexts: dict[tuple[int, str], str | None] = {}
        self.platforms: dict[int, str] = {}
        self.url_contexts: dict[tuple[int, str], str | None] = {}
        self.listed_partly: set[int] = set()  # sources not fully listed: nothing is forgotten

    # -- driving ---------------------------------------------------------------------------

    def execute(self, source_ids: list[int] | None) -> Iterator[Event]:
        status = RunStatus.FAILED
        try:
            sources = [s for s in self.audit.sources() if source_ids is None or s.id in source_ids]
            plans = [(s.id, s.path, self._list_source(s.id, s.path)) for s in sources]
            self._read_contexts(plans)
            yield from self._drain()
            self.total = sum(len(e.entries) for _, _, exports in plans for e in exports)
            self.listed = self._clock()
            for source_id, source_path, exports in plans:
                yield from self._scan_source(source_id, source_path, exports)
                if self.cancelled():
                    break
            yield from self._finish_in_flight()
            status = RunStatus.CANCELLED if self.cancelled() else RunStatus.FINISHED
            if status == RunStatus.FINISHED:
                for source_id, _, _ in plans:
                    if source_id not in self.listed_partly:
                        self.audit.forget_unseen(source_id, self.run_id)
        finally:
            if self.pool is not None:
                self.pool.shutdown(wait=True, cancel_futures=True)
            seconds = self._clock() - self.started  # paused time left out
            self.audit.finish_run(self.run_id, status, self.done, self.analysed, self.problems)
        yield from self._drain()
        yield Finished(self.run_id, status, self.done, self.analysed, self.problems, seconds)

    def _list_source(self, source_id: int, source_path: str) -> list[Export]:
        def problem(location: str, message: str) -> None:
            self.listed_partly.add(source_id)
            self._problem(source_id, source_path, location, message)

        try:
            if is_url(source_path):
                if not self.settings.online:
                    self.listed_partly.add(source_id)  # what it found before is kept
                    return []
                cache = private_dir(cache_dir_for(self.audit.path)) / "web"
                export, contexts = fetch_source(
                    source_path, cache, problem, self.cancelled, self.settings.fetch_policy
                )
                for url, context in contexts.items():
                    self.url_contexts[(source_id, url)] = context_json(context)
                    self.platforms.setdefault(source_id, context.platform or "Web")
                return [export]
            return list(discover(Path(source_path), self.settings.limits, problem))
        except BadData as exc:
            problem(source_path, str(exc))
            return []

    def _read_contexts(self, plans: list[tuple[int, str, list[Export]]]) -> None:
        paths = {sid: path for sid, path, _ in plans}

        def problem(source_id: int, location: str, message: str) -> None:
            self._problem(source_id, paths[source_id], location, message)

        exports = [(sid, e) for sid, path, found in plans if not is_url(path) for e in found]
        self.contexts, self.platforms, readings = read_contexts(exports, problem)
        self.contexts.update(self.url_contexts)
        for sid, reading in readings.items():
            if reading.account:
                self.audit.set_source_account(sid, reading.platform, reading.account)
            links = [
                (m.platform, m.url, m.taken_at, m.kind, m.description) for m in reading.linked_media
            ]
            if links:
                self.audit.add_linked_media(sid, links)

    def _scan_source(
        self, source_id: int, source_path: str, exports: list[Export]
    ) -> Iterator[Event]:
        known = self.audit.known_locations(source_id, self.refs_key)
        self.source_path = source_path
        unchanged: dict[str, str | None] = {}
        photos = 0
        for export in exports:
            changed = []
            for entry in export.entries:
                location = export.location(entry.path)
                before = known.get(location)
                if _is_unchanged(before, entry.fingerprint):
                    assert before is not None
                    unchanged[location] = self.contexts.get((source_id, location))
                    photos += before.status == "image"
                    self.done += 1
                    if before.error:  # unchanged, so still unreadable: a problem of this run too
                        self._problem(source_id, source_path, location, before.error)
                else:
                    changed.append(entry)
            # In the order the container reads fastest: a compressed tar in one forward pass.
            for entry, member in members_in_order(export.container, changed):
                if self.cancelled():
                    return
                location = export.location(entry.path)
                context = self.contexts.get((source_id, location))
                photos += self._take(source_id, member, entry, location, context)
                yield from self._drain()
            export.container.close()
        self.audit.mark_seen(self.run_id, source_id, unchanged)
        self.audit.update_source(source_id, self.platforms.get(source_id), photos)
        yield from self._drain(force=True)

    def _take(
        self,
        source_id: int,
        member: MemberReader,
        entry: Entry,
        location: str,
        context: str | None,
    ) -> int:
        """Read one file and queue or record it; returns 1 if it is a photo or a video."""
        self._start_pool()  # workers load their models while this process reads files
        self.current = location
        record = LocationRecord(
            source_id, location, entry.fingerprint, "image", self.run_id, context
        )
        try:
            head = member.head(32)
            video = sniff_format(head) is None and sniff_video(head) is not None
            if sniff_format(head) is None and not video:
                if entry.path.lower().endswith(PHOTO_SUFFIXES):
                    raise BadData(_("named like a photo, but empty or another kind of file"))
                if entry.path.lower().endswith(VIDEO_SUFFIXES):
                    raise BadData(_("named like a video, but empty or another kind of file"))
                self.audit.record_location(replace(record, status="not_image"))
                self.done += 1
                return 0
            data = member.read(self.settings.limits.max_member_bytes)
        except BadData as exc:
            self.audit.record_location(replace(record, status="error", error=str(exc)))
            self._problem(source_id, self.source_path, location, str(exc))
            self.done += 1
            return 0
        self._queue(hashlib.sha256(data).hexdigest(), data, record, video)
        return 1

    def _queue(self, sha256: str, data: bytes, record: LocationRecord, video: bool) -> None:
        if sha256 in self.pending:  # same photo elsewhere, already on its way
            self.pending[sha256].append(record)
            return
        known = self.audit.item_for_hash(sha256, self.refs_key)
        if known is not None and known[1]:
            self.audit.record_location(replace(record, item_id=known[0]))
            self.done += 1
            return
        boxes = None
        if known is not None and not video:  # analysed before: re-measure, do not detect
            boxes = tuple(box for _, box, _ in self.audit.faces_of(known[0]))
        self.pending[sha256] = [record]
        self.sizes[sha256] = len(data)
        self._submit(Task(sha256, data, boxes, video=video))

    def _submit(self, task: Task) -> None:
        if self.settings.workers <= 1:
            self._store(analyse(task, self.references, self.analysis))
            return
        self._start_pool()
        assert self.pool is not None
        while len(self.in_flight) >= 2 * self.settings.workers or (  # bounded memory
            task.video
            and self._video_bytes_in_flight() + len(task.data) > MAX_VIDEO_BYTES_IN_FLIGHT
        ):
            if not self.in_flight:
                break
            self._collect(block=True)
        self._send(task)

    def _send(self, task: Task) -> None:
        assert self.pool is not None
        try:
            future = self.pool.submit(run_task, task, self.references, self.analysis)
        except BrokenProcessPool:  # a worker died since the last photo came back
            self._recover([task])
            return
        self.in_flight[future] = task

    def _video_bytes_in_flight(self) -> int:
        return sum(len(task.data) for task in self.in_flight.values() if task.video)

    def _start_pool(self) -> None:
        """Start the worker processes; each loads the models as soon as it starts."""
        if self.pool is None:
            self.pool = start_workers(self.settings)

    def _collect(self, block: bool) -> None:
        if not self.in_flight:
            return
        finished, _ = wait(
            list(self.in_flight), timeout=None if block else 0, return_when=FIRST_COMPLETED
        )
        lost = []
        for future in finished:
            task = self.in_flight.pop(future)
            try:
                outcome = future.result()
            except BrokenProcessPool:  # a worker died (crashed, killed): not this photo's fault
                lost.append(task)
                continue
            except Exception as exc:  # noqa: BLE001 - a failed analysis loses one photo, not the scan
                outcome = Outcome(task.sha256, error=f"analysis failed ({type(exc).__name__})")
            self._store(outcome)
        if lost:
            self._recover(lost)

    def _recover(self, lost: list[Task]) -> None:
        """A worker died: start new ones and send the photos it may have been on once more.

        A photo in flight at two deaths is recorded as unreadable, so a photo that crashes the
        decoder cannot stop every scan; after MAX_WORKER_RESTARTS the scan stops, saying so.
        Nothing lost is recorded as analysed: the next scan does it.

        Raises:
            EnvironmentProblem: the workers kept dying.
        """
        assert self.pool is not None
        self.pool.shutdown(wait=True, cancel_futures=True)
        for future, task in self.in_flight.items():  # the rest of the broken pool's work
            if future.done() and not future.cancelled() and future.exception() is None:
                self._store(future.result())
            else:
                lost.append(task)
        self.in_flight.clear()
        self.pool = None
        self.restarts += 1
        if self.restarts > MAX_WORKER_RESTARTS:
            raise EnvironmentProblem(
                _(
                    "The scan's worker processes kept ending unexpectedly (crashed, or stopped by"
                    " the system, perhaps for lack of memory), so the scan stopped. What it found"
                    " so far is kept; scan again to go on, or with fewer workers (--workers 1)."
                )
            )
        self._start_pool()
        for task in lost:
            if task.sha256 in self.crashed:
                self._store(Outcome(task.sha256, error="the analysis crashed on this photo twice"))
            else:
                self.crashed.add(task.sha256)
                self._send(task)

    def _finish_in_flight(self) -> Iterator[Event]:
        while self.in_flight and not self.cancelled():
            self._collect(block=True)
            yield from self._drain()

    def _store(self, outcome: Outcome) -> None:
        places = self.pending.pop(outcome.sha256)
        item = ItemRecord(
            sha256=outcome.sha256,
            size=self.sizes.pop(outcome.sha256),
            status="error" if outcome.error else "done",
            refs_key=self.refs_key,
            detector=self.analysis.detector,
            format=outcome.format,
            width=outcome.width,
            height=outcome.height,
            error=outcome.error,
            faces=outcome.faces,
            exif=outcome.exif,
            media=MediaKind.VIDEO if outcome.video else MediaKind.PHOTO,
            duration=outcome.duration,
            tracks=[
                TrackRecord(t.box, t.distance, t.time, t.spans, t.frame_jpeg)
                for t in outcome.tracks
            ],
        )
        item_id = self.audit.record_item(item, places)
        if self.first_analysed is None:
            self.first_analysed = (self._clock(), self.done)
        self.done += len(places)
        self.analysed += 1
        found = [(t.box, t.distance) for t in outcome.tracks] if outcome.video else outcome.faces
        self.faces += len(found)
        if outcome.error or outcome.note:
            for place in places:
                message = outcome.error or outcome.note or ""
                self._problem(place.source_id, self.source_path, place.location, message)
        if outcome.error:
            return
        matched = [f for f in found if f[1] is not None and f[1] <= self.analysis.threshold]
        if matched:
            self.matches += len(matched) * len(places)
            for row in self.audit.findings_of_item(item_id):
                self.events.append(Finding(row))

    def _problem(self, source_id: int | None, source: str, location: str, message: str) -> None:
        self.problems += 1
        self.audit.add_problem(self.run_id, source_id, location, message)
        self.events.append(ItemError(source, location, message))

    def _drain(self, force: bool = False) -> Iterator[Event]:
        self._collect(block=False)
        events, self.events = self.events, []
        yield from events
        now = time.monotonic()
        if force or now - self.last_progress >= 0.1:
            self.last_progress = now
            yield self._progress(self._clock())

    def _progress(self, now: float) -> Progress:
        rate, eta = self._pace(now)
        return Progress(
            self.done, self.total, self.analysed, self.faces, self.matches, rate, eta, self.current
        )

    def _timing(self, cancelled: Callable[[], bool]) -> Callable[[], bool]:
        """``cancelled``, counting the time it blocks (a pause) so that it leaves the pace alone."""

        def check() -> bool:
            before = time.monotonic()
            answer = cancelled()
            waited = time.monotonic() - before
            if waited > 0.02:
                self.paused_seconds += waited
            return answer

        return check

    def _clock(self) -> float:
        """Seconds of scanning: the monotonic clock less the time spent paused."""
        return time.monotonic() - self.paused_seconds

    def _pace(self, now: float) -> tuple[float, float | None]:
        """Files per second, and the seconds left (None: not known yet).

        The pace runs from the first photo back from analysis (from the end of listing while
        none is analysed): listing the sources and starting the workers take their time once,
        up front, and would make every estimate of what is left too long.
        """
        since, done_then = self.first_analysed or (self.listed or self.started, 0)
        rate = (self.done - done_then) / max(now - since, 1e-6)
        waiting = self.first_analysed is None and bool(self.in_flight)
        eta = (self.total - self.done) / rate if rate > 0 and not waiting else None
        return rate, eta


def _is_unchanged(before: KnownLocation | None, fingerprint: str) -> bool:
    if before is None or before.fingerprint != fingerprint or before.status == "error":
        return False
    return before.status == "not_image" or (before.item_id is not None and before.item_current)
