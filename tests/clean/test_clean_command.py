"""`exposure-audit clean` over a folder of mixed photos, read back with real metadata readers
and the face detector: no place, no device, no bystander that can still be matched."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from PIL import Image

from exposure_audit import actions
from exposure_audit.audit.store import Audit
from exposure_audit.cli.main import run
from exposure_audit.faces.analysis import CROWD_WORK_SIDE
from exposure_audit.faces.detection import Face, encode_boxes, find_faces
from exposure_audit.faces.enrollment import Selfie
from exposure_audit.imaging import read_image
from exposure_audit.vocabulary import ExitCode
from tests.clean.photos import SECRET, mixed_folder, tagged_jpeg
from tests.support.photos import FACES

NONE = np.empty((0, 128))
MATCH = 0.6
# exiftool's groups (family 0) a copy may carry: the file itself and how its pixels are stored.
PLAIN_GROUPS = {"SourceFile", "ExifTool", "File", "JFIF", "Composite", "PNG"}
PNG_STRUCTURE = {"ImageWidth", "ImageHeight", "BitDepth", "ColorType", "Compression", "Filter"}
PNG_STRUCTURE |= {"Interlace"}
# Cleans a folder of real photos and re-detects every face in the copies.
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def cleaned(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The mixed folder cleaned in one command, with an audit whose selfies are Obama's."""
    root = tmp_path_factory.mktemp("clean")
    people = mixed_folder(root / "photos")
    audit_path = root / "me.audit"
    with Audit.open(audit_path) as audit:
        selfies = [Selfie(n, (FACES / n).read_bytes(), n) for n in ("obama.jpg", "obama2.jpg")]
        assert all(r.usable for r in actions.enroll_selfies(audit, selfies))
    out = root / "clean"
    stdout = io.StringIO()
    argv = ["clean", str(root / "photos"), "--out", str(out), "--audit", str(audit_path), "--json"]
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("sys.stdout", stdout)
        code = run(argv)
    document = json.loads(stdout.getvalue())
    by_source = {
        Path(p["source"]).relative_to(root / "photos").as_posix(): p for p in document["photos"]
    }
    return {"root": root, "people": people, "out": out, "code": code, "photos": by_source}


def test_every_photo_of_the_folder_is_cleaned_in_one_command(cleaned: dict[str, Any]) -> None:
    assert cleaned["code"] == ExitCode.OK
    photos = cleaned["photos"]
    assert set(photos) == set(cleaned["people"])
    assert all(p["problem"] is None for p in photos.values())
    assert photos["kit_and_rose.heic"]["target"].endswith("kit_and_rose.jpg")
    assert photos["two.png"]["output_format"] == "PNG"
    assert photos["trip/group.jpg"]["target"] == str(cleaned["out"] / "trip" / "group.jpg")
    assert photos["trip/group.jpg"]["removed"]["gps"] == pytest.approx([52.3731, 4.8922])
    for photo in photos.values():
        assert (Path(photo["target"]).stat().st_mode & 0o777) == 0o600


def test_no_metadata_survives_as_pillow_reads_it(cleaned: dict[str, Any]) -> None:
    for photo in cleaned["photos"].values():
        data = Path(photo["target"]).read_bytes()
        image = Image.open(io.BytesIO(data))
        assert not image.getexif()
        assert not {"exif", "xmp", "photoshop", "comment", "icc_profile"} & set(image.info)
        assert getattr(image, "text", {}) == {}
        assert SECRET.encode() not in data
        assert b"iPhone" not in data


@pytest.mark.skipif(shutil.which("exiftool") is None, reason="exiftool is not installed")
def test_no_metadata_survives_as_exiftool_reads_it(cleaned: dict[str, Any]) -> None:
    targets = [photo["target"] for photo in cleaned["photos"].values()]
    output = subprocess.run(
        ["exiftool", "-j", "-a", "-u", "-G0", *targets],
        capture_output=True,
        check=True,
        text=True,
        timeout=60,
    ).stdout
    for tags in json.loads(output):
        groups = {key.split(":")[0] for key in tags}
        assert groups <= PLAIN_GROUPS, (tags["SourceFile"], groups - PLAIN_GROUPS)
        png = {key.split(":")[1] for key in tags if key.startswith("PNG:")}
        assert png <= PNG_STRUCTURE, png - PNG_STRUCTURE


def _faces(data: bytes) -> list[Face]:
    image = read_image(data)
    return find_faces(
        image, NONE, keep_encodings=True, larger=lambda: read_image(data, work_side=CROWD_WORK_SIDE)
    )


def _others_in(source: bytes, refs: np.ndarray) -> list[Face]:
    """Faces of the original that are not the user's, found the way a scan finds them."""
    return [
        f
        for f in _faces(source)
        if f.encoding is not None and np.linalg.norm(refs - f.encoding, axis=1).min() > MATCH
    ]


def test_no_other_face_still_matches_its_own_photo(
    cleaned: dict[str, Any], obama_refs: np.ndarray
) -> None:
    checked = 0
    for name, photo in cleaned["photos"].items():
        source = (cleaned["root"] / "photos" / name).read_bytes()
        copy = Path(photo["target"]).read_bytes()
        others = _others_in(source, obama_refs)
        if "others" in cleaned["people"][name]:
            assert others, name
        found_in_copy = [f.encoding for f in _faces(copy) if f.encoding is not None]
        upright = read_image(copy)
        for face in others:
            assert face.encoding is not None
            for encoding in found_in_copy:
                assert np.linalg.norm(encoding - face.encoding) > MATCH, name
            again = encode_boxes(upright, [face.box], face.encoding[None])
            assert again[0].distance is not None, name
            assert again[0].distance > MATCH, name
            checked += 1
        assert photo["other_faces_blurred"] >= len(others), name
    assert checked >= 6


def test_the_users_face_is_kept_and_still_found(
    cleaned: dict[str, Any], obama_refs: np.ndarray
) -> None:
    for name, photo in cleaned["photos"].items():
        mine = "obama" in cleaned["people"][name]
        assert photo["your_face_kept"] is mine, name
        if mine:
            faces = find_faces(read_image(Path(photo["target"]).read_bytes()), obama_refs)
            assert min(f.distance for f in faces if f.distance is not None) <= MATCH, name


def test_copies_already_there_are_not_replaced_without_asking(
    cleaned: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    target = Path(cleaned["photos"]["alone.jpg"]["target"])
    before = target.read_bytes()
    code = run(
        ["clean", str(cleaned["root"] / "photos" / "alone.jpg"), "--out", str(target.parent)]
    )
    assert code == ExitCode.BAD_INPUT
    error = capsys.readouterr().err
    assert "already in the output folder (alone.jpg): add --overwrite" in error
    assert target.read_bytes() == before


def test_one_line_per_photo_says_what_was_removed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    photo = tmp_path / "beach.jpg"
    photo.write_bytes(tagged_jpeg("obama-240p.jpg"))
    video = tmp_path / "clip.mp4"
    video.write_bytes(b"\x00\x00\x00\x18ftypmp42")
    code = run(["clean", str(photo), str(video), "--out", str(tmp_path / "out"), "--blur", "none"])
    lines = capsys.readouterr()
    assert code == ExitCode.BAD_INPUT  # the video is not cleaned
    assert "beach.jpg: GPS 52.3731, 4.8922 removed; camera and dates removed;" in lines.out
    assert "clip.mp4: not cleaned: a video: videos are not cleaned yet" in lines.out
    assert "1 clean copy written; 1 photo not cleaned" in lines.err


def test_blur_all_blurs_the_user_too(tmp_path: Path, obama_refs: np.ndarray) -> None:
    from exposure_audit.clean import CleanOptions, clean_photo
    from exposure_audit.vocabulary import BlurMode

    source = tagged_jpeg("obama-240p.jpg")
    made = clean_photo(source, "me.jpg", CleanOptions(BlurMode.ALL, obama_refs))
    assert made.result.yours_blurred == 1
    assert not made.result.your_face_kept
    assert made.data is not None
    faces = find_faces(read_image(made.data), obama_refs)
    assert all(f.distance is None or f.distance > MATCH for f in faces)
