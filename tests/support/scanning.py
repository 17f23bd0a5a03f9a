"""Helpers for scan tests: build sources from the real faces, run a scan to the end."""

from __future__ import annotations

import io
import tarfile
import zipfile
from functools import cache
from pathlib import Path
from typing import Any

from exposure_audit.audit.store import Audit
from exposure_audit.faces.enrollment import SelfieReport, assess_selfies
from exposure_audit.scan.pipeline import Finished, ScanSettings, add_sources, scan
from tests.support.photos import face_bytes

ME = ("obama.jpg", "obama2.jpg")
PHOTOS = ("obama3.jpg", "two_people.jpg", "biden.jpg", "kit1.jpg", "obama-240p.jpg")


@cache
def my_selfie_reports() -> tuple[SelfieReport, ...]:
    """The verdicts on the user's two selfies, assessed once per process: enrolling is the
    set-up of most scan tests, not what they test (``tests/faces/test_enrollment.py`` is)."""
    return tuple(assess_selfies([(n, face_bytes(n)) for n in ME]))


def enrolled_audit(path: Path) -> Audit:
    audit = Audit.open(path)
    for report in my_selfie_reports():
        assert report.encoding is not None
        assert report.box is not None
        audit.add_reference(
            report.name, report.sha256, report.encoding, report.box, report.to_dict()
        )
    return audit


def photo_folder(root: Path, names: tuple[str, ...] = PHOTOS) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    for name in names:
        (root / name).write_bytes(face_bytes(name))
    return root


def zip_of(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


def tgz_of(path: Path, members: dict[str, bytes]) -> Path:
    return tgz_with(path, list(members.items()))


def tgz_with(path: Path, members: list[tuple[str, bytes | int]], level: int = 9) -> Path:
    """A .tgz; an int member is that many zero bytes, streamed (never held in memory)."""
    with tarfile.open(path, "w:gz", compresslevel=level) as archive:
        for name, data in members:
            info = tarfile.TarInfo(name)
            info.size = data if isinstance(data, int) else len(data)
            archive.addfile(info, Zeros(data) if isinstance(data, int) else io.BytesIO(data))
    return path


class Zeros(io.RawIOBase):
    """``size`` zero bytes as a stream."""

    def __init__(self, size: int) -> None:
        self.left = size

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        count = min(len(buffer), self.left)
        buffer[:count] = b"\0" * count
        self.left -= count
        return count


def run_scan(
    audit: Audit,
    sources: list[Path] | None = None,
    workers: int = 1,
    settings: ScanSettings | None = None,
) -> tuple[Finished, list[object]]:
    if sources:
        add_sources(audit, [str(s) for s in sources])
    events = list(scan(audit, settings or ScanSettings(workers=workers)))
    finished = events[-1]
    assert isinstance(finished, Finished)
    return finished, events
