"""Videos scanned like photos: real clips built from the real faces, in folders and archives."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from PIL import Image

from exposure_audit.audit.store import Audit
from exposure_audit.report.build import build_report, write_report
from exposure_audit.report.findings import finding_dict
from exposure_audit.rights.controllers import load_controllers
from exposure_audit.rights.evidence import _rows
from exposure_audit.rights.letters.render import annex_cells
from exposure_audit.rights.letters.request import Identity, LetterRequest
from exposure_audit.scan.pipeline import ItemError
from exposure_audit.vocabulary import Language, Right
from tests.support.clips import Shown, clip_bytes, write_clip
from tests.support.pdf import pdf_text
from tests.support.photos import face_bytes
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


@pytest.fixture(scope="module")
def scanned(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An audit of a phone folder: a photo of the user and a clip the user is in at 0:02."""
    root = tmp_path_factory.mktemp("scanned")
    folder = root / "phone"
    folder.mkdir()
    write_clip(folder / "IMG_0002.MOV", ME_AT_2, seconds=4)
    (folder / "IMG_0001.jpg").write_bytes(face_bytes("obama3.jpg"))
    with enrolled_audit(root / "a.audit") as audit:
        run_scan(audit, [folder])
    return root / "a.audit"


def test_reports_list_videos_with_the_time(scanned: Path, tmp_path: Path) -> None:
    with Audit.open(scanned) as audit:
        report = build_report(audit)
        (video,) = [f for f in report.findings if f.media == "video"]
        assert video.video_time is not None
        assert 2.0 <= video.video_time < 4.0
        said = f"video, at 0:0{int(video.video_time)}"
        assert video.video_at == said
        assert report.summary.videos_with_you == 1
        assert report.summary.photos_with_you == 2
        html = write_report(audit, tmp_path / "r.html").read_text(encoding="utf-8")
        rows = list(csv.DictReader(write_report(audit, tmp_path / "r.csv").open()))
        document = json.loads(write_report(audit, tmp_path / "r.json").read_text())
        write_report(audit, tmp_path / "r.pdf")
        rows_json = [finding_dict(r) for r in audit.findings() if r.is_video]
    assert said in html
    assert {r["media"] for r in rows} == {"photo", "video"}
    (csv_video,) = [r for r in rows if r["media"] == "video"]
    assert float(csv_video["video_time"]) == video.video_time
    assert any(f["media"] == "video" for f in document["findings"])
    assert rows_json[0]["video_spans"][0][0] >= 2.0
    assert pdf_text(tmp_path / "r.pdf").count(said) == 1


def test_letter_annex_lists_the_video_with_its_time(scanned: Path) -> None:
    with Audit.open(scanned) as audit:
        rows = _rows(audit, audit.findings(), thumbnails=True)
    (video,) = [r for r in rows if r.video_time is not None]
    assert video.thumbnail_jpeg is not None  # the kept frame, other faces blurred
    moment = f"0:0{int(video.video_time or 0)}"
    for language, words in (("en", f"video, at {moment}"), ("de", f"Video, bei {moment}")):
        request = LetterRequest(
            controller=load_controllers()["apple"],
            identity=Identity("Jane Doe", ("1 Road",), None, {}),
            types=frozenset({Right.ACCESS}),
            language=Language(language),
            evidence=tuple(rows),
        )
        cells = [c[3] for c in annex_cells(request)]
        assert any(words in cell for cell in cells), (language, cells)
