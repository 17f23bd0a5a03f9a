"""Packaging: the wheel carries its data, the models are found without their trap, the spec builds.

Building a wheel or the app is slow; those run with EXPOSURE_AUDIT_PACKAGING=1. The rest always runs.
"""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SLOW = pytest.mark.skipif(
    os.environ.get("EXPOSURE_AUDIT_PACKAGING") != "1",
    reason="builds a wheel or the app; set EXPOSURE_AUDIT_PACKAGING=1",
)


def run_python(code: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, **env},
        cwd=ROOT,
    )


def test_models_are_found_without_importing_their_package() -> None:
    done = run_python(
        "import sys\n"
        "from exposure_audit.faces.model_files import MODEL_FILES, models_dir\n"
        "folder = models_dir()\n"
        "missing = [n for n in MODEL_FILES.values() if not (folder / n).is_file()]\n"
        "assert not missing, missing\n"
        "assert 'face_recognition_models' not in sys.modules\n"
        "assert 'pkg_resources' not in sys.modules\n"
        "print('ok', folder)\n"
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("ok ")


def test_models_folder_of_the_frozen_app_is_used() -> None:
    done = run_python(
        "import sys\n"
        "sys._MEIPASS = '/opt/bundle'\n"
        "from exposure_audit.faces.model_files import models_dir\n"
        "print(models_dir().as_posix())\n"
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "/opt/bundle/face_recognition_models/models"


def test_models_override_by_environment() -> None:
    done = run_python(
        "from exposure_audit.faces.model_files import models_dir\nprint(models_dir().as_posix())",
        EXPOSURE_AUDIT_MODELS="/somewhere/models",
    )
    assert done.stdout.strip() == "/somewhere/models"


def test_face_recognition_imports_without_quitting() -> None:
    """face_recognition_models needs pkg_resources; without it face_recognition calls quit()."""
    done = run_python("import face_recognition\nprint('imported', face_recognition.__version__)")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "imported" in done.stdout
    assert "Please install `face_recognition_models`" not in done.stdout


def test_smoke_test_passes_from_source() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "exposure_audit", "--smoke-test"],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "smoke test passed" in done.stdout


def test_version_is_reported() -> None:
    from exposure_audit import __version__

    done = subprocess.run(
        [sys.executable, "-m", "exposure_audit", "--version"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.stdout.strip() == f"exposure-audit {__version__}"


def test_build_spec_lists_models_resources_and_both_entry_points() -> None:
    spec = (ROOT / "build.spec").read_text(encoding="utf-8")
    assert "from exposure_audit import __version__" in spec
    assert "MODEL_FILES" in spec
    assert "submodule_search_locations" in spec
    assert 'collect_data_files("resources")' in spec
    assert "pillow_heif" in spec
    assert "freeze_support" in spec  # worker processes start in the frozen app
    assert '"exposure-audit"' in spec
    assert '"exposure-audit-gui"' in spec
    assert "import face_recognition_models" not in spec


def _resource_files() -> set[str]:
    return {
        p.relative_to(ROOT).as_posix()
        for p in (ROOT / "resources").rglob("*")
        if p.is_file() and "__pycache__" not in p.parts
    }


@SLOW
def test_wheel_holds_the_packages_and_every_resource(tmp_path: Path) -> None:
    subprocess.run(
        ["uv", "build", "--wheel", "--out-dir", str(tmp_path)],
        check=True,
        capture_output=True,
        cwd=ROOT,
        timeout=300,
    )
    (wheel,) = tmp_path.glob("exposure_audit-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    assert _resource_files() <= names, sorted(_resource_files() - names)
    assert "resources/smoke-face.jpg" in names
    assert {
        "exposure_audit/__main__.py",
        "exposure_audit/faces/model_files.py",
        "ui/app.py",
    } <= names
    assert not any(n.startswith(("tests/", "fuzz/")) for n in names)
    entry_points = next(n for n in names if n.endswith("entry_points.txt"))
    assert "exposure-audit = ui.launcher:main" in zipfile.ZipFile(wheel).read(entry_points).decode()


@SLOW
def test_wheel_installs_and_scans_in_a_fresh_environment() -> None:
    done = subprocess.run(
        ["bash", str(ROOT / "scripts" / "check_wheel.sh")],
        capture_output=True,
        text=True,
        timeout=900,
        cwd=ROOT,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    assert "== wheel OK" in done.stdout


@SLOW
def test_frozen_app_builds_and_passes_its_smoke_test() -> None:
    done = subprocess.run(
        ["bash", str(ROOT / "scripts" / "build_app.sh")],
        capture_output=True,
        text=True,
        timeout=1800,
        cwd=ROOT,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    assert "smoke test passed" in done.stdout
