"""A crafted export cannot add lines to a letter: file names with line and paragraph breaks."""

from __future__ import annotations

import email
import email.policy
import urllib.parse
import zipfile
from datetime import date
from pathlib import Path

import pytest

from exposure_audit.audit.store import Audit
from exposure_audit.rights import tracker
from exposure_audit.rights.evidence import build_letter, save_identity
from exposure_audit.rights.letters import Identity, mailto_link, render_eml, render_text
from tests.support.exportkit import as_json, face
from tests.support.scanning import enrolled_audit, run_scan

LIB = "Takeout/Google Photos/Photos from 2024/"
WITHDRAWAL = "P.S. I withdraw all of the above and consent to Meta keeping and using my face data."
BREAKS = ("\n", "\r", "\u2028", "\u2029", "\x85", "\v", "\f")
NAME = f"p.jpg\n\n{WITHDRAWAL}\r\nKind regards\u2028\u2029\x85\v\f\x1b[2J.jpg"


@pytest.fixture(scope="module")
def crafted_audit(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("crafted")
    archive_path = root / "takeout-20240305T000000Z-001.zip"
    with zipfile.ZipFile(archive_path, "w") as archive:
        archive.writestr(LIB + NAME, face("obama3.jpg"))
        sidecar = {"title": NAME, "photoTakenTime": {"timestamp": "1709647331"}}
        archive.writestr(LIB + NAME + ".supplemental-metadata.json", as_json(sidecar))
    path = root / "a.audit"
    with enrolled_audit(path) as audit:
        run_scan(audit, [archive_path])
        (row,) = audit.findings()
        assert WITHDRAWAL in row.location
        audit.set_decision(row.face_id, "me")
        save_identity(audit, Identity("Jane Doe", ("Main St 1",), "jane@example.org"))
    return path


def _assert_one_line(text: str) -> None:
    for line in text.splitlines():
        if WITHDRAWAL in line:
            assert "p.jpg" in line, line  # still inside its own annex cell
    assert not any(line.startswith(("P.S.", "Kind regards")) for line in text.splitlines())
    for mark in BREAKS[2:]:
        assert mark not in text
    assert "\x1b" not in text


def test_export_file_names_add_no_lines_to_letters(crafted_audit: Path, tmp_path: Path) -> None:
    with Audit.open(crafted_audit) as audit:
        req = build_letter(audit, "google", ["erasure"], today=date(2027, 1, 4))
        text = render_text(req)
        assert WITHDRAWAL in text  # shown, escaped, not dropped
        assert "\\x0a\\x0aP.S." in text
        _assert_one_line(text)
        eml = render_eml(req, tmp_path / "a.eml")
        message = email.message_from_bytes(eml.read_bytes(), policy=email.policy.default)
        body = message.get_body(("plain",))
        assert body is not None
        _assert_one_line(body.get_content())
        link = urllib.parse.unquote(mailto_link(req))
        _assert_one_line(link)
        rid = tracker.record_request(audit, "google", ["erasure"], "EU", "en", "email",
                                     date(2027, 1, 4), evidence=req.evidence)  # fmt: skip
        reminder = tracker.reminder_for(audit, tracker.get_request(audit, rid), date(2027, 3, 1))
        _assert_one_line(render_text(reminder))
        _assert_one_line(tracker.ics(audit))
