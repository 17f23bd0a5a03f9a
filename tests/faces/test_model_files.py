"""dlib's models: found without face_recognition_models' pkg_resources import, loaded lazily."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from exposure_audit.errors import EnvironmentProblem
from exposure_audit.faces import model_files
from tests.support.photos import FACES


def run_python(code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True, timeout=120
    )


def test_import_face_recognition_does_not_quit_the_process() -> None:
    # face_recognition calls quit() when its models package fails to import (pkg_resources gone).
    result = run_python("""
        import face_recognition
        print("still alive", face_recognition.__version__)
    """)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "still alive" in result.stdout
    assert "Please install" not in result.stdout


def test_faces_are_found_even_without_pkg_resources() -> None:
    # As with setuptools 81 or newer: pkg_resources cannot be imported at all.
    result = run_python(f"""
        import sys
        sys.modules["pkg_resources"] = None
        import numpy as np
        from exposure_audit.faces.detection import find_faces
        from exposure_audit.imaging import read_image
        faces = find_faces(read_image(open({str(FACES / "obama.jpg")!r}, "rb").read()), np.empty((0, 128)))
        assert "face_recognition_models" not in sys.modules
        print("faces:", len(faces))
    """)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "faces: 1" in result.stdout


def test_models_load_lazily() -> None:
    result = run_python("""
        import sys
        import exposure_audit.scan.pipeline, exposure_audit.faces.detection, exposure_audit.cli.main
        print("dlib" in sys.modules)
    """)
    assert result.stdout.strip() == "False"


def test_missing_model_is_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EXPOSURE_AUDIT_MODELS", str(tmp_path))
    with pytest.raises(EnvironmentProblem, match="missing"):
        model_files.model_path("encoder")


def test_saved_detector_is_the_one_dlib_builds(tmp_path: Path) -> None:
    # A newer dlib may build another detector: then scripts/save_model_data.py is run again.
    import dlib

    built = tmp_path / "built.svm"
    dlib.get_frontal_face_detector().save(str(built))
    saved = Path(model_files.__file__).parents[2] / "resources" / "models"
    assert (saved / model_files.HOG_DETECTOR_FILE).read_bytes() == built.read_bytes()
    assert type(model_files.get("hog_detector")) is type(dlib.get_frontal_face_detector())


def test_detector_is_built_where_its_file_cannot_be_read(monkeypatch: pytest.MonkeyPatch) -> None:
    from exposure_audit.imaging import read_image

    monkeypatch.setattr(model_files, "HOG_DETECTOR_FILE", "no-such-detector.svm")
    detector = model_files._hog_detector(model_files._dlib())
    grey = read_image((FACES / "obama.jpg").read_bytes()).rgb[:, :, 1].copy()
    assert len(detector(grey, 0)) == 1
