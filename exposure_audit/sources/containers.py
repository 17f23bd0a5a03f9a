"""Sources: folders, single photos and archives (nested too), read in place, never extracted.

A location names one file: the plain relative path inside a folder, or
``<archive>!/<member>`` for an archive member, nested archives chaining ``!/``.
"""

from __future__ import annotations

import io
import itertools
import lzma
import os
import stat
import struct
import tarfile
import unicodedata
import zipfile
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, Protocol

from exposure_audit.errors import BadData
from exposure_audit.i18n import N_, _
from exposure_audit.i18n.formats import format_number
from exposure_audit.imaging import DEFAULT_MAX_PIXELS
from exposure_audit.sources.tar_headers import BoundedTarInfo

ARCHIVE_SEPARATOR = "!/"
_JUNK_NAMES = {".DS_Store", "Thumbs.db", "desktop.ini"}
# What decompressors raise on corrupt streams, besides the archive modules' own errors.
_STREAM_ERRORS = (
    OSError,
    EOFError,
    ValueError,
    OverflowError,
    NotImplementedError,
    zlib.error,
    lzma.LZMAError,
    struct.error,
)
_CHUNK = 1024 * 1024
# Compression ratios are only judged once this much came out: small files compress oddly well.
_RATIO_GRACE_BYTES = 16 * 1024 * 1024
# Kept by a tar's listing pass, for readers that come back out of stream order.
DAMAGED = N_("This archive is damaged or incomplete — download it again.")
# Names only archives have: such a file that is not one was cut short or is not what it says.
_ARCHIVE_NAMES = (".zip", ".tgz", ".tar.gz", ".tar", ".tbz2", ".tar.bz2", ".txz", ".tar.xz")
_HEAD_BYTES = 512  # enough to tell an archive inside an archive
_SNIFF_BYTES = 32  # enough to tell a photo or a video
_ARCHIVE_SUFFIXES = (".zip", ".tar", ".tgz", ".gz", ".tbz2", ".bz2", ".txz", ".xz")
_TAR_TEXT_BUDGET = 256 * 1024 * 1024
_TEXT_SUFFIXES = (".json", ".js", ".html", ".htm", ".txt", ".csv", ".xml")


@dataclass(frozen=True)
class Limits:
    """Explicit limits against hostile and broken input.

    ``max_member_bytes``: largest single file read (a photo or metadata file).
    ``max_nested_archive_bytes``: largest archive inside an archive; it is held in memory.
    ``max_nested_total_bytes``: all nested archives of one source held in memory together.
    ``max_depth``: archives inside archives, this many levels deep at most.
    ``max_compression_ratio``: uncompressed/compressed size beyond which a member is a bomb.
    ``max_members``: files listed per archive or folder.
    ``max_pixels``: width x height of a photo before it is decoded.
    ``max_unpacked_bytes``: all that one compressed tar may unpack, members skipped included.
    ``max_header_record_bytes``: a tar's long-name or pax header record, checked before it is
    read (tarfile reads such a record whole).
    """

    max_member_bytes: int = 512 * 1024 * 1024
    max_nested_archive_bytes: int = 1024 * 1024 * 1024
    max_depth: int = 4
    max_compression_ratio: int = 250
    max_members: int = 2_000_000
    max_pixels: int = DEFAULT_MAX_PIXELS
    max_nested_total_bytes: int = 2 * 1024 * 1024 * 1024
    max_unpacked_bytes: int = 64 * 1024 * 1024 * 1024
    max_header_record_bytes: int = 1024 * 1024


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
    """NFC, forward slashes, no leading ``/`` or ``./`` and no ``..`` steps.

    Bytes that are not UTF-8 (kept by the OS or tarfile as lone surrogates) become U+FFFD,
    so every location can be stored and shown.
    """
    path = unicodedata.normalize("NFC", printable(path).replace("\\", "/"))
    parts = [p for p in path.split("/") if p not in ("", ".", "..")]
    return "/".join(parts)


def printable(text: str) -> str:
    """``text`` with undecodable bytes (lone surrogates) replaced by U+FFFD."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        pass
    else:
        return text
    try:
        raw = text.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:
        raw = text.encode("utf-8", "surrogatepass")
    return raw.decode("utf-8", "replace")


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
        raise BadData(
            _("cannot read {path}: {reason}").format(path=path, reason=exc.strerror)
        ) from exc
    if stat.S_ISDIR(mode):
        return "folder"
    if not stat.S_ISREG(mode):
        raise BadData(_("{path} is not a regular file or folder").format(path=path))
    try:
        with path.open("rb") as handle:
            head = handle.read(512)
    except OSError as exc:
        raise BadData(
            _("cannot read {path}: {reason}").format(path=path, reason=exc.strerror)
        ) from exc
    kind = archive_kind(head, path.name)
    if kind is None and path.name.lower().endswith(_ARCHIVE_NAMES):
        raise BadData(_("{name}: {damaged}").format(name=path.name, damaged=_(DAMAGED)))
    return kind or "file"


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


def _expand(
    export: Export, limits: Limits, problem: ProblemSink, budget: list[int] | None = None
) -> Iterator[Export]:
    """List ``export``'s files; archives found inside become exports of their own.

    ``budget`` holds the bytes of nested archives this source may still keep in memory.
    """
    budget = budget if budget is not None else [limits.max_nested_total_bytes]
    nested: list[Export] = []
    try:
        for count, entry in enumerate(export.container.entries()):
            if count >= limits.max_members:
                problem(
                    export.prefix,
                    _("more than {max_members} members; the rest skipped").format(
                        max_members=format_number(limits.max_members)
                    ),
                )
                break
            kind = archive_kind(_peek(export, entry), entry.path)
            if kind is None:
                export.entries.append(entry)
                continue
            child = _open_nested(export, entry, kind, limits, problem, budget)
            if child is not None:
                nested.append(child)
    except BadData as exc:
        problem(export.prefix or export.name, str(exc))
    yield export
    for child in nested:
        yield from _expand(child, limits, problem, budget)


def _peek(export: Export, entry: Entry) -> bytes:
    if not entry.path.lower().endswith(_ARCHIVE_SUFFIXES):
        return b""  # only names that say archive are opened as one; images are sniffed later
    try:
        return export.container.head(entry.path)
    except BadData:
        return b""


def _open_nested(
    parent: Export,
    entry: Entry,
    kind: str,
    limits: Limits,
    problem: ProblemSink,
    budget: list[int],
) -> Export | None:
    location = parent.location(entry.path)
    if parent.depth + 1 > limits.max_depth:
        problem(
            location,
            _("archive nested deeper than {max_depth} levels; not opened").format(
                max_depth=limits.max_depth
            ),
        )
        return None
    cap = min(limits.max_nested_archive_bytes, budget[0])
    if entry.size > limits.max_nested_archive_bytes:
        problem(
            location,
            _("nested archive of {size} bytes is over the {limit}-byte limit; not opened").format(
                size=format_number(entry.size),
                limit=format_number(limits.max_nested_archive_bytes),
            ),
        )
        return None
    if entry.size > cap:
        problem(location, _("too many large nested archives in this source; not opened"))
        return None
    try:
        data = parent.container.read(entry.path, cap)
        container = open_archive(kind, io.BytesIO(data), entry.path, limits)
    except BadData as exc:
        problem(location, str(exc))
        return None
    budget[0] -= len(data)
    name = entry.path.rsplit("/", 1)[-1]
    return Export(name, f"{location}{ARCHIVE_SEPARATOR}", container, parent.depth + 1)


def open_archive(kind: str, file: Path | IO[bytes], name: str, limits: Limits) -> Container:
    """A zip or tar archive opened for listing and reading.

    Raises:
        BadData: broken, truncated, or listing more members than the limit.
    """
    try:
        if kind == "zip":
            count = _zip_member_count(file)
            if count > limits.max_members:
                raise BadData(
                    _(
                        "{name}: lists {count} members, over the limit of {max_members}; not opened"
                    ).format(
                        name=name,
                        count=format_number(count),
                        max_members=format_number(limits.max_members),
                    )
                )
            return ZipContainer(zipfile.ZipFile(file), limits)
        return TarContainer(file, name, limits)
    except (zipfile.BadZipFile, tarfile.TarError, *_STREAM_ERRORS) as exc:
        raise BadData(
            _("{name}: broken or truncated archive. {damaged} ({reason})").format(
                name=name, damaged=_(DAMAGED), reason=exc
            )
        ) from exc


def _zip_member_count(file: Path | IO[bytes]) -> int:
    """The member count a zip's end record declares, read before the directory is parsed."""
    handle = open(file, "rb") if isinstance(file, Path) else file
    try:
        handle.seek(0, os.SEEK_END)
        size = handle.tell()
        handle.seek(max(0, size - 65536 - 22))
        tail = handle.read()
    finally:
        if isinstance(file, Path):
            handle.close()
        else:
            handle.seek(0)
    at = tail.rfind(b"PK\x05\x06")
    if at < 0 or len(tail) < at + 22:
        return 0  # let zipfile say what is wrong
    count = int.from_bytes(tail[at + 10 : at + 12], "little")
    locator = tail.rfind(b"PK\x06\x07", 0, at)
    if count == 0xFFFF and locator >= 0 and len(tail) >= locator + 20:
        # zip64: the real count sits in the zip64 end record the locator points to.
        handle = open(file, "rb") if isinstance(file, Path) else file
        try:
            handle.seek(int.from_bytes(tail[locator + 8 : locator + 16], "little"))
            record = handle.read(56)
        except (OSError, ValueError, OverflowError):
            return count
        finally:
            if isinstance(file, Path):
                handle.close()
            else:
                handle.seek(0)
        if record[:4] == b"PK\x06\x06" and len(record) >= 40:
            count = int.from_bytes(record[32:40], "little")
    return count


def _stat_key(path: Path) -> tuple[int, int]:
    st = path.stat()
    return st.st_size, st.st_mtime_ns


class FolderContainer:
    """A folder, walked recursively; symlink loops and special files are reported, not followed.

    Entry paths are NFC with undecodable bytes shown as U+FFFD; ``names`` maps them back to
    the names on disk (which may be NFD, as macOS writes them, or not UTF-8 at all).
    """

    def __init__(self, root: Path, problem: ProblemSink, only: str | None = None) -> None:
        self.root = root
        self.problem = problem
        self.only = only
        self.names: dict[str, str] = {}
        self.real_root = os.path.realpath(root)

    def entries(self) -> Iterator[Entry]:
        root_stat = self.root.stat()
        yield from self._walk(self.root, "", "", {(root_stat.st_dev, root_stat.st_ino)})

    def _walk(
        self, folder: Path, rel: str, real: str, visited: set[tuple[int, int]]
    ) -> Iterator[Entry]:
        try:
            with os.scandir(folder) as scan:
                children = sorted(scan, key=lambda e: e.name)
        except OSError as exc:
            self.problem(
                rel.rstrip("/") or ".",
                _("cannot list folder: {reason}").format(reason=exc.strerror),
            )
            return
        shown = _shown_names([child.name for child in children])
        for child in children:
            path = f"{rel}{shown[child.name]}"
            if path != f"{real}{child.name}":
                self.names[path] = f"{real}{child.name}"
            if is_junk(path):
                continue
            try:
                st = os.stat(child.path)
            except OSError as exc:
                self.problem(
                    path,
                    _("cannot read: {reason} (broken link or no permission)").format(
                        reason=exc.strerror
                    ),
                )
                continue
            leaves = stat.S_ISDIR(st.st_mode) or stat.S_ISREG(st.st_mode)
            if leaves and child.is_symlink() and not self._inside(child.path):
                self.problem(path, _("link leads out of the chosen source; not followed"))
                continue
            if stat.S_ISDIR(st.st_mode):
                key = (st.st_dev, st.st_ino)
                if key in visited:
                    self.problem(path, _("folder link loops back to a parent; skipped"))
                    continue
                yield from self._walk(
                    Path(child.path), f"{path}/", f"{real}{child.name}/", visited | {key}
                )
            elif stat.S_ISREG(st.st_mode):
                yield Entry(path, st.st_size, f"{st.st_size}:{st.st_mtime_ns}")
            else:
                self.problem(path, _("special file (pipe, socket or device); skipped"))

    def _inside(self, path: str) -> bool:
        """True if ``path``, links resolved, lies within the source the user chose."""
        target = os.path.realpath(path)
        return os.path.commonpath([self.real_root, target]) == self.real_root

    def _path(self, path: str) -> Path:
        real = self.names.get(path)
        if real is not None:
            return self.root / real
        direct = self.root / path
        return direct if os.path.lexists(direct) else self.root / _resolve(self.root, path)

    def read(self, path: str, limit: int) -> bytes:
        data = self._read(path, limit + 1)
        if len(data) > limit:
            raise BadData(
                _("larger than the {limit}-byte limit").format(limit=format_number(limit))
            )
        return data

    def head(self, path: str, size: int = 512) -> bytes:
        return self._read(path, size)

    def _read(self, path: str, size: int) -> bytes:
        """Up to ``size`` bytes; never blocks on a pipe that replaced the file since listing."""
        if self.only is not None and path != self.only:
            raise BadData(_("not the photo the user chose; not read"))
        target = self._path(path)
        if self.only is None and not self._inside(str(target)):
            raise BadData(_("now a link that leads out of the chosen source; not read"))
        try:
            fd = os.open(target, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        except OSError as exc:
            raise BadData(_("cannot read: {reason}").format(reason=exc.strerror)) from exc
        with os.fdopen(fd, "rb") as handle:
            if not stat.S_ISREG(os.fstat(fd).st_mode):
                raise BadData(_("no longer a regular file; skipped"))
            try:
                return handle.read(size)
            except OSError as exc:
                raise BadData(_("cannot read: {reason}").format(reason=exc.strerror)) from exc

    def close(self) -> None:
        pass


def _shown_names(names: list[str]) -> dict[str, str]:
    """Each name in one folder as locations show it: NFC, printable, and distinct.

    A name already in that form keeps it; others that clash get ``~2``, ``~3``... So a location
    naming a file that exists as written always means that file.
    """
    shown: dict[str, str] = {name: name for name in names if _plain(name)}
    taken = set(shown)
    for name in sorted(n for n in names if n not in shown):
        base = unicodedata.normalize("NFC", printable(name))
        candidate, number = base, 1
        while candidate in taken:
            number += 1
            candidate = f"{base}~{number}"
        taken.add(candidate)
        shown[name] = candidate
    return shown


def _plain(name: str) -> bool:
    return printable(name) == name and unicodedata.is_normalized("NFC", name)


def _resolve(root: Path, path: str) -> str:
    """The on-disk relative path a location names (for NFD, clashing or non-UTF-8 names)."""
    real: list[str] = []
    folder = root
    for step in path.split("/"):
        name = step
        if not os.path.lexists(folder / step):
            try:
                shown = _shown_names(os.listdir(folder))
            except OSError:
                shown = {}
            name = next((disk for disk, show in shown.items() if show == step), step)
        real.append(name)
        folder = folder / name
    return "/".join(real)


class ZipContainer:
    """A zip archive (zip64 too); members are judged by what decompression yields, not headers."""

    def __init__(self, archive: zipfile.ZipFile, limits: Limits) -> None:
        self.archive = archive
        self.limits = limits
        self.infos: dict[str, zipfile.ZipInfo] = {}
        self.overlapping = _overlapping(archive.infolist())

    def entries(self) -> Iterator[Entry]:
        seen: dict[str, int] = {}
        for info in self.archive.infolist():
            if info.filename.endswith("/"):  # a folder (ZipInfo.is_dir fails on empty names)
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
        info = self._info(path)
        if info.file_size > limit:
            raise BadData(
                _("member of {file_size} bytes is over the {limit}-byte limit").format(
                    file_size=format_number(info.file_size), limit=format_number(limit)
                )
            )
        data = self._read(info, limit + 1)
        if len(data) > limit:
            raise BadData(
                _(
                    "member is larger than its header says (over the {limit}-byte limit); not read"
                ).format(limit=format_number(limit))
            )
        return data

    def head(self, path: str, size: int = 512) -> bytes:
        return self._read(self._info(path), size)

    def _info(self, path: str) -> zipfile.ZipInfo:
        try:
            return self.infos[path]
        except KeyError:
            raise BadData(_("{path}: no such member").format(path=path)) from None

    def _read(self, info: zipfile.ZipInfo, size: int) -> bytes:
        if info.flag_bits & 0x1:
            raise BadData(_("encrypted member; cannot be read without its password"))
        if info.header_offset in self.overlapping:
            raise BadData(_("member overlaps another one (a zip bomb trick); not read"))
        ceiling = max(1, info.compress_size) * self.limits.max_compression_ratio
        chunks: list[bytes] = []
        got = 0
        try:
            with self.archive.open(info) as member:
                while got < size:
                    chunk = member.read(min(_CHUNK, size - got))
                    if not chunk:
                        break
                    chunks.append(chunk)
                    got += len(chunk)
                    if got > _RATIO_GRACE_BYTES and got > ceiling:
                        raise BadData(
                            _(
                                "compressed more than {max_compression_ratio}:1, which looks like"
                                " a zip bomb; not read"
                            ).format(max_compression_ratio=self.limits.max_compression_ratio)
                        )
        except (zipfile.BadZipFile, *_STREAM_ERRORS) as exc:
            raise BadData(_("broken archive member ({reason})").format(reason=exc)) from exc
        except RuntimeError as exc:  # zipfile raises this for encryption it cannot handle
            raise BadData(_("unreadable member ({reason})").format(reason=exc)) from exc
        return b"".join(chunks)

    def close(self) -> None:
        self.archive.close()


def _overlapping(infos: list[zipfile.ZipInfo]) -> set[int]:
    """Header offsets of members whose data runs into the next member: no honest zip does that."""
    ordered = sorted(infos, key=lambda i: i.header_offset)
    bad: set[int] = set()
    for info, following in itertools.pairwise(ordered):
        name_bytes = len(info.orig_filename.encode("utf-8", "surrogateescape"))
        if info.header_offset + 30 + name_bytes + info.compress_size > following.header_offset:
            bad.update((info.header_offset, following.header_offset))
    return bad


class TarContainer:
    """A tar archive, optionally gzip/bzip2/xz compressed, read front to back only.

    A compressed stream cannot seek back without decompressing from the start again, so the
    listing keeps what readers ask for out of order (every member's first bytes, small text
    files such as metadata) and photos are read by ``members`` in stream order, in one pass.
    Compression ratios are judged on the stream as a whole, as it is decompressed.
    """

    def __init__(self, file: Path | IO[bytes], name: str, limits: Limits | None = None) -> None:
        raw: IO[bytes] = open(file, "rb") if isinstance(file, Path) else file
        self.counted = _CountingReader(raw, owned=isinstance(file, Path))
        self.limits = limits or Limits()
        bounded = type(
            "_TarInfo",
            (BoundedTarInfo,),
            {"max_record_bytes": self.limits.max_header_record_bytes},
        )
        try:
            self.archive = tarfile.open(fileobj=self.counted, mode="r:*", tarinfo=bounded)
        except BaseException:
            self.counted.close()
            raise
        self.name = name
        self.members: dict[str, tarfile.TarInfo] = {}
        self.heads: dict[str, bytes] = {}
        self.texts: dict[str, bytes] = {}
        self.text_budget = _TAR_TEXT_BUDGET
        # Archives inside, kept whole as the listing passes them: opening one later would
        # decompress the stream from the start again (300 zips in a .tgz read 345 MB).
        self.archives: dict[str, bytes] = {}
        self.archive_budget = self.limits.max_nested_total_bytes
        # Members over the limits, passed over without reading: path -> why.
        self.skipped: dict[str, str] = {}
        self.skipped_unpacked = 0
        self.skipped_compressed = 0
        self.compressed = self.archive.fileobj is not self.counted

    def entries(self) -> Iterator[Entry]:
        try:
            for info in self.archive:
                self._check_stream(info.offset_data)
                if not info.isreg():
                    continue
                path = normalise(info.name)
                if not path or is_junk(path):
                    continue
                if path in self.members:
                    path = f"{path}~{info.offset}"
                self.members[path] = info
                self._keep(path, info)
                yield Entry(path, info.size, f"{info.size}:{info.mtime}:{info.offset}")
            self._check_stream(self.archive.offset)
        except (tarfile.TarError, *_STREAM_ERRORS) as exc:
            raise BadData(
                _("{name}: broken or truncated archive. {damaged} ({reason})").format(
                    name=self.name, damaged=_(DAMAGED), reason=exc
                )
            ) from exc

    def _keep(self, path: str, info: tarfile.TarInfo) -> None:
        """While the stream is at this member: keep its head, and all of it if small text or
        an archive. A member over the limits is passed over and named, the rest still read."""
        member = self.archive.extractfile(info)
        if member is None:
            return
        start = self.counted.total
        try:
            self._keep_member(path, info, member, start)
        except BadData as exc:
            self.skipped[path] = str(exc)
            self.texts.pop(path, None)
            self.archives.pop(path, None)
            self._pass_over(info, member, start)

    def _keep_member(self, path: str, info: tarfile.TarInfo, member: IO[bytes], start: int) -> None:
        name = path.lower()
        text = name.endswith(_TEXT_SUFFIXES) and info.size <= self.text_budget
        if text:
            data = self._read_member(member, info.size, start)
            self.texts[path] = data
            self.text_budget -= len(data)
            self.heads[path] = data[:_HEAD_BYTES]
            return
        wanted = _HEAD_BYTES if name.endswith(_ARCHIVE_SUFFIXES) else _SNIFF_BYTES
        head = member.read(wanted)
        self.heads[path] = head
        nested = (
            name.endswith(_ARCHIVE_SUFFIXES)
            and archive_kind(head, path) is not None
            and info.size <= min(self.limits.max_nested_archive_bytes, self.archive_budget)
        )
        if nested and self.compressed:
            data = head + self._read_member(member, info.size - len(head), start)
            self.archives[path] = data
            self.archive_budget -= len(data)
            return
        if self.compressed:  # pass over the rest here, judging its ratio as it unpacks
            while member.read(_CHUNK):
                self._check_member(member.tell(), start)

    def _pass_over(self, info: tarfile.TarInfo, member: IO[bytes], start: int) -> None:
        """Unpack the rest of a skipped member without keeping it: CPU, never memory, and
        within the bound on all a tar may unpack."""
        try:
            while member.read(_CHUNK):
                if info.offset_data + member.tell() > self.limits.max_unpacked_bytes:
                    raise BadData(
                        _("{name}: unpacks to more than {size} bytes; not read further").format(
                            name=self.name, size=format_number(self.limits.max_unpacked_bytes)
                        )
                    )
        except (tarfile.TarError, *_STREAM_ERRORS) as exc:
            raise BadData(
                _("{name}: broken or truncated archive. {damaged} ({reason})").format(
                    name=self.name, damaged=_(DAMAGED), reason=exc
                )
            ) from exc
        self.skipped_unpacked += info.size
        self.skipped_compressed += self.counted.total - start

    def read(self, path: str, limit: int) -> bytes:
        info = self._info(path)
        if info.size > limit:
            raise BadData(
                _("member of {size} bytes is over the {limit}-byte limit").format(
                    size=format_number(info.size), limit=format_number(limit)
                )
            )
        if path in self.texts:
            return self.texts[path]
        if path in self.archives:
            return self.archives.pop(path)  # handed over once: the nested export holds it now
        return self._read(info, info.size)  # out of stream order: costs a pass

    def head(self, path: str, size: int = 512) -> bytes:
        info = self._info(path)
        kept = self.heads.get(path)
        if kept is not None and (size <= len(kept) or len(kept) == info.size):
            return kept[:size]
        return self._read(info, size)

    def members_in_order(self, entries: Iterable[Entry]) -> Iterator[tuple[Entry, MemberReader]]:
        """``entries`` in the order the archive stores them, each readable once, in one pass."""
        wanted = {entry.path: entry for entry in entries}
        for path, info in sorted(self.members.items(), key=lambda item: item[1].offset):
            entry = wanted.get(path)
            if entry is None:
                continue
            yield entry, _StreamedMember(self, info, path)

    def _read(self, info: tarfile.TarInfo, size: int) -> bytes:
        try:
            member = self.archive.extractfile(info)
            if member is None:
                raise BadData(_("not a regular file"))
            return self._read_member(member, size, self.counted.total)
        except (tarfile.TarError, *_STREAM_ERRORS) as exc:
            raise BadData(_("broken archive member ({reason})").format(reason=exc)) from exc

    def _read_member(self, member: IO[bytes], size: int, start: int) -> bytes:
        """Up to ``size`` bytes from where ``member`` stands; ``start``: the stream's count of
        compressed bytes read when this member began."""
        chunks: list[bytes] = []
        got = 0
        while got < size:
            chunk = member.read(min(_CHUNK, size - got))
            if not chunk:
                break
            chunks.append(chunk)
            got += len(chunk)
            self._check_member(member.tell(), start)
        return b"".join(chunks)

    def _check_member(self, unpacked: int, start: int) -> None:
        """One member unpacked to more than the ratio allows of the bytes it took: a bomb;
        that member is skipped."""
        ratio = self.limits.max_compression_ratio
        if self._over(unpacked, self.counted.total - start):
            raise BadData(
                _(
                    "compressed more than {ratio}:1, which looks like a compression bomb; skipped"
                ).format(ratio=ratio)
            )

    def _check_stream(self, unpacked: int) -> None:
        """The whole stream so far (members skipped left out), for bombs spread over many
        small members; and the bound on all a tar may unpack."""
        if unpacked > self.limits.max_unpacked_bytes:
            raise BadData(
                _("{name}: unpacks to more than {size} bytes; not read further").format(
                    name=self.name, size=format_number(self.limits.max_unpacked_bytes)
                )
            )
        kept = unpacked - self.skipped_unpacked
        if self._over(kept, self.counted.total - self.skipped_compressed):
            raise BadData(
                _(
                    "{name}: compressed more than {max_compression_ratio}:1, which looks like a "
                    "compression bomb; not read further"
                ).format(name=self.name, max_compression_ratio=self.limits.max_compression_ratio)
            )

    def _over(self, unpacked: int, compressed: int) -> bool:
        if not self.compressed:  # a plain tar stores what it holds: nothing to unpack
            return False
        ceiling = max(1, compressed) * self.limits.max_compression_ratio
        return unpacked > _RATIO_GRACE_BYTES and unpacked > ceiling

    def _info(self, path: str) -> tarfile.TarInfo:
        if path in self.skipped:
            raise BadData(self.skipped[path])
        try:
            return self.members[path]
        except KeyError:
            raise BadData(_("{path}: no such member").format(path=path)) from None

    def close(self) -> None:
        self.archive.close()
        self.counted.close()


class _StreamedMember:
    """One tar member at the stream's current position: its head, then the rest, forward only."""

    def __init__(self, tar: TarContainer, info: tarfile.TarInfo, path: str) -> None:
        self.tar, self.info, self.path = tar, info, path
        self.file: IO[bytes] | None = None
        self.got = b""
        self.start = tar.counted.total

    def _open(self) -> IO[bytes]:
        if self.file is None:
            try:
                self.file = self.tar.archive.extractfile(self.info)
            except (tarfile.TarError, *_STREAM_ERRORS) as exc:
                raise BadData(_("broken archive member ({reason})").format(reason=exc)) from exc
            if self.file is None:
                raise BadData(_("not a regular file"))
        return self.file

    def head(self, size: int) -> bytes:
        self._skipped()
        if len(self.got) < size:
            self.got += self._more(size - len(self.got))
        return self.got[:size]

    def read(self, limit: int) -> bytes:
        if self.info.size > limit:
            raise BadData(
                _("member of {size} bytes is over the {limit}-byte limit").format(
                    size=format_number(self.info.size), limit=format_number(limit)
                )
            )
        return self.got + self._more(self.info.size - len(self.got))

    def _skipped(self) -> None:
        if self.path in self.tar.skipped:  # passed over in the listing: over the limits
            raise BadData(self.tar.skipped[self.path])

    def _more(self, size: int) -> bytes:
        try:
            return self.tar._read_member(self._open(), size, self.start)
        except (tarfile.TarError, *_STREAM_ERRORS) as exc:
            raise BadData(_("broken archive member ({reason})").format(reason=exc)) from exc


class _CountingReader(io.RawIOBase):
    """A file that remembers how far into it a decompressor has read."""

    def __init__(self, raw: IO[bytes], *, owned: bool) -> None:
        super().__init__()
        self.raw, self.owned = raw, owned
        self.total = 0  # compressed bytes handed to the decompressor, rewinds included

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        data = self.raw.read(len(buffer))
        buffer[: len(data)] = data
        self.total += len(data)
        return len(data)

    def seek(self, offset: int, whence: int = os.SEEK_SET) -> int:
        return self.raw.seek(offset, whence)

    def tell(self) -> int:
        return self.raw.tell()

    def close(self) -> None:
        if self.owned and not self.raw.closed:
            self.raw.close()
        super().close()


class MemberReader(Protocol):
    """One member handed out for reading: its first bytes, then the whole of it."""

    def head(self, size: int) -> bytes: ...

    def read(self, limit: int) -> bytes: ...


class _RandomAccessMember:
    def __init__(self, container: Container, path: str) -> None:
        self.container, self.path = container, path

    def head(self, size: int) -> bytes:
        return self.container.head(self.path, size)

    def read(self, limit: int) -> bytes:
        return self.container.read(self.path, limit)


def members_in_order(
    container: Container, entries: Iterable[Entry]
) -> Iterator[tuple[Entry, MemberReader]]:
    """Each of ``entries`` with a reader, in the order the container reads fastest.

    Folders and zips read in the order given; compressed tars in the order stored, in one pass.
    """
    streamed = getattr(container, "members_in_order", None)
    if streamed is not None:
        yield from streamed(entries)
        return
    for entry in entries:
        yield entry, _RandomAccessMember(container, entry.path)


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
        if not root.is_dir() and steps[0] != source:
            # A single photo's one member is itself; an archive's start with its own path.
            raise BadData(
                _("{location}: not part of the source {source}; not read").format(
                    location=location, source=source
                )
            )
        folder = root if root.is_dir() else Path(steps[0]).parent
        first = steps[0] if root.is_dir() else Path(steps[0]).name
        only = None if root.is_dir() else first  # a single photo the user chose, link or not
        container = FolderContainer(folder, lambda _l, _m: None, only=only)
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
    raise BadData(_("{location}: no such file").format(location=location))


def _index(container: Container) -> None:
    for _entry in container.entries():
        pass
