"""Videos scanned like photos: real clips built from the real faces, in folders and archives."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from PIL import Image

from exposure_audit.audit.store import Audit
from exposure_audit.scan.pipeline import ItemError
from tests.support.clips import Shown, clip_bytes, write_clip
from tests.support.scanning import enrolled_audit, run_scan, zip_of

ME_AT_2 = (Shown("obama-240p.jpg", 2.0, 4.0, 1.0),)
OTHERS = (Shown("biden2.jpg", 0.0, 2.0, 0.8), Shown("kit1.jpg", 2.0, 4.0, 0.8))


def video_findings(audit: Audit) -> list:
    return [f for f in audit.findings() if f.is_video]


@pytest.mark.parametrize(
    ("name", "codec"),
    [("clip.mp4", "libx264"), ("IMG_0001.MOV", "libx264"), ("hevc.mp4", "libx265")],
)
def test_the_user_is_found_at_the_time_they_appear(tmp_path: Path, name: str, codec: str) -> None:
    folder = tmp_path / "phone"
    folder.mkdir()
    write_clip(folder / name, ME_AT_2, seconds=5, codec=codec)
    audit = enrolled_audit(tmp_path / "a.audit")
    finished, events = run_scan(audit, [folder])
    assert not [e for e in events if isinstance(e, ItemError)]
    assert finished.analysed == 1
    (finding,) = video_findings(audit)
    assert finding.location == name
    assert 2.0 <= finding.video_time < 4.0
    ((start, end),) = finding.video_spans
    assert 2.0 <= start < 2.5
    assert 3.0 <= end < 4.0
    assert finding.width == 320
    assert finding.height == 240
    top, right, bottom, left = finding.box
    assert 0 <= left < right <= 320
    assert 0 <= top < bottom <= 240
    frame = audit.video_frame(finding.face_id)
    assert frame is not None
    assert Image.open(io.BytesIO(frame)).format == "JPEG"


def test_a_clip_of_other_people_finds_nobody(tmp_path: Path) -> None:
    folder = tmp_path / "phone"
    folder.mkdir()
    write_clip(folder / "VID-20240305-WA0001.mp4", OTHERS, seconds=4)
    audit = enrolled_audit(tmp_path / "a.audit")
    finished, _ = run_scan(audit, [folder])
    assert finished.analysed == 1
    assert audit.findings() == []
    assert audit.stats()["videos"] == 1
    assert audit.stats()["faces"] >= 2  # the faces were seen, and none was the user


def test_a_truncated_video_is_a_problem(tmp_path: Path) -> None:
    folder = tmp_path / "phone"
    folder.mkdir()
    whole = clip_bytes(ME_AT_2, seconds=4)
    (folder / "cut.mp4").write_bytes(whole[: len(whole) // 2])
    audit = enrolled_audit(tmp_path / "a.audit")
    finished, events = run_scan(audit, [folder])
    errors = [e for e in events if isinstance(e, ItemError)]
    assert [e.location for e in errors] == ["cut.mp4"]
    assert "this video could not be read" in errors[0].message
    assert finished.problems == 1


def test_a_video_inside_a_zip_is_found_and_a_rescan_skips_it(tmp_path: Path) -> None:
    story = "media/stories/202403/story.mp4"
    stories = {"ig_stories": [{"uri": story, "creation_timestamp": 1709647331, "title": "hi"}]}
    export = zip_of(
        tmp_path / "instagram-jdoe-2024-03-10-XyZ.zip",
        {
            story: clip_bytes(ME_AT_2, seconds=4, codec="libx264"),
            "your_instagram_activity/media/stories.json": json.dumps(stories).encode(),
        },
    )
    audit = enrolled_audit(tmp_path / "a.audit")
    first, _ = run_scan(audit, [export])
    (finding,) = video_findings(audit)
    assert finding.location == f"{export}!/{story}"
    assert finding.context["platform"] == "Instagram"
    assert finding.context["kind"] == "story"
    assert finding.context["caption"] == "hi"
    assert first.analysed == 1
    second, _ = run_scan(audit)
    assert second.analysed == 0
    assert second.seen == 2  # the video and the stories list
    assert len(video_findings(audit)) == 1
    assert not list(tmp_path.glob("**/story.mp4"))  # nothing was extracted
