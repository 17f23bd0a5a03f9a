"""A scanned audit with platform findings, shared by the tracker, report and action CLI tests."""

from __future__ import annotations

import shutil
from pathlib import Path

from exposure_audit.audit.store import Audit
from exposure_audit.rights.letters import Identity
from tests.support.exportkit import build_export
from tests.support.scanning import enrolled_audit, photo_folder, run_scan

IDENTITY = Identity("Jane Doe", ("Hauptstraße 1", "10115 Berlin"), "jane@example.org", {"Id": "1"})
OTHERS = ("two_people.jpg",)


def scanned_audit_file(root: Path) -> Path:
    """A Facebook export (your face as profile picture) and a folder photo with two people.

    Findings on a platform are confirmed as "me"; the folder finding stays undecided.
    """
    (root / "fb").mkdir(parents=True)
    built = build_export("facebook_2024", root / "fb")
    folder = photo_folder(root / "photos", OTHERS)
    path = root / "scanned.audit"
    audit = enrolled_audit(path)
    try:
        run_scan(audit, [*built.paths, folder])
        for row in audit.findings():
            if row.context.get("platform"):
                audit.set_decision(row.face_id, "me")
    finally:
        audit.close()
    return path


def copy_of(path: Path, folder: Path) -> Path:
    """A private copy of a closed audit, so each test can change it freely."""
    target = folder / "copy.audit"
    shutil.copyfile(path, target)
    return target


def open_copy(path: Path, folder: Path) -> Audit:
    return Audit.open(copy_of(path, folder))


def encoding_texts(audit: Audit) -> list[str]:
    """How the reference encodings' numbers would look if they ever leaked into an output."""
    values = [float(v) for ref in audit.references() for v in ref.encoding[:16]]
    return [repr(v) for v in values] + [f"{v:.6f}" for v in values if abs(v) > 0.01]
