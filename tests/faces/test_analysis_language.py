"""A worker writes a scan's messages in the language the scan was started in."""

from __future__ import annotations

import numpy as np
import pytest

from exposure_audit import i18n
from exposure_audit.faces.analysis import AnalysisSettings, Task, run_task


@pytest.fixture
def english():
    i18n.set_language("en")
    yield
    i18n.set_language("en")


@pytest.mark.parametrize("language", ["nl", "de", "fr"])
def test_an_unreadable_photo_is_reported_in_the_scans_language(english, language):
    broken = b"\xff\xd8\xff\xe0" + b"\x00" * 64  # a JPEG's start and nothing after it
    refs = np.zeros((1, 128))
    in_english = run_task(Task("a", broken), refs, AnalysisSettings()).error
    in_language = run_task(Task("a", broken), refs, AnalysisSettings(language=language)).error
    assert in_english
    assert in_language
    assert in_language != in_english
    assert i18n.language() == language
