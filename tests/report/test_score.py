"""The exposure score: parts in words, bounded, and nothing for photos kept at home."""

from __future__ import annotations

from datetime import date
from typing import Any

from exposure_audit.score import Photo, exposure_score, score_of_findings

TODAY = date(2026, 11, 30)


def photo(sha: str, **context: Any) -> Photo:
    return Photo(sha, {"platform": "Instagram", **context})


def parts(score: Any) -> dict[str, int]:
    return {p.key: p.points for p in score.parts}


def test_nothing_found_scores_zero_and_says_so() -> None:
    score = exposure_score([], TODAY)
    assert score.score == 0
    assert all(p.points == 0 and p.explanation for p in score.parts)
    assert score.biggest() == []


def test_a_photo_only_on_your_own_computer_adds_nothing() -> None:
    at_home = [
        Photo("a", {"platform": None, "kind": "profile_picture", "latitude": 1.0, "longitude": 2.0,
                    "caption": "me", "uploaded_at": "2026-11-01"}),
        Photo("b", {"platform": "Files", "audience": "public", "people": ["me"]}),
    ]  # fmt: skip
    assert exposure_score(at_home, TODAY).score == 0


def test_each_part_counts_distinct_photos_up_to_its_full_count() -> None:
    same_everywhere = [
        photo("p", kind="profile_picture", audience="public"),
        Photo("p", {"platform": "Facebook", "kind": "profile_picture", "audience": "public"}),
    ]
    score = exposure_score(same_everywhere, TODAY)
    assert parts(score)["public_photos"] == 6  # one photo of five: 30 * 1/5
    assert parts(score)["indexable_profile_pictures"] == 10  # one of two: 20 * 1/2
    assert parts(score)["platforms"] == 5  # two of four: 10 * 2/4


def test_gps_captions_and_recency_count_shared_photos_only() -> None:
    shared = photo("s", audience="friends", latitude=1.0, longitude=2.0, caption="x",
                   uploaded_at="2026-10-01T10:00:00+00:00")  # fmt: skip
    private = Photo("q", {"platform": "Google Photos", "audience": "private", "latitude": 1.0,
                          "longitude": 2.0, "caption": "y", "taken_at": "2026-10-01"})  # fmt: skip
    old = photo("o", audience="friends", uploaded_at="2020-01-01")
    score = exposure_score([shared, private, old], TODAY)
    assert parts(score)["gps"] == 5
    assert parts(score)["captions"] == 5
    assert parts(score)["recent"] == 3  # 10 * 1/3
    chat = photo("m", kind="message_attachment", audience="private", caption="look")
    assert parts(exposure_score([chat], TODAY))["captions"] == 5  # the chat saw it


def test_the_score_is_the_sum_of_its_parts_and_never_above_100() -> None:
    many = [
        photo(str(n), kind="profile_picture", audience="public", latitude=1.0, longitude=1.0,
              caption="c", uploaded_at="2026-11-01", platform=f"P{n % 5}")
        for n in range(20)
    ]  # fmt: skip
    score = exposure_score(many, TODAY)
    assert score.score == 100 == sum(p.points for p in score.parts)
    assert [p.key for p in score.biggest()] == [
        "public_photos",
        "indexable_profile_pictures",
        "gps",
    ]


def test_faces_marked_not_me_are_left_out() -> None:
    rows = [
        {"sha256": "a", "decision": "not_me", "platform": "X", "audience": "public"},
        {"sha256": "b", "decision": None, "platform": "X", "audience": "friends"},
    ]
    document = score_of_findings(rows, TODAY).as_dict()
    assert document["parts"][0] == {
        "key": "public_photos", "label": "Public photos", "count": 0, "points": 0, "max": 30,
        "explanation": "0 photos of you anyone could see",
    }  # fmt: skip
