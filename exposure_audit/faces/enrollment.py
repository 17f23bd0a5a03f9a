"""Enrollment: turning the user's selfies into reference encodings, with a verdict on each."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from exposure_audit.errors import BadData
from exposure_audit.faces.detection import DEFAULT_THRESHOLD, Box, Face, find_faces
from exposure_audit.i18n import _, ngettext
from exposure_audit.imaging import read_image
from exposure_audit.vocabulary import SelfieCheck, similarity_percent

# A face narrower than this (in the photo's own pixels) gives an unreliable encoding:
# dlib aligns faces to 150 px chips before encoding.
MIN_FACE_PX = 90
# Variance of the Laplacian of the face, resampled to 128 px: below this the face is blurred.
MIN_SHARPNESS = 25.0
# Jittering references (re-encoding randomly shifted copies) did not separate people better on
# the test faces: other people came 0.01-0.02 closer, the user no closer. So: none.
REFERENCE_JITTERS = 1


@dataclass(frozen=True)
class Remark:
    """One thing said about a selfie: a code, the figure it names, and (for ``OTHER``) its text.

    Stored as ``{"code": ..., "value": ...}``; the words are made where they are shown, in the
    language in force.
    """

    code: SelfieCheck
    value: float | None = None
    text: str | None = None  # why a photo is unreadable; or an old verdict no code fits

    def to_dict(self) -> dict[str, object]:
        stored: dict[str, object] = {"code": self.code.value}
        if self.value is not None:
            stored["value"] = self.value
        if self.text is not None:
            stored["text"] = self.text
        return stored

    @classmethod
    def from_stored(cls, stored: object) -> Remark:
        """A remark as the audit keeps it; anything unexpected is kept as its own text."""
        if isinstance(stored, dict):
            try:
                code = SelfieCheck(stored.get("code"))
            except ValueError:
                return cls(SelfieCheck.OTHER, text=str(stored.get("text") or stored.get("code")))
            value = stored.get("value")
            text = stored.get("text")
            return cls(
                code,
                float(value) if isinstance(value, int | float) else None,
                str(text) if text is not None else None,
            )
        return cls(SelfieCheck.OTHER, text=str(stored))

    @property
    def words(self) -> str:
        """What the app and the command line say about the selfie."""
        return remark_words(self)


def remark_words(remark: Remark) -> str:
    """The sentence for one remark, in the language in force."""
    value = remark.value if remark.value is not None else 0.0
    alike = similarity_percent(value)  # the value is a face distance: shown on the app's scale
    code = remark.code
    if code == SelfieCheck.UNREADABLE:
        if remark.text:
            return _("cannot read this photo: %(reason)s") % {"reason": remark.text}
        return _("cannot read this photo")
    if code == SelfieCheck.NO_FACE:
        return _("no face found: use a photo where your face is clearly visible, facing the camera")
    if code == SelfieCheck.SEVERAL_FACES:
        count = round(value)
        return ngettext(
            "%(count)d face found; the largest is taken as yours — a photo of you alone is safer",
            "%(count)d faces found; the largest is taken as yours — a photo of you alone is safer",
            count,
        ) % {"count": count}
    if code == SelfieCheck.TOO_SMALL:
        return _(
            "face too small (%(width)d px wide): use a closer photo, at least %(minimum)d px"
        ) % {"width": round(value), "minimum": MIN_FACE_PX}
    if code == SelfieCheck.BLURRY:
        return _("face is blurry: use a sharper photo")
    if code == SelfieCheck.FAR_FROM_OTHER:
        return _(
            "looks far apart from your other selfie (%(alike)d %% alike): both are used; if they"
            " are both you (years apart, say), a third selfie would settle it"
        ) % {"alike": alike}
    if code == SelfieCheck.FAR_BUT_ALL_ME:
        return _(
            "looks far apart from your other selfies (%(alike)d %% alike): used, as you said they"
            " are all you"
        ) % {"alike": alike}
    if code == SelfieCheck.FAR_FROM_SOME:
        return _(
            "looks far apart from some of your other selfies (%(alike)d %% alike): used; remove"
            " it if it is not you"
        ) % {"alike": alike}
    if code == SelfieCheck.UNLIKE_OTHERS:
        return _(
            "does not look like your other selfies (at most %(alike)d %% alike), likely another"
            " person: remove it, or say these are all you"
        ) % {"alike": alike}
    return remark.text or code.label


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
    problems: list[Remark] = field(default_factory=list)
    notes: list[Remark] = field(default_factory=list)
    disagrees: Remark | None = None
    origin: str | None = None

    @property
    def usable(self) -> bool:
        return self.encoding is not None and not self.problems and self.disagrees is None

    @property
    def remarks(self) -> list[Remark]:
        return self.problems + ([self.disagrees] if self.disagrees else []) + self.notes

    @property
    def verdict_lines(self) -> list[str]:
        """The verdict in words, in the language in force."""
        return [remark.words for remark in self.remarks]

    def to_dict(self) -> dict[str, object]:
        return {
            "name": self.name,
            "usable": self.usable,
            "face_count": self.face_count,
            "box": list(self.box) if self.box else None,
            "sharpness": None if self.sharpness is None else round(self.sharpness, 1),
            "problems": [remark.to_dict() for remark in self.problems],
            "disagrees": self.disagrees.to_dict() if self.disagrees else None,
            "notes": [remark.to_dict() for remark in self.notes],
        }


def assess_selfie(data: bytes, name: str) -> SelfieReport:
    """Find the selfie's face and judge it: no face, several faces, too small, blurry."""
    report = SelfieReport(name=name, sha256=hashlib.sha256(data).hexdigest())
    try:
        image = read_image(data)
    except BadData as exc:
        report.problems.append(Remark(SelfieCheck.UNREADABLE, text=str(exc)))
        return report
    faces = find_faces(image, np.empty((0, 128)), jitters=REFERENCE_JITTERS, keep_encodings=True)
    report.face_count = len(faces)
    if not faces:
        report.problems.append(Remark(SelfieCheck.NO_FACE))
        return report
    face = max(faces, key=_area)
    if len(faces) > 1:
        report.notes.append(Remark(SelfieCheck.SEVERAL_FACES, len(faces)))
    report.box, report.encoding = face.box, face.encoding
    width = face.box[1] - face.box[3]
    if width < MIN_FACE_PX:
        report.problems.append(Remark(SelfieCheck.TOO_SMALL, width))
    report.sharpness = _sharpness(image.rgb, face.box, image.scale)
    if report.sharpness < MIN_SHARPNESS:
        report.problems.append(Remark(SelfieCheck.BLURRY))
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
        report.notes = [n for n in report.notes if not n.code.compares]
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
    nearest = round(nearest, 2)
    if count == 2:
        report.notes.append(Remark(SelfieCheck.FAR_FROM_OTHER, nearest))
    elif size == main_size:
        return
    elif all_me:
        report.notes.append(Remark(SelfieCheck.FAR_BUT_ALL_ME, nearest))
    elif main_size is not None and main_size > count / 2 and size <= count / 3:
        report.disagrees = Remark(SelfieCheck.UNLIKE_OTHERS, nearest)
    else:
        report.notes.append(Remark(SelfieCheck.FAR_FROM_SOME, nearest))


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
        raise BadData(
            _("cannot read selfie {path}: {reason}").format(path=path, reason=exc.strerror)
        ) from exc


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
