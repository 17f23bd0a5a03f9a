"""Sources: folders, single photos and archives (nested too), read in place, never extracted.

A location names one file: the plain relative path inside a folder, or
``<archive>!/<member>`` for an archive member, nested archives chaining ``!/``.
"""

from __future__ import annotations

import io
import os
import stat
import tarfile
import unicodedata
import zipfile
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Protocol

from .errors import BadData
from .imaging import DEFAULT_MAX_PIXELS

ARCHIVE_SEPARATOR = "!/"
_JUNK_NAMES = {".DS_Store", "Thumbs.db", "desktop.ini"}


@dataclass(frozen=True)
class Limits:
    """Explicit limits against hostile and broken input."""

    max_member_bytes: int = 512 * 1024 * 1024
    max_nested_archive_bytes: int = 1024 * 1024 * 1024
    max_depth: int = 4
    max_compression_ratio: int = 250
    max_members: int = 2_000_000
    max_pixels: int = DEFAULT_MAX_PIXELS


@dataclass(frozen=True)
class Entry:
    """One file inside a container: its path there, size, and a change fingerprint."""

    path: str
    size: int
    fingerprint: str


class Container(Protocol):
    """A folder or an archive whose files can be listed and read."""

    def entries(self) -> Iterator[Entry]: ...

    def read(self, path: str, limit: int) -> bytes: ...

    def head(self, path: str, size: int = 512) -> bytes: ...

    def close(self) -> None: ...


@dataclass
class Export:
    """One export root: a folder or archive that holds photos, and where it sits."""

    name: str
    prefix: str
    container: Container
    depth: int
    entries: list[Entry] = field(default_factory=list)

    def location(self, path: str) -> str:
        return f"{self.prefix}{path}"


ProblemSink = Callable[[str, str], None]


def normalise(path: str) -> str:
    """NFC, forward slashes, no leading ``/`` or ``./`` and no ``..`` steps."""
    path = unicodedata.normalize("NFC", path.replace("\\", "/"))
    parts = [p for p in path.split("/") if p not in ("", ".", "..")]
    return "/".join(parts)


def is_junk(path: str) -> bool:
    parts = path.split("/")
    return "__MACOSX" in parts or parts[-1].startswith("._") or parts[-1] in _JUNK_NAMES


def source_kind(path: Path) -> str:
    """``folder``, ``zip``, ``tar`` or ``file``.

    Raises:
        BadData: the path does not exist or cannot be read.
    """
    try:
        mode = path.stat().st_mode
    except OSError as exc:
        raise BadData(f"cannot read {path}: {exc.strerror}") from exc
    if stat.S_ISDIR(mode):
        return "folder"
    if not stat.S_ISREG(mode):
        raise BadData(f"{path} is not a regular file or folder")
    try:
        with path.open("rb") as handle:
            head = handle.read(512)
    except OSError as exc:
        raise BadData(f"cannot read {path}: {exc.strerror}") from exc
    return archive_kind(head, path.name) or "file"


def archive_kind(head: bytes, name: str) -> str | None:
    if head[:4] in (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08"):
        return "zip"
    lower = name.lower()
    if head[:2] == b"\x1f\x8b" and lower.endswith((".tgz", ".tar.gz")):
        return "tar"
    if head[:3] == b"BZh" and lower.endswith((".tbz2", ".tar.bz2")):
        return "tar"
    if head[:6] == b"\xfd7zXZ\x00" and lower.endswith((".txz", ".tar.xz")):
        return "tar"
    if len(head) >= 262 and head[257:262] == b"ustar":
        return "tar"
    return None


def discover(source: Path, limits: Limits, problem: ProblemSink) -> Iterator[Export]:
    """Every export root in ``source``: the source itself and each archive inside it.

    Unreadable parts are reported through ``problem(location, message)`` and skipped.
    """
    kind = source_kind(source)
    if kind == "file":
        yield _single_file_export(source)
        return
    if kind == "folder":
        container: Container = FolderContainer(source, problem)
        name, prefix = source.name, ""
    else:
        container = open_archive(kind, source, source.name, limits)
        name, prefix = source.name, f"{source}{ARCHIVE_SEPARATOR}"
    yield from _expand(Export(name, prefix, container, depth=0), limits, problem)


def _single_file_export(source: Path) -> Export:
    size, mtime = _stat_key(source)
    container = FolderContainer(source.parent, lambda _l, _m: None, only=source.name)
    export = Export(source.name, f"{source.parent}{os.sep}", container, depth=0)
    export.entries = [Entry(source.name, size, f"{size}:{mtime}")]
    return export


def _expand(export: Export, limits: Limits, problem: ProblemSink) -> Iterator[Export]:
    """List ``export``'s files; archives found inside become exports of their own."""
    nested: list[Export] = []
    try:
        for count, entry in enumerate(export.container.entries()):
            if count >= limits.max_members:
                problem(
                    export.prefix, f"more than {limits.max_members:,} members; the rest skipped"
                )
                break
            kind = archive_kind(_peek(export, entry), entry.path)
            if kind is None:
                export.entries.append(entry)
                continue
            child = _open_nested(export, entry, kind, limits, problem)
            if child is not None:
                nested.append(child)
    except BadData as exc:
        problem(export.prefix or export.name, str(exc))
    yield export
    for child in nested:
        yield from _expand(child, limits, problem)


def _peek(export: Export, entry: Entry) -> bytes:
    if not entry.path.lower().endswith(
        (".zip", ".tar", ".tgz", ".gz", ".tbz2", ".bz2", ".txz", ".xz")
    ):
        return b""  # only names that say archive are opened as one; images are sniffed later
    try:
        return export.container.head(entry.path)
    except BadData:
        return b""


def _open_nested(
    parent: Export, entry: Entry, kind: str, limits: Limits, problem: ProblemSink
) -> Export | None:
    location = parent.location(entry.path)
    if parent.depth + 1 > limits.max_depth:
        problem(location, f"archive nested deeper than {limits.max_depth} levels; not opened")
        return None
    if entry.size > limits.max_nested_archive_bytes:
        problem(location, "nested archive larger than the limit; not opened")
        return None
    try:
        data = parent.container.read(entry.path, limits.max_nested_archive_bytes)
        container = open_archive(kind, io.BytesIO(data), entry.path, limits)
    except BadData as exc:
        problem(location, str(exc))
        return None
    name = entry.path.rsplit("/", 1)[-1]
    return Export(name, f"{location}{ARCHIVE_SEPARATOR}", container, parent.depth + 1)


def open_archive(kind: str, file: Path | IO[bytes], name: str, limits: Limits) -> Container:
    try:
        if kind == "zip":
            return ZipContainer(zipfile.ZipFile(file), limits)
        return TarContainer(file, name)
    except (zipfile.BadZipFile, tarfile.TarError, OSError, EOFError, ValueError) as exc:
        raise BadData(f"{name}: broken or truncated archive ({exc})") from exc


def _stat_key(path: Path) -> tuple[int, int]:
    st = path.stat()
    return st.st_size, st.st_mtime_ns


class FolderContainer:
    """A folder, walked recursively; symlink loops and special files are reported, not followed."""

    def __init__(self, root: Path, problem: ProblemSink, only: str | None = None) -> None:
        self.root = root
        self.problem = problem
        self.only = only

    def entries(self) -> Iterator[Entry]:
        root_stat = self.root.stat()
        yield from self._walk(self.root, "", {(root_stat.st_dev, root_stat.st_ino)})

    def _walk(self, folder: Path, rel: str, visited: set[tuple[int, int]]) -> Iterator[Entry]:
        try:
            with os.scandir(folder) as scan:
                children = sorted(scan, key=lambda e: e.name)
        except OSError as exc:
            self.problem(rel or ".", f"cannot list folder: {exc.strerror}")
            return
        for child in children:
            path = f"{rel}{child.name}"
            if is_junk(path):
                continue
            try:
                st = os.stat(child.path)
            except OSError as exc:
                self.problem(path, f"cannot read: {exc.strerror} (broken link or no permission)")
                continue
            if stat.S_ISDIR(st.st_mode):
                key = (st.st_dev, st.st_ino)
                if key in visited:
                    self.problem(path, "folder link loops back to a parent; skipped")
                    continue
                yield from self._walk(Path(child.path), f"{path}/", visited | {key})
            elif stat.S_ISREG(st.st_mode):
                yield Entry(
                    unicodedata.normalize("NFC", path), st.st_size, f"{st.st_size}:{st.st_mtime_ns}"
                )
            else:
                self.problem(path, "special file (pipe, socket or device); skipped")

    def read(self, path: str, limit: int) -> bytes:
        full = self.root / path
        try:
            with open(full, "rb") as handle:
                data = handle.read(limit + 1)
        except OSError as exc:
            raise BadData(f"cannot read: {exc.strerror}") from exc
        if len(data) > limit:
            raise BadData(f"larger than the {limit:,}-byte limit")
        return data

    def head(self, path: str, size: int = 512) -> bytes:
        try:
            with open(self.root / path, "rb") as handle:
                return handle.read(size)
        except OSError as exc:
            raise BadData(f"cannot read: {exc.strerror}") from exc

    def close(self) -> None:
        pass


class ZipContainer:
    """A zip archive (zip64 too); member sizes are checked against what decompression yields."""

    def __init__(self, archive: zipfile.ZipFile, limits: Limits) -> None:
        self.archive = archive
        self.limits = limits
        self.infos: dict[str, zipfile.ZipInfo] = {}

    def entries(self) -> Iterator[Entry]:
        seen: dict[str, int] = {}
        for info in self.archive.infolist():
            if info.is_dir():
                continue
            path = normalise(info.filename)
            if not path or is_junk(path):
                continue
            if path in seen:  # a name twice in one archive: keep both, apart
                seen[path] += 1
                path = f"{path}~{seen[path]}"
            else:
                seen[path] = 1
            self.infos[path] = info
            yield Entry(path, info.file_size, f"{info.file_size}:{info.CRC:08x}")

    def read(self, path: str, limit: int) -> bytes:
        info = self.infos[path]
        if info.file_size > limit:
            raise BadData(f"member of {info.file_size:,} bytes is over the {limit:,}-byte limit")
        ratio = info.file_size / max(1, info.compress_size)
        if info.file_size > 16 * 1024 * 1024 and ratio > self.limits.max_compression_ratio:
            raise BadData(f"compressed {ratio:.0f}:1, which looks like a zip bomb; not read")
        data = self._read(info, limit + 1)
        if len(data) > limit:
            raise BadData("member is larger than its header says (over the size limit)")
        return data

    def head(self, path: str, size: int = 512) -> bytes:
        return self._read(self.infos[path], size)

    def _read(self, info: zipfile.ZipInfo, size: int) -> bytes:
        if info.flag_bits & 0x1:
            raise BadData("encrypted member; cannot be read without its password")
        try:
            with self.archive.open(info) as member:
                return member.read(size)
        except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError) as exc:
            raise BadData(f"broken archive member ({exc})") from exc
        except RuntimeError as exc:  # zipfile raises this for encryption it cannot handle
            raise BadData(f"unreadable member ({exc})") from exc

    def close(self) -> None:
        self.archive.close()


class TarContainer:
    """A tar archive, optionally gzip/bzip2/xz compressed; read front to back."""

    def __init__(self, file: Path | IO[bytes], name: str) -> None:
        if isinstance(file, Path):
            self.archive = tarfile.open(file, "r:*")
        else:
            self.archive = tarfile.open(fileobj=file, mode="r:*")
        self.name = name
        self.members: dict[str, tarfile.TarInfo] = {}

    def entries(self) -> Iterator[Entry]:
        try:
            for info in self.archive:
                if not info.isreg():
                    continue
                path = normalise(info.name)
                if not path or is_junk(path):
                    continue
                if path in self.members:
                    path = f"{path}~{info.offset}"
                self.members[path] = info
                yield Entry(path, info.size, f"{info.size}:{info.mtime}:{info.offset}")
        except (tarfile.TarError, OSError, EOFError, ValueError) as exc:
            raise BadData(f"{self.name}: broken or truncated archive ({exc})") from exc

    def read(self, path: str, limit: int) -> bytes:
        info = self.members[path]
        if info.size > limit:
            raise BadData(f"member of {info.size:,} bytes is over the {limit:,}-byte limit")
        return self.head(path, info.size)

    def head(self, path: str, size: int = 512) -> bytes:
        try:
            member = self.archive.extractfile(self.members[path])
            if member is None:
                raise BadData("not a regular file")
            return member.read(size)
        except (tarfile.TarError, OSError, EOFError, ValueError, zlib.error) as exc:
            raise BadData(f"broken archive member ({exc})") from exc

    def close(self) -> None:
        self.archive.close()


def read_location(source: str, location: str, limits: Limits | None = None) -> bytes:
    """The bytes of the file a location names, opening nested archives as needed.

    Raises:
        BadData: the file is gone, changed into something unreadable, or over the limits.
    """
    limits = limits or Limits()
    root = Path(source)
    if location.startswith(f"{source}{ARCHIVE_SEPARATOR}"):
        steps = location[len(source) + len(ARCHIVE_SEPARATOR) :].split(ARCHIVE_SEPARATOR)
        container: Container = open_archive(source_kind(root), root, root.name, limits)
    else:
        steps = location.split(ARCHIVE_SEPARATOR)
        folder = root if root.is_dir() else Path(steps[0]).parent
        first = steps[0] if root.is_dir() else Path(steps[0]).name
        container = FolderContainer(folder, lambda _l, _m: None)
        steps[0] = first
    try:
        for depth, step in enumerate(steps):
            if not isinstance(container, FolderContainer):
                _index(container)
            if depth == len(steps) - 1:
                return container.read(step, limits.max_member_bytes)
            data = container.read(step, limits.max_nested_archive_bytes)
            inner = open_archive(
                archive_kind(data[:512], step) or "zip", io.BytesIO(data), step, limits
            )
            container.close()
            container = inner
    finally:
        container.close()
    raise BadData(f"{location}: no such file")


def _index(container: Container) -> None:
    for _ in container.entries():
        pass
