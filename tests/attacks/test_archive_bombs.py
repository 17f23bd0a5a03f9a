"""Compressed tars that once cost memory, a whole export, or a pass per nested archive.

- A GNU long-name or pax header record declaring 4 GiB took a scan past 4 GB: tarfile reads
  such a record whole, before any check of the tool's.
- One member over the ratio made the whole .tgz unreadable, and the photo after it was lost.
- Archives inside a .tgz were each opened by decompressing the stream from the start again.
Each test builds the real crafted archive.
"""

from __future__ import annotations

import gzip
import io
import subprocess
import sys
import tarfile
import time
import zipfile
from pathlib import Path

import pytest

from exposure_audit.scan.pipeline import Finding, ItemError
from exposure_audit.sources import containers
from exposure_audit.sources.containers import Limits, discover
from tests.support.photos import face_bytes
from tests.support.scanning import enrolled_audit, run_scan, tgz_with

ROOT = Path(__file__).resolve().parents[2]
GIB = 1024**3


def _zeros_into(stream: gzip.GzipFile, count: int) -> None:
    block = bytes(1024 * 1024)
    while count > 0:
        stream.write(block[: min(count, len(block))])
        count -= len(block)


def _header_bomb(path: Path, kind: bytes, supplied: int) -> Path:
    """A .tgz whose first header is a long-name (b"L") or pax (b"x") record declaring 4 GiB,
    followed by ``supplied`` zero bytes of it."""
    info = tarfile.TarInfo("././@LongLink" if kind == b"L" else "pax_header")
    info.type = kind
    info.size = 4 * GIB
    with gzip.open(path, "wb", compresslevel=6) as stream:
        stream.write(info.tobuf(format=tarfile.GNU_FORMAT)[:512])
        _zeros_into(stream, supplied)
    return path


@pytest.mark.parametrize("kind", [b"L", b"x"], ids=["gnu-long-name", "pax"])
def test_a_huge_header_record_is_refused_before_it_is_read(tmp_path: Path, kind: bytes) -> None:
    bomb = _header_bomb(tmp_path / "bomb.tgz", kind, supplied=400 * 1024 * 1024)
    assert bomb.stat().st_size < 1_000_000
    child = (
        "import sys\n"
        "from pathlib import Path\n"
        "from exposure_audit.errors import BadData\n"
        "from exposure_audit.sources.containers import Limits, discover\n"
        "problems = []\n"
        "try:\n"
        "    for export in discover(Path(sys.argv[1]), Limits(), lambda *p: problems.append(p)):\n"
        "        pass\n"
        "except BadData as exc:\n"
        "    problems.append(('', str(exc)))\n"
        "print(problems)\n"
        # VmHWM, not ru_maxrss: Linux carries ru_maxrss over exec from the (large) test process
        "print(next(l.split()[1] for l in open('/proc/self/status') if l.startswith('VmHWM')))\n"
    )
    run = subprocess.run(
        [sys.executable, "-c", child, str(bomb)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr
    problems, peak_kib = run.stdout.strip().splitlines()
    assert "header record declares 4,294,967,296 bytes" in problems
    assert int(peak_kib) < 300 * 1024  # the record supplied 400 MB: none of it was held


def test_a_member_over_the_limits_is_skipped_and_the_rest_read(tmp_path: Path) -> None:
    archive = tgz_with(
        tmp_path / "export.tgz",
        [("media/zeros.bin", 160 * 1024 * 1024), ("media/me.jpg", face_bytes("obama3.jpg"))],
    )
    with enrolled_audit(tmp_path / "a.audit") as audit:
        _finished, events = run_scan(audit, [archive])
    problems = {e.location: e.message for e in events if isinstance(e, ItemError)}
    found = [e for e in events if isinstance(e, Finding)]
    skipped = f"{archive}!/media/zeros.bin"
    assert "compression bomb; skipped" in problems[skipped]
    assert [f.row.location for f in found] == [f"{archive}!/media/me.jpg"]


def test_all_a_tar_may_unpack_is_bounded(tmp_path: Path) -> None:
    archive = tgz_with(
        tmp_path / "export.tgz",
        [("a.bin", 40 * 1024 * 1024), ("b.bin", 40 * 1024 * 1024), ("me.jpg", b"x" * 100)],
    )
    problems: list[tuple[str, str]] = []
    limits = Limits(max_unpacked_bytes=60 * 1024 * 1024)
    for _export in discover(archive, limits, lambda where, why: problems.append((where, why))):
        pass
    assert any("unpacks to more than 62,914,560 bytes" in why for _, why in problems)


def test_archives_inside_a_tgz_cost_one_pass(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def small_zip(number: int) -> bytes:
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as inner:
            inner.writestr(f"photo-{number}.jpg", face_bytes("obama3.jpg") + bytes([number]))
            inner.writestr("notes.txt", "x" * 20_000)
        return buffer.getvalue()

    archive = tgz_with(
        tmp_path / "export.tgz", [(f"zips/{n:03}.zip", small_zip(n)) for n in range(100)]
    )
    read = [0]
    original = containers._CountingReader.readinto

    def counting(self: object, buffer: memoryview) -> int:
        got = original(self, buffer)  # type: ignore[arg-type]
        read[0] += got
        return got

    monkeypatch.setattr(containers._CountingReader, "readinto", counting)
    exports = list(discover(archive, Limits(), lambda *_problem: None))
    assert len(exports) == 101  # the tar and each zip inside it
    assert sum(len(e.entries) for e in exports[1:]) == 200
    assert read[0] <= 2 * archive.stat().st_size  # one pass; re-reading was 100 passes


def _pax_member(record: bytes) -> bytes:
    """A raw pax extended header whose record is ``record``, as a crafting tool writes it."""
    info = tarfile.TarInfo("././@PaxHeader")
    info.type = tarfile.XHDTYPE
    info.size = len(record)
    return info.tobuf(format=tarfile.USTAR_FORMAT) + record + b"\0" * (-len(record) % 512)


def _plain_member(name: str, data: bytes) -> bytes:
    info = tarfile.TarInfo(name)
    info.size = len(data)
    return info.tobuf(format=tarfile.USTAR_FORMAT) + data + b"\0" * (-len(data) % 512)


@pytest.mark.parametrize(
    "record",
    [
        b"1" * 256_000,  # a length that never ends: 167 s in Python 3.11.7's own parser
        b"300000 path=" + b"7" * 299_987 + b"\n",  # well formed, with a value of digits
    ],
    ids=["digits", "digit-value"],
)
def test_a_pax_record_of_digits_is_refused_at_once(tmp_path: Path, record: bytes) -> None:
    archive = tmp_path / "export.tgz"
    photo = face_bytes("obama3.jpg")
    with gzip.open(archive, "wb") as stream:
        stream.write(_plain_member("media/me.jpg", photo))
        stream.write(_pax_member(record))
        stream.write(_plain_member("media/after.jpg", photo) + b"\0" * 1024)
    started = time.perf_counter()
    with enrolled_audit(tmp_path / "a.audit") as audit:
        _finished, events = run_scan(audit, [archive])
    assert time.perf_counter() - started < 30
    problems = [e.message for e in events if isinstance(e, ItemError)]
    assert any("digits" in message for message in problems), problems
    found = [e.row.location for e in events if isinstance(e, Finding)]
    assert f"{archive}!/media/me.jpg" in found


def test_an_honest_pax_archive_is_read_whole(tmp_path: Path) -> None:
    archive = tmp_path / "export.tar"
    photo = face_bytes("obama3.jpg")
    with tarfile.open(archive, "w", format=tarfile.PAX_FORMAT) as out:
        info = tarfile.TarInfo("Fotos/" + "zomervakantie " * 20 + "/IMG_20260703_101112.jpg")
        info.size, info.mtime = len(photo), 1_783_000_000.123456789
        info.pax_headers = {"comment": "x" * 5000, "SCHILY.xattr.user.note": "1" * 32}
        out.addfile(info, io.BytesIO(photo))
    with enrolled_audit(tmp_path / "a.audit") as audit:
        _finished, events = run_scan(audit, [archive])
    assert not [e for e in events if isinstance(e, ItemError)]
    assert [e.row.location.rsplit("/", 1)[-1] for e in events if isinstance(e, Finding)] == [
        "IMG_20260703_101112.jpg"
    ]
