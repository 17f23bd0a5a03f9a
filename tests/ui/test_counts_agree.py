"""One definition of each figure: the overview, the score, the report, the takeaway and the
command line tell the demo persona's scan with the same numbers."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from exposure_audit.audit.store import Audit
from exposure_audit.report.build import build_report
from exposure_audit.report.counts import counts_of, story
from exposure_audit.report.html import render_html
from exposure_audit.report.takeaway import build_takeaway
from exposure_audit.score import score_of_findings
from exposure_audit.vocabulary import Decision
from tests.support.actionkit import copy_of
from ui.pages.overview import OverviewPage
from ui.pages.overview.summary import summarise
from ui.session import Session

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def demo(demo_scanned: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo persona scanned: a profile picture on two platforms, own files, a web avatar."""
    path = copy_of(demo_scanned, tmp_path_factory.mktemp("counts"))
    with Audit.open(path) as audit:
        rows = audit.findings()
        # one "not me", so every figure has to leave it out the same way
        audit.set_decision(rows[-1].face_id, Decision.NOT_ME)
    return path


def numbers(text: str) -> list[int]:
    return [int(n.replace(",", "")) for n in re.findall(r"\d[\d,]*", text)]


def test_the_core_counts_add_up(demo: Path) -> None:
    with Audit.open(demo) as audit:
        rows = audit.findings()
    counts = counts_of(rows)
    mine = [r for r in rows if r.decision != Decision.NOT_ME]
    assert counts.photos == len({r.sha256 for r in mine}) < len(rows)
    assert counts.faces == len(rows)
    assert sum(counts.levels.values()) == counts.photos
    assert counts.shared <= counts.photos
    assert set(counts.platforms) <= set(counts.by_platform)
    assert "Files" in counts.by_platform
    assert "Files" not in counts.platforms
    # the same profile picture on Facebook and Instagram: one photo, on both platforms
    assert sum(counts.by_platform.values()) > counts.photos


def test_overview_tiles_story_and_score_agree(qtbot, demo: Path) -> None:
    with Audit.open(demo) as audit:
        rows = audit.findings()
    counts = counts_of(rows)
    page = OverviewPage(Session())
    qtbot.addWidget(page)
    summary = summarise(rows)
    page.show_summary(summary)
    page.score_card.show_score(score_of_findings(rows))
    tiles = {key: int(tile.value) for key, tile in page.tiles.items()}
    assert tiles == {
        "photos": counts.photos,
        "gps": counts.located,
        "public": counts.public,
        "profile": counts.profile,
        "platforms": len(counts.platforms),
    }
    told = page.story.text()
    assert numbers(told)[:3] == [counts.photos, counts.shared, len(counts.platforms)]
    parts = {p.key: p for p in page.score_card.score.parts}
    assert parts["public_photos"].count == counts.public
    assert parts["indexable_profile_pictures"].count == counts.profile
    assert parts["platforms"].count == len(counts.platforms)
    assert sum(n for _, n in page.levels.items) == counts.photos
    assert sum(n for _, n in page.platforms.items) == sum(counts.by_platform.values())
    assert sum(summary.levels.values()) == counts.photos
    steps = summary.next_steps
    assert sum(len(step.platforms) for step in steps) == len(counts.platforms)
    assert sum(step.public for step in steps) >= counts.public  # a photo counts per company
    for step in steps:
        for action in step.actions:
            if "anyone can see" in action.text:
                assert step.public in numbers(action.text) or step.public == 1


def test_report_takeaway_and_app_agree(demo: Path) -> None:
    with Audit.open(demo) as audit:
        rows = audit.findings()
        report = build_report(audit)
        takeaway = build_takeaway(audit)
    counts = counts_of(rows)
    summary = report.summary
    assert summary.photos_with_you == counts.photos
    assert summary.platforms == len(counts.platforms)
    assert summary.public_photos == counts.public
    assert summary.public_profile_pictures == counts.profile
    assert sum(report.counts.levels.values()) == counts.photos
    assert sum(t.count for t in report.timeline) == counts.photos
    assert {p.platform: p.photos for p in report.platforms} == counts.by_platform
    assert report.exposure == takeaway.score
    assert report.exposure.score == score_of_findings(rows).score
    page = render_html(report, {})
    assert story(counts.as_dict()) in page


def test_command_line_says_the_same(demo: Path, tmp_path: Path) -> None:
    copy = tmp_path / "cli.audit"
    shutil.copyfile(demo, copy)
    done = subprocess.run(
        [sys.executable, "-m", "exposure_audit", "findings", "--audit", str(copy)],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    with Audit.open(copy) as audit:
        counts = counts_of(audit.findings())
    assert numbers(done.stderr.splitlines()[-1]) == [
        counts.faces,
        counts.photos,
        len(counts.platforms),
    ]
