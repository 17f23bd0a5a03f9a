"""Decompression bombs from any origin: a photo, a thumbnail stored in an audit, EXIF alone."""

from __future__ import annotations

import io
import resource
import sqlite3
import struct
import subprocess
import sys
import time
import zlib
from pathlib import Path

import pytest
from PIL import Image

from exposure_audit.clean.pixels import decode_whole
from exposure_audit.errors import BadData
from exposure_audit.exports.context import PhotoContext
from exposure_audit.exports.exif import read_exif
from exposure_audit.imaging import DEFAULT_MAX_PIXELS, read_image
from tests.support.scanning import enrolled_audit, photo_folder, run_scan

MEMORY_CAP = 2 << 30  # the report runs under this; the bomb alone would take 12 GB


def png_bomb(width: int, height: int) -> bytes:
    """A complete, valid 1-bit PNG of ``width`` x ``height`` black pixels: tiny compressed."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        crc = struct.pack(">I", zlib.crc32(kind + body))
        return struct.pack(">I", len(body)) + kind + body + crc

    row = b"\0" * (1 + (width + 7) // 8)
    packer = zlib.compressobj(9)
    parts = [packer.compress(row * 1000) for _ in range(height // 1000)]
    parts += [packer.compress(row * (height % 1000)), packer.flush()]
    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    idat = chunk(b"IDAT", b"".join(parts))
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + idat + chunk(b"IEND", b"")


@pytest.fixture(scope="module")
def bomb() -> bytes:
    data = png_bomb(40_000, 40_000)
    assert len(data) < 200_000
    return data


def _cap_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_CAP, MEMORY_CAP))


@pytest.mark.skipif(sys.platform == "win32", reason="address-space limit is POSIX")
def test_a_stored_thumbnail_bomb_costs_the_report_nothing(tmp_path: Path, bomb: bytes) -> None:
    source = photo_folder(tmp_path / "mine", ("obama3.jpg",))
    audit = tmp_path / "received.audit"
    with enrolled_audit(audit) as opened:
        run_scan(opened, [source])
    raw = sqlite3.connect(audit)
    raw.execute("INSERT OR REPLACE INTO thumbnails(item_id, jpeg) SELECT id, ? FROM items", (bomb,))
    raw.commit()
    raw.close()
    (source / "obama3.jpg").unlink()  # so the stored thumbnail is what the report would show
    out = tmp_path / "report.html"
    started = time.monotonic()
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "exposure_audit",
            "report",
            "--audit",
            str(audit),
            "--out",
            str(out),
        ],
        preexec_fn=_cap_memory,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert time.monotonic() - started < 30
    assert "data:image" not in out.read_text(encoding="utf-8")


def test_every_decode_in_the_process_has_the_tools_pixel_limit(bomb: bytes) -> None:
    # Any Pillow decode, ours or the app's, stops at the limit: Pillow's own check is set to it.
    assert Image.MAX_IMAGE_PIXELS is not None
    assert 2 * Image.MAX_IMAGE_PIXELS <= DEFAULT_MAX_PIXELS
    with pytest.raises(Image.DecompressionBombError):
        Image.open(io.BytesIO(bomb))
    with pytest.raises(BadData, match="decompression bomb"):
        read_image(bomb, max_pixels=10**12)  # no caller lifts it
    with pytest.raises(BadData, match="decompression bomb"):
        decode_whole(bomb)


def test_reading_exif_opens_a_bomb_within_the_limit_too(bomb: bytes) -> None:
    started = time.monotonic()
    assert read_exif(bomb) == PhotoContext()
    assert time.monotonic() - started < 1.0


def test_a_photo_under_the_limit_is_still_read() -> None:
    assert read_image(png_bomb(9_000, 9_000), work_side=400).rgb.shape == (400, 400, 3)
