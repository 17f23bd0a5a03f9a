"""Audits written before audience bases were codes: their English sentences become codes."""

from __future__ import annotations

import json
import sqlite3

import pytest

from exposure_audit import i18n
from exposure_audit.audit import scans
from exposure_audit.audit.schema_check import statements
from exposure_audit.audit.store import MIGRATIONS, Audit
from exposure_audit.vocabulary import AudienceBasis, audience_basis_text

# What the version before codes stored, verbatim, and the code each becomes.
OLD_BASES = {
    "fb.jpg": ("the Facebook export does not record who could see this", "facebook_unrecorded"),
    "tg.jpg": ("sent in a private Telegram chat (personal chat)", "telegram_private_chat"),
    "ch.jpg": ("posted in a public Telegram channel", "telegram_public_channel"),
    "web.jpg": ("fetched from the open web without logging in", "open_web"),
    "page.jpg": (
        "saved copy of a web page; the page itself does not say who could open it",
        "web_page_saved",
    ),
    "odd.jpg": ("something an even older version said", "something an even older version said"),
}


@pytest.fixture(scope="module")
def bases(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    path = tmp_path_factory.mktemp("old") / "old.audit"
    before = MIGRATIONS.index(scans.SCHEMA_6)
    db = sqlite3.connect(path)
    for script in MIGRATIONS[:before]:
        for statement in statements(script):
            db.execute(statement)
    db.execute(f"PRAGMA user_version = {before}")
    db.execute(
        "INSERT INTO sources(id, path, kind, platform, added_at) VALUES (1, '/x', 'export',"
        " 'facebook', '2026-01-01T00:00:00+00:00')"
    )
    for name, (sentence, _code) in OLD_BASES.items():
        context = {"platform": "facebook", "audience": "unknown", "audience_basis": sentence}
        db.execute(
            "INSERT INTO locations(source_id, location, fingerprint, status, context)"
            " VALUES (1, ?, 'f', 'image', ?)",
            (name, json.dumps(context)),
        )
    db.commit()
    db.close()
    path.chmod(0o600)
    with Audit.open(path) as audit:
        rows = audit.db.execute("SELECT location, context FROM locations").fetchall()
    return {name: json.loads(context)["audience_basis"] for name, context in rows}


def test_every_old_sentence_becomes_its_code(bases: dict[str, str]) -> None:
    assert bases == {name: code for name, (_sentence, code) in OLD_BASES.items()}


def test_each_frozen_sentence_has_a_code_this_version_knows() -> None:
    for _sentence, code in scans.OLD_AUDIENCE_BASES:
        AudienceBasis(code)


def test_a_migrated_basis_shows_in_dutch_and_an_unknown_text_as_it_is(
    bases: dict[str, str],
) -> None:
    i18n.set_language("nl")
    try:
        assert audience_basis_text(bases["fb.jpg"]) == (
            "de Facebook-export legt niet vast wie dit kon zien"
        )
        assert audience_basis_text(bases["odd.jpg"]) == "something an even older version said"
    finally:
        i18n.set_language("en")
