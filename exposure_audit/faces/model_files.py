"""dlib's model files: located without importing face_recognition_models, loaded lazily once."""

from __future__ import annotations

import importlib.util
import os
import sys
import threading
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from exposure_audit.errors import EnvironmentProblem
from exposure_audit.i18n import _

MODEL_FILES = {
    "landmarks5": "shape_predictor_5_face_landmarks.dat",
    "encoder": "dlib_face_recognition_resnet_model_v1.dat",
    "cnn_detector": "mmod_human_face_detector.dat",
}
# dlib's get_frontal_face_detector(), saved by scripts/save_model_data.py.
HOG_DETECTOR_FILE = "frontal_face_hog.svm"
_lock = threading.Lock()
# dlib's models are shared per process and are not safe to run from two threads at once
# (measured: two threads assessing selfies together took 80 times as long as one after the
# other). Processes each have their own; threads of one process take turns.
engine_lock = threading.RLock()


def models_dir() -> Path:
    """The folder holding dlib's model files.

    ``face_recognition_models`` imports ``pkg_resources`` at import time, which newer setuptools
    no longer ships, and ``face_recognition`` then calls ``quit()``. So the package is found
    by its import spec and never imported. ``EXPOSURE_AUDIT_MODELS`` overrides the location.
    """
    override = os.environ.get("EXPOSURE_AUDIT_MODELS")
    if override:
        return Path(override)
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle is not None:  # the packaged app: the spec puts the model files here
        return Path(bundle) / "face_recognition_models" / "models"
    spec = importlib.util.find_spec("face_recognition_models")
    if spec is None or not spec.submodule_search_locations:
        raise EnvironmentProblem(
            _(
                "The face models are not installed (package face_recognition_models). Reinstall "
                "Exposure Audit, e.g. run `uv sync` in its folder."
            )
        )
    return Path(next(iter(spec.submodule_search_locations))) / "models"


def model_path(name: str) -> Path:
    path = models_dir() / MODEL_FILES[name]
    if not path.is_file():
        raise EnvironmentProblem(
            _(
                "The face model file {name} is missing from {parent}. Reinstall Exposure Audit to"
                " restore it."
            ).format(name=path.name, parent=path.parent)
        )
    return path


def _dlib() -> Any:
    try:
        import dlib
    except ImportError as exc:  # pragma: no cover - depends on the installation
        raise EnvironmentProblem(
            _("The face engine (dlib) is not installed. Reinstall Exposure Audit, e.g. `uv sync`.")
        ) from exc
    return dlib


@cache
def _load(name: str) -> Any:
    dlib = _dlib()
    if name == "hog_detector":
        return _hog_detector(dlib)
    path = str(model_path(name))
    loaders = {
        "landmarks5": dlib.shape_predictor,
        "encoder": dlib.face_recognition_model_v1,
        "cnn_detector": dlib.cnn_face_detection_model_v1,
    }
    try:
        return loaders[name](path)
    except RuntimeError as exc:
        raise EnvironmentProblem(
            _(
                "The face model file {path} could not be loaded ({reason}). Reinstall Exposure "
                "Audit."
            ).format(path=path, reason=exc)
        ) from exc


def _hog_detector(dlib: Any) -> Any:
    """dlib's frontal face detector, read from its saved binary form (resources/models): dlib
    builds it from text in half a second a process, the file takes a millisecond. Where the
    file cannot be read, dlib builds it."""
    try:
        with resources.as_file(resources.files("resources") / "models" / HOG_DETECTOR_FILE) as path:
            return dlib.fhog_object_detector(str(path))
    except (OSError, RuntimeError):
        return dlib.get_frontal_face_detector()


def get(name: str) -> Any:
    """A loaded model: ``hog_detector``, ``cnn_detector``, ``landmarks5`` or ``encoder``."""
    with _lock:
        return _load(name)
