"""A crafted audit: its stored values (locations, settings, encodings, boxes) are data to check."""

from __future__ import annotations

import json
import shutil
import sqlite3
import sys
import time
from pathlib import Path

import pytest

from exposure_audit.audit.store import Audit
from exposure_audit.cli.main import run
from exposure_audit.errors import BadData, EnvironmentProblem
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


@pytest.fixture(scope="module")
def scanned_audit(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A real audit of the user's photos with strangers in them (Biden, the second person)."""
    root = tmp_path_factory.mktemp("scanned")
    photos = photo_folder(root / "photos", ("obama3.jpg", "biden.jpg", "two_people.jpg"))
    path = root / "base.audit"
    with enrolled_audit(path) as audit:
        run_scan(audit, [photos])
    return path


def _received(scanned_audit: Path, tmp_path: Path, *sql: str) -> Path:
    """A copy of the real audit, altered by its sender."""
    path = tmp_path / "received.audit"
    shutil.copy(scanned_audit, path)
    raw = sqlite3.connect(path)
    for statement in sql:
        raw.execute(statement)
    raw.commit()
    raw.close()
    return path


def _finding_names(path: Path, capsys: pytest.CaptureFixture[str], *extra: str) -> list[str]:
    capsys.readouterr()
    assert run(["findings", "--audit", str(path), "--json", *extra]) == 0
    return [f["location"] for f in json.loads(capsys.readouterr().out)["findings"]]


@pytest.mark.parametrize("value", ["inf", "1e309", "nan", "-1", "5", "0.95", "0.1", "you"])
def test_a_stored_threshold_is_checked_as_when_it_is_set(
    scanned_audit: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], value: str
) -> None:
    assert "biden.jpg" not in _finding_names(scanned_audit, capsys)
    path = _received(
        scanned_audit, tmp_path, f"INSERT OR REPLACE INTO meta VALUES ('threshold', '{value}')"
    )
    with pytest.raises(EnvironmentProblem, match="match threshold"):
        Audit.open(path)
    capsys.readouterr()
    assert run(["findings", "--audit", str(path), "--json"]) == 3
    assert "biden.jpg" not in capsys.readouterr().out  # no stranger became "you"


def test_a_threshold_given_on_the_command_line_is_checked_too(
    scanned_audit: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(["findings", "--audit", str(scanned_audit), "--threshold", "inf"]) == 2
    assert "between 0.2 and 0.8" in capsys.readouterr().err
    assert "biden.jpg" not in _finding_names(scanned_audit, capsys, "--threshold", "0.6")


@pytest.mark.parametrize(
    ("sql", "named"),
    [
        ("UPDATE refs SET encoding = substr(encoding, 1, 512)", "encoding is not one face's"),
        ("UPDATE refs SET encoding = encoding || encoding", "encoding is not one face's"),
        (f"UPDATE refs SET encoding = X'{'000000000000F87F' * 128}'", "not numbers"),
        ("UPDATE refs SET box = '[1, 2]'", "encoding is not one face's"),
        ("UPDATE refs SET box = '[-1, 2, 3, 4]'", "reference box"),
        ("UPDATE faces SET bottom = top - 1", "face box"),
        ("UPDATE faces SET top = 'x'", "face box"),
        ("UPDATE faces SET left = -5", "face box"),
        ("UPDATE faces SET distance = -0.5", "face distance"),
        ("UPDATE faces SET distance = 9e999", "face distance"),
        ("UPDATE faces SET distance = 'near'", "face distance"),
        ("UPDATE faces SET band = 'certain'", "face band"),
        ("UPDATE items SET width = -3", "photo size"),
        ("UPDATE items SET height = 0", "photo size"),
        ("UPDATE runs SET seen = -1", "scan run"),
        ("UPDATE runs SET status = 'owned'", "scan run"),
        ("UPDATE sources SET photo_count = 'many'", "photo count"),
        ("UPDATE locations SET context = '[1, 2]'", "JSON object"),
        ("UPDATE locations SET context = '{\"a\": '", "JSON object"),
        ("UPDATE items SET exif = '" + '{"a":' * 900 + "1" + "}" * 900 + "'", "nested deeper"),
    ],
)
def test_every_value_read_from_an_audit_is_checked(
    scanned_audit: Path, tmp_path: Path, sql: str, named: str
) -> None:
    path = _received(scanned_audit, tmp_path, sql)
    before = path.read_bytes()
    with pytest.raises(EnvironmentProblem, match=named):
        Audit.open(path)
    assert path.read_bytes() == before
    Audit.open(scanned_audit).close()  # the lock was given back; the real audit opens


def test_checking_a_real_audit_costs_little(scanned_audit: Path, tmp_path: Path) -> None:
    path = _received(scanned_audit, tmp_path)
    raw = sqlite3.connect(path)
    raw.execute(  # every photo found again in 10,000 more places, as a large export gives
        "WITH RECURSIVE n(k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM n WHERE k < 10000)"
        " INSERT INTO locations(source_id, location, fingerprint, item_id, status, context)"
        " SELECT source_id, 'copy' || k || '/' || location, fingerprint, item_id, status, context"
        " FROM locations, n"
    )
    raw.commit()
    raw.close()
    started = time.monotonic()
    with Audit.open(path) as audit:
        assert audit.stats()["locations"] >= 30_000
    assert time.monotonic() - started < 2.0


@pytest.mark.parametrize(
    ("sql", "named"),
    [
        (
            "DROP TABLE decisions; CREATE TABLE decisions(face_id INTEGER PRIMARY KEY,"
            " decision TEXT NOT NULL, decided_at TEXT NOT NULL)",
            "table 'decisions'",
        ),
        ("ALTER TABLE faces ADD COLUMN shown AS (hex(top))", "table 'faces'"),
        (
            "DROP INDEX faces_distance; CREATE INDEX faces_distance ON faces(band)",
            "index 'faces_distance'",
        ),
    ],
)
def test_a_schema_object_with_the_tools_name_but_other_sql_is_refused(
    scanned_audit: Path, tmp_path: Path, sql: str, named: str
) -> None:
    path = _received(scanned_audit, tmp_path, *sql.split("; "))
    before = path.read_bytes()
    with pytest.raises(EnvironmentProblem, match=named):
        Audit.open(path)
    assert path.read_bytes() == before  # refused before any write, on every Python


def test_defensive_mode_is_on_where_python_can_set_it(tmp_path: Path) -> None:
    with Audit.open(tmp_path / "a.audit") as audit:
        assert audit.db.execute("PRAGMA trusted_schema").fetchone() == (0,)
        defensive = getattr(sqlite3, "SQLITE_DBCONFIG_DEFENSIVE", None)
        if defensive is None:  # Python before 3.12: the schema check above is what holds
            assert sys.version_info < (3, 12)
            return
        assert audit.db.getconfig(defensive) is True  # type: ignore[attr-defined]
        audit.db.execute("PRAGMA writable_schema = ON")  # ignored in defensive mode
        with pytest.raises(sqlite3.Error):
            audit.db.execute("UPDATE sqlite_master SET sql = '' WHERE name = 'faces'")
