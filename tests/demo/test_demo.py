"""The demo persona: real exports on disk, scanned end to end, telling the story they promise."""

from __future__ import annotations

import json
import zipfile
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from exposure_audit.cli.main import run
from exposure_audit.demo import STORY, Demo, write_demo
from exposure_audit.errors import EnvironmentProblem
from exposure_audit.score import score_of_findings


@pytest.fixture(scope="module")
def scanned(tmp_path_factory: pytest.TempPathFactory) -> tuple[Demo, dict[str, Any]]:
    root = tmp_path_factory.mktemp("demo")
    demo = write_demo(root / "sample")
    out = root / "findings.json"
    argv = ["scan", "--audit", str(root / "demo.audit"), "--workers", "1", "--quiet"]
    for selfie in demo.selfies:
        argv += ["--selfie", str(selfie)]
    for source in demo.sources:
        argv += ["--source", str(source)]
    assert run([*argv, "--json", str(out)]) == 0
    return demo, json.loads(out.read_text(encoding="utf-8"))


def _at(document: dict[str, Any], source: Path, member: str) -> list[dict[str, Any]]:
    return [
        f
        for f in document["findings"]
        if f["location"].endswith(member) and Path(f["source"]).name == source.name
    ]


def test_every_scene_is_found_or_not_as_the_story_says(scanned: tuple[Demo, dict]) -> None:
    demo, document = scanned
    assert len(demo.placed) == len(STORY)
    for scene, source, member in demo.placed:
        found = _at(document, source, member)
        if not scene.matches:
            assert found == [], f"{scene.photo} is someone else but matched"
            continue
        assert len(found) == 1, f"{scene.photo} on {scene.platform} not found once"
        assert found[0]["band"] == "strong"
        assert (found[0]["platform"] or "Files") == scene.platform
        assert found[0]["kind"] == scene.kind


def _one(document: dict[str, Any], member: str) -> dict[str, Any]:
    (finding,) = [f for f in document["findings"] if f["location"].endswith(member)]
    return finding


def test_the_findings_carry_the_context_the_story_is_about(scanned: tuple[Demo, dict]) -> None:
    _, document = scanned
    profile = _one(document, "ProfilePictures_1000001/profile.jpg")
    assert profile["audience"] == "public"
    assert profile["exposure"]["level"] == "high"
    group = _one(document, "your_posts/group.jpg")
    assert "Sam Sample (invented)" in group["people"]
    phone = _one(document, "PXL_sample_0412.jpg")
    assert (phone["width"], phone["height"]) == (640, 360)  # shown upright, not as stored
    assert phone["latitude"] == pytest.approx(52.5163)  # the sidecar in the other part
    harbour = _one(document, "harbour.jpg")
    assert harbour["latitude"] == pytest.approx(53.5456)
    assert "Hamburg" in harbour["caption"]
    assert harbour["exposure"]["level"] == "high"
    avatar = _one(document, "avatar.jpg")
    assert (avatar["width"], avatar["height"]) == (96, 96)
    assert avatar["url"] == "https://community.example/people/sam-sample"
    message = _one(document, "00000012-PHOTO-sample-1.jpg")
    assert message["exposure"]["level"] == "low"


def test_the_scan_json_holds_the_score_and_the_own_computer_adds_nothing(
    scanned: tuple[Demo, dict],
) -> None:
    _, document = scanned
    exposure = document["exposure"]
    assert exposure == score_of_findings(document["findings"]).as_dict()
    assert 0 < exposure["score"] <= 100
    assert exposure["score"] == sum(p["points"] for p in exposure["parts"])
    keys = {p["key"] for p in exposure["parts"]}
    assert keys == {
        "public_photos",
        "indexable_profile_pictures",
        "gps",
        "captions",
        "recent",
        "platforms",
    }
    shared = [f for f in document["findings"] if f["platform"]]
    assert len(shared) == len(document["findings"]) - 1  # the one on the persona's computer
    assert score_of_findings(shared).as_dict() == exposure


def _sentences(value: Any) -> list[str]:
    """Every string with a space in a JSON document: names, captions, messages."""
    if isinstance(value, dict):
        return [s for v in value.values() for s in _sentences(v)]
    if isinstance(value, list):
        return [s for v in value for s in _sentences(v)]
    return [value] if isinstance(value, str) and " " in value else []


def _members(source: Path) -> dict[str, bytes]:
    if source.is_dir():
        return {
            str(p.relative_to(source)): p.read_bytes() for p in source.rglob("*") if p.is_file()
        }
    with zipfile.ZipFile(source) as archive:
        return {n: archive.read(n) for n in archive.namelist()}


def test_accounts_and_captions_say_they_are_invented(tmp_path: Path) -> None:
    demo = write_demo(tmp_path / "sample")
    said = []
    for source in demo.sources:
        for name, data in _members(source).items():
            if name.endswith(".json"):
                said += [s for s in _sentences(json.loads(data)) if s != "Profile pictures"]
            elif name.endswith((".txt", ".html")):
                said.append(data.decode())
    assert len(said) >= 10
    for text in said:
        assert "invented" in text, f"{text!r} does not say it is invented"
    assert "invented" in (demo.root / "README.txt").read_text(encoding="utf-8")


def test_the_story_counts_back_from_the_day_it_is_made(tmp_path: Path) -> None:
    demo = write_demo(tmp_path / "sample", today=date(2030, 6, 1))
    with zipfile.ZipFile(demo.sources[1]) as archive:
        posts = json.loads(archive.read("your_instagram_activity/media/posts_1.json"))
    stamp = posts[0]["creation_timestamp"]
    assert date.fromtimestamp(stamp).isoformat().startswith("2030-05")  # 12 days before


def test_it_refuses_a_folder_that_holds_files(tmp_path: Path) -> None:
    (tmp_path / "mine.txt").write_text("keep me")
    with pytest.raises(EnvironmentProblem, match="not an empty folder"):
        write_demo(tmp_path)
    assert (tmp_path / "mine.txt").read_text() == "keep me"


def test_the_demo_command_writes_and_prints_the_scan_command(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(["demo", "--out", str(tmp_path / "d")]) == 0
    out = capsys.readouterr().out
    assert "exposure-audit scan" in out
    assert "invented" in out
    assert len(list((tmp_path / "d" / "selfies").iterdir())) == 2
    assert run(["demo", "--out", str(tmp_path / "d")]) == 3  # not empty any more
