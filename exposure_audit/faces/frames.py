"""Decoding a video in place and sampling its frames, at reduced size, with bounded work.

The sampling rule (the README says it too): every keyframe (encoders place one at each cut),
and a frame at most ``SAMPLE_INTERVAL`` seconds after the last one taken, and, among the frames
decoded anyway, any that differs sharply from the one before (a cut between keyframes).
Frames nobody needs are not decoded: the packets after a sample are held back, and dropped
unread when a keyframe comes before the next sample is due. A video longer than
``MAX_SAMPLES`` seconds is sampled less often, so that it costs at most ``MAX_SAMPLES`` samples.
"""

from __future__ import annotations

import io
import logging
from collections.abc import Iterator
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

import av
import numpy as np

from exposure_audit.errors import BadData
from exposure_audit.i18n import _
from exposure_audit.imaging import DecodedImage

log = logging.getLogger(__name__)

SAMPLE_INTERVAL = 1.0  # seconds: a face shown for one second is in at least one sample
MAX_SAMPLES = 1200  # one per second over 20 minutes; longer videos are sampled more sparsely
KEYFRAME_GAP = 0.5  # of the interval: keyframes closer than this to the last sample are skipped
SCENE_GAP = 0.25  # of the interval, likewise for cuts between keyframes
SCENE_CHANGE = 40.0  # mean luma difference (0-255) on a coarse grid that makes a cut
WORK_SIDE = 960  # frames are searched at this longer side (faces down to 1/12 of it)
MAX_FRAME_PIXELS = 8192 * 8192  # larger frames are not decoded at all
MAX_PACKETS = 4_000_000  # packets read from one video, whatever its claimed length
MAX_DECODED = 200_000  # frames decoded from one video (under two hours at 30 fps, all decoded)
MAX_HELD = 1024  # packets held back at once; beyond, they are decoded
# Probing reads at most this much before the first frame, and no file may list more streams.
OPEN_OPTIONS = {
    "probesize": str(16 * 1024 * 1024),
    "analyzeduration": "10000000",
    "max_streams": "64",
}
_EIGHT_BIT_PLANAR = {"yuv420p", "yuvj420p", "yuv422p", "yuvj422p", "yuv444p", "yuvj444p", "nv12"}

av.logging.set_level(None)  # FFmpeg's own console chatter: problems are reported as problems


@dataclass(frozen=True)
class Sample:
    """One frame taken from a video: when (seconds from the start) and its pixels."""

    time: float
    image: DecodedImage
    keyframe: bool


@dataclass
class VideoFacts:
    """What decoding a video learnt: its size, length, codec, and whether it read to the end."""

    width: int
    height: int
    codec: str
    duration: float | None
    samples: int = 0
    decoded: int = 0
    reached: float = 0.0  # seconds: the time of the last sample
    stopped_early: str | None = None  # why the search ended before the video did


def open_video(data: bytes | str) -> Any:
    """The video opened for reading (bytes in memory or a file's path, read in place).

    Raises:
        BadData: not a video this decoder can read.
    """
    source: Any = io.BytesIO(data) if isinstance(data, bytes) else data
    try:
        return av.open(source, mode="r", options=OPEN_OPTIONS, timeout=None)
    except (av.FFmpegError, OSError, ValueError, EOFError, UnicodeDecodeError) as exc:
        raise BadData(
            _("this video could not be read ({reason})").format(reason=_brief(exc))
        ) from exc


class VideoSampler:
    """Samples one opened video: ``facts`` first, then ``samples()`` to step through it."""

    def __init__(self, container: Any, work_side: int = WORK_SIDE) -> None:
        self.container = container
        streams = [s for s in container.streams.video if s.codec_context is not None]
        if not streams:
            raise BadData(_("this video could not be read (it holds no picture track)"))
        self.stream = streams[0]
        context = self.stream.codec_context
        width, height = int(context.width or 0), int(context.height or 0)
        if width <= 0 or height <= 0:
            raise BadData(_("this video could not be read (its picture has no size)"))
        if width * height > MAX_FRAME_PIXELS:
            raise BadData(
                _("this video's frames are too large to read ({width} x {height})").format(
                    width=width, height=height
                )
            )
        self.facts = VideoFacts(
            width, height, context.name or "?", _duration(container, self.stream)
        )
        self.interval = SAMPLE_INTERVAL
        if self.facts.duration and self.facts.duration > MAX_SAMPLES * SAMPLE_INTERVAL:
            self.interval = self.facts.duration / MAX_SAMPLES
        self.work_side = work_side
        self.base = self._time_base()
        # One thread: a scan runs a worker per core, and frames come out in the order sent,
        # which holding packets back relies on. Frames no other frame refers to are not needed.
        context.thread_count = 1
        context.skip_frame = "NONREF"
        self.last_time: float | None = None
        self.last_grid: np.ndarray | None = None
        self.resume_pts: int | None = None

    def samples(self) -> Iterator[Sample]:
        """The sampled frames, in order of time.

        Raises:
            BadData: the video breaks off before any frame could be read.
        """
        held: list[Any] = []
        decoding = False
        try:
            for count, packet in enumerate(self.container.demux(self.stream)):
                if count >= MAX_PACKETS:
                    self.facts.stopped_early = "too many packets"
                    break
                if packet.size == 0:
                    continue
                if packet.is_keyframe:
                    if held:
                        self.resume_pts = packet.pts  # frames before it may miss their references
                    held.clear()
                    batch = [packet]
                elif decoding:
                    batch = [packet]
                else:
                    held.append(packet)
                    if not self._due(packet) and len(held) < MAX_HELD:
                        continue
                    batch, held = held, []
                    decoding = True
                for frame in self._decode(batch):
                    taken = self._take(frame)
                    if taken is not None:
                        decoding = False
                        yield taken
                if self._bounded():
                    return
            for frame in self._decode([None]):
                taken = self._take(frame)
                if taken is not None:
                    yield taken
        except (av.FFmpegError, OSError, ValueError, EOFError, MemoryError) as exc:
            if self.facts.samples == 0:
                raise BadData(
                    _("this video could not be read ({reason})").format(reason=_brief(exc))
                ) from exc
            self.facts.stopped_early = f"breaks off ({_brief(exc)})"
        if self.facts.samples == 0:
            raise BadData(_("this video could not be read (no frame in it could be decoded)"))

    def _bounded(self) -> bool:
        if self.facts.samples >= 2 * MAX_SAMPLES:
            self.facts.stopped_early = "too many samples"
        elif self.facts.decoded >= MAX_DECODED:
            self.facts.stopped_early = "too many frames"
        return self.facts.stopped_early is not None

    def _due(self, packet: Any) -> bool:
        """Whether a held packet's frame is at or past the time the next sample is due."""
        moment = self._seconds(packet.pts)
        return moment is None or self.last_time is None or moment >= self.last_time + self.interval

    def _decode(self, packets: list[Any]) -> Iterator[Any]:
        for packet in packets:
            for frame in self.stream.codec_context.decode(packet):
                self.facts.decoded += 1
                yield frame

    def _take(self, frame: Any) -> Sample | None:
        if self.resume_pts is not None and frame.pts is not None and frame.pts < self.resume_pts:
            return None  # decoded without the frames it refers to: garbage
        moment = self._seconds(frame.pts)
        if moment is None:
            moment = (self.last_time or 0.0) + 1 / 30
        since = None if self.last_time is None else moment - self.last_time
        grid = self._grid(frame)
        cut = grid is not None and self.last_grid is not None and self._cut(grid)
        self.last_grid = grid if grid is not None else self.last_grid
        due = since is None or since >= self.interval
        key = frame.key_frame and (since is None or since >= KEYFRAME_GAP * self.interval)
        scene = cut and since is not None and since >= SCENE_GAP * self.interval
        if not (due or key or scene):
            return None
        self.last_time = max(moment, self.last_time or moment)
        self.facts.samples += 1
        self.facts.reached = self.last_time
        return Sample(moment, self._image(frame), bool(frame.key_frame))

    def _image(self, frame: Any) -> DecodedImage:
        width, height = self.facts.width, self.facts.height
        factor = self.work_side / max(width, height)
        size = (max(2, round(width * factor)) // 2 * 2, max(2, round(height * factor)) // 2 * 2)
        rgb = frame.reformat(width=size[0], height=size[1], format="rgb24").to_ndarray()
        return DecodedImage(
            rgb=rgb, scale=width / size[0], full_size=(width, height), format="video"
        )

    def _grid(self, frame: Any) -> np.ndarray | None:
        """A coarse luma grid of an 8-bit frame, read from its buffer without converting it."""
        if frame.format.name not in _EIGHT_BIT_PLANAR:
            return None
        plane = frame.planes[0]
        luma = np.frombuffer(plane, np.uint8).reshape(plane.height, plane.line_size)
        step_y, step_x = max(1, plane.height // 18), max(1, plane.width // 32)
        return luma[::step_y, : plane.width : step_x].astype(np.int16)

    def _cut(self, grid: np.ndarray) -> bool:
        assert self.last_grid is not None
        if grid.shape != self.last_grid.shape:
            return True
        return float(np.abs(grid - self.last_grid).mean()) >= SCENE_CHANGE

    def _time_base(self) -> tuple[Fraction, int]:
        base = self.stream.time_base or Fraction(1, 90000)
        start = self.stream.start_time
        return Fraction(base), int(start) if start is not None else 0

    def _seconds(self, pts: int | None) -> float | None:
        if pts is None:
            return None
        base, start = self.base
        return max(0.0, float((pts - start) * base))


def _duration(container: Any, stream: Any) -> float | None:
    """The video's length in seconds as its file states it; None when absent or absurd."""
    seconds = None
    if stream.duration is not None and stream.time_base is not None:
        seconds = float(stream.duration * stream.time_base)
    elif container.duration is not None:
        seconds = container.duration / 1_000_000
    if seconds is None or not 0 < seconds < 10 * 24 * 3600:
        return None
    return seconds


def _brief(exc: BaseException) -> str:
    text = str(exc).split(":")[-1].strip() or type(exc).__name__
    return text[:120]
