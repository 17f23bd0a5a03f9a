"""Shared fixtures: a private home for every test, and the user's reference encodings."""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np
import pytest

from tests.support.photos import face_bytes
from tests.support.shared import built_once

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Tests read English unless one chooses a language: the machine's own locale must not decide.
os.environ["LANGUAGE"] = "en"


@pytest.fixture(autouse=True)
def _private_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Keep every test's data folder (default audit, logs) out of the real user's home."""
    monkeypatch.setenv("EXPOSURE_AUDIT_HOME", str(tmp_path_factory.mktemp("home")))


@pytest.fixture(autouse=True)
def _english_after() -> object:
    """A test that switches the language leaves English behind for the next one."""
    yield
    from exposure_audit import i18n

    if i18n.language() != "en":
        i18n.set_language("en")


@pytest.fixture(scope="session")
def obama_refs() -> np.ndarray:
    from exposure_audit.faces.detection import find_faces
    from exposure_audit.imaging import read_image

    encodings = []
    for name in ("obama.jpg", "obama2.jpg"):
        faces = find_faces(read_image(face_bytes(name)), np.empty((0, 128)), keep_encodings=True)
        encodings.append(faces[0].encoding)
    return np.stack(encodings)


@pytest.fixture(scope="session")
def platform_audit(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The scanned audit of a Facebook export and a folder photo (``scanned_audit_file``), built
    once per run; copy it before changing it."""
    from tests.support.actionkit import scanned_audit_file

    return built_once(tmp_path_factory, "platform-audit", scanned_audit_file)


@pytest.fixture(scope="session")
def demo_scanned(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo persona enrolled and scanned, nothing decided, built once per run; copy it
    before changing it."""

    def build(root: Path) -> Path:
        from exposure_audit.audit.store import Audit
        from exposure_audit.demo.audit import prepare_sample_audit
        from exposure_audit.scan.pipeline import Finished, ScanSettings, scan

        path = root / "demo.audit"
        prepare_sample_audit(root / "data", path)
        with Audit.open(path) as audit:
            assert isinstance(list(scan(audit, ScanSettings(workers=1)))[-1], Finished)
        return path

    return built_once(tmp_path_factory, "demo-audit", build)
