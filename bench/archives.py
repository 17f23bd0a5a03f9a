"""Benchmark: scanning the same photos as a plain tar, a .tgz and a zip.

    uv run python bench/archives.py [--members 200] [--kib 256]

Each member is a JPEG-headed file of incompressible bytes (decoding fails at once, so the time is
the container's: listing, reading the export's metadata, reading every member). A compressed tar
must cost about what a plain one does: it is read front to back, in one pass.
"""

from __future__ import annotations

import argparse
import io
import os
import tarfile
import tempfile
import time
import zipfile
from pathlib import Path

from exposure_audit.audit.store import Audit
from exposure_audit.faces.enrollment import assess_selfies
from exposure_audit.scan.pipeline import Finished, ScanSettings, add_sources, scan

FACES = Path(__file__).resolve().parents[1] / "tests" / "data" / "faces"


def members(count: int, size: int) -> dict[str, bytes]:
    return {
        f"Takeout/Photos/IMG_{i:05}.jpg": b"\xff\xd8\xff\xe0" + os.urandom(size - 4)
        for i in range(count)
    }


def write(kind: str, path: Path, files: dict[str, bytes]) -> Path:
    if kind == "zip":
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, data in files.items():
                archive.writestr(name, data)
        return path
    with tarfile.open(path, "w:gz" if kind == "tgz" else "w") as archive:
        for name, data in files.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    return path


def timed_scan(folder: Path, source: Path) -> tuple[float, Finished]:
    audit = Audit.open(folder / f"{source.name}.audit")
    selfie = (FACES / "obama.jpg").read_bytes()
    (report,) = assess_selfies([("obama.jpg", selfie)])
    assert report.encoding is not None
    assert report.box is not None
    audit.add_reference(report.name, report.sha256, report.encoding, report.box, {})
    add_sources(audit, [str(source)])
    started = time.perf_counter()
    events = list(scan(audit, ScanSettings(workers=1)))
    seconds = time.perf_counter() - started
    audit.close()
    finished = events[-1]
    assert isinstance(finished, Finished)
    return seconds, finished


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--members", type=int, default=200)
    parser.add_argument("--kib", type=int, default=256)
    args = parser.parse_args()
    files = members(args.members, args.kib * 1024)
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        for kind, name in (("tar", "photos.tar"), ("tgz", "photos.tgz"), ("zip", "photos.zip")):
            source = write(kind, root / name, files)
            seconds, finished = timed_scan(root, source)
            print(
                f"{kind:4} {args.members} x {args.kib} KiB ({source.stat().st_size / 2**20:.1f} MiB):"
                f" {seconds:6.2f} s, {finished.seen} files seen"
            )


if __name__ == "__main__":
    main()
