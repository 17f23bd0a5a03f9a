"""Letters state only what the audit or the person established (legal review, round three).

One test per defect, each in every language, with the text the letter must and must not hold.
"""

from __future__ import annotations

import shutil
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from exposure_audit.audit.store import Audit
from exposure_audit.rights import tracker
from exposure_audit.rights.controllers import authority_for_country, load_controllers
from exposure_audit.rights.evidence import build_letter, save_identity
from exposure_audit.rights.letters import (
    LANGUAGES,
    EvidenceRow,
    Identity,
    LetterRequest,
    render_text,
)
from tests.support.exportkit import build_export
from tests.support.scanning import enrolled_audit, run_scan

BERLIN = Identity(
    "Alex Exämple",
    ("Hauptstraße 1", "10115 Berlin", "Germany"),
    "alex@example.org",
    {"Facebook user id": "100012345", "Instagram username": "alex.ex"},
)
CONTROLLERS = load_controllers()
EVIDENCE = (
    EvidenceRow("Facebook", "https://www.facebook.com/photo/?fbid=1", "posts/a.jpg",
                "2016-03-05", "a" * 64),
)  # fmt: skip


def letter(slug: str, types: set[str], language: str = "en", **extra: object) -> LetterRequest:
    values: dict[str, object] = {
        "types": frozenset(types),
        "controller": CONTROLLERS[slug],
        "identity": BERLIN,
        "language": language,
        "evidence": EVIDENCE,
        "reference": "EA-2028-004",
        "letter_date": date(2028, 1, 31),
    }
    values.update(extra)
    return LetterRequest(**values)  # type: ignore[arg-type]


# -- 1. a deletion check judges only the platform exported again ------------------------------


@pytest.fixture(scope="module")
def facebook_audit(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("fb")
    path = root / "fb.audit"
    audit = enrolled_audit(path)
    try:
        (root / "first").mkdir()
        run_scan(audit, build_export("facebook_2024", root / "first").paths)
        for row in audit.findings():
            if row.context.get("platform"):
                audit.set_decision(row.face_id, "me")
        save_identity(audit, BERLIN)
    finally:
        audit.close()
    return path


@pytest.fixture
def fb_audit(facebook_audit: Path, tmp_path: Path) -> Audit:
    copy = tmp_path / "copy.audit"
    shutil.copyfile(facebook_audit, copy)
    opened = Audit.open(copy)
    yield opened  # type: ignore[misc]
    opened.close()


def _erasure_with_an_instagram_copy(audit: Audit) -> tracker.TrackedRequest:
    """An erasure request to Meta naming Facebook photos and an Instagram copy of one of them."""
    facebook = build_letter(audit, "meta", ["erasure"], today=date(2026, 1, 6)).evidence
    assert facebook
    copy = EvidenceRow("Instagram", "profile.jpg", "media/profile/profile.jpg", "2020-01-01",
                       facebook[0].sha256)  # fmt: skip
    rid = tracker.record_request(audit, "meta", ["erasure"], "EU", "en", "email",
                                 date(2026, 1, 6), evidence=(*facebook, copy))  # fmt: skip
    return tracker.get_request(audit, rid)


def _newer_facebook_export(folder: Path, drop: str | None) -> list[Path]:
    folder.mkdir()
    built = build_export("facebook_2024", folder, form="dir")
    if drop:
        (victim,) = [p for p in folder.rglob("*") if p.name == drop]
        victim.unlink()
    return built.paths


REMAINING_WORDS = {
    "en": "still contains",
    "de": "enthält er noch",
    "nl": "bevat deze nog",
    "fr": "contient encore",
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_newer_facebook_export_says_nothing_about_instagram(
    fb_audit: Audit, tmp_path: Path, language: str
) -> None:
    req = _erasure_with_an_instagram_copy(fb_audit)
    run_scan(fb_audit, _newer_facebook_export(tmp_path / "later", None))
    check = tracker.deletion_check(fb_audit, req)
    assert check is not None
    assert check.platforms == ("Facebook",)
    assert [r.platform for r in check.remaining] == ["Facebook"]
    assert [r.platform for r in check.unchecked] == ["Instagram"]
    assert not check.gone
    text = render_text(tracker.reminder_for(fb_audit, req, date(2026, 3, 1), language))
    body, annex = text.split("\n#")  # the annex table starts with its "#" column
    assert REMAINING_WORDS[language] in body
    assert "Facebook" in body
    assert "Instagram" not in body  # no Instagram export was checked
    assert "profile.jpg" not in body
    assert str(check.checked_on) in body
    for wrong in ("downloaded", "heruntergeladen", "gedownload", "téléchargé"):
        assert wrong not in text
    assert "Instagram" in annex  # the request's own annex is repeated as sent


def test_a_removed_facebook_photo_is_gone_and_instagram_unchecked(
    fb_audit: Audit, tmp_path: Path
) -> None:
    req = _erasure_with_an_instagram_copy(fb_audit)
    dropped = req.evidence[0].location.rsplit("/", 1)[-1]
    run_scan(fb_audit, _newer_facebook_export(tmp_path / "later", dropped))
    check = tracker.deletion_check(fb_audit, req)
    assert check is not None
    assert [r.platform for r in check.gone] == ["Facebook"]
    assert not check.remaining
    assert [r.platform for r in check.unchecked] == ["Instagram"]
    text = render_text(tracker.reminder_for(fb_audit, req, date(2026, 3, 1)))
    assert "still contains" not in text
    status = next(s for s in tracker.list_requests(fb_audit) if s.request.id == req.id)
    assert status.deletion == check
