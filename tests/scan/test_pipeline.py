"""The scan pipeline on real photos in real folders and archives, with a real audit file."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from exposure_audit.audit.store import Audit
from exposure_audit.scan.pipeline import Finding, ItemError, Progress, ScanSettings, scan
from tests.support.photos import face_bytes
from tests.support.scanning import enrolled_audit, photo_folder, run_scan, tgz_of, zip_of


def locations(audit: Audit) -> set[str]:
    return {f.location for f in audit.findings()}


def test_folder_scan_finds_me_and_only_me(tmp_path: Path) -> None:
    audit = enrolled_audit(tmp_path / "a.audit")
    finished, events = run_scan(audit, [photo_folder(tmp_path / "photos")])
    assert finished.status == "finished"
    assert locations(audit) == {"obama3.jpg", "two_people.jpg", "obama-240p.jpg"}
    assert sum(isinstance(e, Finding) for e in events) == 3
    progress = [e for e in events if isinstance(e, Progress)]
    assert progress[-1].done == progress[-1].total == 5


def test_same_photo_in_many_places_is_analysed_once(tmp_path: Path) -> None:
    folder = photo_folder(tmp_path / "photos", ("obama3.jpg", "kit1.jpg"))
    (folder / "copies").mkdir()
    (folder / "copies" / "again.jpg").write_bytes(face_bytes("obama3.jpg"))
    zip_of(folder / "export.zip", {"inner/obama3.jpg": face_bytes("obama3.jpg")})
    audit = enrolled_audit(tmp_path / "a.audit")
    finished, _ = run_scan(audit, [folder])
    assert finished.analysed == 2
    assert locations(audit) == {"obama3.jpg", "copies/again.jpg", "export.zip!/inner/obama3.jpg"}
    item_ids = {f.item_id for f in audit.findings()}
    assert len(item_ids) == 1
    assert len(audit.locations_of(item_ids.pop())) == 3


def test_archives_nested_and_compressed_are_read_in_place(tmp_path: Path) -> None:
    inner = zip_of(tmp_path / "inner.zip", {"deep/obama3.jpg": face_bytes("obama3.jpg")})
    outer = zip_of(
        tmp_path / "outer.zip",
        {"a/inner.zip": inner.read_bytes(), "b/kit1.jpg": face_bytes("kit1.jpg")},
    )
    tgz = tgz_of(
        tmp_path / "export.tgz", {"Fotos/Ünïcode/two_people.jpg": face_bytes("two_people.jpg")}
    )
    audit = enrolled_audit(tmp_path / "a.audit")
    run_scan(audit, [outer, tgz])
    assert locations(audit) == {
        f"{outer}!/a/inner.zip!/deep/obama3.jpg",
        f"{tgz}!/Fotos/Ünïcode/two_people.jpg",
    }
    assert not list(tmp_path.glob("**/deep"))  # nothing was extracted


def test_single_photo_source(tmp_path: Path) -> None:
    photo = tmp_path / "me.jpg"
    photo.write_bytes(face_bytes("obama3.jpg"))
    audit = enrolled_audit(tmp_path / "a.audit")
    run_scan(audit, [photo])
    assert locations(audit) == {str(photo)}


def test_rescan_of_unchanged_sources_analyses_nothing(tmp_path: Path) -> None:
    folder = photo_folder(tmp_path / "photos")
    audit = enrolled_audit(tmp_path / "a.audit")
    first, _ = run_scan(audit, [folder])
    second, _ = run_scan(audit)
    assert first.analysed == 5
    assert second.analysed == 0
    assert second.seen == 5
    (folder / "kit1.jpg").write_bytes(face_bytes("obama3.jpg"))  # changed content
    third, _ = run_scan(audit)
    assert third.analysed == 0  # same content as obama3.jpg: known, no decoding
    assert "kit1.jpg" in locations(audit)


def test_a_rescan_still_lists_an_unchanged_unreadable_photo(tmp_path: Path) -> None:
    folder = photo_folder(tmp_path / "photos", ("obama3.jpg",))
    (folder / "broken.jpg").write_bytes(face_bytes("obama.jpg")[:5000])
    audit = enrolled_audit(tmp_path / "a.audit")
    first, _ = run_scan(audit, [folder])
    second, events = run_scan(audit)
    assert second.analysed == 0  # nothing read again
    assert second.problems == first.problems == 1
    assert [e.location for e in events if isinstance(e, ItemError)] == ["broken.jpg"]


def test_bad_files_are_recorded_and_the_scan_goes_on(tmp_path: Path) -> None:
    folder = photo_folder(tmp_path / "photos", ("obama3.jpg",))
    (folder / "broken.jpg").write_bytes(face_bytes("obama.jpg")[:5000])
    (folder / "notes.txt").write_text("hello")
    (folder / "empty.jpg").write_bytes(b"")
    zip_of(folder / "bad.zip", {"x.jpg": b"x"})
    data = (folder / "bad.zip").read_bytes()
    (folder / "bad.zip").write_bytes(data[: len(data) // 2])  # truncated download
    audit = enrolled_audit(tmp_path / "a.audit")
    finished, events = run_scan(audit, [folder])
    errors = {e.location: e.message for e in events if isinstance(e, ItemError)}
    assert "broken.jpg" in errors
    assert "corrupt or truncated" in errors["broken.jpg"]
    assert any("bad.zip" in loc for loc in errors)
    assert locations(audit) == {"obama3.jpg"}
    assert finished.problems == len(errors)
    assert {p[1] for p in audit.problems()} == set(errors)


def test_cancelled_scan_keeps_what_is_done_and_resumes(tmp_path: Path) -> None:
    folder = photo_folder(tmp_path / "photos")
    audit = enrolled_audit(tmp_path / "a.audit")
    from exposure_audit.scan.pipeline import add_sources

    add_sources(audit, [str(folder)])
    seen = 0

    def cancelled() -> bool:
        return seen >= 2

    events = []
    for event in scan(audit, ScanSettings(workers=1), cancelled=cancelled):
        events.append(event)
        if isinstance(event, Progress):
            seen = event.analysed
    assert events[-1].status == "cancelled"  # type: ignore[union-attr]
    kept = audit.stats()["photos"]
    assert 2 <= kept < 5
    resumed, _ = run_scan(audit)
    assert resumed.analysed == 5 - kept
    assert locations(audit) == {"obama3.jpg", "two_people.jpg", "obama-240p.jpg"}


def test_new_references_remeasure_stored_faces_and_keep_decisions(tmp_path: Path) -> None:
    folder = photo_folder(tmp_path / "photos")
    audit = enrolled_audit(tmp_path / "a.audit")
    run_scan(audit, [folder])
    group = next(f for f in audit.findings() if f.location == "two_people.jpg")
    audit.set_decision(group.face_id, "me")
    faces_before = audit.db.execute("SELECT count(*) FROM faces").fetchone()[0]
    from exposure_audit.faces.enrollment import assess_selfie

    biden = assess_selfie(face_bytes("biden2.jpg"), "biden2.jpg")
    assert biden.encoding is not None
    assert biden.box is not None
    audit.add_reference("biden2.jpg", biden.sha256, biden.encoding, biden.box, {})
    again, _ = run_scan(audit)
    assert again.analysed == 5  # every photo re-measured ...
    assert (
        audit.db.execute("SELECT count(*) FROM faces").fetchone()[0] == faces_before
    )  # ... not re-detected
    assert "biden.jpg" in locations(audit)
    kept = next(f for f in audit.findings() if f.face_id == group.face_id)
    assert kept.decision == "me"


@pytest.mark.slow
def test_worker_processes_give_the_same_result(tmp_path: Path) -> None:
    folder = photo_folder(tmp_path / "photos")
    one = enrolled_audit(tmp_path / "one.audit")
    two = enrolled_audit(tmp_path / "two.audit")
    run_scan(one, [folder], workers=1)
    run_scan(two, [folder], workers=2)
    a = sorted((f.location, f.box) for f in one.findings())
    b = sorted((f.location, f.box) for f in two.findings())
    assert a == b
    d1 = sorted(f.distance for f in one.findings())
    d2 = sorted(f.distance for f in two.findings())
    assert np.allclose(d1, d2, atol=0.03)  # references are jittered at random on enrollment


def test_scan_without_selfies_is_refused(tmp_path: Path) -> None:
    import pytest

    from exposure_audit.errors import EnvironmentProblem

    audit = Audit.open(tmp_path / "a.audit")
    with pytest.raises(EnvironmentProblem, match="selfie"):
        list(scan(audit))


def test_exif_time_and_place_reach_the_finding(tmp_path: Path) -> None:
    import io

    from PIL import Image

    exif = Image.Exif()
    exif.get_ifd(0x8769)[0x9003] = "2019:07:14 16:20:00"
    exif.get_ifd(0x8769)[0x9011] = "+02:00"
    gps = exif.get_ifd(0x8825)
    gps.update({1: "N", 2: (38.0, 42.0, 36.0), 3: "W", 4: (9.0, 8.0, 24.0)})
    out = io.BytesIO()
    Image.open(io.BytesIO(face_bytes("obama3.jpg"))).save(out, "JPEG", exif=exif.tobytes())
    folder = tmp_path / "photos"
    folder.mkdir()
    (folder / "holiday.jpg").write_bytes(out.getvalue())
    audit = enrolled_audit(tmp_path / "a.audit")
    run_scan(audit, [folder])
    (finding,) = audit.findings()
    assert finding.context["taken_at"] == "2019-07-14T16:20:00+02:00"
    assert finding.context["latitude"] == pytest.approx(38.71)
    assert finding.context["longitude"] == pytest.approx(-9.14)


def two_of_us(path: Path) -> None:
    """The user large on the left, another person smaller on the right, on one photo."""
    import io

    from PIL import Image

    canvas = Image.new("RGB", (1400, 900), (90, 110, 130))
    for name, width, left in (("obama.jpg", 600, 40), ("biden2.jpg", 450, 800)):
        person = Image.open(io.BytesIO(face_bytes(name))).convert("RGB")
        canvas.paste(
            person.resize((width, round(person.height * width / person.width))).crop(
                (0, 0, width, 850)
            ),
            (left, 20),
        )
    canvas.save(path, quality=90)


def test_other_faces_are_measured_only_when_the_user_rejects_the_match(tmp_path: Path) -> None:
    folder = tmp_path / "photos"
    folder.mkdir()
    two_of_us(folder / "together.jpg")
    audit = enrolled_audit(tmp_path / "a.audit")
    run_scan(audit, [folder])
    (match,) = audit.findings()
    faces = audit.faces_of(match.item_id)
    assert len(faces) == 2
    assert sorted(d is None for _, _, d in faces) == [False, True]  # the other face: box only
    assert run_scan(audit)[0].analysed == 0
    audit.set_decision(match.face_id, "not_me")
    again, _ = run_scan(audit)
    assert again.analysed == 1  # re-measured from the stored boxes
    distances = {face_id: d for face_id, _, d in audit.faces_of(match.item_id)}
    assert None not in distances.values()
    assert min(distances.values()) == pytest.approx(match.distance, abs=0.02)
    assert audit.findings()[0].decision == "not_me"  # the decision stays with its face


def test_media_an_export_only_links_to_are_kept(tmp_path: Path) -> None:
    from tests.support.exportkit import build_export

    built = build_export("snapchat", tmp_path)
    audit = enrolled_audit(tmp_path / "a.audit")
    run_scan(audit, built.paths)
    linked = audit.linked_media()
    assert {m["url"] for m in linked} == {m["url"] for m in built.linked}
    assert {m["platform"] for m in linked} == {"Snapchat"}


def test_multi_part_export_added_as_separate_sources_pairs_across_parts(tmp_path: Path) -> None:
    from tests.support.exportkit import build_export

    built = build_export("takeout", tmp_path)
    assert len(built.paths) == 2
    audit = enrolled_audit(tmp_path / "a.audit")
    run_scan(audit, built.paths)  # the two parts, each its own source
    rows = audit.db.execute("SELECT location, context FROM locations WHERE context IS NOT NULL")
    contexts = {loc.split("!/", 1)[1]: json.loads(ctx) for loc, ctx in rows}
    for path, expected in built.expected.items():
        for key, value in expected.items():
            got = contexts[path][key]
            assert (tuple(got) if isinstance(got, list) else got) == value, (path, key)


def test_deleted_files_leave_the_audit_but_an_unplugged_source_keeps_everything(
    tmp_path: Path,
) -> None:
    folder = photo_folder(tmp_path / "photos")
    audit = enrolled_audit(tmp_path / "a.audit")
    run_scan(audit, [folder])
    (folder / "obama-240p.jpg").unlink()
    run_scan(audit)
    assert locations(audit) == {"obama3.jpg", "two_people.jpg"}
    assert audit.stats()["photos"] == 4  # the deleted photo is gone from the audit too
    folder.rename(tmp_path / "unplugged")
    finished, _ = run_scan(audit)
    assert finished.problems == 1
    assert locations(audit) == {"obama3.jpg", "two_people.jpg"}  # kept while it cannot be read
