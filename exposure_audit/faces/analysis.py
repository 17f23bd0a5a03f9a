"""Analysing one photo; runs in worker processes, so it takes and returns plain picklable data."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

import numpy as np

from exposure_audit import i18n
from exposure_audit.errors import BadData
from exposure_audit.faces import model_files
from exposure_audit.faces.core_dumps import no_core_dumps
from exposure_audit.faces.detection import Box, encode_boxes, find_faces, found_larger
from exposure_audit.faces.network import shared_network
from exposure_audit.faces.parent_watch import end_with_parent
from exposure_audit.faces.video import VideoTrack, analyse_video
from exposure_audit.imaging import LargeImage, read_image, read_large

log = logging.getLogger(__name__)

# Faces too small for the usual work image are searched for and measured at up to this size:
# an export's 2048 px photo has detail its 30 px faces need, and a phone's 4032 px photo its
# 50 px ones (1/80). A phone photo decoded whole costs less than decoded and made smaller.
CROWD_WORK_SIDE = 4096


@dataclass(frozen=True)
class AnalysisSettings:
    detector: str = "hog"
    work_side: int = 1600
    max_pixels: int = 120_000_000
    threshold: float = 0.6
    # The language the scan's messages are written in: a worker process started before the
    # person chose one (or started afresh) would otherwise speak the system's.
    language: str | None = None


@dataclass(frozen=True)
class Task:
    """A photo to analyse; ``boxes`` set means: re-measure these faces, do not detect."""

    sha256: str
    data: bytes
    boxes: tuple[Box, ...] | None = None
    video: bool = False  # a video: its frames are sampled, its faces followed


@dataclass(frozen=True)
class Outcome:
    sha256: str
    format: str | None = None
    width: int | None = None
    height: int | None = None
    faces: list[tuple[Box, float | None]] = field(default_factory=list)
    error: str | None = None
    exif: dict[str, object] | None = None
    video: bool = False
    duration: float | None = None
    tracks: list[VideoTrack] = field(default_factory=list)
    note: str | None = None  # read, but not to its end: said in the scan's problems


def init_worker(detector: str) -> None:
    """Per-process set-up: end with the scan, no core file, load the models before the first
    photo arrives."""
    end_with_parent()
    no_core_dumps()
    for name in ("cnn_detector" if detector == "cnn" else "hog_detector", "landmarks5"):
        model_files.get(name)
    shared_network()


def run_task(task: Task, references: np.ndarray, settings: AnalysisSettings) -> Outcome:
    if settings.language is not None and settings.language != i18n.language():
        i18n.set_language(settings.language)
    return analyse(task, references, settings)


def analyse(task: Task, references: np.ndarray, settings: AnalysisSettings) -> Outcome:
    """Decode a photo, find its faces and their distances; bad data becomes an error outcome."""
    if task.video:
        return _analyse_video(task, references, settings)
    try:
        image = read_image(
            task.data,
            work_side=settings.work_side,
            max_pixels=settings.max_pixels,
            keep_reduced=True,
        )

        def larger() -> LargeImage:
            return read_large(task.data, work_side=CROWD_WORK_SIDE, max_pixels=settings.max_pixels)

        if task.boxes is not None:
            measured_on = larger() if found_larger(image, task.boxes) else image
            faces = encode_boxes(measured_on, task.boxes, references)
        else:
            faces = find_faces(
                image,
                references,
                detector=settings.detector,
                threshold=settings.threshold,
                larger=larger,
            )
    except BadData as exc:
        return Outcome(task.sha256, error=str(exc))
    except Exception as exc:  # one photo must not end the scan; the bug is logged
        log.exception("unexpected error analysing %s", task.sha256)
        return Outcome(task.sha256, error=f"unexpected error ({type(exc).__name__}); see the log")
    width, height = image.full_size
    matched = any(f.distance is not None and f.distance <= settings.threshold for f in faces)
    return Outcome(
        task.sha256,
        format=image.format,
        width=width,
        height=height,
        faces=[(face.box, face.distance) for face in faces],
        exif=_exif_context(task.data) if matched else None,  # only for photos of the user
    )


def _analyse_video(task: Task, references: np.ndarray, settings: AnalysisSettings) -> Outcome:
    try:
        facts, tracks = analyse_video(
            task.data, references, detector=settings.detector, threshold=settings.threshold
        )
    except BadData as exc:
        return Outcome(task.sha256, error=str(exc), video=True)
    except Exception as exc:  # one video must not end the scan; the bug is logged
        log.exception("unexpected error analysing video %s", task.sha256)
        error = f"unexpected error ({type(exc).__name__}); see the log"
        return Outcome(task.sha256, error=error, video=True)
    note = None
    if facts.stopped_early:
        reached = f"{int(facts.reached) // 60}:{int(facts.reached) % 60:02d}"
        note = f"this video was searched only up to {reached} ({facts.stopped_early})"
    return Outcome(
        task.sha256,
        format=facts.codec,
        width=facts.width,
        height=facts.height,
        video=True,
        duration=facts.duration,
        tracks=tracks,
        note=note,
    )


def _exif_context(data: bytes) -> dict[str, object] | None:
    """When and where EXIF says the photo was taken (None if it says neither)."""
    from exposure_audit.exports.exif import read_exif

    try:
        context = read_exif(data)
    except Exception:  # noqa: BLE001 - odd EXIF must not lose the photo's faces
        return None
    found: dict[str, object] = {
        "taken_at": context.taken_at,
        "latitude": context.latitude,
        "longitude": context.longitude,
    }
    return found if any(v is not None for v in found.values()) else None
