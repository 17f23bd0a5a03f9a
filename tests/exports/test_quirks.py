"""Each platform quirk on its own, part grouping, junk, and hostile input that must never raise."""

from __future__ import annotations

import json

import pytest

from exposure_audit.exports import ADAPTERS, group_parts, is_junk, normalise_path, read_export
from exposure_audit.exports.common import (
    PathIndex,
    coordinates,
    fix_mojibake,
    iso_from_epoch,
    sniff_image,
)
from exposure_audit.exports.context import ExportReading, ExportTree
from exposure_audit.exports.generic import suggests_profile
from exposure_audit.exports.takeout import SidecarIndex, media_keys, sidecar_key
from exposure_audit.exports.whatsapp import DateOrder, guess_order, parse_when
from tests.support.exportkit import FIXTURES, as_json, fixture_tree, image, tree_from_files


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("img.jpg.json", ("img.jpg", 0)),
        ("img.jpg.supplemental-metadata.json", ("img.jpg", 0)),
        ("img.jpg.supplemental-me.json", ("img.jpg", 0)),
        ("img.jpg.s.json", ("img.jpg", 0)),
        ("img.jpg..json", ("img.jpg", 0)),
        ("img.jpg(1).json", ("img.jpg", 1)),
        ("img.jpg.supplemental-metadata(2).json", ("img.jpg", 2)),
        ("IMG_1234.json", ("IMG_1234", 0)),
    ],
)
def test_takeout_sidecar_names(name: str, key: tuple[str, int]) -> None:
    assert sidecar_key(name) == key


@pytest.mark.parametrize(
    ("name", "first"),
    [
        ("img(1).jpg", ("img.jpg", "img", 1)),
        ("img-edited.jpg", ("img.jpg", "img", 0)),
        ("BILD-bearbeitet.jpg", ("BILD.jpg", "BILD", 0)),
        ("photo-modifié(2).jpg", ("photo.jpg", "photo", 2)),
    ],
)
def test_takeout_media_names(name: str, first: tuple[str, str, int]) -> None:
    assert media_keys(name)[0] == first


def test_takeout_counter_never_borrows_the_plain_sidecar() -> None:
    index = SidecarIndex()
    index.add("A/img.jpg.json", {"title": "img.jpg", "photoTakenTime": {"timestamp": "1"}})
    assert index.find("A/img.jpg") is not None
    assert index.find("A/img(1).jpg") is None
    assert index.find("B/img.jpg") is None


def test_takeout_geo_zero_falls_back_to_exif_geo_and_people_are_kept() -> None:
    fixture = FIXTURES["takeout"]()
    ctx = read_export(fixture_tree(fixture)).contexts[
        "Takeout/Google Photos/Photos from 2024/IMG_0001.jpg"
    ]
    assert (ctx.latitude, ctx.longitude) == (52.52, 13.405)
    assert ctx.people == ("Kit", "Rose")
    plain = read_export(fixture_tree(fixture)).contexts[
        "Takeout/Google Photos/Photos from 2024/IMG_0002.jpg"
    ]
    assert plain.latitude is None


@pytest.mark.parametrize(
    ("raw", "fixed"),
    [("CafÃ© ð\x9f\x99\x82", "Café 🙂"), ("Café", "Café"), ("€ sign", "€ sign"), ("", "")],
)
def test_mojibake_repair(raw: str, fixed: str) -> None:
    assert fix_mojibake(raw) == fixed


@pytest.mark.parametrize(
    ("value", "millis", "iso"),
    [
        (1709647331, False, "2024-03-05T14:02:11+00:00"),
        ("1709647331", False, "2024-03-05T14:02:11+00:00"),
        (1709647331000, True, "2024-03-05T14:02:11+00:00"),
        (0, False, None),
        (-62135596800, False, None),
        (10**12, False, None),
        (4102444800, False, None),
        ("soon", False, None),
        (True, False, None),
        (float("nan"), False, None),
        (None, False, None),
    ],
)
def test_bogus_timestamps_are_dropped(value: object, millis: bool, iso: str | None) -> None:
    assert iso_from_epoch(value, millis=millis) == iso


def test_coordinates() -> None:
    assert coordinates(0.0, 0.0) == (None, None)
    assert coordinates("52.5", "13.4") == (52.5, 13.4)
    assert coordinates(95, 10) == (None, None)
    assert coordinates(None, 3) == (None, None)


def test_meta_uri_resolution() -> None:
    real = "your_facebook_activity/posts/media/Album_1/x.jpg"
    index = PathIndex([real, "other/y.jpg", "a/dup.jpg", "b/dup.jpg"])
    assert index.resolve(real) == real
    assert index.resolve("facebook-jdoe-2024/" + real) == real
    assert index.resolve("photos_and_videos/Album_1/x.jpg") == real
    assert index.resolve("posts/media/Album_1/x.jpg") == real
    assert index.resolve("https://scontent.xx.fbcdn.net/v/t1/x.jpg?_nc=1&oh=2") == real
    assert index.resolve("missing/z.jpg") is None
    assert index.resolve("") is None


def test_x_ids_stay_exact_strings() -> None:
    fixture = FIXTURES["x"]()
    reading = read_export(fixture_tree(fixture))
    urls = {ctx.url for ctx in reading.contexts.values() if ctx.url}
    assert "https://x.com/jdoe/status/1765000000000000009" in urls
    assert reading.account["username"] == "jdoe"


def test_whatsapp_date_order() -> None:
    assert guess_order(["13/03/24"], twelve_hour=False) == DateOrder(False, True)
    assert guess_order(["3/13/24"], twelve_hour=True) == DateOrder(False, False)
    assert guess_order(["2024-03-13"], twelve_hour=False) == DateOrder(True, False)
    assert parse_when("05.03.24", "14.02", DateOrder(False, True)) == "2024-03-05T14:02:00"
    assert parse_when("3/5/24", "12:15 AM", DateOrder(False, False)) == "2024-03-05T00:15:00"
    assert parse_when("31/02/24", "10:00", DateOrder(False, True)) is None


def test_images_are_recognised_by_content() -> None:
    assert sniff_image(image("a", "PNG")) == "png"
    assert sniff_image(image("a", "WEBP")) == "webp"
    assert sniff_image(image("a", "GIF")) == "gif"
    assert sniff_image(b"\x00\x00\x00\x18ftypheic") == "heif"
    assert sniff_image(b"\x00\x00\x00\x18ftypmp42") is None
    tree = tree_from_files({"a/photo.txt.bin": image("misnamed"), "a/readme.bin": b"hello"})
    assert list(read_export(tree).contexts) == ["a/photo.txt.bin"]


def test_generic_profile_folder_rule() -> None:
    assert suggests_profile("Backup/Profile pictures/a.jpg")
    assert suggests_profile("x/Fotos del perfil/a.jpg")
    assert suggests_profile("avatars/a.jpg")
    assert not suggests_profile("Holiday/a.jpg")


def test_group_parts() -> None:
    names = [
        "takeout-20240301T101010Z-002.zip",
        "notes.zip",
        "takeout-20240301T101010Z-001.zip",
        "iCloud Photos Part 2 of 3.zip",
        "iCloud Photos Part 1 of 3.zip",
        "iCloud Photos Part 3 of 3.zip",
        "takeout-20230101T000000Z-001.tgz",
        "facebook-jdoe-2024-03-05-AbCd.zip",
        "facebook-jdoe-2024-03-05-XyZw.zip",
        "instagram-jdoe-2025-01-10-Q1.zip",
    ]
    assert group_parts(names) == [
        ["facebook-jdoe-2024-03-05-AbCd.zip", "facebook-jdoe-2024-03-05-XyZw.zip"],
        [
            "iCloud Photos Part 1 of 3.zip",
            "iCloud Photos Part 2 of 3.zip",
            "iCloud Photos Part 3 of 3.zip",
        ],
        ["instagram-jdoe-2025-01-10-Q1.zip"],
        ["notes.zip"],
        ["takeout-20230101T000000Z-001.tgz"],
        ["takeout-20240301T101010Z-001.zip", "takeout-20240301T101010Z-002.zip"],
    ]


def test_junk_and_normalised_paths() -> None:
    assert is_junk("__MACOSX/media/._a.jpg")
    assert is_junk("media/._a.jpg")
    assert is_junk("media/.DS_Store")
    assert not is_junk("media/a.jpg")
    assert normalise_path("./Fotos\\U\u0308ber/a.jpg") == "Fotos/\u00dcber/a.jpg"
    assert normalise_path("/a//b/./c.jpg") == "a/b/c.jpg"


# ---- hostile input ---------------------------------------------------------------------------

HOSTILE = [
    b"\xff\xfe\x00garbage",
    b"[" * 50_000,
    as_json(
        {
            "photos": "x",
            "name": 5,
            "messages": {"a": 1},
            "media": 7,
            "attachments": "s",
            "photoTakenTime": [1],
            "chats": 3,
            "Saved Media": {},
            "title": ["t"],
        }
    ),
    as_json([1, "two", None, {"uri": 5, "media": [None, 3], "creation_timestamp": "x"}]),
    as_json({"a": "x" * 2_000_000}),
    b'window.YTD.tweets.part0 = [{"tweet": {"id_str": [], "created_at": 5}}]',
]


def hostile_variants(kind: str):
    fixture = FIXTURES[kind]()
    for path in fixture.files:
        if path.endswith((".json", ".js", ".csv", ".txt", ".html")):
            for payload in HOSTILE:
                yield {**fixture.files, path: payload}


@pytest.mark.parametrize("kind", sorted(FIXTURES))
def test_hostile_files_never_raise(kind: str) -> None:
    for files in hostile_variants(kind):
        reading = read_export(tree_from_files(files, kind))
        assert isinstance(reading, ExportReading)
        images = [p for p, data in files.items() if sniff_image(data[:32])]
        assert set(images) <= set(reading.contexts)


def test_invalid_json_is_recorded_as_a_problem() -> None:
    fixture = FIXTURES["facebook_2024"]()
    files = {**fixture.files, "your_facebook_activity/posts/album/9.json": b"\xff{not json"}
    reading = read_export(tree_from_files(files))
    assert any("9.json" in p for p in reading.problems)
    assert reading.contexts[
        "your_facebook_activity/posts/media/ProfilePictures_123456789/pp1.jpg"
    ].kind == ("profile_picture")


def test_an_adapter_bug_falls_back_to_orphans(monkeypatch: pytest.MonkeyPatch) -> None:
    adapter = next(a for a in ADAPTERS if a.platform == "Instagram")

    def broken(tree: ExportTree) -> ExportReading:
        raise KeyError("boom")

    monkeypatch.setattr(adapter, "read", broken)
    reading = read_export(fixture_tree(FIXTURES["instagram_2025"]()))
    assert reading.platform == "Instagram"
    assert any("only partly readable" in p for p in reading.problems)
    assert reading.contexts
    assert all(c.orphan for c in reading.contexts.values())


def test_unreadable_members_do_not_stop_reading() -> None:
    fixture = FIXTURES["takeout"]()
    tree = fixture_tree(fixture)
    broken = "Takeout/Google Photos/Photos from 2024/IMG_0002.jpg.supplemental-me.json"

    def read(path: str) -> bytes:
        if path == broken:
            from exposure_audit.errors import BadData

            raise BadData("cannot inflate")
        return tree.read(path)

    reading = read_export(ExportTree(tree.name, tree.paths, read, tree.part_of))
    assert any("cannot inflate" in p for p in reading.problems)
    assert reading.contexts["Takeout/Google Photos/Photos from 2024/IMG_0002.jpg"].orphan


def test_json_payloads_are_valid_json() -> None:
    assert json.loads(HOSTILE[2])["name"] == 5
