"""The one-page takeaway: score, three risks, next steps; one page on A4 and Letter, no paths."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from exposure_audit.audit.store import Audit
from exposure_audit.cli.main import run
from exposure_audit.report.takeaway import build_takeaway, write_takeaway
from tests.support.actionkit import copy_of


@pytest.fixture(scope="module")
def demo_audit(demo_scanned: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The scanned demo persona, in a folder of its own (no path of it may reach the page)."""
    return copy_of(demo_scanned, tmp_path_factory.mktemp("takeaway"))


def pages(path: Path) -> tuple[int, tuple[float, float]]:
    """How many pages the PDF has, and its paper size in points."""
    data = path.read_bytes()
    count = re.search(rb"/Type /Pages\s*/Kids \[[^]]*\]\s*/Count (\d+)", data) or re.search(
        rb"/Count (\d+)", data
    )
    box = re.search(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]", data)
    assert count is not None
    assert box is not None
    return int(count.group(1)), (float(box.group(1)), float(box.group(2)))


def test_the_takeaway_names_score_risks_and_steps_but_no_path(
    demo_audit: Path, demo_scanned: Path
) -> None:
    with Audit.open(demo_audit) as audit:
        takeaway = build_takeaway(audit)
    data = takeaway.as_dict()
    assert data["exposure"]["score"] == takeaway.score.score > 0
    assert len(data["risks"]) == 3
    platforms = [s["platform"] for s in data["next_steps"]]
    assert "Instagram" in platforms
    assert "Facebook" in platforms
    assert "Files" not in platforms  # the photo at home needs nothing done
    facebook = next(s for s in data["next_steps"] if s["platform"] == "Facebook")
    assert "Art. 17" in facebook["letter"]
    assert "Meta" in facebook["letter"]
    text = json.dumps(data)
    assert str(demo_audit.parent) not in text
    assert str(demo_scanned.parent) not in text  # where the exports are
    assert ".zip" not in text
    assert ".jpg" not in text


@pytest.mark.parametrize(("paper", "size"), [("A4", (595.28, 841.89)), ("Letter", (612.0, 792.0))])
def test_it_prints_on_one_page_of_a4_or_letter(
    demo_audit: Path, tmp_path: Path, paper: str, size: tuple[float, float]
) -> None:
    out = tmp_path / "takeaway.pdf"
    assert (
        run(
            [
                "report",
                "--audit",
                str(demo_audit),
                "--out",
                str(out),
                "--one-page",
                "--paper",
                paper,
            ]
        )
        == 0
    )
    assert pages(out) == (1, size)
    assert oct(out.stat().st_mode & 0o777) == "0o600"
    assert b"/Subtype /Image" not in out.read_bytes()  # no photos unless chosen


def test_photos_only_when_chosen_and_still_one_page(demo_audit: Path, tmp_path: Path) -> None:
    out = tmp_path / "with-photos.pdf"
    assert (
        run(["report", "--audit", str(demo_audit), "--out", str(out), "--one-page", "--photos"])
        == 0
    )
    assert b"/Subtype /Image" in out.read_bytes()
    assert pages(out)[0] == 1


def test_a_long_list_still_fits_one_page(demo_audit: Path, tmp_path: Path) -> None:
    with Audit.open(demo_audit) as audit:
        takeaway = build_takeaway(audit)
    takeaway.steps = takeaway.steps * 6
    out = write_takeaway(takeaway, tmp_path / "long.pdf", "Letter")
    assert pages(out)[0] == 1


def test_one_page_needs_a_pdf_name(demo_audit: Path, tmp_path: Path) -> None:
    assert (
        run(["report", "--audit", str(demo_audit), "--out", str(tmp_path / "t.html"), "--one-page"])
        == 2
    )


def test_the_score_is_the_same_in_the_report_the_json_and_the_takeaway(
    demo_audit: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(["findings", "--audit", str(demo_audit), "--json"]) == 0
    from_findings = json.loads(capsys.readouterr().out)["exposure"]
    report = tmp_path / "report.json"
    assert run(["report", "--audit", str(demo_audit), "--out", str(report)]) == 0
    assert json.loads(report.read_text(encoding="utf-8"))["exposure"] == from_findings
    page = tmp_path / "report.html"
    assert run(["report", "--audit", str(demo_audit), "--out", str(page)]) == 0
    html = page.read_text(encoding="utf-8")
    assert f"<b>{from_findings['score']}</b> / 100" in html
    assert all(part["explanation"] in html for part in from_findings["parts"])
    with Audit.open(demo_audit) as audit:
        assert build_takeaway(audit).score.as_dict() == from_findings


def test_the_takeaway_points_to_clean_copies_when_photos_give_places_away(
    demo_audit: Path,
) -> None:
    with Audit.open(demo_audit) as audit:
        takeaway = build_takeaway(audit)
    assert takeaway.clean_copy  # the demo's photos carry GPS
    assert "exposure-audit clean" in takeaway.as_dict()["clean_copy"]


HEADINGS = {
    "en": ("Instagram (3 photos and 1 video of you)", "Instagram (2 videos of you)"),
    "nl": ("Instagram (3 foto's en 1 video van jou)", "Instagram (2 video's van jou)"),
    "de": ("Instagram (3 Fotos und 1 Video von dir)", "Instagram (2 Videos von dir)"),
    "fr": ("Instagram (3 photos et 1 vidéo de vous)", "Instagram (2 vidéos de vous)"),
}


@pytest.mark.parametrize("language", sorted(HEADINGS))
def test_next_steps_count_photos_and_videos_apart_in_each_language(language: str) -> None:
    from exposure_audit import i18n
    from exposure_audit.report.takeaway import PlatformAdvice

    both, videos_only = HEADINGS[language]
    i18n.set_language(language)
    try:
        assert PlatformAdvice("Instagram", 3, "", None, videos=1).heading() == both
        assert PlatformAdvice("Instagram", 0, "", None, videos=2).heading() == videos_only
        photos_only = PlatformAdvice("Instagram", 3, "", None).heading()
        assert "video" not in photos_only.lower()
        assert "3" in photos_only
    finally:
        i18n.set_language("en")


def test_a_scanned_video_is_counted_as_a_video(tmp_path: Path) -> None:
    from exposure_audit.report.takeaway import next_steps
    from tests.support.clips import Shown, write_clip
    from tests.support.scanning import enrolled_audit, run_scan

    folder = tmp_path / "phone"
    folder.mkdir()
    write_clip(folder / "clip.mp4", [Shown("obama-240p.jpg", 1.0, 3.0, 1.0)], seconds=3)
    audit = enrolled_audit(tmp_path / "a.audit")
    run_scan(audit, [folder])
    rows = audit.findings()
    for row in rows:  # as a shared platform's reader would have said
        row.context.update({"platform": "Instagram", "audience": "public"})
    (step,) = next_steps(rows)
    assert (step.photos, step.videos) == (0, 1)
    assert step.as_dict()["videos"] == 1
