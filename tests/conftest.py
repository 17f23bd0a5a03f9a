"""Shared fixtures: a private home for every test, and the user's reference encodings."""

from __future__ import annotations

import os

import numpy as np
import pytest

from tests.support.photos import face_bytes

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
