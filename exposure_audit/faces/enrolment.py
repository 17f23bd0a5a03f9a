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
    """One selfie's verdict. ``usable`` selfies become references.

    ``problems`` make a selfie objectively unusable (no face, too small, blurred);
    ``disagrees`` says it looks like someone else than the other selfies, which the user may
    overrule; ``notes`` are said but do not stop a selfie from being used.
    """

    name: str
    sha256: str
    box: Box | None = None
    encoding: np.ndarray | None = None
    sharpness: float | None = None
    face_count: int = 0
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    disagrees: str | None = None
    origin: str | None = None

    @property
    def usable(self) -> bool:
        return self.encoding is not None and not self.problems and self.disagrees is None

    @property
    def verdict_lines(self) -> list[str]:
        return self.problems + ([self.disagrees] if self.disagrees else []) + self.notes

    def to_dict(self) -> dict[str, object]:
        return {
            "name": self.name,
            "usable": self.usable,
            "face_count": self.face_count,
            "box": list(self.box) if self.box else None,
            "sharpness": None if self.sharpness is None else round(self.sharpness, 1),
            "problems": self.problems,
            "disagrees": self.disagrees,
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


def assess_selfies(selfies: list[tuple[str, bytes]], *, all_me: bool = False) -> list[SelfieReport]:
    """Judge each selfie, then how they agree with each other (see ``check_agreement``)."""
    reports = [assess_selfie(data, name) for name, data in selfies]
    check_agreement(reports, all_me=all_me)
    return reports


def check_agreement(
    reports: list[SelfieReport], threshold: float = DEFAULT_THRESHOLD, *, all_me: bool = False
) -> None:
    """Say which selfies look far from the others; set aside only a clear minority.

    Selfies of one person taken years apart can be further apart than the match threshold,
    so disagreement alone never refuses a selfie it cannot tell apart: with two, nobody can
    say which one is wrong, so both are kept with a note. Selfies that are linked by a chain
    of close pairs count as one group (a face changes gradually over the years); with three
    or more, a group that holds at most a third of them while one group holds more than half
    is set aside as likely someone else. ``all_me`` (the user says they are all theirs)
    keeps every one, with a note.
    """
    good = [r for r in reports if r.encoding is not None and not r.problems]
    for report in good:
        report.disagrees = None
        report.notes = [n for n in report.notes if not n.startswith(FAR_NOTE_PREFIXES)]
    if len(good) < 2:
        return
    matrix = np.stack([r.encoding for r in good if r.encoding is not None])
    distances = np.linalg.norm(matrix[:, None, :] - matrix[None, :, :], axis=2)
    np.fill_diagonal(distances, np.inf)
    groups = _groups(distances <= threshold)
    if len(groups) == 1:
        return
    sizes = sorted((len(g) for g in groups), reverse=True)
    main_size = sizes[0] if sizes[0] > sizes[1] else None  # one group larger than any other
    for group in groups:
        for index in group:
            _judge_apart(
                good[index], float(distances[index].min()), len(group), main_size, len(good), all_me
            )


def _judge_apart(
    report: SelfieReport,
    nearest: float,
    size: int,
    main_size: int | None,
    count: int,
    all_me: bool,
) -> None:
    """The verdict on one selfie of a group that is far from the other selfies."""
    if count == 2:
        report.notes.append(
            f"{_FAR_APART} from your other selfie ({nearest:.2f}): both are used; if they are "
            "both you (years apart, say), a third selfie would settle it"
        )
    elif size == main_size:
        return
    elif all_me:
        report.notes.append(
            f"{_FAR_APART} from your other selfies ({nearest:.2f}): used, as you said they "
            "are all you"
        )
    elif main_size is not None and main_size > count / 2 and size <= count / 3:
        report.disagrees = (
            f"does not look like your other selfies (nearest {nearest:.2f}), likely another "
            "person: remove it, or say these are all you"
        )
    else:
        report.notes.append(
            f"{_FAR_APART} from some of your other selfies ({nearest:.2f}): used; remove it if "
            "it is not you"
        )


_FAR_APART = "looks far apart"
FAR_NOTE_PREFIXES = (_FAR_APART,)


def _groups(close: np.ndarray) -> list[list[int]]:
    """Indices linked by chains of ``close`` pairs (connected components)."""
    unseen = set(range(len(close)))
    groups = []
    while unseen:
        frontier = [unseen.pop()]
        group = list(frontier)
        while frontier:
            index = frontier.pop()
            linked = [int(j) for j in np.flatnonzero(close[index]) if int(j) in unseen]
            unseen.difference_update(linked)
            group += linked
            frontier += linked
        groups.append(sorted(group))
    return groups


@dataclass(frozen=True)
class Selfie:
    """A selfie as given: its name, its bytes, and the file it came from (if any)."""

    name: str
    data: bytes
    origin: str | None = None


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
