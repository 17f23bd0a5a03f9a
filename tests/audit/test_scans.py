"""What scans record: photos, their faces and places, runs and their problems.

Audits written before audience bases were codes: their English sentences become codes.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from exposure_audit import i18n
from exposure_audit.audit import scans
from exposure_audit.audit.schema_check import statements
from exposure_audit.audit.store import MIGRATIONS, Audit, ItemRecord, LocationRecord
from exposure_audit.vocabulary import AudienceBasis, Decision, audience_basis_text
from tests.support.recorded import face_box, record_photo


def test_a_photo_found_twice_is_one_photo_with_two_places(tmp_path: Path) -> None:
    with Audit.open(tmp_path / "a.audit") as audit:
        first = audit.add_source("/exports/one", "folder")
        second = audit.add_source("/exports/two", "folder")
        item = record_photo(audit, first, "a.jpg", [0.3, 0.9], sha256="ab" * 32)
        again = record_photo(audit, second, "copy.jpg", [0.3, 0.9], sha256="ab" * 32)
        assert again == item
        assert audit.locations_of(item) == [("/exports/one", "a.jpg"), ("/exports/two", "copy.jpg")]
        assert [(box, distance) for _id, box, distance in audit.faces_of(item)] == [
            (face_box(0), 0.3),
            (face_box(1), 0.9),
        ]
        assert audit.hashes_in_source(second) == {"ab" * 32}
        assert audit.stats()["photos"] == 1
        assert audit.stats()["locations"] == 2


def test_a_photo_analysed_again_keeps_its_faces_and_their_decisions(tmp_path: Path) -> None:
    with Audit.open(tmp_path / "a.audit") as audit:
        source = audit.add_source("/exports/one", "folder")
        item = record_photo(audit, source, "a.jpg", [0.5, 0.9])
        face_ids = [face_id for face_id, _box, _distance in audit.faces_of(item)]
        audit.set_decision(face_ids[0], Decision.ME)
        record_photo(audit, source, "a.jpg", [0.4])  # new references: the second face is gone
        [(face_id, _box, distance)] = audit.faces_of(item)
        assert (face_id, distance) == (face_ids[0], 0.4)
        assert [f.decision for f in audit.findings()] == [Decision.ME]


def test_a_complete_scan_forgets_places_it_did_not_see_and_their_photos(tmp_path: Path) -> None:
    with Audit.open(tmp_path / "a.audit") as audit:
        source = audit.add_source("/exports/one", "folder")
        kept = record_photo(audit, source, "kept.jpg", [0.3])
        record_photo(audit, source, "deleted.jpg", [0.3])
        run = audit.start_run()
        audit.mark_seen(run, source, {"kept.jpg": None})
        assert audit.forget_unseen(source, run) == 1
        assert set(audit.known_locations(source, audit.references_key())) == {"kept.jpg"}
        assert [f.item_id for f in audit.findings()] == [kept]
        assert audit.stats()["photos"] == 1


def test_a_known_photo_stands_only_for_the_references_it_was_analysed_with(
    tmp_path: Path,
) -> None:
    with Audit.open(tmp_path / "a.audit") as audit:
        source = audit.add_source("/exports/one", "folder")
        item = record_photo(audit, source, "a.jpg", [0.3], sha256="ab" * 32)
        known = audit.known_locations(source, audit.references_key())["a.jpg"]
        assert (known.item_id, known.item_current) == (item, True)
        assert audit.item_for_hash("ab" * 32, audit.references_key()) == (item, True)
        assert audit.item_for_hash("ab" * 32, "other selfies") == (item, False)
        assert audit.item_for_hash("cd" * 32, audit.references_key()) is None


def test_problems_are_those_of_the_newest_run_unless_one_is_named(tmp_path: Path) -> None:
    with Audit.open(tmp_path / "a.audit") as audit:
        source = audit.add_source("/exports/one", "folder")
        earlier = audit.start_run()
        audit.add_problem(earlier, source, "broken.zip", "not a zip")
        audit.finish_run(earlier, "finished", 3, 2, 1)
        later = audit.start_run()
        audit.add_problem(later, None, "elsewhere.jpg", "cannot read")
        assert audit.problems() == [("", "elsewhere.jpg", "cannot read")]
        assert audit.problems(earlier) == [("/exports/one", "broken.zip", "not a zip")]


def test_a_photo_that_could_not_be_read_counts_as_unreadable(tmp_path: Path) -> None:
    with Audit.open(tmp_path / "a.audit") as audit:
        source = audit.add_source("/exports/one", "folder")
        run = audit.start_run()
        record_photo(audit, source, "a.jpg", [0.3], run_id=run)
        broken = ItemRecord("ef" * 32, 10, "error", audit.references_key(), "hog", error="cut")
        audit.record_item(broken, [LocationRecord(source, "b.jpg", "f", "image", run)])
        stats = audit.stats()
        assert (stats["photos"], stats["unreadable"], stats["faces"]) == (1, 1, 1)
        assert audit.known_locations(source, audit.references_key())["b.jpg"].error == "cut"


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
