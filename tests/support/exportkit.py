"""Synthesise platform exports (trees, zips, split zips, .tgz) with the contexts they should yield."""

from __future__ import annotations

import io
import json
import tarfile
import unicodedata
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PIL import Image

from exposure_audit.errors import BadData
from exposure_audit.exports import is_junk, normalise_path
from exposure_audit.exports.context import ExportTree

FACES = Path(__file__).resolve().parents[1] / "data" / "faces"
MP4 = b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom" + b"\x00" * 32


@dataclass
class Fixture:
    """One synthetic export: its files, how they split into parts, and what reading should give."""

    name: str
    files: dict[str, bytes]
    expected: dict[str, dict[str, Any]]
    platform: str
    parts: dict[str, str] = field(default_factory=dict)
    linked: list[dict[str, Any]] = field(default_factory=list)
    nfd_names: bool = False

    def part_of(self, path: str) -> str:
        return self.parts.get(path, f"{self.name}.zip")


@dataclass
class BuiltExport:
    """An export written to disk: the archive/folder paths and the expected contexts."""

    paths: list[Path]
    expected: dict[str, dict[str, Any]]
    linked: list[dict[str, Any]]
    fixture: Fixture


# ---- images ----------------------------------------------------------------------------------


def image(seed: str, fmt: str = "JPEG", exif: Image.Exif | None = None) -> bytes:
    """A tiny image whose colour depends on ``seed`` (so every fixture image differs)."""
    value = zlib.crc32(seed.encode())
    colour = (value & 255, (value >> 8) & 255, (value >> 16) & 255)
    out = io.BytesIO()
    Image.new("RGB", (8, 8), colour).save(out, fmt, **({"exif": exif} if exif is not None else {}))
    return out.getvalue()


def exif_image(seed: str, taken: str, offset: str | None, lat: float, lon: float) -> bytes:
    """A JPEG with DateTimeOriginal (+ OffsetTimeOriginal) and GPS in EXIF."""
    exif = Image.Exif()
    main = exif.get_ifd(0x8769)
    main[0x9003] = taken
    if offset:
        main[0x9011] = offset
    gps = exif.get_ifd(0x8825)
    gps.update(
        {1: "N" if lat >= 0 else "S", 2: _dms(lat), 3: "E" if lon >= 0 else "W", 4: _dms(lon)}
    )
    return image(seed, exif=exif)


def _dms(value: float) -> tuple[float, float, float]:
    value = abs(value)
    degrees = int(value)
    minutes = int((value - degrees) * 60)
    seconds = round(((value - degrees) * 60 - minutes) * 60, 4)
    return (float(degrees), float(minutes), seconds)


def face(name: str = "obama.jpg") -> bytes:
    return (FACES / name).read_bytes()


def as_json(value: Any) -> bytes:
    return json.dumps(value).encode()


def mojibake(text: str) -> str:
    """How Meta exports write non-ASCII text (UTF-8 bytes as Latin-1 code points)."""
    return text.encode("utf-8").decode("latin-1")


def js(global_name: str, value: Any) -> bytes:
    return f"window.{global_name} = {json.dumps(value, indent=1)}".encode()


# ---- trees and archives ----------------------------------------------------------------------


def tree_from_files(
    files: dict[str, bytes], name: str = "export", parts: dict[str, str] | None = None
) -> ExportTree:
    """An ExportTree over in-memory files (names normalised, junk removed, as the core does)."""
    clean = {normalise_path(p): data for p, data in files.items() if not is_junk(p)}
    where = {normalise_path(p): part for p, part in (parts or {}).items()}

    def read(path: str) -> bytes:
        if path not in clean:
            raise BadData(f"{path}: not in this export")
        return clean[path]

    return ExportTree(
        name=name,
        paths=sorted(clean),
        read=read,
        part_of=lambda path: where.get(path, f"{name}.zip"),
    )


def fixture_tree(fixture: Fixture) -> ExportTree:
    parts = {p: fixture.part_of(p) for p in fixture.files}
    return tree_from_files(fixture.files, fixture.name, parts)


def _member(path: str, fixture: Fixture) -> str:
    return unicodedata.normalize("NFD", path) if fixture.nfd_names else path


def write_zips(fixture: Fixture, folder: Path) -> list[Path]:
    by_part: dict[str, list[str]] = {}
    for path in fixture.files:
        by_part.setdefault(fixture.part_of(path), []).append(path)
    written = []
    for part, paths in sorted(by_part.items()):
        target = folder / part
        with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
            for path in paths:
                archive.writestr(_member(path, fixture), fixture.files[path])
        written.append(target)
    return written


def write_tgz(fixture: Fixture, folder: Path) -> list[Path]:
    target = folder / f"{fixture.name}.tgz"
    with tarfile.open(target, "w:gz") as archive:
        for path, data in fixture.files.items():
            info = tarfile.TarInfo(_member(path, fixture))
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    return [target]


def write_folder(fixture: Fixture, folder: Path) -> list[Path]:
    root = folder / fixture.name
    for path, data in fixture.files.items():
        target = root / _member(path, fixture)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    return [root]


WRITERS: dict[str, Callable[[Fixture, Path], list[Path]]] = {
    "zip": write_zips,
    "tgz": write_tgz,
    "dir": write_folder,
}


def build_export(kind: str, tmp_path: Path, form: str = "zip") -> BuiltExport:
    """Write fixture ``kind`` (a key of FIXTURES) as zip part(s), one .tgz or a folder."""
    fixture = FIXTURES[kind]()
    paths = WRITERS[form](fixture, tmp_path)
    return BuiltExport(paths, fixture.expected, fixture.linked, fixture)


# ---- Google Takeout --------------------------------------------------------------------------

TAKEOUT_1 = "takeout-20240301T101010Z-001.zip"
TAKEOUT_2 = "takeout-20240301T101010Z-002.zip"
GP = "Takeout/Google Photos/"
LIB = GP + "Photos from 2024/"


def sidecar(title: str, ts: int, **extra: Any) -> bytes:
    data = {
        "title": title,
        "description": "",
        "photoTakenTime": {"timestamp": str(ts), "formatted": "..."},
        "creationTime": {"timestamp": str(ts + 3600)},
        "geoData": {"latitude": 0.0, "longitude": 0.0, "altitude": 0.0},
        "url": f"https://photos.google.com/photo/{title}",
        **extra,
    }
    return as_json(data)


def iso(ts: int) -> str:
    from datetime import datetime, timezone

    return datetime.fromtimestamp(ts, tz=timezone.utc).isoformat()


LONG_TITLE = "A_very_long_file_name_from_a_messaging_app_2024_03_05_final.jpg"


def takeout() -> Fixture:
    files: dict[str, bytes] = {}
    expected: dict[str, dict[str, Any]] = {}
    parts: dict[str, str] = {}

    def add(media: str, side: str | None, title: str, ts: int, **extra: Any) -> None:
        files[media] = face() if media.endswith("IMG_0001.jpg") else image(media)
        if side:
            files[side] = sidecar(title, ts, **extra)
        expected[media] = {"taken_at": iso(ts), "orphan": False, "platform": "Google Photos"}

    add(
        LIB + "IMG_0001.jpg",
        LIB + "IMG_0001.jpg.supplemental-metadata.json",
        "IMG_0001.jpg",
        1709647331,
        description="Beach day",
        people=[{"name": "Kit"}, {"name": "Rose"}],
        geoDataExif={"latitude": 52.52, "longitude": 13.405, "altitude": 0},
    )
    parts[LIB + "IMG_0001.jpg.supplemental-metadata.json"] = TAKEOUT_2
    expected[LIB + "IMG_0001.jpg"].update(
        caption="Beach day",
        people=("Kit", "Rose"),
        latitude=52.52,
        longitude=13.405,
        kind="library",
        audience="private",
        uploaded_at=iso(1709647331 + 3600),
        export=f"Google Takeout ({TAKEOUT_1})",
    )
    for number, suffix in ((2, ".supplemental-me.json"), (3, ".s.json"), (4, "..json")):
        name = f"IMG_000{number}.jpg"
        add(LIB + name, LIB + name + suffix, name, 1709000000 + number)
    add(
        LIB + "IMG_0005.jpg",
        LIB + "IMG_0005.jpg.json",
        "IMG_0005.jpg",
        1709000005,
        geoData={"latitude": 48.85, "longitude": 2.35, "altitude": 0},
        geoDataExif={"latitude": 1.0, "longitude": 1.0, "altitude": 0},
    )
    expected[LIB + "IMG_0005.jpg"].update(latitude=48.85, longitude=2.35)
    add(LIB + "img.jpg", LIB + "img.jpg.json", "img.jpg", 1700000000)
    add(LIB + "img(1).jpg", LIB + "img.jpg(1).json", "img.jpg", 1700000001)
    add(LIB + "dup.jpg", LIB + "dup.jpg.supplemental-metadata.json", "dup.jpg", 1700000010)
    add(LIB + "dup(1).jpg", LIB + "dup.jpg.supplemental-metadata(1).json", "dup.jpg", 1700000011)
    long_media = LONG_TITLE[:42] + ".jpg"
    long_side = (LONG_TITLE + ".supplemental-metadata")[:46] + ".json"
    add(LIB + long_media, LIB + long_side, "", 1700000020)
    add(LIB + "PXL_20240305.jpg", LIB + "PXL_20240305.json", "PXL_20240305.jpg", 1700000030)
    add(
        LIB + "IMG_0010.jpg",
        LIB + "IMG_0010.jpg.supplemental-metadata.json",
        "IMG_0010.jpg",
        1700000040,
    )
    add(LIB + "IMG_0010-edited.jpg", None, "", 1700000040)
    german = "Takeout/Google Fotos/Fotos von 2023/"
    add(
        german + "BILD_0011.jpg",
        german + "BILD_0011.jpg.supplemental-metadata.json",
        "BILD_0011.jpg",
        1690000000,
    )
    add(german + "BILD_0011-bearbeitet.jpg", None, "", 1690000000)
    album = GP + "Summer trip/"
    files[album + "metadata.json"] = as_json({"title": "Summer trip", "access": "protected"})
    add(
        album + "IMG_0030.jpg",
        album + "IMG_0030.jpg.supplemental-metadata.json",
        "IMG_0030.jpg",
        1700000050,
    )
    expected[album + "IMG_0030.jpg"].update(kind="album", album="Summer trip", audience="public")
    add(
        GP + "Trash/IMG_0020.jpg",
        GP + "Trash/IMG_0020.jpg.json",
        "IMG_0020.jpg",
        1700000060,
        trashed=True,
    )
    expected[GP + "Trash/IMG_0020.jpg"]["kind"] = "trashed"
    add(
        GP + "Archive/IMG_0021.jpg",
        GP + "Archive/IMG_0021.jpg.json",
        "IMG_0021.jpg",
        1700000070,
        archived=True,
    )
    expected[GP + "Archive/IMG_0021.jpg"]["kind"] = "archived"
    files[LIB + "orphan.jpg"] = image("orphan")
    parts[LIB + "orphan.jpg"] = TAKEOUT_2
    expected[LIB + "orphan.jpg"] = {
        "orphan": True,
        "kind": "library",
        "taken_at": None,
        "export": f"Google Takeout ({TAKEOUT_2})",
    }
    files["Takeout/Profile/ProfilePhoto.jpg"] = face("obama-240p.jpg")
    files["Takeout/Profile/Profile.json"] = as_json(
        {"displayName": "Jane Doe", "emails": [{"value": "jane@example.com"}]}
    )
    expected["Takeout/Profile/ProfilePhoto.jpg"] = {"kind": "profile_picture", "audience": "public"}
    parts.update({p: parts.get(p, TAKEOUT_1) for p in files})
    return Fixture("takeout-20240301T101010Z", files, expected, "Google Takeout", parts)


def takeout_unicode() -> Fixture:
    folder = "Takeout/Google Fotos/Fotos von 2023/"
    files = {
        folder + "Überraschung.jpg": image("ü"),
        folder + "Überraschung.jpg.supplemental-metadata.json": sidecar(
            "Überraschung.jpg", 1690000100
        ),
    }
    expected = {folder + "Überraschung.jpg": {"taken_at": iso(1690000100), "orphan": False}}
    return Fixture(
        "takeout-20230101T000000Z-001", files, expected, "Google Takeout", nfd_names=True
    )


# ---- Facebook --------------------------------------------------------------------------------

FB = "your_facebook_activity/"


def exif_data(**values: Any) -> dict[str, Any]:
    return {"photo_metadata": {"exif_data": [values]}}


def facebook_2024() -> Fixture:
    pp = FB + "posts/media/ProfilePictures_123456789/pp1.jpg"
    mu = FB + "posts/media/MobileUploads_987/"
    post = FB + "posts/media/your_posts/post1.jpg"
    msg = FB + "messages/inbox/alice_123/photos/msg1.jpg"
    cover = FB + "posts/media/CoverPhotos_555/cover1.jpg"
    files = {
        pp: face(),
        mu + "bogus.jpg": image("bogus"),
        mu + "cdn.jpg": image("cdn"),
        mu + "era.jpg": image("era"),
        post: image("post"),
        msg: image("msg"),
        cover: image("cover"),
        FB + "posts/album/0.json": as_json(
            {
                "name": "Profile pictures",
                "photos": [
                    {
                        "uri": pp,
                        "creation_timestamp": 1709647331,
                        "title": "Profile pictures",
                        "description": mojibake("Neues Profilbild 🙂"),
                        "media_metadata": exif_data(
                            latitude=52.52, longitude=13.405, taken_timestamp=1709640000
                        ),
                    }
                ],
            }
        ),
        FB + "posts/album/1.json": as_json(
            {
                "name": "Mobile uploads",
                "photos": [
                    {
                        "uri": mu + "bogus.jpg",
                        "creation_timestamp": 1600000000,
                        "media_metadata": exif_data(taken_timestamp=-62135596800),
                    },
                    {
                        "uri": "https://scontent.xx.fbcdn.net/v/t1.0-9/cdn.jpg?_nc_cat=1",
                        "creation_timestamp": 1600000001,
                    },
                    {
                        "uri": "photos_and_videos/MobileUploads_987/era.jpg",
                        "creation_timestamp": 1600000002,
                    },
                ],
            }
        ),
        FB + "posts/your_posts__check_ins__photos_and_videos_1.json": as_json(
            [
                {
                    "timestamp": 1709650000,
                    "data": [{"post": mojibake("Café mit Freunden")}],
                    "attachments": [
                        {"data": [{"media": {"uri": post, "creation_timestamp": 1709650000}}]},
                        {
                            "data": [
                                {
                                    "place": {
                                        "name": mojibake("Café Einstein"),
                                        "coordinate": {"latitude": 52.5, "longitude": 13.36},
                                    }
                                }
                            ]
                        },
                    ],
                    "tags": [{"name": "Alice"}],
                }
            ]
        ),
        FB + "messages/inbox/alice_123/message_1.json": as_json(
            {
                "participants": [{"name": "Alice"}, {"name": "Jane Doe"}],
                "messages": [
                    {
                        "sender_name": "Alice",
                        "timestamp_ms": 1709647331000,
                        "content": "look",
                        "photos": [{"uri": msg, "creation_timestamp": 1709647331}],
                    }
                ],
                "title": "Alice",
                "thread_path": "inbox/alice_123",
            }
        ),
        "personal_information/profile_information/profile_information.json": as_json(
            {"profile_v2": {"name": {"full_name": "Jane Doe"}}}
        ),
    }
    expected = {
        pp: {
            "kind": "profile_picture",
            "audience": "public",
            "latitude": 52.52,
            "longitude": 13.405,
            "taken_at": iso(1709640000),
            "uploaded_at": iso(1709647331),
            "caption": "Neues Profilbild 🙂",
            "album": "Profile pictures",
            "orphan": False,
        },
        mu + "bogus.jpg": {"taken_at": None, "uploaded_at": iso(1600000000), "kind": "album"},
        mu + "cdn.jpg": {"uploaded_at": iso(1600000001), "orphan": False},
        mu + "era.jpg": {"uploaded_at": iso(1600000002), "orphan": False},
        post: {
            "kind": "post",
            "caption": "Café mit Freunden",
            "place": "Café Einstein",
            "latitude": 52.5,
            "longitude": 13.36,
            "people": ("Alice",),
        },
        msg: {
            "kind": "message_attachment",
            "audience": "private",
            "uploaded_at": iso(1709647331),
            "caption": "look",
        },
        cover: {"orphan": True, "kind": "cover", "audience": "public"},
    }
    return Fixture("facebook-jdoe-2024-03-05-AbCdEf12", files, expected, "Facebook")


def facebook_legacy() -> Fixture:
    old = "photos_and_videos/ProfilePictures_abc123/old.jpg"
    msg = "messages/inbox/bob_1/photos/m.jpg"
    files = {
        old: image("old"),
        msg: image("m"),
        "photos_and_videos/album/0.json": as_json(
            {
                "name": "Profile Pictures",
                "photos": [
                    {
                        "uri": old,
                        "creation_timestamp": 1400000000,
                        "media_metadata": {
                            "photo_metadata": {
                                "taken_timestamp": 0,
                                "latitude": 40.0,
                                "longitude": -3.7,
                            }
                        },
                    }
                ],
            }
        ),
        "messages/inbox/bob_1/message_1.json": as_json(
            {
                "participants": [{"name": "Bob"}],
                "title": "Bob",
                "messages": [
                    {"sender_name": "Bob", "timestamp_ms": 1500000000000, "photos": [{"uri": msg}]}
                ],
            }
        ),
    }
    expected = {
        old: {
            "kind": "profile_picture",
            "taken_at": None,
            "uploaded_at": iso(1400000000),
            "latitude": 40.0,
            "longitude": -3.7,
        },
        msg: {"kind": "message_attachment", "uploaded_at": iso(1500000000)},
    }
    return Fixture("facebook-jdoe-05_03_2019-Xy12", files, expected, "Facebook")


def facebook_2022() -> Fixture:
    trip = "posts/media/Trip_42/t.jpg"
    files = {
        trip: image("trip"),
        "posts/album/0.json": as_json(
            {
                "name": "Trip",
                "photos": [
                    {"uri": "your_facebook_activity/" + trip, "creation_timestamp": 1650000000}
                ],
            }
        ),
    }
    expected = {
        trip: {"kind": "album", "album": "Trip", "uploaded_at": iso(1650000000), "orphan": False}
    }
    return Fixture("facebook-jdoe-2022-05-01-Zz9", files, expected, "Facebook")


def facebook_html() -> Fixture:
    pp = FB + "posts/media/ProfilePictures_1/pp.jpg"
    trip = FB + "posts/media/Trip_77/t.jpg"
    msg = FB + "messages/inbox/bob_1/photos/m.jpg"
    files = {
        pp: image("pp-html"),
        trip: image("trip-html"),
        msg: image("msg-html"),
        FB + "posts/album/0.html": b'<html><body><img src="../media/ProfilePictures_1/pp.jpg">'
        b'<a href="../media/Trip_77/t.jpg">t</a></body></html>',
        FB + "messages/inbox/bob_1/message_1.html": (f'<html><img src="{msg}"></html>'.encode()),
    }
    expected = {
        pp: {"kind": "profile_picture", "audience": "public", "orphan": False},
        trip: {"kind": "album", "album": "Trip", "orphan": False},
        msg: {"kind": "message_attachment", "audience": "private", "orphan": False},
    }
    return Fixture("facebook-jdoe-2024-06-01-Html1", files, expected, "Facebook")


# ---- Instagram -------------------------------------------------------------------------------

IG = "your_instagram_activity/"


def instagram_2025() -> Fixture:
    c1, c2 = "media/posts/202501/c1.jpg", "media/posts/202501/c2.jpg"
    single, story = "media/posts/202412/single.jpg", "media/stories/202501/s1.jpg"
    profile, dm = "media/profile/202401/p.jpg", IG + "messages/inbox/bob_17/photos/dm.jpg"
    files = {
        c1: face(),
        c2: image("c2"),
        single: image("single"),
        story: image("s1"),
        profile: face("obama-240p.jpg"),
        dm: image("dm"),
        "__MACOSX/media/posts/202501/._c1.jpg": b"\x00\x05\x16\x07junk",
        "media/.DS_Store": b"junk",
        IG + "media/posts_1.json": as_json(
            [
                {
                    "media": [
                        {
                            "uri": c1,
                            "creation_timestamp": 1736500000,
                            "title": "",
                            "media_metadata": exif_data(latitude=40.7, longitude=-74.0),
                        },
                        {"uri": c2, "creation_timestamp": 1736500000, "title": ""},
                    ],
                    "title": mojibake("Carousel caption 😊"),
                    "creation_timestamp": 1736500000,
                }
            ]
        ),
        IG + "media/posts_2.json": as_json(
            [
                {
                    "media": [
                        {
                            "uri": single,
                            "creation_timestamp": 1733000000,
                            "title": "Caption in media title",
                        },
                    ]
                }
            ]
        ),
        IG + "media/stories.json": as_json(
            {"ig_stories": [{"uri": story, "creation_timestamp": 1736400000, "title": ""}]}
        ),
        IG + "media/profile_photos.json": as_json(
            {
                "ig_profile_picture": [
                    {"uri": profile, "creation_timestamp": 1704100000, "title": ""}
                ]
            }
        ),
        IG + "messages/inbox/bob_17/message_1.json": as_json(
            {
                "participants": [{"name": "bob"}],
                "title": "bob",
                "messages": [
                    {
                        "sender_name": "bob",
                        "timestamp_ms": 1736000000000,
                        "photos": [{"uri": dm, "creation_timestamp": 1736000000}],
                    }
                ],
            }
        ),
        "personal_information/personal_information/personal_information.json": as_json(
            {
                "profile_user": [
                    {
                        "string_map_data": {
                            "Username": {"value": "jdoe"},
                            "Private Account": {"value": "True"},
                        }
                    }
                ]
            }
        ),
    }
    caption = "Carousel caption 😊"
    expected = {
        c1: {
            "kind": "post",
            "caption": caption,
            "latitude": 40.7,
            "longitude": -74.0,
            "audience": "friends",
            "uploaded_at": iso(1736500000),
        },
        c2: {"kind": "post", "caption": caption, "audience": "friends"},
        single: {"kind": "post", "caption": "Caption in media title"},
        story: {"kind": "story", "audience": "friends"},
        profile: {"kind": "profile_picture", "audience": "public"},
        dm: {"kind": "message_attachment", "audience": "private"},
    }
    return Fixture("instagram-jdoe-2025-01-10-XyZ", files, expected, "Instagram")


def instagram_2022() -> Fixture:
    post, profile = "media/posts/202201/x.jpg", "media/other/pp.jpg"
    files = {
        post: image("x2022"),
        profile: image("pp2022"),
        "content/posts_1.json": as_json(
            [{"media": [{"uri": post, "creation_timestamp": 1641000000, "title": "Old caption"}]}]
        ),
        "content/profile_photos.json": as_json(
            {
                "ig_profile_picture": [
                    {"uri": profile, "creation_timestamp": 1640000000, "title": ""}
                ]
            }
        ),
    }
    expected = {
        post: {"kind": "post", "caption": "Old caption", "audience": "unknown"},
        profile: {"kind": "profile_picture", "audience": "public"},
    }
    return Fixture("instagram-jdoe-2022-02-02-Ab1", files, expected, "Instagram")


def instagram_2018() -> Fixture:
    photo, profile = "photos/201805/a.jpg", "profile/201801/pp.jpg"
    files = {
        photo: image("a2018"),
        profile: image("pp2018"),
        "media.json": as_json(
            {
                "photos": [
                    {
                        "caption": "2018 photo",
                        "taken_at": "2018-05-05T12:00:00+00:00",
                        "path": photo,
                        "location": "Berlin",
                    }
                ],
                "profile": [
                    {
                        "caption": "",
                        "taken_at": "2018-01-01T10:00:00+00:00",
                        "is_active_profile": True,
                        "path": profile,
                    }
                ],
            }
        ),
        "profile.json": as_json({"username": "jdoe", "private_account": False}),
    }
    expected = {
        photo: {
            "kind": "post",
            "caption": "2018 photo",
            "place": "Berlin",
            "audience": "public",
            "uploaded_at": "2018-05-05T12:00:00+00:00",
        },
        profile: {"kind": "profile_picture", "audience": "public"},
    }
    return Fixture("instagram-jdoe-2018-06-01-Old", files, expected, "Instagram")


# ---- X ---------------------------------------------------------------------------------------

BIG_ID = 1765000000000000009


def x_archive() -> Fixture:
    manifest = {
        "userInfo": {"accountId": "1234", "userName": "jdoe"},
        "dataTypes": {
            "tweets": {
                "mediaDirectory": "data/tweets_media",
                "files": [{"fileName": "data/tweets.js", "globalName": "YTD.tweets.part0"}],
            },
            "account": {"files": [{"fileName": "data/account.js"}]},
            "profile": {
                "mediaDirectory": "data/profile_media",
                "files": [{"fileName": "data/profile.js"}],
            },
        },
    }
    tweets = [
        {
            "tweet": {
                "id_str": "1765000000000000001",
                "created_at": "Tue Mar 05 14:02:11 +0000 2024",
                "full_text": "Me &amp; you",
                "coordinates": {"type": "Point", "coordinates": ["13.405", "52.52"]},
                "place": {"full_name": "Berlin, Germany"},
            }
        },
        {
            "tweet": {
                "id_str": "1765000000000000002",
                "created_at": "Wed Mar 06 10:00:00 +0000 2024",
                "full_text": "video",
            }
        },
        {
            "tweet": {
                "id_str": "1765000000000000003",
                "created_at": "Wed Mar 06 11:00:00 +0000 2024",
                "full_text": "gif",
            }
        },
    ]
    media = "data/tweets_media/"
    files = {
        "data/manifest.js": b"window.__THAR_CONFIG = " + as_json(manifest),
        "data/account.js": js("YTD.account.part0", [{"account": {"username": "jdoe"}}]),
        "data/tweets.js": js("YTD.tweets.part0", tweets)[:-1]
        + f', {{"tweet": {{"id": {BIG_ID}, "full_text": "big id"}}}}]'.encode(),
        "data/profile.js": js(
            "YTD.profile.part0",
            [
                {
                    "profile": {
                        "avatarMediaUrl": "https://pbs.twimg.com/profile_images/1/av.jpg",
                        "headerMediaUrl": "https://pbs.twimg.com/profile_banners/1234/1700000000",
                    }
                }
            ],
        ),
        media + "1765000000000000001-AbC.jpg": face(),
        media + "1765000000000000002-VidThumb.mp4": MP4,
        media + "1765000000000000003-GifName.mp4": MP4,
        media + f"{BIG_ID}-q.png": image("big", "PNG"),
        "data/profile_media/1234-av.jpg": image("av"),
        "data/profile_media/1234-1700000000.jpg": image("header"),
    }
    expected = {
        media + "1765000000000000001-AbC.jpg": {
            "kind": "post",
            "caption": "Me & you",
            "latitude": 52.52,
            "longitude": 13.405,
            "place": "Berlin, Germany",
            "uploaded_at": "2024-03-05T14:02:11+00:00",
            "url": "https://x.com/jdoe/status/1765000000000000001",
            "audience": "public",
        },
        media + "1765000000000000002-VidThumb.mp4": {"kind": "post", "caption": "video"},
        media + "1765000000000000003-GifName.mp4": {"kind": "post", "caption": "gif"},
        media + f"{BIG_ID}-q.png": {"url": f"https://x.com/jdoe/status/{BIG_ID}"},
        "data/profile_media/1234-av.jpg": {"kind": "profile_picture", "audience": "public"},
        "data/profile_media/1234-1700000000.jpg": {"kind": "cover"},
    }
    return Fixture("twitter-2024-03-10-abc", files, expected, "X")


def x_legacy() -> Fixture:
    files = {
        "data/manifest.js": b"window.__THAR_CONFIG = {}",
        "data/account.js": js("YTD.account.part0", [{"account": {"username": "old_jdoe"}}]),
        "data/tweet.js": js(
            "YTD.tweet.part0",
            [
                {
                    "id_str": "99",
                    "created_at": "Mon Jan 07 09:00:00 +0000 2019",
                    "full_text": "old",
                    "geo": {"coordinates": ["48.1", "11.5"]},
                }
            ],
        ),
        "data/protected-history.js": js(
            "YTD.protected_history.part0",
            [
                {
                    "protectedHistory": {
                        "protectedAt": "2020-01-01T00:00:00.000Z",
                        "action": "Protect",
                    }
                }
            ],
        ),
        "data/tweet_media/99-old.jpg": image("old-tweet"),
    }
    expected = {
        "data/tweet_media/99-old.jpg": {
            "caption": "old",
            "audience": "friends",
            "latitude": 48.1,
            "longitude": 11.5,
            "url": "https://x.com/old_jdoe/status/99",
        }
    }
    return Fixture("twitter-2019-01-10-old", files, expected, "X")


# ---- Others ----------------------------------------------------------------------------------


def telegram() -> Fixture:
    chat, public = "chats/chat_001/photos/photo_1.jpg", "chats/chat_002/photos/p.jpg"
    pp = "profile_pictures/photo_1@01-01-2024_10-00-00.jpg"
    result = {
        "personal_information": {"user_id": 42, "first_name": "Jane"},
        "profile_pictures": [
            {"date": "2024-01-01T10:00:00", "date_unixtime": "1704103200", "photo": pp}
        ],
        "chats": {
            "list": [
                {
                    "name": "Alice",
                    "type": "personal_chat",
                    "id": 1,
                    "messages": [
                        {
                            "id": 10,
                            "date_unixtime": "1709647331",
                            "from": "Alice",
                            "photo": chat,
                            "text": ["hi ", {"type": "bold", "text": "there"}],
                        },
                        {
                            "id": 11,
                            "date_unixtime": "1709647400",
                            "text": "",
                            "photo": "(File not included. Change data exporting settings to download.)",
                        },
                    ],
                },
                {
                    "name": "News",
                    "type": "public_channel",
                    "id": 2,
                    "messages": [
                        {"id": 5, "date_unixtime": "1709000000", "photo": public, "text": "public"}
                    ],
                },
            ]
        },
    }
    files = {
        "result.json": as_json(result),
        chat: image("tg1"),
        public: image("tg2"),
        pp: face("obama-240p.jpg"),
    }
    expected = {
        chat: {
            "kind": "message_attachment",
            "audience": "private",
            "caption": "hi there",
            "uploaded_at": iso(1709647331),
            "album": "Alice",
        },
        public: {"audience": "public"},
        pp: {"kind": "profile_picture", "uploaded_at": iso(1704103200)},
    }
    linked = [{"platform": "Telegram", "url": "", "taken_at": iso(1709647400)}]
    return Fixture("DataExport_2024-03-10", files, expected, "Telegram", linked=linked)


def whatsapp_ios() -> Fixture:
    name = "00000031-PHOTO-2024-03-05-14-03-00.jpg"
    chat = (
        "[05/03/2024, 14:02:11] Alice: Hi\n"
        f"[05/03/2024, 14:03:00] Alice: \u200e<attached: {name}>\n"
        "[13/03/2024, 09:00:00] Jane: ok\n"
    )
    files = {"_chat.txt": chat.encode(), name: image("wa-ios")}
    expected = {
        name: {
            "kind": "message_attachment",
            "uploaded_at": "2024-03-05T14:03:00",
            "album": "WhatsApp Chat - Alice",
            "audience": "private",
        }
    }
    return Fixture("WhatsApp Chat - Alice", files, expected, "WhatsApp")


def whatsapp_android() -> Fixture:
    name = "IMG-20240313-WA0001.jpg"
    chat = (
        "3/13/24, 9:05 PM - Bob: IMG-20240313-WA0001.jpg (file attached)\n"
        "3/13/24, 9:06 PM - Bob: nice\n"
    )
    files = {"WhatsApp Chat with Bob.txt": chat.encode(), name: face("obama-240p.jpg")}
    expected = {
        name: {
            "kind": "message_attachment",
            "uploaded_at": "2024-03-13T21:05:00",
            "album": "WhatsApp Chat with Bob",
        }
    }
    return Fixture("WhatsApp Chat with Bob", files, expected, "WhatsApp")


ICLOUD_1 = "iCloud Photos Part 1 of 2.zip"
ICLOUD_2 = "iCloud Photos Part 2 of 2.zip"


def icloud() -> Fixture:
    one, two = "iCloud Photos Part 1 of 2/Photos/", "iCloud Photos Part 2 of 2/Photos/"
    details = (
        "imgName,fileChecksum,favorite,hidden,deleted,viewCount,importDate\n"
        'IMG_1001.JPG,abc,yes,no,no,3,"Tuesday March 5,2024 2:02 PM GMT"\n'
        'IMG_1002.JPG,def,no,no,yes,0,"Tuesday March 5,2024 2:03 PM GMT"\n'
        'IMG_1003.HEIC,ghi,no,yes,no,0,"Tuesday March 5,2024 2:04 PM GMT"\n'
    )
    files = {
        one + "IMG_1001.JPG": exif_image("i1", "2024:03:05 15:02:11", "+01:00", 52.52, 13.405),
        one + "Photo Details.csv": details.encode(),
        two + "IMG_1002.JPG": image("i2"),
        two + "IMG_1003.HEIC": image("i3 misnamed"),
        "iCloud Photos Part 1 of 2/Albums/Holiday.csv": b"Images\nIMG_1001.JPG\n",
    }
    parts = {p: ICLOUD_2 if p.startswith("iCloud Photos Part 2") else ICLOUD_1 for p in files}
    expected = {
        one + "IMG_1001.JPG": {
            "kind": "album",
            "album": "Holiday",
            "uploaded_at": "2024-03-05T14:02:00+00:00",
            "taken_at": "2024-03-05T15:02:11+01:00",
            "export": f"iCloud Photos ({ICLOUD_1})",
        },
        two + "IMG_1002.JPG": {"kind": "trashed", "export": f"iCloud Photos ({ICLOUD_2})"},
        two + "IMG_1003.HEIC": {"kind": "archived", "orphan": False},
    }
    return Fixture("iCloud Photos", files, expected, "iCloud Photos", parts)


def snapchat() -> Fixture:
    misnamed = "chat_media/2024-03-05_b~media.mp4"
    memories = {
        "Saved Media": [
            {
                "Date": "2024-03-05 14:02:11 UTC",
                "Media Type": "Image",
                "Download Link": "https://app.snapchat.com/dmd/memories?sid=2",
            }
        ]
    }
    files = {"json/memories_history.json": as_json(memories), misnamed: image("snap")}
    expected = {misnamed: {"kind": "message_attachment", "platform": "Snapchat"}}
    linked = [
        {
            "platform": "Snapchat",
            "url": "https://app.snapchat.com/dmd/memories?sid=2",
            "taken_at": "2024-03-05T14:02:11+00:00",
        }
    ]
    return Fixture("mydata~1709647331", files, expected, "Snapchat", linked=linked)


def discord() -> Fixture:
    url = "https://cdn.discordapp.com/attachments/111/9/photo.png"
    files = {
        "Account/avatar.png": image("discord", "PNG"),
        "Account/user.json": as_json({"id": "1", "username": "jdoe"}),
        "Messages/c111/channel.json": as_json({"id": "111", "type": 1}),
        "Messages/c111/messages.json": as_json(
            [
                {
                    "ID": "9",
                    "Timestamp": "2024-03-05 14:02:11.123000+00:00",
                    "Contents": "pic",
                    "Attachments": url,
                }
            ]
        ),
    }
    expected = {"Account/avatar.png": {"kind": "profile_picture", "platform": "Discord"}}
    linked = [{"platform": "Discord", "url": url, "taken_at": "2024-03-05T14:02:11+00:00"}]
    return Fixture("discord-package", files, expected, "Discord", linked=linked)


def tiktok() -> Fixture:
    data = {
        "Profile": {
            "Profile Information": {
                "ProfileMap": {
                    "profilePhoto": "https://p16.tiktokcdn.com/avatar.jpeg",
                    "userName": "jdoe",
                }
            }
        },
        "Video": {
            "Videos": {
                "VideoList": [
                    {"Date": "2024-03-05 14:02:11", "Link": "https://v16.tiktokcdn.com/v1.mp4"}
                ]
            }
        },
    }
    files = {"user_data.json": as_json(data)}
    linked = [
        {"platform": "TikTok", "url": "https://v16.tiktokcdn.com/v1.mp4"},
        {
            "platform": "TikTok",
            "url": "https://p16.tiktokcdn.com/avatar.jpeg",
            "kind": "profile_picture",
        },
    ]
    return Fixture("TikTok_Data", files, {}, "TikTok", linked=linked)


def web_page() -> Fixture:
    page = (
        "<!DOCTYPE html>\n<!-- saved from url=(0034)https://example.com/profile/jdoe -->\n"
        "<html><head><title>Jane Doe &amp; friends</title></head><body>"
        '<img src="page_files/avatar.jpg"><img src="page_files/logo.png"></body></html>'
    )
    files = {
        "page.html": page.encode(),
        "page_files/avatar.jpg": face("obama-240p.jpg"),
        "page_files/logo.png": image("logo", "PNG"),
        "page_files/style.css": b"body{}",
    }
    ctx = {
        "kind": "web_page",
        "url": "https://example.com/profile/jdoe",
        "album": "Jane Doe & friends",
    }
    expected = {"page_files/avatar.jpg": ctx, "page_files/logo.png": ctx}
    return Fixture("saved-page", files, expected, "Saved web page")


def generic() -> Fixture:
    files = {
        "Pictures/holiday.jpg": exif_image(
            "hol", "2019:05:06 07:08:09", "+02:00", -33.8688, 151.2093
        ),
        "Pictures/Profilbilder/me.jpg": image("me"),
        "Pictures/noexif.png": image("noexif", "PNG"),
        "Pictures/notes.txt": b"not an image",
    }
    expected = {
        "Pictures/holiday.jpg": {
            "taken_at": "2019-05-06T07:08:09+02:00",
            "latitude": -33.8688,
            "longitude": 151.2093,
        },
        "Pictures/Profilbilder/me.jpg": {"kind": "profile_picture"},
        "Pictures/noexif.png": {"taken_at": None, "kind": None},
    }
    return Fixture("Pictures", files, expected, "Files")


FIXTURES: dict[str, Callable[[], Fixture]] = {
    "takeout": takeout,
    "takeout_unicode": takeout_unicode,
    "facebook_2024": facebook_2024,
    "facebook_2022": facebook_2022,
    "facebook_legacy": facebook_legacy,
    "facebook_html": facebook_html,
    "instagram_2025": instagram_2025,
    "instagram_2022": instagram_2022,
    "instagram_2018": instagram_2018,
    "x": x_archive,
    "x_legacy": x_legacy,
    "telegram": telegram,
    "whatsapp_ios": whatsapp_ios,
    "whatsapp_android": whatsapp_android,
    "icloud": icloud,
    "snapchat": snapchat,
    "discord": discord,
    "tiktok": tiktok,
    "web_page": web_page,
    "generic": generic,
}
