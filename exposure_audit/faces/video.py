"""Finding the user in a video: faces in sampled frames, linked into tracks over time.

A track is one face followed from sample to sample (its box overlaps the last one, or it is
the user's again after a cut). Each track keeps its nearest distance, the time and box of
that best frame, and the spans of time it was on screen. Only a matched track keeps a frame:
its best one, other faces blurred, as its thumbnail. No encoding is kept.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field

import numpy as np
from PIL import Image, ImageFilter

from exposure_audit.faces.detection import Box, Face, find_faces_in_frame
from exposure_audit.faces.frames import Sample, VideoFacts, VideoSampler, open_video

MAX_TRACKS = 32  # kept per video, nearest first: a crowd scene is not a list of strangers
LINK_OVERLAP = 0.3  # box overlap (intersection over union) that continues a track
LINK_GAP = 2.5  # samples a track may miss (turned away, a missed detection) and go on
STRANGER_MARGIN = 0.1  # a face this far beyond the threshold never joins the user's track
THUMBNAIL_SIDE = 480
BLUR_MARGIN = 0.25  # of a face's size, blurred around its box as well


@dataclass(frozen=True)
class VideoTrack:
    """One face followed through a video. Times in seconds from the start; box in the pixels
    of the video's frames, of the best frame. ``frame_jpeg``: that frame, others blurred."""

    box: Box
    distance: float | None
    time: float
    spans: tuple[tuple[float, float], ...]
    frame_jpeg: bytes | None = None


@dataclass
class _Track:
    best: Face
    best_time: float
    last_box: Box
    last_time: float
    spans: list[list[float]]
    frame: np.ndarray | None = None  # the best frame (work size), while it is a match
    scale: float = 1.0
    others: list[Box] = field(default_factory=list)

    @property
    def distance(self) -> float | None:
        return self.best.distance


def analyse_video(
    data: bytes | str, references: np.ndarray, *, detector: str, threshold: float
) -> tuple[VideoFacts, list[VideoTrack]]:
    """Sample a video (bytes, or a file's path read in place) and follow its faces.

    Raises:
        BadData: the video cannot be read at all.
    """
    container = open_video(data)
    try:
        sampler = VideoSampler(container)
        linker = _Linker(threshold, sampler.interval)
        for sample in sampler.samples():
            faces = find_faces_in_frame(sample.image, references, detector=detector)
            linker.add(sample, faces)
        return sampler.facts, linker.finish()
    finally:
        container.close()


class _Linker:
    """Links each sample's faces to the tracks seen so far."""

    def __init__(self, threshold: float, interval: float) -> None:
        self.threshold = threshold
        self.interval = interval
        self.tracks: list[_Track] = []

    def add(self, sample: Sample, faces: list[Face]) -> None:
        used: set[int] = set()
        for face in faces:
            track = self._track_for(face, sample.time, used)
            if track is None:
                track = _Track(face, sample.time, face.box, sample.time, [[sample.time] * 2])
                self.tracks.append(track)
            else:
                self._extend(track, face, sample.time)
            used.add(id(track))
            if self._matched(face.distance) and track.best is face:
                track.frame, track.scale = sample.image.rgb, sample.image.scale
                track.others = [f.box for f in faces if f is not face]

    def _track_for(self, face: Face, moment: float, used: set[int]) -> _Track | None:
        recent = [
            t
            for t in self.tracks
            if id(t) not in used and moment - t.last_time <= LINK_GAP * self.interval
        ]
        stranger = face.distance is not None and face.distance > self.threshold + STRANGER_MARGIN
        candidates = [t for t in recent if not (stranger and self._matched(t.distance))]
        near = max(candidates, key=lambda t: _overlap(t.last_box, face.box), default=None)
        if near is not None and _overlap(near.last_box, face.box) >= LINK_OVERLAP:
            return near
        if self._matched(face.distance):  # the user again, elsewhere in the frame (a cut)
            mine = [t for t in self.tracks if id(t) not in used and self._matched(t.distance)]
            return max(mine, key=lambda t: t.last_time, default=None)
        return None

    def _extend(self, track: _Track, face: Face, moment: float) -> None:
        if moment - track.spans[-1][1] <= LINK_GAP * self.interval:
            track.spans[-1][1] = moment
        else:
            track.spans.append([moment, moment])
        track.last_box, track.last_time = face.box, moment
        if face.distance is not None and (
            track.best.distance is None or face.distance < track.best.distance
        ):
            track.best, track.best_time = face, moment

    def _matched(self, distance: float | None) -> bool:
        return distance is not None and distance <= self.threshold

    def finish(self) -> list[VideoTrack]:
        ordered = sorted(self.tracks, key=lambda t: (t.distance is None, t.distance or 0.0))
        out = []
        for track in ordered[:MAX_TRACKS]:
            jpeg = _thumbnail(track) if self._matched(track.distance) else None
            spans = tuple((round(a, 3), round(b, 3)) for a, b in track.spans)
            out.append(
                VideoTrack(track.best.box, track.distance, round(track.best_time, 3), spans, jpeg)
            )
        return out


def _overlap(a: Box, b: Box) -> float:
    top, right = max(a[0], b[0]), min(a[1], b[1])
    bottom, left = min(a[2], b[2]), max(a[3], b[3])
    inter = max(0, right - left) * max(0, bottom - top)
    area_a = (a[1] - a[3]) * (a[2] - a[0])
    area_b = (b[1] - b[3]) * (b[2] - b[0])
    union = area_a + area_b - inter
    return inter / union if union > 0 else 0.0


def _thumbnail(track: _Track) -> bytes | None:
    """The track's best frame as a JPEG, every other face in it blurred away."""
    if track.frame is None:
        return None
    image = Image.fromarray(track.frame)
    for top, right, bottom, left in track.others:
        pad_x, pad_y = BLUR_MARGIN * (right - left), BLUR_MARGIN * (bottom - top)
        area = (
            max(0, int((left - pad_x) / track.scale)),
            max(0, int((top - pad_y) / track.scale)),
            min(image.width, int((right + pad_x) / track.scale) + 1),
            min(image.height, int((bottom + pad_y) / track.scale) + 1),
        )
        if area[2] > area[0] and area[3] > area[1]:
            radius = max(2.0, 0.15 * max(area[2] - area[0], area[3] - area[1]))
            image.paste(image.crop(area).filter(ImageFilter.GaussianBlur(radius)), area[:2])
    image.thumbnail((THUMBNAIL_SIDE, THUMBNAIL_SIDE))
    out = io.BytesIO()
    image.save(out, "JPEG", quality=82)
    return out.getvalue()
