"""A self-check for installed and frozen builds: models load, a face is found, an audit opens."""

from __future__ import annotations

import tempfile
from importlib import resources
from pathlib import Path

import numpy as np

from exposure_audit.audit.store import Audit
from exposure_audit.faces.detection import find_faces
from exposure_audit.imaging import read_image
from exposure_audit.vocabulary import ExitCode


def smoke_test() -> int:
    data = resources.files("resources").joinpath("smoke-face.jpg").read_bytes()
    faces = find_faces(read_image(data), np.empty((0, 128)))
    if len(faces) != 1:
        print(f"smoke test failed: expected 1 face, found {len(faces)}")
        return ExitCode.FAILED
    with tempfile.TemporaryDirectory() as folder, Audit.open(Path(folder) / "smoke.audit") as audit:
        audit.stats()
    print("smoke test passed: models load, a face was found, an audit opened and closed")
    return ExitCode.OK
