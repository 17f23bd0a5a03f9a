"""A crafted audit: its stored values (locations, settings, encodings, boxes) are data to check."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from exposure_audit.cli.main import run
from exposure_audit.errors import BadData
from exposure_audit.sources.containers import read_location
from tests.support.photos import face_bytes
from tests.support.scanning import enrolled_audit, photo_folder, run_scan, zip_of


def _private_photo(tmp_path: Path) -> Path:
    """A photo of the user's outside every source: nothing may read it."""
    folder = tmp_path / "private"
    folder.mkdir(mode=0o700)
    secret = folder / "secret.jpg"
    secret.write_bytes(face_bytes("obama3.jpg"))
    return secret


def _crafted(path: Path, source: Path, *, new_source: str, new_location: str) -> Path:
    """A real audit of ``source``, then its source and location changed as a sender would."""
    with enrolled_audit(path) as audit:
        run_scan(audit, [source])
    raw = sqlite3.connect(path)
    raw.execute("UPDATE sources SET path = ?", (new_source,))
    raw.execute("UPDATE locations SET location = ?", (new_location,))
    raw.execute("DELETE FROM thumbnails")  # so only reading the file could show the photo
    raw.commit()
    raw.close()
    return path


def test_a_missing_single_photo_source_does_not_read_a_location_elsewhere(
    tmp_path: Path,
) -> None:
    secret = _private_photo(tmp_path)
    mine = photo_folder(tmp_path / "mine", ("obama3.jpg",)) / "obama3.jpg"
    audit = _crafted(
        tmp_path / "crafted.audit",
        mine,
        new_source=str(tmp_path / "gone.jpg"),
        new_location=str(secret),
    )
    mine.unlink()
    out = tmp_path / "report.html"
    assert run(["report", "--audit", str(audit), "--out", str(out)]) == 0
    assert "data:image/jpeg" not in out.read_text(encoding="utf-8")


@pytest.mark.parametrize("kind", ["photo", "zip", "folder"])
def test_a_location_is_read_only_as_a_member_of_its_own_source(tmp_path: Path, kind: str) -> None:
    secret = _private_photo(tmp_path)
    folder = photo_folder(tmp_path / "mine", ("obama.jpg",))
    sources = {
        "photo": folder / "obama.jpg",
        "zip": zip_of(tmp_path / "export.zip", {"a/obama.jpg": face_bytes("obama.jpg")}),
        "folder": folder,
    }
    source = str(sources[kind])
    outside = [str(secret), f"{secret}!/x.jpg", "../private/secret.jpg", str(secret.parent)]
    for location in outside:
        with pytest.raises(BadData):
            read_location(source, location)
    own = {"photo": source, "zip": f"{source}!/a/obama.jpg", "folder": "obama.jpg"}[kind]
    assert read_location(source, own) == face_bytes("obama.jpg")
