"""Tar header records checked before tarfile parses them.

tarfile reads a GNU long-name or pax record whole, at the size its header declares (a 4.3 MB
.tgz declaring a 4 GiB long name took the process past 4 GB), and the pax parser of the
Pythons this tool supports before 3.11.10 and 3.12.6 searches the record with a pattern that
rescans each run of digits from every position: 64 KB of digits took 10.6 s and 256 KB 167 s
to parse on 3.11.7. So a record's size is bounded before it is read, and a pax record is
checked in one pass — well formed, and no run of digits longer than any real value has —
before tarfile sees it.
"""

from __future__ import annotations

import re
import tarfile
from typing import Any

# No pax value a real archive writes has a run of more digits than this (a time with
# nanoseconds has 20); tarfile's old parser costs this much at most per byte of the record.
MAX_DIGIT_RUN = 32
_LONG_DIGIT_RUN = re.compile(rb"\d{%d}" % (MAX_DIGIT_RUN + 1))
_MAX_LENGTH_DIGITS = 12


def check_pax_records(data: bytes) -> None:
    """Raise ``tarfile.ReadError`` unless ``data`` is a sequence of ``"<len> key=value\\n"``."""
    if _LONG_DIGIT_RUN.search(data):
        raise tarfile.ReadError(f"a pax header has a run of over {MAX_DIGIT_RUN} digits")
    pos, end = 0, len(data)
    while pos < end:
        if data[pos] == 0:  # the padding after the last record
            if data[pos:].strip(b"\0"):
                raise tarfile.ReadError("a pax header has data after its padding")
            return
        space = data.find(b" ", pos, pos + _MAX_LENGTH_DIGITS + 1)
        length_field = data[pos:space] if space > pos else b""
        if not length_field.isdigit():
            raise tarfile.ReadError("a pax header record does not start with its length")
        length = int(length_field)
        if length <= space - pos + 1 or pos + length > end or data[pos + length - 1] != 0x0A:
            raise tarfile.ReadError("a pax header record has a wrong length")
        if data.find(b"=", space + 1, pos + length) < 0:
            raise tarfile.ReadError("a pax header record has no '='")
        pos += length


class _Replay:
    """A file object that returns ``first`` before what follows in ``rest``."""

    def __init__(self, first: bytes, rest: Any) -> None:
        self._first = first
        self._rest = rest

    def read(self, size: int = -1) -> bytes:
        if not self._first:
            return self._rest.read(size)
        if size < 0:
            taken, self._first = self._first, b""
            return taken + self._rest.read()
        taken, self._first = self._first[:size], self._first[size:]
        return taken + (self._rest.read(size - len(taken)) if len(taken) < size else b"")

    def __getattr__(self, name: str) -> Any:
        return getattr(self._rest, name)


class BoundedTarInfo(tarfile.TarInfo):
    """A tar header whose long-name and pax records are bounded and checked before parsing."""

    max_record_bytes = 1024 * 1024

    def _bounded(self) -> None:
        if self.size > self.max_record_bytes:
            raise tarfile.ReadError(
                f"a header record declares {self.size:,} bytes, over the"
                f" {self.max_record_bytes:,}-byte limit"
            )

    def _proc_gnulong(self, archive: tarfile.TarFile) -> tarfile.TarInfo:
        self._bounded()
        return super()._proc_gnulong(archive)  # type: ignore[misc]

    def _proc_pax(self, archive: tarfile.TarFile) -> tarfile.TarInfo:
        self._bounded()
        stream = archive.fileobj
        assert stream is not None  # an open archive always has one
        record = stream.read(self._block(self.size))  # type: ignore[attr-defined]
        if len(record) < self.size:
            raise tarfile.ReadError("the archive ends inside a pax header")
        check_pax_records(record[: self.size])
        # tarfile reads the record itself: hand it the bytes already read, then the stream.
        archive.fileobj = _Replay(record, stream)
        try:
            return super()._proc_pax(archive)  # type: ignore[misc]
        finally:
            archive.fileobj = stream
