"""The audit's own settings: named values, and the match threshold checked as it is set."""

from __future__ import annotations

from pathlib import Path

import pytest

from exposure_audit.audit.store import Audit
from exposure_audit.errors import UserMistake


def test_threshold_is_checked_as_it_is_set(tmp_path: Path) -> None:
    with Audit.open(tmp_path / "a.audit") as audit:
        assert audit.threshold == pytest.approx(0.6)
        with pytest.raises(UserMistake, match="between"):
            audit.set_threshold(2.0)
        audit.set_threshold(0.5)
        assert audit.threshold == pytest.approx(0.5)


def test_the_threshold_is_kept_in_the_audit(tmp_path: Path) -> None:
    path = tmp_path / "a.audit"
    with Audit.open(path) as audit:
        audit.set_threshold(0.45)
    with Audit.open(path) as audit:
        assert audit.threshold == pytest.approx(0.45)
        assert audit.setting("threshold") == "0.45"


def test_a_setting_not_set_gives_the_default(tmp_path: Path) -> None:
    with Audit.open(tmp_path / "a.audit") as audit:
        assert audit.setting("example") is None
        assert audit.setting("example", "en") == "en"
        audit.set_setting("example", "one")
        audit.set_setting("example", "two")
        assert audit.setting("example", "en") == "two"
