"""The Overview's next steps point to clean copies when photos carry GPS or show other people."""

from __future__ import annotations

from exposure_audit.report.next_steps import CLEAN_COPY, next_steps


def _texts(context: dict[str, object]) -> list[str]:
    (steps,) = next_steps([({"platform": "Instagram", "audience": "public", **context}, "high")])
    return [action.text for action in steps.actions]


def test_photos_with_gps_or_other_people_point_to_a_clean_copy() -> None:
    assert CLEAN_COPY in _texts({"latitude": 52.37, "longitude": 4.89})
    assert CLEAN_COPY in _texts({"people": ["Sam"]})


def test_other_photos_do_not() -> None:
    assert CLEAN_COPY not in _texts({})
