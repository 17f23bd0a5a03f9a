"""Export scale: a synthetic export of N photos scanned from start to end, watched as it goes.

    uv run python bench/scale.py --photos 10000 --form zip      # or tgz, takeout (two parts)

Builds N distinct small photos (two in three hold a face from the labelled test faces, the rest
none), packs them as one zip, one .tgz, or a two-part Google Takeout (photo + JSON sidecar,
split over -001.zip and -002.zip), enrolls two selfies and scans it with the command line's
pipeline in a child process. Reports photos/s per thousand photos, the error of the ETA shown
once 10 % was done against the real end, and the memory (RSS) of the scan's processes.
"""

from __future__ import annotations

import argparse
import io
import json
import random
import subprocess
import sys
import tarfile
import tempfile
import time
import zipfile
from pathlib import Path

from PIL import Image

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from benchmark import SELFIES, SHARED_FACES, _descendants, _rss, labelled_photos  # noqa: E402

SIDE = 240


def photos(count: int) -> list[tuple[str, bytes]]:
    """``count`` distinct JPEGs of at most ``SIDE`` px; every third has no face."""
    faces = [Image.open(SHARED_FACES / p).convert("RGB") for p in sorted(labelled_photos())]
    for face in faces:
        face.thumbnail((SIDE, SIDE))
    rng = random.Random(count)
    out = []
    for index in range(count):
        if index % 3 == 2:
            image = Image.new(
                "RGB", (SIDE, SIDE * 3 // 4), tuple(rng.randrange(256) for _ in "rgb")
            )
        else:
            image = faces[index % len(faces)].copy()
        image.putpixel(
            (rng.randrange(image.width), rng.randrange(image.height)), (index % 256, 7, 7)
        )
        buffer = io.BytesIO()
        image.save(buffer, "JPEG", quality=85)
        out.append((f"IMG_{index:05d}.jpg", buffer.getvalue()))
    return out


def build(folder: Path, form: str, count: int) -> Path:
    items = photos(count)
    if form == "zip":
        target = folder / "export.zip"
        with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, data in items:
                archive.writestr(f"photos/{name}", data)
        return target
    if form == "tgz":
        target = folder / "export.tgz"
        with tarfile.open(target, "w:gz") as archive:
            for name, data in items:
                info = tarfile.TarInfo(f"photos/{name}")
                info.size = len(data)
                archive.addfile(info, io.BytesIO(data))
        return target
    source = folder / "takeout"
    source.mkdir()
    half = len(items) // 2
    for part, chunk in ((1, items[:half]), (2, items[half:])):
        path = source / f"takeout-20250101T000000Z-{part:03d}.zip"
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
            for index, (name, data) in enumerate(chunk):
                album = f"Takeout/Google Photos/Photos from {2015 + index % 10}/"
                archive.writestr(album + name, data)
                sidecar = {
                    "title": name,
                    "photoTakenTime": {"timestamp": str(1_450_000_000 + index * 3600)},
                }
                archive.writestr(album + name + ".json", json.dumps(sidecar))
    return source


def child(audit: Path, source: Path, workers: int) -> None:
    """The scan, printing its progress as JSON lines."""
    from exposure_audit.actions import enroll_selfies
    from exposure_audit.audit.store import Audit
    from exposure_audit.faces.enrollment import Selfie
    from exposure_audit.scan.pipeline import Finished, Progress, ScanSettings, add_sources, scan

    with Audit.open(audit) as opened:
        selfies = [Selfie(Path(s).name, (SHARED_FACES / s).read_bytes()) for s in SELFIES]
        enroll_selfies(opened, selfies)
        add_sources(opened, [str(source)])
        started = time.monotonic()
        last = 0.0
        for event in scan(opened, ScanSettings(workers=workers)):
            now = time.monotonic()
            if isinstance(event, Progress) and (now - last >= 0.5 or event.done == event.total):
                last = now
                line = {
                    "t": now - started,
                    "done": event.done,
                    "total": event.total,
                    "eta": event.eta_seconds,
                }
                print(json.dumps(line), flush=True)
            elif isinstance(event, Finished):
                print(
                    json.dumps(
                        {
                            "t": now - started,
                            "finished": event.status,
                            "seen": event.seen,
                            "problems": event.problems,
                        }
                    ),
                    flush=True,
                )


def measure(form: str, count: int, workers: int) -> dict[str, object]:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        source = build(folder, form, count)
        command = [
            sys.executable,
            __file__,
            "--child",
            str(folder / "s.audit"),
            str(source),
            "--workers",
            str(workers),
        ]
        process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
        samples: list[dict[str, float]] = []
        memory: list[tuple[int, int, int]] = []  # (done, rss of all, rss of the main process)
        import selectors

        selector = selectors.DefaultSelector()
        assert process.stdout is not None
        selector.register(process.stdout, selectors.EVENT_READ)
        done = 0
        while True:
            if selector.select(timeout=0.2):
                line = process.stdout.readline()
                if not line:
                    break
                sample = json.loads(line)
                samples.append(sample)
                done = sample.get("done", done)
            tree = _descendants(process.pid) | {process.pid}
            sizes = {pid: _rss(pid) for pid in tree}
            memory.append((done, sum(sizes.values()), sizes.get(process.pid, 0)))
        if process.wait():
            raise SystemExit(f"scan failed ({process.returncode})")
    return summarise(samples, memory, count)


def summarise(samples: list[dict], memory: list[tuple[int, int, int]], count: int) -> dict:
    end = next(s["t"] for s in samples if "finished" in s)
    total = next(s["total"] for s in reversed(samples) if "total" in s)
    # The scan's end is its Finished event: count it as the last progress, all done.
    progress = [s for s in samples if "done" in s] + [{"t": end, "done": total, "eta": 0.0}]

    def time_at(done: int) -> float:
        return next(s["t"] for s in progress if s["done"] >= done)

    step = total // 10  # of files: a Takeout holds a JSON sidecar per photo
    rates = []
    for k in range(1, 11):
        start = time_at((k - 1) * step) if k > 1 else time_at(1)
        rates.append(round(step / max(time_at(k * step) - start, 1e-6) * count / total, 1))
    tenth = next(s for s in progress if s["done"] >= step and s["eta"] is not None)
    predicted = tenth["t"] + tenth["eta"]
    mib = 2**20
    at = {
        k: max((m for m in memory if m[0] <= k * step), key=lambda m: m[1], default=(0, 0, 0))
        for k in (1, 10)
    }
    return {
        "photos": count,
        "seconds": round(end, 1),
        "photos_per_s": round(count / end, 1),
        "listing_s": round(next(s["t"] for s in progress if s["total"]), 1),
        "photos_per_s_each_tenth": rates,
        "eta_error_at_10pct": f"{(predicted - end) / end * 100:+.1f} %",
        "peak_rss_all_mib": round(max(m[1] for m in memory) / mib),
        "peak_rss_main_mib": round(max(m[2] for m in memory) / mib),
        "rss_all_mib_first_tenth_vs_all": [round(at[1][1] / mib), round(at[10][1] / mib)],
        "rss_main_mib_first_tenth_vs_all": [round(at[1][2] / mib), round(at[10][2] / mib)],
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--photos", type=int, default=10_000)
    parser.add_argument("--form", choices=("zip", "tgz", "takeout"), default="zip")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--child", nargs=2, metavar=("AUDIT", "SOURCE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(Path(args.child[0]), Path(args.child[1]), args.workers)
        return
    for _ in range(args.runs):
        result = measure(args.form, args.photos, args.workers)
        print(json.dumps({"form": args.form, "workers": args.workers, **result}), flush=True)


if __name__ == "__main__":
    main()
