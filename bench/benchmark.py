"""Benchmark: accuracy and speed against face_recognition's own CLI, re-scan speed, memory.

    uv run python bench/benchmark.py                 # accuracy + speed + re-scan, 2 cores
    uv run python bench/benchmark.py --memory 1000 5000   # also peak memory at 1k and 5k photos

It builds a mixed export from the labelled face photos (plain, EXIF-rotated, 200 px profile
pictures, small faces on 2400x1600 canvases, PNG, WebP, heavy JPEG compression, 12-megapixel
phone-size JPEGs; part of it in a zip), enrolls two selfies of one person, and runs both tools on the same photos with the same
number of worker processes. face_recognition's CLI cannot read zips, so it gets the zipped
photos as plain files; it reads only .jpg/.jpeg/.png names, which is part of what is measured.
"""

from __future__ import annotations

import argparse
import io
import itertools
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from dataclasses import dataclass
from pathlib import Path

from PIL import Image

sys.path.insert(0, str(Path(__file__).resolve().parent))

ROOT = Path(__file__).resolve().parent.parent
from crowds import SHARED_FACES  # noqa: E402

USER = "obama"
SELFIES = ("obama/obama.jpg", "obama/obama2.jpg")


@dataclass(frozen=True)
class Photo:
    name: str
    data: bytes
    has_user: bool
    zipped: bool


def labelled_photos() -> dict[str, list[str]]:
    labels = json.loads((SHARED_FACES / "labels.json").read_text())
    return {path: people for path, people in labels.items() if path not in SELFIES}


def variants(path: str, people: list[str], rng: random.Random) -> list[tuple[str, bytes]]:
    """The same photo as it turns up in exports: sideways, tiny, small on a canvas, re-encoded."""
    image = Image.open(SHARED_FACES / path)
    image.load()
    rgb = image.convert("RGB")
    stem = path.replace("/", "_").rsplit(".", 1)[0]
    out = [
        (f"{stem}.jpg", _jpeg(rgb, 92)),
        (f"{stem}_rot6.jpg", _rotated(rgb, 6)),
        (f"{stem}_rot8.jpg", _rotated(rgb, 8)),
        (f"{stem}.png", _encode(image, "PNG")),
        (f"{stem}.webp", _encode(rgb, "WEBP", quality=80)),
        (f"{stem}_q15.jpg", _jpeg(rgb, 15)),
        (f"{stem}_canvas.jpg", _on_canvas(rgb, rng)),
    ]
    if len(people) == 1:  # profile pictures show one person
        out.append((f"{stem}_profile200.jpg", _profile(rgb)))
    out.append((f"{stem}_phone.jpg", _phone_size(rgb)))
    return out


def _phone_size(image: Image.Image) -> bytes:
    """The photo at a phone camera's 12-megapixel size, the most common photo in a real export."""
    scale = 4032 / max(image.size)
    return _jpeg(image.resize((round(image.width * scale), round(image.height * scale))), 90)


def _jpeg(image: Image.Image, quality: int) -> bytes:
    return _encode(image, "JPEG", quality=quality)


def _encode(image: Image.Image, fmt: str, **options: object) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, fmt, **options)
    return buffer.getvalue()


def _rotated(image: Image.Image, orientation: int) -> bytes:
    turn = {6: Image.Transpose.ROTATE_90, 8: Image.Transpose.ROTATE_270}[orientation]
    exif = Image.Exif()
    exif[0x0112] = orientation
    buffer = io.BytesIO()
    image.transpose(turn).save(buffer, "JPEG", quality=90, exif=exif.tobytes())
    return buffer.getvalue()


def _on_canvas(image: Image.Image, rng: random.Random) -> bytes:
    """The photo at 1/4 of the canvas width, somewhere on a 2400x1600 canvas."""
    scale = 600 / max(image.size)
    small = image.resize((round(image.width * scale), round(image.height * scale)))
    canvas = Image.new("RGB", (2400, 1600), tuple(rng.randrange(60, 200) for _ in range(3)))
    canvas.paste(
        small, (rng.randrange(0, 2400 - small.width), rng.randrange(0, 1600 - small.height))
    )
    return _jpeg(canvas, 88)


def _profile(image: Image.Image) -> bytes:
    side = min(image.size)
    left, top = (image.width - side) // 2, max(0, (image.height - side) // 3)
    return _jpeg(image.crop((left, top, left + side, top + side)).resize((200, 200)), 85)


def build_export(folder: Path, rng: random.Random) -> list[Photo]:
    photos = []
    for path, people in sorted(labelled_photos().items()):
        for index, (name, data) in enumerate(variants(path, people, rng)):
            photos.append(Photo(name, data, USER in people, zipped=index % 3 == 0))
    export = folder / "export"
    flat = folder / "unknown"
    known = folder / "known"
    for directory in (export, flat, known):
        directory.mkdir(parents=True)
    with zipfile.ZipFile(export / "part.zip", "w") as archive:
        for photo in photos:
            (flat / photo.name).write_bytes(photo.data)
            if photo.zipped:
                archive.writestr(f"media/{photo.name}", photo.data)
            else:
                (export / photo.name).write_bytes(photo.data)
    for selfie in SELFIES:
        shutil.copy(SHARED_FACES / selfie, known / Path(selfie).name)
    return photos


def score(predicted: set[str], photos: list[Photo]) -> tuple[float, float]:
    truth = {p.name for p in photos if p.has_user}
    hits = len(predicted & truth)
    recall = hits / len(truth)
    precision = hits / len(predicted) if predicted else 1.0
    return recall, precision


def run_ours(
    folder: Path,
    cpus: int,
    audit: Path,
    with_selfies: bool = True,
    encoder: str | None = None,
    selfies: tuple[str, ...] = SELFIES,
    source: str = "export",
) -> tuple[set[str], float, float]:
    """Returns (photos with the user, wall seconds, the scan's own seconds).

    ``encoder="dlib"`` has dlib itself encode faces, as before the BLAS-backed network.
    """
    out = folder / "ours.json"
    command = [
        sys.executable,
        "-m",
        "exposure_audit",
        "scan",
        "--audit",
        str(audit),
        "--source",
        str(folder / source),
        "--workers",
        str(cpus),
        "--json",
        str(out),
    ]
    if with_selfies:
        command += [arg for s in selfies for arg in ("--selfie", str(SHARED_FACES / s))]
    env = {**os.environ, "EXPOSURE_AUDIT_ENCODER": encoder or ""}
    started = time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True, check=True, env=env)
    wall = time.perf_counter() - started
    scan_seconds = float(re.search(r"in ([\d.]+) s", result.stderr).group(1))  # type: ignore[union-attr]
    findings = json.loads(out.read_text())["findings"]
    return {f["location"].rsplit("/", 1)[-1] for f in findings}, wall, scan_seconds


def run_reference_cli(
    folder: Path, cpus: int, unknown: str = "unknown", user: str = USER
) -> tuple[set[str], float]:
    tool = shutil.which("face_recognition", path=str(Path(sys.executable).parent))
    if tool is None:
        raise SystemExit("face_recognition's CLI is not installed in this environment")
    started = time.perf_counter()
    result = subprocess.run(
        [tool, "--cpus", str(cpus), str(folder / "known"), str(folder / unknown)],
        capture_output=True,
        text=True,
        check=True,
    )
    wall = time.perf_counter() - started
    predicted = set()
    for line in result.stdout.splitlines():
        path, _, name = line.rpartition(",")
        if name.startswith(user):
            predicted.add(Path(path).name)
    return predicted, wall


def accuracy_and_speed(cpus: int, runs: int, encoders: bool) -> None:
    rng = random.Random(7)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        photos = build_export(folder, rng)
        positives = sum(p.has_user for p in photos)
        print(
            f"mixed export: {len(photos)} photos ({positives} with the user), "
            f"{sum(p.zipped for p in photos)} of them inside a zip; {cpus} worker processes"
        )
        for run in range(1, runs + 1):
            audit = folder / f"bench{run}.audit"
            ours, wall, scan_s = run_ours(folder, cpus, audit)
            theirs, their_wall = run_reference_cli(folder, cpus)
            rows = [("exposure-audit", ours, wall), ("face_recognition CLI", theirs, their_wall)]
            if encoders:
                dlib_found, dlib_wall, _ = run_ours(
                    folder, cpus, folder / f"dlib{run}.audit", encoder="dlib"
                )
                rows.insert(1, ("exposure-audit, dlib encodes", dlib_found, dlib_wall))
            print(f"run {run}:")
            _table(rows, photos)
            print(
                f"speed ratio (photos/s, wall clock incl. start-up and enrollment): "
                f"{their_wall / wall:.2f}x"
            )
            missed = sorted(p.name for p in photos if p.has_user and p.name not in ours)
            wrong = sorted(ours - {p.name for p in photos if p.has_user})
            print(f"missed by exposure-audit: {missed}\nfalse matches: {wrong}")
            _, rewall, rescan_s = run_ours(folder, cpus, audit)
            print(
                f"one-shot re-scan of the unchanged export (same selfies): scan {rescan_s:.2f} s "
                f"vs first scan {scan_s:.1f} s; wall clock {rewall:.2f} s vs {wall:.1f} s"
            )


def _table(rows: list[tuple[str, set[str], float]], photos: list[Photo]) -> None:
    print(f"{'':30}{'recall':>8}{'precision':>11}{'photos/s':>10}{'seconds':>9}")
    for name, found, wall in rows:
        recall, precision = score(found, photos)
        print(f"{name:30}{recall:8.3f}{precision:11.3f}{len(photos) / wall:10.2f}{wall:9.1f}")


def selfies_across_occasions(cpus: int) -> None:
    """One selfie against two from different occasions: nearest-reference matching widens
    recall without lowering precision. (The test faces hold no photos of one person years
    apart: the furthest two of one person are 0.53 apart.)"""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        photos = build_export(folder, random.Random(7))
        rows = []
        for chosen in (SELFIES[:1], SELFIES[1:], SELFIES):
            found, wall, _ = run_ours(folder, cpus, folder / f"{len(rows)}.audit", selfies=chosen)
            rows.append((" + ".join(Path(s).name for s in chosen), found, wall))
        _table(rows, photos)


def crowds(cpus: int, count: int, face_px: tuple[int, int], runs: int) -> None:
    """The user as one small face among 21-40 in group photos: both tools, same photos."""
    from crowds import crowd_photos

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        made = crowd_photos(USER, SELFIES, count, face_px)
        for directory in ("crowd", "known"):
            (folder / directory).mkdir()
        for crowd in made:
            (folder / "crowd" / crowd.name).write_bytes(crowd.data)
        for selfie in SELFIES:
            shutil.copy(SHARED_FACES / selfie, folder / "known" / Path(selfie).name)
        photos = [Photo(c.name, c.data, c.has_user, False) for c in made]
        print(
            f"crowd set: {count} photos of 2048 x 1365 px, {sum(c.faces for c in made)} faces of "
            f"{face_px[0]}-{face_px[1]} px, the user in {sum(c.has_user for c in made)}"
        )
        for run in range(1, runs + 1):
            ours, wall, _ = run_ours(folder, cpus, folder / f"c{run}.audit", source="crowd")
            theirs, their_wall = run_reference_cli(folder, cpus, unknown="crowd")
            print(f"run {run}:")
            _table(
                [("exposure-audit", ours, wall), ("face_recognition CLI", theirs, their_wall)],
                photos,
            )


def app_and_command_line(cpus: int | None, runs: int) -> None:
    """The same export scanned by the command line and by the app's window (offscreen), each
    with its default number of workers unless ``cpus`` is given."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        photos = build_export(folder, random.Random(7))
        for run, front in itertools.product(range(runs), ("command line", "app")):
            audit = folder / f"{front[0]}{run}.audit"
            enroll = [sys.executable, "-m", "exposure_audit", "enroll", "--audit", str(audit)]
            subprocess.run(
                [*enroll, *(str(SHARED_FACES / s) for s in SELFIES)],
                check=True,
                capture_output=True,
            )
            workers = ["--workers", str(cpus)] if cpus else []
            if front == "app":
                _add_source(audit, folder / "export")
                result = subprocess.run(
                    [sys.executable, str(ROOT / "bench" / "app_scan.py"), str(audit), *workers],
                    capture_output=True,
                    text=True,
                    check=True,
                )
                seconds = json.loads(result.stdout.strip().splitlines()[-1])["seconds"]
            else:
                command = [
                    sys.executable,
                    "-m",
                    "exposure_audit",
                    "scan",
                    "--audit",
                    str(audit),
                    "--source",
                    str(folder / "export"),
                    "--quiet",
                    *workers,
                ]
                started = time.perf_counter()
                subprocess.run(command, check=True, capture_output=True)
                seconds = time.perf_counter() - started
            print(f"{front:14} {len(photos) / seconds:6.2f} photos/s ({seconds:.1f} s)")


def _add_source(audit: Path, source: Path) -> None:
    code = (
        "import sys\nfrom exposure_audit.audit.store import Audit\n"
        "from exposure_audit.scan.pipeline import add_sources\n"
        "with Audit.open(sys.argv[1]) as audit: add_sources(audit, [sys.argv[2]])"
    )
    subprocess.run([sys.executable, "-c", code, str(audit), str(source)], check=True)


def unique_photos(folder: Path, count: int) -> None:
    """``count`` distinct small photos (faces and not), each with its own noise so none dedupes."""
    sources = [Image.open(SHARED_FACES / p).convert("RGB") for p in sorted(labelled_photos())]
    for source in sources:
        source.thumbnail((640, 640))
    rng = random.Random(count)
    folder.mkdir(parents=True)
    for index in range(count):
        image = sources[index % len(sources)].copy()
        image.putpixel(
            (rng.randrange(image.width), rng.randrange(image.height)), (index % 256, 7, 7)
        )
        (folder / f"{index:05d}.jpg").write_bytes(_jpeg(image, 85))


def peak_memory(count: int, cpus: int) -> None:
    """Peak memory of a first scan of ``count`` distinct photos, and the re-scan's speed."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        unique_photos(folder / "export", count)
        selfies = [arg for s in SELFIES for arg in ("--selfie", str(SHARED_FACES / s))]
        command = [
            sys.executable,
            "-m",
            "exposure_audit",
            "scan",
            "--audit",
            str(folder / "m.audit"),
            "--source",
            str(folder / "export"),
            "--workers",
            str(cpus),
            "--quiet",
        ]
        started = time.perf_counter()
        process = subprocess.Popen(
            [*command, *selfies], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        peak_total, peak_main = _sample_tree(process)
        seconds = time.perf_counter() - started
        started = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True)
        again = time.perf_counter() - started
        print(
            f"{count:6d} photos: peak RSS of all processes {peak_total / 2**20:7.1f} MiB, "
            f"of the main process {peak_main / 2**20:6.1f} MiB; {count / seconds:.1f} photos/s; "
            f"re-scan {again:.2f} s wall clock ({seconds / again:.0f}x faster)"
        )


def _sample_tree(process: subprocess.Popen[bytes]) -> tuple[int, int]:
    peak_total = peak_main = 0
    while process.poll() is None:
        tree = _descendants(process.pid) | {process.pid}
        sizes = {pid: _rss(pid) for pid in tree}
        peak_total = max(peak_total, sum(sizes.values()))
        peak_main = max(peak_main, sizes.get(process.pid, 0))
        time.sleep(0.1)
    if process.returncode:
        raise SystemExit(f"scan failed with exit code {process.returncode}")
    return peak_total, peak_main


def _descendants(root: int) -> set[int]:
    parents: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                fields = Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()
                parents[int(entry)] = int(fields[1])
            except (OSError, IndexError, ValueError):
                continue
    found, frontier = set(), {root}
    while frontier:
        frontier = {pid for pid, parent in parents.items() if parent in frontier} - found
        found |= frontier
    return found


def _rss(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--cpus", type=int, default=2)
    parser.add_argument(
        "--memory",
        type=int,
        nargs="*",
        default=[],
        metavar="N",
        help="also measure peak memory for exports of N photos",
    )
    parser.add_argument("--skip-accuracy", action="store_true")
    parser.add_argument("--runs", type=int, default=1, help="repeat each measurement")
    parser.add_argument(
        "--encoders", action="store_true", help="also time dlib encoding faces itself"
    )
    parser.add_argument("--occasions", action="store_true", help="one selfie against two")
    parser.add_argument("--crowd", type=int, default=0, metavar="N", help="N crowd photos")
    parser.add_argument("--face", type=int, nargs=2, default=(30, 40), metavar=("MIN", "MAX"))
    parser.add_argument(
        "--app", action="store_true", help="the app's window against the command line"
    )
    args = parser.parse_args()
    if not SHARED_FACES.is_dir():
        raise SystemExit(f"needs the labelled faces at {SHARED_FACES}")
    if not args.skip_accuracy:
        accuracy_and_speed(args.cpus, args.runs, args.encoders)
    if args.occasions:
        selfies_across_occasions(args.cpus)
    if args.crowd:
        crowds(args.cpus, args.crowd, tuple(args.face), args.runs)
    if args.app:
        app_and_command_line(None, args.runs)
    for count in args.memory:
        peak_memory(count, args.cpus)


if __name__ == "__main__":
    main()
