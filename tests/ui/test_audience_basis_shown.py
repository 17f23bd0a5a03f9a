"""A finding's audience row says why in the language in force, never in stored English."""

from __future__ import annotations

import html

import pytest

from exposure_audit import i18n
from exposure_audit.audit.findings import FindingRow
from exposure_audit.exports.facebook import audience_for
from exposure_audit.i18n import translated
from exposure_audit.vocabulary import LABELS, AudienceBasis, Band, PhotoKind
from ui.pages.findings.details import context_html


def row_with(context: dict) -> FindingRow:
    return FindingRow(
        face_id=1,
        item_id=1,
        sha256="a" * 64,
        source="/exports/facebook",
        location="/exports/facebook/photos/1.jpg",
        distance=0.3,
        band=Band.LIKELY,
        box=(10, 60, 60, 10),
        decision=None,
        format="JPEG",
        width=100,
        height=100,
        context=context,
    )


@pytest.fixture
def dutch():
    i18n.set_language("nl")
    yield
    i18n.set_language("en")


def test_the_facebook_unknown_audience_reads_dutch(dutch) -> None:
    audience, basis = audience_for(PhotoKind.POST)
    shown = context_html(
        row_with({"platform": "facebook", "audience": audience, "audience_basis": basis}), 0.5
    )
    assert html.escape("de Facebook-export legt niet vast wie dit kon zien") in shown
    assert "does not record" not in shown


def test_no_basis_shows_its_english_words_in_dutch(dutch) -> None:
    for basis in AudienceBasis:
        english = LABELS[AudienceBasis][basis]
        dutch_words = translated(english)
        assert dutch_words != english, basis
        shown = context_html(row_with({"audience": "public", "audience_basis": basis}), 0.5)
        assert html.escape(dutch_words) in shown, basis
        assert html.escape(english) not in shown, basis
