"""Every synthetic export yields the contexts its platform's metadata promises."""

from __future__ import annotations

import io
import tarfile
import unicodedata
import zipfile
from dataclasses import asdict
from pathlib import Path

import pytest

from exposure_audit.exports import read_export
from exposure_audit.exports.common import image_paths
from exposure_audit.exports.context import AUDIENCES, KINDS
from exposure_audit.vocabulary import AudienceBasis
from tests.support.exportkit import FIXTURES, build_export, fixture_tree, tree_from_files


@pytest.fixture(scope="module", params=sorted(FIXTURES))
def case(request: pytest.FixtureRequest):
    fixture = FIXTURES[request.param]()
    return fixture, read_export(fixture_tree(fixture))


def test_the_right_adapter_recognises_each_export(case) -> None:
    fixture, reading = case
    assert reading.platform == fixture.platform
    assert reading.problems == []


def test_expected_contexts(case) -> None:
    fixture, reading = case
    for path, fields in fixture.expected.items():
        assert path in reading.contexts, path
        actual = reading.contexts[path].to_dict()
        for key, value in fields.items():
            want = list(value) if isinstance(value, tuple) else value
            assert (
                actual[key] == pytest.approx(want)
                if isinstance(want, float)
                else (actual[key] == want)
            ), (path, key, actual[key], want)


def test_every_image_has_a_context_with_its_export(case) -> None:
    fixture, reading = case
    tree = fixture_tree(fixture)
    for path in image_paths(tree):
        ctx = reading.contexts[path]
        assert ctx.export is not None
        assert ctx.export.endswith(f"({fixture.part_of(path)})")


def test_kinds_and_audiences_come_from_the_contract(case) -> None:
    _, reading = case
    for ctx in reading.contexts.values():
        assert ctx.kind is None or ctx.kind in KINDS
        assert ctx.audience is None or ctx.audience in AUDIENCES
        if ctx.audience:
            # A code, not a sentence: the words are looked up where they are shown.
            assert ctx.audience_basis in AudienceBasis.values()
        for stamp in (ctx.taken_at, ctx.uploaded_at):
            assert stamp is None or stamp[:4].isdigit()


def test_linked_media(case) -> None:
    fixture, reading = case
    found = [asdict(item) for item in reading.linked_media]
    for want in fixture.linked:
        assert any(all(item[k] == v for k, v in want.items()) for item in found), (want, found)
    for item in reading.linked_media:
        assert "not included in this export" in (item.description or "")


def test_junk_is_never_read() -> None:
    fixture = FIXTURES["instagram_2025"]()
    reading = read_export(fixture_tree(fixture))
    assert not any("__MACOSX" in p or p.endswith(".DS_Store") for p in reading.contexts)


# ---- archives written to disk round-trip to the same trees --------------------------------


def tree_from_archives(paths: list[Path]):
    files, parts = {}, {}
    for path in paths:
        if path.suffix == ".zip":
            with zipfile.ZipFile(path) as archive:
                for info in archive.infolist():
                    files[info.filename] = archive.read(info)
                    parts[info.filename] = path.name
        else:
            with tarfile.open(path) as archive:
                for member in archive.getmembers():
                    data = archive.extractfile(member)
                    assert data is not None
                    files[member.name] = data.read()
                    parts[member.name] = path.name
    return tree_from_files(files, paths[0].stem, parts)


def test_split_takeout_pairs_sidecars_across_parts(tmp_path: Path) -> None:
    built = build_export("takeout", tmp_path)
    assert sorted(p.name for p in built.paths) == [
        "takeout-20240301T101010Z-001.zip",
        "takeout-20240301T101010Z-002.zip",
    ]
    reading = read_export(tree_from_archives(built.paths))
    beach = reading.contexts["Takeout/Google Photos/Photos from 2024/IMG_0001.jpg"]
    assert beach.caption == "Beach day"
    assert beach.export == "Google Takeout (takeout-20240301T101010Z-001.zip)"


def test_tgz_with_nfd_names_reads_as_nfc(tmp_path: Path) -> None:
    built = build_export("takeout_unicode", tmp_path, form="tgz")
    with tarfile.open(built.paths[0]) as archive:
        assert any(
            unicodedata.is_normalized("NFD", m.name) and "U\u0308" in m.name
            for m in archive.getmembers()
        )
    reading = read_export(tree_from_archives(built.paths))
    ((path, fields),) = built.expected.items()
    assert reading.contexts[path].taken_at == fields["taken_at"]


def test_folder_form_writes_every_file(tmp_path: Path) -> None:
    built = build_export("web_page", tmp_path, form="dir")
    root = built.paths[0]
    assert (root / "page_files" / "avatar.jpg").read_bytes()[:3] == b"\xff\xd8\xff"
    assert io.BytesIO((root / "page.html").read_bytes()).read(15) == b"<!DOCTYPE html>"


def test_exports_name_the_account_they_belong_to() -> None:
    from exposure_audit.exports import read_export
    from tests.support.exportkit import FIXTURES, fixture_tree

    accounts = {name: read_export(fixture_tree(make())).account for name, make in FIXTURES.items()}
    assert accounts["takeout"] == {"name": "Jane Doe", "email": "jane@example.com"}
    assert accounts["facebook_2024"] == {"name": "Jane Doe"}
    assert accounts["instagram_2025"] == {"username": "jdoe"}
    assert accounts["x"] == {"username": "jdoe"}
    assert accounts["telegram"] == {"user_id": "42", "first_name": "Jane"}
