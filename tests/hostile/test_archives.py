"""Hostile and broken archives: each is skipped with a readable message, nothing else is lost."""

from __future__ import annotations

import io
import struct
import tarfile
import zipfile
from pathlib import Path

import numpy as np
import pytest

from exposure_audit.audit.store import Audit
from exposure_audit.errors import BadData
from exposure_audit.scan.pipeline import Finished, ScanSettings, add_sources, scan
from exposure_audit.sources.containers import Limits, discover, read_location
from tests.support.photos import face_bytes

PHOTO = face_bytes("obama-240p.jpg")
ZEROS = b"\0" * (40 * 1024 * 1024)
BOMB = b"\xff\xd8\xff\xe0" + ZEROS  # starts like a JPEG, so a scan reads on


def listing(source: Path, limits: Limits | None = None) -> tuple[dict[str, bytes], list]:
    """Every readable file of a source (location -> bytes) and every problem reported."""
    limits = limits or Limits()
    problems: list[tuple[str, str]] = []
    files: dict[str, bytes] = {}
    try:
        exports = list(discover(source, limits, lambda loc, msg: problems.append((loc, msg))))
    except BadData as exc:  # the source itself is unreadable: the scan records it the same way
        return files, [(str(source), str(exc))]
    for export in exports:
        for entry in export.entries:
            try:
                files[export.location(entry.path)] = export.container.read(
                    entry.path, limits.max_member_bytes
                )
            except BadData as exc:
                problems.append((export.location(entry.path), str(exc)))
        export.container.close()
    return files, problems


def zip_bytes(members: dict[str, bytes], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", method) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return out.getvalue()


def central_entries(data: bytes) -> list[int]:
    """Offsets of the central directory headers of a zip."""
    found, at = [], data.find(b"PK\x01\x02")
    while at >= 0:
        found.append(at)
        at = data.find(b"PK\x01\x02", at + 4)
    return found


def only_message(problems: list, needle: str) -> str:
    matching = [msg for _, msg in problems if needle in msg]
    assert matching, problems
    return matching[0]


def test_highly_compressed_member_is_refused_as_a_bomb(tmp_path: Path) -> None:
    source = tmp_path / "bomb.zip"
    source.write_bytes(zip_bytes({"zeros.jpg": ZEROS, "photo.jpg": PHOTO}))
    files, problems = listing(source)
    assert files == {f"{source}!/photo.jpg": PHOTO}
    assert "looks like a zip bomb" in only_message(problems, "zip bomb")


def test_bomb_that_lies_about_its_size_stops_at_the_limit(tmp_path: Path) -> None:
    data = bytearray(zip_bytes({"zeros.jpg": ZEROS}))
    for at in central_entries(bytes(data)):  # the central header says 1000 bytes
        data[at + 24 : at + 28] = struct.pack("<I", 1000)
    source = tmp_path / "liar.zip"
    source.write_bytes(bytes(data))
    files, problems = listing(source, Limits(max_member_bytes=10_000))
    assert files == {}
    assert "Bad CRC-32" in only_message(problems, "broken archive member")


@pytest.mark.parametrize("claimed", [10, 2_000_000])
def test_member_whose_header_lies_about_its_size_is_reported(tmp_path: Path, claimed: int) -> None:
    data = bytearray(zip_bytes({"photo.jpg": PHOTO}, zipfile.ZIP_STORED))
    for at in central_entries(bytes(data)):
        data[at + 24 : at + 28] = struct.pack("<I", claimed)
    source = tmp_path / "liar.zip"
    source.write_bytes(bytes(data))
    files, problems = listing(source, Limits(max_member_bytes=1_000_000))
    assert files == {}
    location, message = problems[0]
    assert location.endswith("photo.jpg")
    assert any(word in message for word in ("limit", "broken", "Bad CRC", "larger"))


def test_overlapping_members_are_not_read(tmp_path: Path) -> None:
    data = bytearray(zip_bytes({"a.jpg": PHOTO, "b.jpg": PHOTO}))
    first, second = central_entries(bytes(data))
    local = struct.unpack("<I", data[first + 42 : first + 46])[0]
    data[second + 42 : second + 46] = struct.pack("<I", local)  # b.jpg points at a.jpg's data
    source = tmp_path / "overlap.zip"
    source.write_bytes(bytes(data))
    files, problems = listing(source)
    assert files == {}
    assert "overlaps another" in only_message(problems, "overlaps")


def test_deeply_nested_archives_stop_at_the_depth_limit(tmp_path: Path) -> None:
    data = zip_bytes({"deepest.jpg": PHOTO})
    for level in range(6):
        data = zip_bytes({f"level{level}.zip": data, f"photo{level}.jpg": PHOTO})
    source = tmp_path / "russian-doll.zip"
    source.write_bytes(data)
    files, problems = listing(source, Limits(max_depth=3))
    assert len(files) == 4  # the outer archive and three levels inside it
    assert "nested deeper than 3 levels" in only_message(problems, "deeper")


def test_nested_archives_over_the_size_limits_are_not_opened(tmp_path: Path) -> None:
    inner = zip_bytes({"photo.jpg": PHOTO}, zipfile.ZIP_STORED)
    source = tmp_path / "outer.zip"
    source.write_bytes(zip_bytes({"a.zip": inner, "b.zip": inner}, zipfile.ZIP_STORED))
    _, problems = listing(source, Limits(max_nested_archive_bytes=len(inner) - 1))
    assert "over the" in only_message(problems, "nested archive of")
    files, problems = listing(source, Limits(max_nested_total_bytes=len(inner) + 10))
    assert list(files) == [f"{source}!/a.zip!/photo.jpg"]
    assert "too many large nested archives" in only_message(problems, "nested")


def test_member_over_the_size_limit_is_refused(tmp_path: Path) -> None:
    source = tmp_path / "big.zip"
    source.write_bytes(zip_bytes({"photo.jpg": PHOTO, "huge.jpg": b"\xff\xd8\xff" + bytes(50_000)}))
    files, problems = listing(source, Limits(max_member_bytes=len(PHOTO)))
    assert list(files) == [f"{source}!/photo.jpg"]
    assert "over the" in only_message(problems, "-byte limit")


def test_paths_that_climb_out_or_are_absolute_stay_inside(tmp_path: Path) -> None:
    members = {"../../escape.jpg": PHOTO, "/etc/absolute.jpg": PHOTO, "C:\\win\\dos.jpg": PHOTO}
    for kind in ("zip", "tgz"):
        source = tmp_path / f"climb.{kind}"
        if kind == "zip":
            source.write_bytes(zip_bytes(members))
        else:
            with tarfile.open(source, "w:gz") as archive:
                for name, data in members.items():
                    info = tarfile.TarInfo(name)
                    info.size = len(data)
                    archive.addfile(info, io.BytesIO(data))
        files, problems = listing(source)
        assert problems == []
        assert sorted(files) == [
            f"{source}!/C:/win/dos.jpg",
            f"{source}!/escape.jpg",
            f"{source}!/etc/absolute.jpg",
        ]
        for location in files:
            assert read_location(str(source), location) == PHOTO
    assert sorted(p.name for p in tmp_path.parent.iterdir() if p.suffix == ".jpg") == []


def test_duplicate_names_are_both_kept(tmp_path: Path) -> None:
    other = face_bytes("biden.jpg")
    source = tmp_path / "twice.zip"
    with zipfile.ZipFile(source, "w") as archive:
        archive.writestr("same.jpg", PHOTO)
        with pytest.warns(UserWarning, match="Duplicate"):
            archive.writestr("same.jpg", other)
    files, problems = listing(source)
    assert problems == []
    assert files == {f"{source}!/same.jpg": PHOTO, f"{source}!/same.jpg~2": other}
    assert read_location(str(source), f"{source}!/same.jpg~2") == other


def test_zip64_archives_are_read(tmp_path: Path) -> None:
    source = tmp_path / "zip64.zip"
    with (
        zipfile.ZipFile(source, "w", allowZip64=True) as archive,
        archive.open("photo.jpg", "w", force_zip64=True) as member,
    ):
        member.write(PHOTO)
    files, problems = listing(source)
    assert problems == []
    assert files == {f"{source}!/photo.jpg": PHOTO}


def test_member_count_is_checked_before_the_directory_is_parsed(tmp_path: Path) -> None:
    source = tmp_path / "many.zip"
    with zipfile.ZipFile(source, "w", zipfile.ZIP_STORED) as archive:
        for number in range(70_000):  # beyond 65,535: the count lives in the zip64 end record
            archive.writestr(f"{number}.txt", b"")
    _, problems = listing(source, Limits(max_members=1_000))
    assert "lists 70,000 members, over the limit of 1,000" in only_message(problems, "members")


def test_folder_and_tar_listing_stop_at_the_member_limit(tmp_path: Path) -> None:
    folder = tmp_path / "folder"
    folder.mkdir()
    for number in range(5):
        (folder / f"{number}.jpg").write_bytes(PHOTO)
    files, problems = listing(folder, Limits(max_members=3))
    assert len(files) == 3
    assert "more than 3 members; the rest skipped" in only_message(problems, "members")


def test_encrypted_members_are_reported(tmp_path: Path) -> None:
    data = bytearray(zip_bytes({"secret.jpg": PHOTO}))
    data[6] |= 1  # local header flag: encrypted
    for at in central_entries(bytes(data)):
        data[at + 8] |= 1
    source = tmp_path / "locked.zip"
    source.write_bytes(bytes(data))
    files, problems = listing(source)
    assert files == {}
    assert "encrypted member" in only_message(problems, "encrypted")


@pytest.mark.parametrize("kind", ["zip", "tgz"])
def test_truncated_archives_are_reported(tmp_path: Path, kind: str) -> None:
    whole = tmp_path / f"whole.{kind}"
    if kind == "zip":
        whole.write_bytes(
            zip_bytes({f"{n}.jpg": face_bytes(n) for n in ("obama.jpg", "biden.jpg")})
        )
    else:
        with tarfile.open(whole, "w:gz") as archive:
            archive.add(
                Path(__file__).resolve().parents[1] / "data" / "faces" / "obama.jpg", "obama.jpg"
            )
            archive.add(
                Path(__file__).resolve().parents[1] / "data" / "faces" / "biden.jpg", "biden.jpg"
            )
    cut = tmp_path / f"half.{'zip' if kind == 'zip' else 'tar.gz'}"
    cut.write_bytes(whole.read_bytes()[: whole.stat().st_size * 2 // 3])
    files, problems = listing(cut)
    assert problems, files
    assert any("truncated" in msg or "broken" in msg for _, msg in problems)


def test_tar_bomb_stops_listing(tmp_path: Path) -> None:
    source = tmp_path / "bomb.tar.gz"
    with tarfile.open(source, "w:gz") as archive:
        for name, data in (("zeros.bin", ZEROS), ("photo.jpg", PHOTO)):
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    _files, problems = listing(source, Limits(max_member_bytes=1_000_000))
    assert "compression bomb" in only_message(problems, "bomb")


def test_tar_links_and_devices_are_ignored(tmp_path: Path) -> None:
    source = tmp_path / "links.tar"
    with tarfile.open(source, "w") as archive:
        for name, kind in (("link", tarfile.SYMTYPE), ("hard", tarfile.LNKTYPE)):
            info = tarfile.TarInfo(name)
            info.type, info.linkname = kind, "/etc/passwd"
            archive.addfile(info)
        device = tarfile.TarInfo("dev")
        device.type = tarfile.CHRTYPE
        archive.addfile(device)
        info = tarfile.TarInfo("photo.jpg")
        info.size = len(PHOTO)
        archive.addfile(info, io.BytesIO(PHOTO))
    files, problems = listing(source)
    assert files == {f"{source}!/photo.jpg": PHOTO}
    assert problems == []


def test_hostile_archives_in_a_scan_become_problems_and_the_rest_is_found(tmp_path: Path) -> None:
    folder = tmp_path / "downloads"
    folder.mkdir()
    (folder / "bomb.zip").write_bytes(zip_bytes({"zeros.jpg": BOMB}))
    (folder / "half.zip").write_bytes(zip_bytes({"a.jpg": PHOTO})[:-30])
    locked = bytearray(zip_bytes({"secret.jpg": PHOTO}))
    for at in central_entries(bytes(locked)):
        locked[at + 8] |= 1
    (folder / "locked.zip").write_bytes(bytes(locked))
    (folder / "good.zip").write_bytes(zip_bytes({"me.jpg": face_bytes("obama3.jpg")}))
    with Audit.open(tmp_path / "a.audit") as audit:
        audit.add_reference("me", "0" * 64, enrolled_encoding(), (0, 1, 1, 0), {})
        add_sources(audit, [str(folder)])
        events = list(scan(audit, ScanSettings(workers=1)))
        assert isinstance(events[-1], Finished)
        assert events[-1].status == "finished"
        problems = {
            Path(loc).name if "!/" not in loc else loc.split("!/")[-1]: msg
            for _, loc, msg in audit.problems()
        }
        assert "zip bomb" in problems["zeros.jpg"]
        assert "truncated" in problems["half.zip"]
        assert "encrypted" in problems["secret.jpg"]
        assert [f.location.split("!/")[-1] for f in audit.findings()] == ["me.jpg"]


def enrolled_encoding() -> np.ndarray:
    from exposure_audit.faces.detection import find_faces
    from exposure_audit.imaging import read_image

    faces = find_faces(read_image(face_bytes("obama.jpg")), np.empty((0, 128)), keep_encodings=True)
    encoding = faces[0].encoding
    assert encoding is not None
    return encoding


def test_fuzz_regressions_in_zip_members(tmp_path: Path) -> None:
    """Found by fuzz/fuzz_archive.py: each once escaped the walker as a raw exception."""
    good = zip_bytes({"photo.jpg": PHOTO})
    (at,) = central_entries(good)
    cases = {}
    damaged = bytearray(good)  # deflate stream wrecked: zlib.error
    start = good.find(b"photo.jpg") + len("photo.jpg")
    for offset in range(start + 20, start + 400, 3):
        damaged[offset] ^= 0x5A
    cases["zlib"] = bytes(damaged)
    newer = bytearray(good)  # needs zip version 9.1 to extract: NotImplementedError
    newer[at + 6] = 91
    cases["version"] = bytes(newer)
    unnamed = io.BytesIO()  # a member with an empty name: ZipInfo.is_dir() IndexError
    with zipfile.ZipFile(unnamed, "w") as archive:
        archive.writestr(zipfile.ZipInfo(""), PHOTO)
        archive.writestr("photo.jpg", PHOTO)
    cases["unnamed"] = unnamed.getvalue()
    for name, data in cases.items():
        source = tmp_path / f"{name}.zip"
        source.write_bytes(data)
        files, problems = listing(source)
        assert problems or files, name
        assert all(isinstance(m, str) and m for _, m in problems)
