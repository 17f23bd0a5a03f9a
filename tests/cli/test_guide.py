"""How to get your data: one guide per platform the app reads, on the command line too."""

from __future__ import annotations

import pytest

from exposure_audit.cli.main import run
from exposure_audit.guide import GUIDES, guide_text, platform_guide

PLATFORMS = (
    "Facebook", "Instagram", "Google", "X", "TikTok", "Snapchat", "WhatsApp", "LinkedIn",
    "iCloud", "Telegram",
)  # fmt: skip


@pytest.mark.parametrize("name", PLATFORMS)
def test_every_platform_has_steps_a_link_options_and_a_delay(name: str) -> None:
    guide = platform_guide(name)
    assert guide is not None, name
    assert guide.link.startswith("https://")
    assert len(guide.steps) >= 3
    assert guide.choose
    assert guide.delay
    assert guide.usually
    assert guide.photos


@pytest.mark.parametrize(
    ("alias", "key"),
    [("twitter", "x"), ("Takeout", "google"), ("FB", "facebook"), ("apple", "icloud")],
)
def test_aliases(alias: str, key: str) -> None:
    found = platform_guide(alias)
    assert found is not None
    assert found.key == key


def test_meta_exports_ask_for_json_and_high_quality() -> None:
    for key in ("facebook", "instagram"):
        guide = platform_guide(key)
        assert guide is not None
        assert "Format: JSON" in guide.choose
        assert "Media quality: High" in guide.choose
        assert "All time" in " ".join(guide.choose)


def test_guide_command_prints_one_platform(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["guide", "instagram"]) == 0
    out = capsys.readouterr().out
    guide = platform_guide("instagram")
    assert guide is not None
    assert out.strip() == guide_text(guide)
    assert guide.link in out
    assert "Media quality: High" in out
    assert "How long:" in out


def test_guide_command_lists_every_platform(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["guide"]) == 0
    out = capsys.readouterr().out
    for guide in GUIDES:
        assert guide.key in out
        assert guide.usually in out


def test_unknown_platform_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["guide", "myspace"]) == 2
    err = capsys.readouterr().err
    assert "myspace" in err
    assert "facebook" in err
