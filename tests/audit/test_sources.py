"""Sources: what the user added, the accounts their exports name, and media they only link to."""

from __future__ import annotations

from pathlib import Path

from exposure_audit.audit.store import Audit
from tests.support.recorded import record_photo


def test_a_source_added_twice_is_one_source(tmp_path: Path) -> None:
    with Audit.open(tmp_path / "a.audit") as audit:
        first = audit.add_source("/exports/facebook.zip", "archive")
        again = audit.add_source("/exports/facebook.zip", "export")
        other = audit.add_source("/photos", "folder")
        assert again == first
        assert [(s.id, s.path, s.kind) for s in audit.sources()] == [
            (first, "/exports/facebook.zip", "export"),
            (other, "/photos", "folder"),
        ]


def test_a_scan_notes_the_platform_and_count_of_a_source(tmp_path: Path) -> None:
    with Audit.open(tmp_path / "a.audit") as audit:
        source = audit.add_source("/exports/facebook.zip", "export")
        assert audit.exports_added_since("2000-01-01") == []  # not scanned yet
        audit.update_source(source, "facebook", 12)
        [row] = audit.sources()
        assert (row.platform, row.photo_count) == ("facebook", 12)
        assert row.last_scanned_at is not None
        assert [found.id for found, _added in audit.exports_added_since("2000-01-01")] == [source]
        assert audit.exports_added_since("2999-01-01") == []


def test_removing_a_source_removes_the_photos_found_only_there(tmp_path: Path) -> None:
    with Audit.open(tmp_path / "a.audit") as audit:
        first = audit.add_source("/exports/one", "folder")
        second = audit.add_source("/exports/two", "folder")
        record_photo(audit, first, "only-here.jpg", [0.3])
        record_photo(audit, first, "both.jpg", [0.4], sha256="ab" * 32)
        record_photo(audit, second, "both.jpg", [0.4], sha256="ab" * 32)
        audit.remove_source(first)
        assert [s.path for s in audit.sources()] == ["/exports/two"]
        assert [(f.source, f.location) for f in audit.findings()] == [("/exports/two", "both.jpg")]
        assert audit.stats()["photos"] == 1


def test_accounts_are_those_the_exports_named(tmp_path: Path) -> None:
    with Audit.open(tmp_path / "a.audit") as audit:
        facebook = audit.add_source("/exports/facebook.zip", "export")
        audit.add_source("/photos", "folder")
        instagram = audit.add_source("/exports/instagram.zip", "export")
        audit.set_source_account(instagram, "instagram", {"username": "jane.doe"})
        audit.set_source_account(facebook, "facebook", {"name": "Jane Doe"})
        assert audit.accounts() == [
            {"platform": "facebook", "name": "Jane Doe"},
            {"platform": "instagram", "username": "jane.doe"},
        ]


def test_linked_media_are_kept_once_per_source_and_address(tmp_path: Path) -> None:
    with Audit.open(tmp_path / "a.audit") as audit:
        source = audit.add_source("/exports/x.zip", "export")
        row = ("x", "https://video.example/1.mp4", "2024-05-01", "video", "at the beach")
        audit.add_linked_media(source, [row])
        audit.add_linked_media(source, [row])
        assert audit.linked_media() == [
            {
                "platform": "x",
                "url": "https://video.example/1.mp4",
                "taken_at": "2024-05-01",
                "kind": "video",
                "description": "at the beach",
            }
        ]
        audit.remove_source(source)
        assert audit.linked_media() == []
