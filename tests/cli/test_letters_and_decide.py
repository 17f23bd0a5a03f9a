"""Command line: decide, platform names for controllers, face-search letters, complaint routing."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from exposure_audit.audit.store import Audit
from exposure_audit.cli.main import run
from exposure_audit.i18n.formats import format_date
from tests.support.actionkit import copy_of


@pytest.fixture
def audit_path(platform_audit: Path, tmp_path: Path) -> Path:
    path = copy_of(platform_audit, tmp_path)
    code = run(["identity", "--audit", str(path), "--name", "Jane Doe", "--address", "Main St 1",
                "--address", "10115 Berlin", "--address", "Germany", "--email", "jane@example.org",
                "--suggest"])  # fmt: skip
    assert code == 0
    return path


def _decisions(path: Path) -> dict[str, str | None]:
    with Audit.open(path) as audit:
        return {row.location: row.decision for row in audit.findings()}


def test_decide_by_location_and_all(audit_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    audit = ["--audit", str(audit_path)]
    before = _decisions(audit_path)
    undecided = [place for place, decision in before.items() if decision is None]
    assert undecided, "the fixture keeps the folder photo undecided"
    assert run(["decide", *audit, "--me", undecided[0]]) == 0
    assert "1 face now marked as you" in capsys.readouterr().out
    assert _decisions(audit_path)[undecided[0]] == "me"
    assert run(["decide", *audit, "--not-me", "--all"]) == 0
    assert set(_decisions(audit_path).values()) == {"not_me"}
    assert run(["decide", *audit, "--undecided", "--all"]) == 0
    assert set(_decisions(audit_path).values()) == {None}


def test_decide_refuses_unknown_places_and_missing_targets(
    audit_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    audit = ["--audit", str(audit_path)]
    assert run(["decide", *audit, "--me", "no/such/photo.jpg"]) == 2
    assert "no finding at no/such/photo.jpg" in capsys.readouterr().err
    assert run(["decide", *audit, "--me"]) == 2
    assert "--all" in capsys.readouterr().err


@pytest.mark.parametrize("name", ["facebook", "instagram", "Meta", "fb"])
def test_controller_by_platform_name(audit_path: Path, tmp_path: Path, name: str) -> None:
    out = tmp_path / "l.txt"
    assert run(["letter", "--audit", str(audit_path), "--controller", name, "--out", str(out)]) == 0
    assert "Meta Platforms Ireland Limited" in out.read_text(encoding="utf-8")


def test_twitter_means_x(audit_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "l.txt"
    assert (
        run(["letter", "--audit", str(audit_path), "--controller", "twitter", "--out", str(out)])
        == 0
    )
    assert "Twitter International Unlimited Company" in out.read_text(encoding="utf-8")


def test_face_search_letter_from_the_command_line(audit_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "clearview.txt"
    args = ["letter", "--audit", str(audit_path), "--controller", "clearview",
            "--type", "access,erasure,objection", "--lang", "de", "--out", str(out)]  # fmt: skip
    assert run(args) == 0
    text = out.read_text(encoding="utf-8")
    assert "Art. 3 Abs. 2 lit. b DSGVO" in text
    assert "jdoe" not in text  # the Facebook username found in the export stays out
    assert "Ich füge kein Foto von mir bei" in text
    assert run([*args, "--photo"]) == 0
    assert "ausschließlich damit Sie nach meinen Daten suchen" in out.read_text(encoding="utf-8")


def test_complaint_routed_by_address_with_country_override(
    audit_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    audit = ["--audit", str(audit_path)]
    assert run(["letter", *audit, "--controller", "meta", "--type", "erasure", "--record",
                "--date", "2027-01-29", "--out", str(tmp_path / "l.pdf")]) == 0  # fmt: skip
    out = tmp_path / "complaint.txt"
    assert run(["letter", *audit, "--type", "complaint", "--request", "1", "--date", "2027-04-01",
                "--out", str(out)]) == 0  # fmt: skip
    text = out.read_text(encoding="utf-8")
    assert text.startswith("Jane Doe")
    assert "Berliner Beauftragte für Datenschutz und Informationsfreiheit" in text
    assert "Beschwerde" in text  # the Berlin authority's language
    assert run(["letter", *audit, "--type", "complaint", "--request", "1", "--country", "IE",
                "--lang", "en", "--out", str(out)]) == 0  # fmt: skip
    assert "Data Protection Commission" in out.read_text(encoding="utf-8")


def test_complaint_asks_for_the_country_when_the_address_is_unclear(
    audit_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    audit = ["--audit", str(audit_path)]
    assert run(["identity", *audit, "--address", "Somewhere 1"]) == 0
    assert run(["letter", *audit, "--controller", "meta", "--record", "--date", "2027-01-29",
                "--out", str(tmp_path / "l.pdf")]) == 0  # fmt: skip
    capsys.readouterr()
    code = run(["letter", *audit, "--type", "complaint", "--request", "1",
                "--out", str(tmp_path / "c.txt")])  # fmt: skip
    assert code == 2
    assert "--country" in capsys.readouterr().err


def test_ccpa_warns_outside_california(
    audit_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["letter", "--audit", str(audit_path), "--controller", "meta", "--jurisdiction", "CCPA",
            "--out", str(tmp_path / "l.txt")]  # fmt: skip
    assert run(args) == 0
    assert "not in California" in capsys.readouterr().err


def test_uk_complaint_first_to_the_controller_then_the_ico(
    audit_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    audit = ["--audit", str(audit_path)]
    assert run(["letter", *audit, "--controller", "meta", "--jurisdiction", "UK", "--record",
                "--date", "2027-01-29", "--out", str(tmp_path / "l.pdf")]) == 0  # fmt: skip
    first = tmp_path / "first.txt"
    assert run(["letter", *audit, "--type", "complaint", "--request", "1", "--date", "2027-03-20",
                "--record", "--out", str(first)]) == 0  # fmt: skip
    assert "section 164A" in first.read_text(encoding="utf-8")
    second = tmp_path / "second.txt"
    assert run(["letter", *audit, "--type", "complaint", "--request", "1", "--date", "2027-05-20",
                "--out", str(second)]) == 0  # fmt: skip
    text = second.read_text(encoding="utf-8")
    assert "Information Commissioner’s Office" in text.split("Dear")[0]
    assert "20 March 2027" in text  # the complaint to the controller, with its date


def test_posted_letter_states_receipt_and_matches_the_tracker(
    audit_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "posted.txt"
    assert run(["letter", "--audit", str(audit_path), "--controller", "meta", "--channel", "post",
                "--date", "2027-01-29", "--record", "--out", str(out)]) == 0  # fmt: skip
    printed = capsys.readouterr().out
    text = out.read_text(encoding="utf-8")
    due = printed.split("answer due ")[1].split()[0]
    assert f"by {format_date(date.fromisoformat(due), 'en')}" in text
    reference = printed.split("(")[1].split(")")[0]
    assert f"Reference: {reference}" in text
    assert "electronically" not in text
