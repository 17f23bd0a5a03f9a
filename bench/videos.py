"""Video scans: recall and speed on clips built from the labelled test faces.

    uv run python bench/videos.py [--runs 3] [--workers 2] [--seconds 12]

Builds H.264 and HEVC clips, MP4 and MOV, at 640x360, 1280x720 and 1920x1080, with keyframes
every 1, 2 or 8 seconds (phones, social apps, long-GOP encoders); the user (Obama) is on screen
for a known stretch in most, other people (Biden, Kit Harington, Rose Leslie) in the rest.
Each run scans them all into a fresh audit and reports recall (clips of the user found, at
the right time), false finds in clips of others, and speed as seconds of video per second.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")  # before numpy loads: as in the scan's workers
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from exposure_audit.audit.store import Audit
from exposure_audit.faces.enrollment import assess_selfies
from exposure_audit.scan.pipeline import Finished, ScanSettings, add_sources, scan
from tests.support.clips import Shown, clip_bytes

SHARED = next(
    (p / "shared" / "faces" for p in Path(__file__).resolve().parents if (p / "shared").is_dir()),
    None,
)
TESTS = Path(__file__).resolve().parent.parent / "tests" / "data" / "faces"
SELFIES = ("obama.jpg", "obama2.jpg")
SIZES = ((640, 360), (1280, 720), (1920, 1080))
GOPS = (1, 2, 8)  # seconds between keyframes
CODECS = (("libx264", ".mp4"), ("libx264", ".mov"), ("libx265", ".mp4"))
ME = ("obama-720p.jpg", "obama-1080p.jpg", "obama4.jpg", "obama-480p.jpg")
OTHERS = ("biden2.jpg", "kit1.jpg", "rose1.jpg", "kit3.jpg")


def photo(name: str) -> bytes:
    for folder in (SHARED / "obama", SHARED / "biden", SHARED / "kit_harington",
                   SHARED / "rose_leslie") if SHARED else ():  # fmt: skip
        if (folder / name).exists():
            return (folder / name).read_bytes()
    return (TESTS / name).read_bytes()


def build_clips(folder: Path, seconds: float) -> dict[str, tuple[float, float] | None]:
    """The clips, and for each the span the user is on screen (None: the user is not in it)."""
    truth: dict[str, tuple[float, float] | None] = {}
    number = 0
    for size in SIZES:
        for gop in GOPS:
            for codec, suffix in CODECS:
                number += 1
                mine = number % 4 != 0
                name = (ME if mine else OTHERS)[number % 4]
                start = 2.0 + (number % 5) * 1.5
                shown = Shown(name, start, start + 3.0, 0.9)
                data = clip_bytes(
                    [shown], seconds=seconds, size=size, fps=30, codec=codec,
                    container="mov" if suffix == ".mov" else "mp4", gop=30 * gop,
                    preset="veryfast" if codec == "libx264" else "ultrafast",
                    photo_bytes={name: photo(name)},
                )  # fmt: skip
                clip = f"clip{number:02d}-{size[1]}p-gop{gop}-{codec}{suffix}"
                (folder / clip).write_bytes(data)
                truth[clip] = (shown.start, shown.end) if mine else None
    return truth


def one_run(folder: Path, truth: dict[str, tuple[float, float] | None], workers: int) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        audit = Audit.open(Path(tmp) / "bench.audit")
        for report in assess_selfies([(n, photo(n)) for n in SELFIES]):
            audit.add_reference(
                report.name, report.sha256, report.encoding, report.box, report.to_dict()
            )
        add_sources(audit, [str(folder)])
        started = time.monotonic()
        events = list(scan(audit, ScanSettings(workers=workers)))
        wall = time.monotonic() - started
        finished = events[-1]
        assert isinstance(finished, Finished)
        found: dict[str, list[float]] = {}
        for row in audit.findings():
            found.setdefault(row.location, []).append(row.video_time or -1.0)
        audit.close()
    mine = [clip for clip, span in truth.items() if span is not None]
    at_the_right_time = [
        clip
        for clip in mine
        if any(truth[clip][0] - 0.5 <= t <= truth[clip][1] + 0.5 for t in found.get(clip, []))  # type: ignore[index]
    ]
    false = [clip for clip, span in truth.items() if span is None and clip in found]
    return {
        "wall_seconds": round(wall, 1),
        "recall": f"{len(at_the_right_time)}/{len(mine)}",
        "false_finds": f"{len(false)}/{len(truth) - len(mine)}",
        "problems": finished.problems,
        "missed": sorted(set(mine) - set(at_the_right_time)),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="scans of the same clips")
    parser.add_argument("--workers", type=int, default=2, help="worker processes")
    parser.add_argument("--seconds", type=float, default=12.0, help="length of each clip")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "clips"
        folder.mkdir()
        truth = build_clips(folder, args.seconds)
        video_seconds = args.seconds * len(truth)
        print(f"{len(truth)} clips, {video_seconds:.0f} s of video, {args.workers} workers")
        for run in range(1, args.runs + 1):
            result = one_run(folder, truth, args.workers)
            result["x_real_time"] = round(video_seconds / result["wall_seconds"], 1)
            print(f"run {run}: {json.dumps(result)}")


if __name__ == "__main__":
    main()
