"""Exposure levels follow the rule table, one test per rule."""

from __future__ import annotations

import pytest

from exposure_audit.exports.context import PhotoContext
from exposure_audit.exposure import LEVELS, RULES, exposure_level, level_heading
from exposure_audit.vocabulary import LEVEL_HEADINGS


@pytest.mark.parametrize(
    ("ctx", "level", "reason"),
    [
        (PhotoContext(kind="profile_picture"), "high", "profile pictures are visible to anyone"),
        (PhotoContext(kind="cover"), "high", "cover photos are visible to anyone"),
        (
            PhotoContext(kind="post", audience="public", audience_basis="x_posts_public"),
            "high",
            "anyone could see it (posts on X are public unless the account is protected)",
        ),
        (
            # A text an older version stored that has no code is shown as it is.
            PhotoContext(kind="post", audience="public", audience_basis="X posts are public"),
            "high",
            "anyone could see it (X posts are public)",
        ),
        (
            PhotoContext(kind="message_attachment", audience="private"),
            "low",
            "sent in a private message: only the people in that chat received it",
        ),
        (PhotoContext(kind="trashed"), "low", "hidden away in the bin or archive"),
        (PhotoContext(kind="library", audience="private"), "low", "only you could see it"),
        (
            PhotoContext(kind="post", audience="friends"),
            "medium",
            "friends or followers could see it",
        ),
        (PhotoContext(kind="web_page", audience="unknown"), "medium", "it was on a web page"),
        (PhotoContext(), "local", "found only in your own files: not shared from here"),
        (
            PhotoContext(platform="Files", kind="profile_picture"),
            "high",
            "profile pictures are visible to anyone",
        ),
        (PhotoContext(platform="Facebook"), "medium", "who could see it is not known"),
    ],
)
def test_base_rules(ctx: PhotoContext, level: str, reason: str) -> None:
    assert exposure_level(ctx) == (level, [reason])


def test_first_base_rule_wins() -> None:
    level, reasons = exposure_level(PhotoContext(kind="profile_picture", audience="private"))
    assert level == "high"
    assert reasons == ["profile pictures are visible to anyone"]


@pytest.mark.parametrize(
    ("audience", "raised"), [("unknown", "high"), ("friends", "high"), ("public", "high")]
)
def test_gps_raises_a_shared_photo(audience: str, raised: str) -> None:
    ctx = PhotoContext(platform="Facebook", audience=audience, latitude=1.0, longitude=2.0)
    level, reasons = exposure_level(ctx)
    assert level == raised
    assert reasons[-1] == "carries the exact place it was taken"


@pytest.mark.parametrize(
    ("ctx", "level"),
    [
        (PhotoContext(platform="Files", latitude=1.0, longitude=2.0), "local"),
        (PhotoContext(platform="Google", audience="private", latitude=1.0, longitude=2.0), "low"),
    ],
)
def test_gps_does_not_raise_what_nobody_else_sees(ctx: PhotoContext, level: str) -> None:
    got, reasons = exposure_level(ctx)
    assert got == level
    assert "carries the exact place it was taken" not in reasons


def test_phone_folder_photo_with_gps_is_local_and_says_so() -> None:
    level, reasons = exposure_level(PhotoContext(platform="Files", latitude=1.0, longitude=2.0))
    assert level == "local"
    assert reasons == [
        "found only in your own files: not shared from here",
        "carries the exact place it was taken, if it is shared",
    ]
    assert level_heading(level) == "On this computer, not shared"


def test_headings_agree_with_reasons() -> None:
    """No reason of a 'who knows' kind sits under a heading that claims anyone could see it."""
    unknown = exposure_level(PhotoContext(platform="X", latitude=1.0, longitude=2.0))
    assert unknown[0] == "high"
    assert "place" in level_heading("high")
    assert "not known" in level_heading("medium")
    assert set(LEVEL_HEADINGS) == set(LEVELS)


def test_notes_add_reasons_without_changing_level() -> None:
    ctx = PhotoContext(
        platform="Facebook",
        audience="friends",
        place="Café Einstein",
        caption="me!",
        people=("Kit", "Rose"),
    )
    level, reasons = exposure_level(ctx)
    assert level == "medium"
    assert reasons[1:] == [
        "names the place: Café Einstein",
        "has a caption that may identify you",
        "names the people in it: Kit, Rose",
    ]


def test_every_rule_is_in_the_docstring() -> None:
    import exposure_audit.exposure as module

    assert module.__doc__ is not None
    assert len([r for r in RULES if r.effect.startswith("base")]) == 10
    for rule in RULES:
        text = rule.reason(PhotoContext(place="P", people=("A",))).split(":")[0].split(" (")[0]
        assert text.split(" ")[0] in module.__doc__


def test_a_reason_gives_the_basis_in_dutch() -> None:
    from exposure_audit import i18n

    i18n.set_language("nl")
    try:
        ctx = PhotoContext(kind="post", audience="public", audience_basis="x_posts_public")
        _level, reasons = exposure_level(ctx)
        assert any(
            "berichten op X zijn openbaar, tenzij het account is afgeschermd" in r for r in reasons
        )
        assert not any("posts on X" in r for r in reasons)
    finally:
        i18n.set_language("en")
