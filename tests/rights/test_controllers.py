"""Bundled controllers and supervisory authorities."""

from __future__ import annotations

import re

import pytest

from exposure_audit.errors import UserMistake
from exposure_audit.rights.controllers import (
    REGIONS,
    authority_for_country,
    controller_for_platform,
    load_authorities,
    load_controllers,
)
from exposure_audit.rights.letters.residence import EU_EEA

REQUIRED = (
    "meta",
    "google",
    "x",
    "linkedin",
    "tiktok",
    "snap",
    "microsoft",
    "apple",
    "clearview-ai",
    "pimeyes",
)


def test_required_controllers_present_with_every_region() -> None:
    controllers = load_controllers()
    for slug in REQUIRED:
        controller = controllers[slug]
        for region in REGIONS:
            entity = controller.entity(region)
            assert entity.name
            assert entity.address or not entity.verified, (slug, region)
            assert entity.email or entity.webform, (slug, region)
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", controller.last_verified)
        assert controller.sources


@pytest.mark.parametrize(
    ("platform", "region", "entity"),
    [
        ("facebook", "EEA", "Meta Platforms Ireland Limited"),
        ("instagram", "EEA", "Meta Platforms Ireland Limited"),
        ("facebook", "US", "Meta Platforms, Inc."),
        ("google", "EEA", "Google Ireland Limited"),
        ("google", "UK", "Google LLC"),
        ("x", "EEA", "Twitter International Unlimited Company"),
        ("Twitter", "EEA", "Twitter International Unlimited Company"),
        ("linkedin", "EEA", "LinkedIn Ireland Unlimited Company"),
        ("tiktok", "UK", "TikTok Information Technologies UK Limited"),
        ("snapchat", "EEA", "Snap Inc."),
        ("microsoft", "EEA", "Microsoft Corporation"),
        ("apple", "EEA", "Apple Distribution International Ltd."),
        ("whatsapp", "EEA", "WhatsApp Ireland Limited"),
        ("telegram", "EEA", "Telegram Messenger Inc."),
        ("discord", "EEA", "Discord Netherlands BV"),
    ],
)
def test_platform_maps_to_region_entity(platform: str, region: str, entity: str) -> None:
    controller = controller_for_platform(platform, region)
    assert controller is not None
    assert controller.entity(region).name == entity


def test_unknown_platform_and_region() -> None:
    assert controller_for_platform("myspace", "EEA") is None
    with pytest.raises(UserMistake, match="region"):
        controller_for_platform("facebook", "EU")


def test_platforms_claimed_once() -> None:
    seen: dict[str, str] = {}
    for controller in load_controllers().values():
        for platform in controller.platforms:
            assert platform not in seen, (platform, seen.get(platform), controller.slug)
            seen[platform] = controller.slug


def test_lead_authorities_exist() -> None:
    authorities = load_authorities()
    for controller in load_controllers().values():
        if controller.lead_authority:
            assert controller.lead_authority in authorities


def test_authorities_cover_eea_and_uk() -> None:
    authorities = load_authorities()
    assert EU_EEA | {"GB"} <= set(authorities)
    assert len(EU_EEA) == 30  # the 27 member states, Iceland, Liechtenstein and Norway
    for authority in authorities.values():
        assert authority.name
        assert authority.address
        assert authority.email or authority.complaint_form


def test_authority_aliases() -> None:
    assert authority_for_country("uk").name.startswith("The Information Commissioner")
    assert authority_for_country("IE").name == "Data Protection Commission"
    assert authority_for_country("EL").country == "GR"
    with pytest.raises(UserMistake):
        authority_for_country("US")
