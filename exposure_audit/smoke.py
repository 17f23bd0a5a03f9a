"""A self-check for installed and frozen builds: models load, a face is found in a photo and
in a video (the bundled decoder and its FFmpeg libraries work), an audit opens."""

from __future__ import annotations

import tempfile
from importlib import resources
from pathlib import Path

import numpy as np

from exposure_audit.audit.store import Audit
from exposure_audit.errors import BadData
from exposure_audit.faces import pointers
from exposure_audit.faces.detection import DEFAULT_THRESHOLD, find_faces
from exposure_audit.faces.video import analyse_video
from exposure_audit.imaging import read_image
from exposure_audit.vocabulary import ExitCode


def smoke_test() -> int:
    data = resources.files("resources").joinpath("smoke-face.jpg").read_bytes()
    image = read_image(data)
    faces = find_faces(image, np.empty((0, 128)), keep_encodings=True)
    if len(faces) != 1 or faces[0].encoding is None:
        print(f"smoke test failed: expected 1 face, found {len(faces)}")
        return ExitCode.FAILED
    _, right, _, left = faces[0].box
    if not pointers.face_spots(image.rgb, 4 * (right - left)):
        print(
            f"smoke test failed: the small-face pointer ({pointers.pointer_name()}) found no face"
        )
        return ExitCode.FAILED
    problem = video_problem(faces[0].encoding)
    if problem:
        print(f"smoke test failed: {problem}")
        return ExitCode.FAILED
    with tempfile.TemporaryDirectory() as folder, Audit.open(Path(folder) / "smoke.audit") as audit:
        audit.stats()
    print(
        f"smoke test passed: models and the small-face pointer ({pointers.pointer_name()}) load,"
        " a face was found in a photo and in a video, an audit opened and closed"
    )
    return ExitCode.OK


def video_problem(reference: np.ndarray, clip: bytes | None = None) -> str | None:
    """Why the bundled clip (or ``clip``) does not show the face of ``reference``; None if it does."""
    if clip is None:
        clip = resources.files("resources").joinpath("smoke-clip.mp4").read_bytes()
    try:
        facts, tracks = analyse_video(
            clip, reference[None, :], detector="hog", threshold=DEFAULT_THRESHOLD
        )
    except BadData as exc:
        return f"the clip could not be decoded: {exc}"
    matched = [t for t in tracks if t.distance is not None and t.distance <= DEFAULT_THRESHOLD]
    if len(matched) != 1:
        return (
            f"expected the face in the clip once, found {len(matched)} "
            f"({facts.codec}, {facts.samples} frames sampled)"
        )
    return None
