"""Write the demo persona's selfies and exports (real export formats) into a folder."""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, timezone
from importlib import resources
from pathlib import Path
from typing import Any

from PIL import Image

from exposure_audit.demo.persona import INVENTED, PERSONA, SELFIES, STORY, Scene
from exposure_audit.errors import EnvironmentProblem
from exposure_audit.i18n import _

ZIP_TIME = (2026, 1, 1, 12, 0, 0)
HARBOUR = {"name": "Hafencafé at the Landungsbrücken, Hamburg", "lat": 53.5456, "lon": 9.9661}
PHONE_GPS = {"latitude": 52.5163, "longitude": 13.3777, "altitude": 34.0}


@dataclass
class Demo:
    """What was written: the selfies, the sources to scan in order, and where each scene went."""

    root: Path
    selfies: list[Path] = field(default_factory=list)
    sources: list[Path] = field(default_factory=list)
    placed: list[tuple[Scene, Path, str]] = field(default_factory=list)


def photo(name: str) -> bytes:
    """A shipped demo photo's bytes."""
    return resources.files("resources").joinpath("demo").joinpath(name).read_bytes()


class _Clock:
    """Turns a scene's "days ago" into the export timestamps, from the day the demo is made."""

    def __init__(self, today: date) -> None:
        self.today = today

    def epoch(self, days_ago: int, hour: int = 14) -> int:
        day = self.today - timedelta(days=days_ago)
        return int(datetime.combine(day, time(hour), tzinfo=timezone.utc).timestamp())

    def exif(self, days_ago: int) -> str:
        when = datetime.fromtimestamp(self.epoch(days_ago, 9), tz=timezone.utc)
        return when.strftime("%Y:%m:%d %H:%M:%S")


def _scene(photo_name: str, platform: str) -> Scene:
    return next(s for s in STORY if s.photo == photo_name and s.platform == platform)


def _json(value: Any) -> bytes:
    return json.dumps(value, indent=2, ensure_ascii=True).encode()


def _zip(path: Path, files: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for member, data in files.items():
            archive.writestr(zipfile.ZipInfo(member, ZIP_TIME), data)
    return path


def sideways(data: bytes, taken: str) -> bytes:
    """The photo as a phone stores it when held sideways: pixels turned, EXIF orientation 6."""
    with Image.open(io.BytesIO(data)) as upright:
        turned = upright.transpose(Image.Transpose.ROTATE_90)
    exif = Image.Exif()
    exif[0x0112] = 6  # display: rotate 90 degrees clockwise
    exif[0x010F] = "Sample phone (invented)"
    exif.get_ifd(0x8769)[0x9003] = taken
    out = io.BytesIO()
    turned.save(out, "JPEG", quality=88, exif=exif)
    return out.getvalue()


def with_taken_time(data: bytes, taken: str) -> bytes:
    """The photo with an EXIF DateTimeOriginal, as a camera writes it."""
    with Image.open(io.BytesIO(data)) as image:
        exif = Image.Exif()
        exif.get_ifd(0x8769)[0x9003] = taken
        out = io.BytesIO()
        image.save(out, "JPEG", quality=88, exif=exif)
    return out.getvalue()


Placed = list[tuple[Scene, str]]
Built = tuple[dict[str, bytes], Placed]

FB = "your_facebook_activity/"
NOTE = "(invented sample caption)"


def facebook(clock: _Clock) -> Built:
    """A 2024-layout Facebook export: profile picture, a tagged group post, a Messenger photo."""
    profile = FB + "posts/media/ProfilePictures_1000001/profile.jpg"
    group = FB + "posts/media/your_posts/group.jpg"
    other = FB + "posts/media/your_posts/other-1.jpg"
    chat = FB + "messages/inbox/kimexample_1000002/photos/other-2.jpg"
    pp, grp, oth, msg = (
        _scene("profile.jpg", "Facebook"),
        _scene("group.jpg", "Facebook"),
        _scene("other-1.jpg", "Facebook"),
        _scene("other-2.jpg", "Facebook"),
    )
    album = {
        "name": "Profile pictures",
        "photos": [
            {
                "uri": profile,
                "creation_timestamp": clock.epoch(pp.days_ago),
                "title": "Profile pictures",
                "description": f"New profile picture {NOTE}",
            }
        ],
    }
    posts = [
        {
            "timestamp": clock.epoch(grp.days_ago),
            "data": [{"post": f"Team day with Alex and Kim {NOTE}"}],
            "attachments": [
                {"data": [{"media": {"uri": group, "creation_timestamp": clock.epoch(210)}}]}
            ],
            "tags": [{"name": f"{PERSONA} (invented)"}, {"name": "Alex Example (invented)"}],
        },
        {
            "timestamp": clock.epoch(oth.days_ago),
            "data": [{"post": f"My neighbour's new hat {NOTE}"}],
            "attachments": [
                {"data": [{"media": {"uri": other, "creation_timestamp": clock.epoch(300)}}]}
            ],
        },
    ]
    thread = {
        "participants": [{"name": "Kim Example (invented)"}, {"name": f"{PERSONA} (invented)"}],
        "messages": [
            {
                "sender_name": "Kim Example (invented)",
                "timestamp_ms": clock.epoch(msg.days_ago) * 1000,
                "content": f"Look who I met {NOTE}",
                "photos": [{"uri": chat, "creation_timestamp": clock.epoch(msg.days_ago)}],
            }
        ],
        "title": "Kim Example (invented)",
        "thread_path": "inbox/kimexample_1000002",
    }
    files = {
        profile: photo("profile.jpg"),
        group: photo("group.jpg"),
        other: photo("other-1.jpg"),
        chat: photo("other-2.jpg"),
        FB + "posts/album/0.json": _json(album),
        FB + "posts/your_posts__check_ins__photos_and_videos_1.json": _json(posts),
        FB + "messages/inbox/kimexample_1000002/message_1.json": _json(thread),
        "personal_information/profile_information/profile_information.json": _json(
            {"profile_v2": {"name": {"full_name": f"{PERSONA} ({INVENTED})"}}}
        ),
    }
    return files, [(pp, profile), (grp, group), (oth, other), (msg, chat)]


def instagram(clock: _Clock) -> Built:
    """A 2025-layout Instagram export of a public account: a located post, the profile photo."""
    profile, harbour = "media/profile/202501/profile.jpg", "media/posts/202511/harbour.jpg"
    other = "media/posts/202506/other-3.jpg"
    pp, post, oth = (
        _scene("profile.jpg", "Instagram"),
        _scene("harbour.jpg", "Instagram"),
        _scene("other-3.jpg", "Instagram"),
    )
    ig = "your_instagram_activity/"
    posts = [
        {
            "media": [
                {
                    "uri": harbour,
                    "creation_timestamp": clock.epoch(post.days_ago),
                    "title": "",
                    "media_metadata": {
                        "photo_metadata": {
                            "exif_data": [{"latitude": HARBOUR["lat"], "longitude": HARBOUR["lon"]}]
                        }
                    },
                }
            ],
            "title": f"Sunday coffee at the {HARBOUR['name']} {NOTE}",
            "creation_timestamp": clock.epoch(post.days_ago),
        },
        {
            "media": [{"uri": other, "creation_timestamp": clock.epoch(oth.days_ago), "title": ""}],
            "title": f"Friends of friends {NOTE}",
            "creation_timestamp": clock.epoch(oth.days_ago),
        },
    ]
    personal = {
        "profile_user": [
            {
                "string_map_data": {
                    "Username": {"value": "sam.sample.invented"},
                    "Name": {"value": f"{PERSONA} ({INVENTED})"},
                    "Private Account": {"value": "False"},
                }
            }
        ]
    }
    profile_photos = {
        "ig_profile_picture": [
            {"uri": profile, "creation_timestamp": clock.epoch(pp.days_ago), "title": ""}
        ]
    }
    files = {
        profile: photo("profile.jpg"),
        harbour: photo("harbour.jpg"),
        other: photo("other-3.jpg"),
        ig + "media/posts_1.json": _json(posts),
        ig + "media/profile_photos.json": _json(profile_photos),
        "personal_information/personal_information/personal_information.json": _json(personal),
    }
    return files, [(pp, profile), (post, harbour), (oth, other)]


TAKEOUT = "takeout-20260101T120000Z"


def takeout(
    clock: _Clock,
) -> tuple[dict[str, bytes], dict[str, bytes], list[tuple[Scene, str, int]]]:
    """A two-part Google Takeout: the sideways phone photo's sidecar (with GPS) is in part 2."""
    ph, ro, al = (
        _scene("phone.jpg", "Google Photos"),
        _scene("other-4.jpg", "Google Photos"),
        _scene("other-5.jpg", "Google Photos"),
    )

    def media(scene: Scene, name: str) -> str:
        year = (clock.today - timedelta(days=scene.days_ago)).year
        return f"Takeout/Google Photos/Photos from {year}/{name}"

    def sidecar(path: str, days_ago: int, **extra: Any) -> bytes:
        return _json(
            {
                "title": path.rsplit("/", 1)[1],
                "description": extra.pop("description", ""),
                "photoTakenTime": {"timestamp": str(clock.epoch(days_ago, 9))},
                "creationTime": {"timestamp": str(clock.epoch(days_ago))},
                "geoData": {"latitude": 0.0, "longitude": 0.0, "altitude": 0.0},
                "url": "https://photos.google.com/photo/invented-sample",
                **extra,
            }
        )

    phone, rose = media(ph, "PXL_sample_0412.jpg"), media(ro, "IMG_sample_0007.jpg")
    alex = media(al, "IMG_sample_0100.jpg")
    part1 = {
        phone: sideways(photo("phone.jpg"), clock.exif(ph.days_ago)),
        rose: photo("other-4.jpg"),
        rose + ".supplemental-metadata.json": sidecar(rose, ro.days_ago),
    }
    part2 = {
        phone + ".supplemental-metadata.json": sidecar(
            phone, ph.days_ago, geoData=PHONE_GPS, geoDataExif=PHONE_GPS,
            description=f"Brandenburg Gate, early morning {NOTE}",
        ),
        alex: photo("other-5.jpg"),
        alex + ".supplemental-metadata.json": sidecar(alex, al.days_ago),
    }  # fmt: skip
    return part1, part2, [(ph, phone, 1), (ro, rose, 1), (al, alex, 2)]


def whatsapp(clock: _Clock) -> Built:
    """An iOS WhatsApp chat export: the persona's photo and someone else's, sent privately."""
    me, other = "00000012-PHOTO-sample-1.jpg", "00000013-PHOTO-sample-2.jpg"
    msg, oth = _scene("message.jpg", "WhatsApp"), _scene("other-6.jpg", "WhatsApp")

    def stamp(days_ago: int, minute: int) -> str:
        when = datetime.fromtimestamp(clock.epoch(days_ago) + minute * 60, tz=timezone.utc)
        return when.strftime("[%d/%m/%Y, %H:%M:%S]")

    chat = (
        f"{stamp(msg.days_ago, 0)} Kim Example (invented): Messages in this sample chat are invented\n"
        f"{stamp(msg.days_ago, 1)} Kim Example (invented): \u200e<attached: {me}>\n"
        f"{stamp(msg.days_ago, 2)} {PERSONA}: Ha, that was a good evening\n"
        f"{stamp(oth.days_ago, 0)} Kim Example (invented): \u200e<attached: {other}>\n"
    )
    files = {"_chat.txt": chat.encode(), me: photo("message.jpg"), other: photo("other-6.jpg")}
    return files, [(msg, me), (oth, other)]


def profile_page() -> Built:
    """A community profile page saved with "Save page as… complete" (invented site)."""
    avatar = "sam-sample_files/avatar.jpg"
    page = (
        "<!DOCTYPE html>\n"
        "<!-- saved from url=(0045)https://community.example/people/sam-sample -->\n"
        f"<html><head><title>{PERSONA} ({INVENTED}) - Example community</title></head><body>"
        f'<img src="{avatar}" width="96" height="96"><h1>{PERSONA}</h1>'
        "<p>This profile page is invented sample data.</p></body></html>"
    )
    files = {"sam-sample.html": page.encode(), avatar: photo("avatar.jpg")}
    return files, [(_scene("avatar.jpg", "Saved web page"), avatar)]


def own_pictures(clock: _Clock) -> Built:
    """A folder on the persona's own computer, never shared."""
    scene = _scene("at-home.jpg", "Files")
    name = "IMG_sample_home.jpg"
    return {name: with_taken_time(photo("at-home.jpg"), clock.exif(scene.days_ago))}, [
        (scene, name)
    ]


def _folder(root: Path, files: dict[str, bytes]) -> Path:
    for member, data in files.items():
        target = root / member
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    return root


def _story_text(demo: Demo) -> str:
    lines = [
        f"Sample data for Exposure Audit: the {INVENTED} {PERSONA}.",
        "Every account, caption, chat and name here is invented; the photos are of public",
        "figures from the face_recognition project's test images (MIT licence).",
        "",
        "selfies/  two selfies to teach the audit the persona's face",
        "exports/  what the persona downloaded from the platforms:",
    ]
    for scene, source, member in demo.placed:
        lines.append(f"  - {source.name}: {member}\n      {scene.says}")
    return "\n".join(lines) + "\n"


def write_demo(out: Path, today: date | None = None) -> Demo:
    """Write the persona's selfies and exports into ``out`` (new or empty folder).

    Timestamps count back from ``today`` so the story stays recent whenever it is made.

    Raises:
        EnvironmentProblem: ``out`` holds files already, or cannot be written.
    """
    out = Path(out)
    if out.exists() and (not out.is_dir() or any(out.iterdir())):
        raise EnvironmentProblem(
            _("{out} is not an empty folder; choose a new one").format(out=out)
        )
    try:
        return _write(out, _Clock(today or date.today()))
    except OSError as exc:
        raise EnvironmentProblem(
            _("cannot write the sample data: {reason}").format(reason=exc.strerror or exc)
        ) from exc


def _write(out: Path, clock: _Clock) -> Demo:
    demo = Demo(out)
    selfies, exports = out / "selfies", out / "exports"
    selfies.mkdir(parents=True)
    exports.mkdir()
    for name in SELFIES:
        (selfies / name).write_bytes(photo(name))
        demo.selfies.append(selfies / name)
    stamp = clock.today.isoformat()
    zips: list[tuple[str, Callable[[_Clock], Built]]] = [
        (f"facebook-samsampleinvented-{stamp}-Demo1.zip", facebook),
        (f"instagram-sam.sample.invented-{stamp}-Demo2.zip", instagram),
        ("WhatsApp Chat - Kim Example (invented).zip", whatsapp),
    ]
    for name, build in zips:
        files, placed = build(clock)
        _add(demo, _zip(exports / name, files), placed)
    part1, part2, in_parts = takeout(clock)
    first = _zip(exports / f"{TAKEOUT}-001.zip", part1)
    second = _zip(exports / f"{TAKEOUT}-002.zip", part2)
    demo.sources += [first, second]
    demo.placed += [(scene, (first, second)[part - 1], member) for scene, member, part in in_parts]
    files, placed = profile_page()
    _add(demo, _folder(exports / "Saved profile page", files), placed)
    files, placed = own_pictures(clock)
    _add(demo, _folder(exports / "My pictures", files), placed)
    (out / "README.txt").write_text(_story_text(demo), encoding="utf-8")
    return demo


def _add(demo: Demo, source: Path, placed: Placed) -> None:
    demo.sources.append(source)
    demo.placed += [(scene, source, member) for scene, member in placed]
