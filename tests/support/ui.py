"""Helpers for the app tests: real faces in folders and zips, audits, synthetic findings."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QFileDialog

from exposure_audit.audit.store import Audit, FindingRow
from exposure_audit.rights.evidence import save_identity
from exposure_audit.rights.letters import Identity
from exposure_audit.scan.pipeline import Finished, ScanSettings, add_sources, scan
from tests.support.exportkit import build_export
from tests.support.scanning import my_selfie_reports

FACES = Path(__file__).resolve().parents[1] / "data" / "faces"


def pick_folder_when_asked(folder: Path, seen: list[str]) -> None:
    """Go to ``folder`` in the next file dialog and accept it, noting where it opened."""

    def pick() -> None:
        dialog = next(
            (
                w
                for w in QApplication.topLevelWidgets()
                if isinstance(w, QFileDialog) and w.isVisible()
            ),
            None,
        )
        if dialog is None:
            QTimer.singleShot(50, pick)
            return
        seen.append(dialog.directory().absolutePath())
        dialog.setDirectory(str(folder))
        dialog.accept()

    QTimer.singleShot(50, pick)


def say_these_are_all_me(page) -> None:
    """Press "These are all me" on the You page and confirm it, as the person would."""
    page.all_me_button.click()
    box = page.all_me_box
    assert box is not None
    assert box.isVisible()
    next(b for b in box.buttons() if b.text() == "Yes, they are me").click()


def open_audit(qtbot, win, path: Path) -> None:
    with qtbot.waitSignal(win.session.opened, timeout=10_000):
        win.open_audit(path)


def photo_folder(tmp_path: Path, names: list[str]) -> Path:
    folder = tmp_path / "photos"
    folder.mkdir()
    for name in names:
        shutil.copy(FACES / name, folder / name)
    return folder


def photo_zip(tmp_path: Path, names: list[str], broken: bool = True) -> Path:
    archive = tmp_path / "export.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        for name in names:
            zf.write(FACES / name, f"media/{name}")
        if broken:
            zf.writestr("media/broken.jpg", b"\xff\xd8\xff\xe0" + b"not really a photo" * 10)
    return archive


def enrolled_audit(path: Path, sources: list[Path]) -> Path:
    """An audit with obama.jpg and obama2.jpg enrolled through the core, and sources added."""
    with Audit.open(path) as audit:
        for report in my_selfie_reports():
            audit.add_reference(
                report.name, report.sha256, report.encoding, report.box, report.to_dict()
            )
        add_sources(audit, [str(s) for s in sources])
    return path


# Someone living in Berlin with a Facebook account: the person the letter pages write for.
FACEBOOK_USER_IN_BERLIN = Identity(
    "Jane Doe", ("Hauptstraße 1", "10115 Berlin", "Germany"), "jane@example.org",
    {"Facebook username": "jdoe"},
)  # fmt: skip


def confirmed_facebook_audit(root: Path) -> Path:
    """A Facebook export scanned, every photo of you confirmed, your details saved."""
    built = build_export("facebook_2024", root)
    path = enrolled_audit(root / "confirmed.audit", built.paths)
    with Audit.open(path) as audit:
        events = list(scan(audit, ScanSettings(detector="hog", workers=1)))
        assert isinstance(events[-1], Finished)
        for row in audit.findings():
            audit.set_decision(row.face_id, "me")
        save_identity(audit, FACEBOOK_USER_IN_BERLIN)
    return path


def synthetic_rows(count: int) -> list[FindingRow]:
    platforms = ["Facebook", "Instagram", "Google Photos", "X"]
    kinds = ["post", "profile_picture", "story", "message_attachment"]
    rows = []
    for n in range(count):
        context = {
            "platform": platforms[n % 4],
            "kind": kinds[(n // 4) % 4],
            "taken_at": f"{2010 + n % 14}-05-01T10:00:00+00:00",
            "audience": "public" if n % 3 == 0 else "friends",
            "latitude": 52.5 if n % 5 == 0 else None,
            "longitude": 13.4 if n % 5 == 0 else None,
        }
        distance = 0.3 + (n % 50) / 100
        band = "strong" if distance <= 0.45 else "likely" if distance <= 0.52 else "possible"
        rows.append(
            FindingRow(
                face_id=n + 1,
                item_id=n + 1,
                sha256=f"{n:064x}",
                source="/nowhere",
                location=f"photo-{n:05d}.jpg",
                distance=distance,
                band=band,
                box=(100, 300, 300, 100),
                decision=None,
                format="JPEG",
                width=800,
                height=600,
                context=context,
            )
        )
    return rows
