"""Clean copies on disk: which photos, which names in the output folder, written without clobbering."""

from __future__ import annotations

import contextlib
import dataclasses
import errno
import os
import stat
import tempfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from exposure_audit.clean.copy import CleanOptions, clean_photo, output_format
from exposure_audit.clean.result import CleanResult
from exposure_audit.errors import EnvironmentProblem
from exposure_audit.i18n import _
from exposure_audit.imaging import sniff_format

# Whole photos are read into memory; anything larger is not a photo a person posts.
MAX_PHOTO_BYTES = 512 * 1024 * 1024
VIDEO_SUFFIXES = frozenset(
    {".mp4", ".mov", ".m4v", ".avi", ".mkv", ".webm", ".3gp", ".mts", ".m2ts", ".wmv", ".mpg"}
)
_SUFFIX = {"JPEG": ".jpg", "PNG": ".png"}


class TargetExists(Exception):
    """A file of that name is already in the output folder, and overwriting was not asked for."""


@dataclass(frozen=True)
class Planned:
    """One photo to clean and the name its copy gets; ``problem`` set: it is not cleaned."""

    source: Path
    target: Path | None
    problem: str | None = None


@dataclass(frozen=True)
class Plan:
    photos: list[Planned]

    @property
    def existing(self) -> list[Path]:
        """Targets already in the output folder (asked about before anything is written)."""
        return [p.target for p in self.photos if p.target is not None and p.target.exists()]


def plan_copies(inputs: Iterable[Path], out: Path) -> Plan:
    """The photos named or inside the folders named, each with its copy's path under ``out``.

    Folders keep their layout inside ``out``; a name taken twice gets "-2", "-3". Links are
    not followed inside folders, and ``out`` itself is not walked. A copy can never land on
    a photo it was made from.
    """
    out = Path(out)
    found = [pair for given in inputs for pair in _photos_in(given, out)]
    originals = {_identity(source) for source, _ in found} - {None}
    taken: set[Path] = set()
    return Plan([_planned(source, out / relative, taken, originals) for source, relative in found])


def _photos_in(given: Path, out: Path) -> Iterator[tuple[Path, Path]]:
    if given.is_dir():
        skip = _identity(out) if out.exists() else None
        for root, folders, files in os.walk(given, followlinks=False):
            here = Path(root)
            folders[:] = sorted(
                f for f in folders if not f.startswith(".") and _identity(here / f) != skip
            )
            for name in sorted(files):
                path = here / name
                if not name.startswith(".") and not path.is_symlink():
                    yield path, path.relative_to(given)
        return
    yield given, Path(given.name)


def _identity(path: Path) -> tuple[int, int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_dev, st.st_ino


def _planned(
    source: Path, wanted: Path, taken: set[Path], originals: set[tuple[int, int] | None]
) -> Planned:
    if not source.exists():
        return Planned(source, None, "not found")
    if source.suffix.lower() in VIDEO_SUFFIXES:
        return Planned(source, None, "a video: videos are not cleaned yet")
    fmt = _sniff(source)
    if fmt is None:
        return Planned(source, None, "not a photo this tool can read")
    suffix = _SUFFIX[output_format(fmt)]
    target = wanted.with_suffix(suffix)
    number = 1
    while target in taken:
        number += 1
        target = wanted.with_name(f"{wanted.stem}-{number}{suffix}")
    taken.add(target)
    if _identity(target) in originals:
        return Planned(source, None, "its copy would replace a photo being cleaned")
    return Planned(source, target)


def _sniff(path: Path) -> str | None:
    try:
        with open(path, "rb") as handle:
            return sniff_format(handle.read(32))
    except OSError:
        return "unreadable"


def clean_files(
    plan: Plan,
    options: CleanOptions,
    *,
    overwrite: bool = False,
    cancelled: Callable[[], bool] = lambda: False,
) -> Iterator[CleanResult]:
    """Clean every planned photo in turn, yielding one result each.

    Raises:
        EnvironmentProblem: the output folder cannot be written (disk full, no permission).
    """
    for planned in plan.photos:
        if cancelled():
            return
        yield clean_file(planned, options, overwrite=overwrite)


def clean_file(planned: Planned, options: CleanOptions, *, overwrite: bool = False) -> CleanResult:
    """Read, clean and write one planned photo; the original is only ever read."""
    shown = str(planned.source)
    if planned.problem is not None or planned.target is None:
        return CleanResult(shown, problem=planned.problem or "not cleaned")
    data = read_photo(planned.source)
    if isinstance(data, str):
        return CleanResult(shown, problem=data)
    made = clean_photo(data, shown, options)
    if made.data is None:
        return made.result
    try:
        write_new(planned.target, made.data, overwrite=overwrite)
    except TargetExists:
        return dataclasses.replace(
            made.result,
            problem=f"{planned.target.name} is already in the output folder (not replaced)",
        )
    return dataclasses.replace(made.result, target=str(planned.target))


def read_photo(path: Path) -> bytes | str:
    """The photo's bytes, or why they cannot be read."""
    try:
        with open(path, "rb") as handle:
            if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
                return "not a regular file"
            data = handle.read(MAX_PHOTO_BYTES + 1)
    except OSError as exc:
        return f"cannot be read ({exc.strerror or exc})"
    if len(data) > MAX_PHOTO_BYTES:
        return f"larger than {MAX_PHOTO_BYTES // (1024 * 1024)} MB: not cleaned"
    return data


def write_new(path: Path, data: bytes, *, overwrite: bool = False) -> Path:
    """Write ``data`` to ``path`` atomically, owner-only (0600), never over a file already there
    unless ``overwrite``. Missing folders are created owner-only.

    Raises:
        TargetExists: ``path`` exists and ``overwrite`` is false.
        EnvironmentProblem: the folder cannot be written.
    """
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    except OSError as exc:
        raise EnvironmentProblem(
            _("cannot write into {parent}: {reason}").format(
                parent=path.parent, reason=exc.strerror
            )
        ) from exc
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        _put_in_place(Path(temp), path, overwrite)
    except OSError as exc:
        raise EnvironmentProblem(
            _("cannot write {path}: {reason}").format(path=path, reason=exc.strerror or exc)
        ) from exc
    finally:
        with contextlib.suppress(OSError):
            os.unlink(temp)
    return path


def _put_in_place(temp: Path, path: Path, overwrite: bool) -> None:
    if overwrite:
        os.replace(temp, path)  # a link at ``path`` is replaced, never followed
        return
    try:
        os.link(temp, path)  # fails if ``path`` exists: no window in which it is clobbered
    except FileExistsError as exc:
        raise TargetExists(str(path)) from exc
    except OSError as exc:
        if exc.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV):
            raise
        if os.path.lexists(path):  # a file system without hard links (FAT, exFAT)
            raise TargetExists(str(path)) from None
        os.replace(temp, path)
