"""Attacks through archives: compression bombs in every container, reading patterns that make a
compressed tar cost quadratic time, huge metadata files, damaged downloads."""

from __future__ import annotations

import io
import json
import tarfile
import zipfile
from pathlib import Path
from typing import Any

import pytest

from exposure_audit.errors import BadData
from exposure_audit.exports import common, meta
from exposure_audit.exports.common import PathIndex, load_js_assignment
from exposure_audit.exports.context import ExportTree
from exposure_audit.exports.grouping import read_contexts
from exposure_audit.scan.pipeline import add_sources
from exposure_audit.sources import containers
from exposure_audit.sources.containers import Limits, discover, members_in_order, source_kind
from tests.support.photos import face_bytes
from tests.support.scanning import Zeros, enrolled_audit, run_scan, tgz_with

BOMB_BYTES = 64 * 1024 * 1024  # zeros: about 64 KB once gzipped, 1000:1


@pytest.mark.parametrize("bomb_first", [True, False])
def test_a_tgz_bomb_is_stopped_like_a_zip_bomb(tmp_path: Path, bomb_first: bool) -> None:
    photo = ("photos/me.jpg", face_bytes("obama3.jpg"))
    bomb = ("photos/zeros.jpg", BOMB_BYTES)
    archive = tgz_with(tmp_path / "export.tgz", [bomb, photo] if bomb_first else [photo, bomb])
    assert archive.stat().st_size < len(photo[1]) + 200_000  # the bomb adds under 200 KB
    with enrolled_audit(tmp_path / "a.audit") as audit:
        finished, events = run_scan(audit, [archive])
        problems = [e for e in events if type(e).__name__ == "ItemError"]
        assert any("compression bomb" in str(getattr(e, "message", "")) for e in problems)
        assert finished.problems >= 1


@pytest.mark.slow
def test_a_tgz_is_read_in_one_pass_not_once_per_photo(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Reading each member's head, then the member, must never rewind the gzip stream."""
    # A small real photo: the bound below is in archive sizes, so a rewind per member costs
    # about 30 of them whatever the photos weigh; a large one only lengthens the analysis.
    photo = face_bytes("obama-240p.jpg")
    members: list[tuple[str, bytes | int]] = [
        (f"photos/{i:03}.jpg", photo + bytes([i])) for i in range(60)
    ]
    members.append(("photos/meta.json", json.dumps({"n": 1}).encode()))
    archive = tgz_with(tmp_path / "export.tgz", members)
    read = [0]
    original = containers._CountingReader.readinto

    def counting(self: Any, buffer: Any) -> int:
        got = original(self, buffer)
        read[0] += got
        return got

    monkeypatch.setattr(containers._CountingReader, "readinto", counting)
    with enrolled_audit(tmp_path / "a.audit") as audit:
        finished, _ = run_scan(audit, [archive])
    assert finished.seen == 61
    # listing once, reading once (and slack for read-ahead); quadratic would be ~30 times
    assert read[0] <= 3 * archive.stat().st_size


def test_huge_metadata_of_empty_records_costs_no_work_per_record(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = [0]
    original = meta.media_fields

    def counted(media: Any) -> Any:
        calls[0] += 1
        return original(media)

    monkeypatch.setattr("exposure_audit.exports.instagram.media_fields", counted)
    path = tmp_path / "instagram-jdoe-20240101.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        posts = b"[" + b"{}," * 300_000 + b'{"media": [{"uri": "media/posts/1.jpg"}]}]'
        archive.writestr("your_instagram_activity/content/posts_1.json", posts)
        archive.writestr("media/posts/1.jpg", face_bytes("obama3.jpg"))
    exports = list(discover(path, Limits(), lambda *_: None))
    _, platforms, _ = read_contexts([(0, e) for e in exports], lambda *_: None)
    assert platforms[0] == "Instagram"
    assert calls[0] <= 2  # only the record naming a photo of the export was read (and its post)


def test_the_x_loader_has_the_json_size_cap(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(common, "MAX_JSON_BYTES", 1000)
    body = b"window.YTD.tweets.part0 = [" + b"{}," * 1000 + b"{}]"
    tree = ExportTree("x", ["data/tweets.js"], lambda _p: body, lambda _p: "x")
    with pytest.raises(BadData, match="too large"):
        load_js_assignment(tree, "data/tweets.js")


def test_a_reference_with_a_hundred_thousand_steps_is_not_matched_step_by_step() -> None:
    index = PathIndex(["media/posts/1.jpg"])
    assert index.resolve("a/" * 100_000 + "1.jpg") is None
    assert index.resolve("media/posts/1.jpg") == "media/posts/1.jpg"


@pytest.mark.parametrize("keep", [0, 100, 0.5])
def test_a_damaged_download_says_so_and_what_to_do(tmp_path: Path, keep: float) -> None:
    whole = tmp_path / "whole.zip"
    with zipfile.ZipFile(whole, "w") as archive:
        for i in range(3):
            archive.writestr(f"media/posts/{i}.jpg", face_bytes("obama3.jpg"))
    data = whole.read_bytes()
    cut = tmp_path / "instagram-jdoe-20240101.zip"
    cut.write_bytes(data[: int(len(data) * keep) if isinstance(keep, float) else keep])
    with pytest.raises(BadData, match="damaged or incomplete — download it again"):
        list(discover(cut, Limits(), lambda *_: None))
    if len(cut.read_bytes()) < 4:  # not even a zip's signature: still not taken for a photo
        with pytest.raises(BadData, match="damaged or incomplete"):
            source_kind(cut)


def test_a_damaged_archive_in_a_folder_is_a_problem_of_the_scan(tmp_path: Path) -> None:
    folder = tmp_path / "downloads"
    folder.mkdir()
    (folder / "me.jpg").write_bytes(face_bytes("obama3.jpg"))
    (folder / "instagram-jdoe-20240101.zip").write_bytes(b"PK\x03\x04" + b"\0" * 100)
    with enrolled_audit(tmp_path / "a.audit") as audit:
        finished, events = run_scan(audit, [folder])
        messages = [str(getattr(e, "message", "")) for e in events]
        assert any("download it again" in m for m in messages)
        assert finished.problems == 1


def test_a_damaged_tgz_says_so(tmp_path: Path) -> None:
    whole = tgz_with(
        tmp_path / "whole.tgz", [(f"p/{i}.jpg", face_bytes("obama3.jpg")) for i in range(3)]
    )
    cut = tmp_path / "takeout-001.tgz"
    cut.write_bytes(whole.read_bytes()[: whole.stat().st_size // 2])
    with enrolled_audit(tmp_path / "a.audit") as audit:
        add_sources(audit, [str(cut)])
        _finished, events = run_scan(audit)
        messages = [str(getattr(e, "message", "")) for e in events]
        assert any("download it again" in m for m in messages)


def test_a_plain_tar_of_large_files_is_no_bomb(tmp_path: Path) -> None:
    """Nothing is unpacked from a plain tar, however little of it is read while listing."""
    path = tmp_path / "export.tar"
    with tarfile.open(path, "w") as archive:
        for name in ("a.mp4", "b.mp4"):
            info = tarfile.TarInfo(name)
            info.size = 40 * 1024 * 1024
            archive.addfile(info, Zeros(info.size))
        info = tarfile.TarInfo("me.jpg")
        photo = face_bytes("obama3.jpg")
        info.size = len(photo)
        archive.addfile(info, io.BytesIO(photo))
    problems: list[tuple[str, str]] = []
    (export,) = discover(path, Limits(), lambda *p: problems.append(p))
    assert problems == []
    read = {
        e.path: len(m.read(1 << 30)) for e, m in members_in_order(export.container, export.entries)
    }
    assert read == {"a.mp4": 40 << 20, "b.mp4": 40 << 20, "me.jpg": len(photo)}
