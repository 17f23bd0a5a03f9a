"""Enrolment: turning the user's selfies into reference encodings, with a verdict on each."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from exposure_audit.errors import BadData
from exposure_audit.faces.detection import DEFAULT_THRESHOLD, Box, Face, find_faces
from exposure_audit.imaging import read_image

# A face narrower than this (in the photo's own pixels) gives an unreliable encoding:
# dlib aligns faces to 150 px chips before encoding.
MIN_FACE_PX = 90
# Variance of the Laplacian of the face, resampled to 128 px: below this the face is blurred.
MIN_SHARPNESS = 25.0
# Jittering references (re-encoding randomly shifted copies) did not separate people better on
# the test faces: other people came 0.01-0.02 closer, the user no closer. So: none.
REFERENCE_JITTERS = 1


@dataclass
class SelfieReport:
    """One selfie's verdict. ``usable`` selfies become references."""

    name: str
    sha256: str
    box: Box | None = None
    encoding: np.ndarray | None = None
    sharpness: float | None = None
    face_count: int = 0
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def usable(self) -> bool:
        return self.encoding is not None and not self.problems

    def to_dict(self) -> dict[str, object]:
        return {
            "name": self.name,
            "usable": self.usable,
            "face_count": self.face_count,
            "box": list(self.box) if self.box else None,
            "sharpness": None if self.sharpness is None else round(self.sharpness, 1),
            "problems": self.problems,
            "notes": self.notes,
        }


def assess_selfie(data: bytes, name: str) -> SelfieReport:
    """Find the selfie's face and judge it: no face, several faces, too small, blurry."""
    report = SelfieReport(name=name, sha256=hashlib.sha256(data).hexdigest())
    try:
        image = read_image(data)
    except BadData as exc:
        report.problems.append(f"cannot read this photo: {exc}")
        return report
    faces = find_faces(image, np.empty((0, 128)), jitters=REFERENCE_JITTERS, keep_encodings=True)
    report.face_count = len(faces)
    if not faces:
        report.problems.append(
            "no face found: use a photo where your face is clearly visible, facing the camera"
        )
        return report
    face = max(faces, key=_area)
    if len(faces) > 1:
        report.notes.append(
            f"{len(faces)} faces found; the largest is taken as yours — a photo of you alone is safer"
        )
    report.box, report.encoding = face.box, face.encoding
    width = face.box[1] - face.box[3]
    if width < MIN_FACE_PX:
        report.problems.append(
            f"face too small ({width} px wide): use a closer photo, at least {MIN_FACE_PX} px"
        )
    report.sharpness = _sharpness(image.rgb, face.box, image.scale)
    if report.sharpness < MIN_SHARPNESS:
        report.problems.append("face is blurry: use a sharper photo")
    return report


def assess_selfies(selfies: list[tuple[str, bytes]]) -> list[SelfieReport]:
    """Judge each selfie, then flag any that disagrees with the others (likely another person)."""
    reports = [assess_selfie(data, name) for name, data in selfies]
    check_agreement(reports)
    return reports


def check_agreement(reports: list[SelfieReport], threshold: float = DEFAULT_THRESHOLD) -> None:
    good = [r for r in reports if r.encoding is not None]
    if len(good) < 2:
        return
    matrix = np.stack([r.encoding for r in good if r.encoding is not None])
    for index, report in enumerate(good):
        others = np.delete(matrix, index, axis=0)
        median = float(np.median(np.linalg.norm(others - matrix[index], axis=1)))
        if median > threshold:
            report.problems.append(
                "does not look like your other selfies (likely another person): remove it or add more of you"
            )


def read_selfie(path: Path) -> tuple[str, bytes]:
    try:
        return path.name, path.read_bytes()
    except OSError as exc:
        raise BadData(f"cannot read selfie {path}: {exc.strerror}") from exc


def _area(face: Face) -> int:
    top, right, bottom, left = face.box
    return (bottom - top) * (right - left)


def _sharpness(rgb: np.ndarray, box: Box, scale: float) -> float:
    from PIL import Image

    top, right, bottom, left = (round(v / scale) for v in box)
    crop = rgb[max(0, top) : bottom, max(0, left) : right]
    if crop.size == 0:
        return 0.0
    gray = np.asarray(Image.fromarray(crop).convert("L").resize((128, 128)), dtype=np.float64)
    laplacian = (
        gray[:-2, 1:-1] + gray[2:, 1:-1] + gray[1:-1, :-2] + gray[1:-1, 2:] - 4 * gray[1:-1, 1:-1]
    )
    return float(laplacian.var())
