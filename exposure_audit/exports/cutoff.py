"""Time limits for export readers: a file that keeps a reader busy too long is cut off.

Every reader is meant to be linear in its input; this is the second line of defence for the
case where one is not (a pattern or a structure nobody thought of). The readers' loops call
``check()``; work on one file runs under ``per_file``, which turns an overrun into a problem
naming that file, so the rest of the export is still read. The whole export runs under an
outer clock in ``read_export``; when that one runs out, the export's photos are scanned
without their context.

The clocks live in a context variable, so the scan's threads (the app's worker thread, the
command line's main thread) each have their own.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import ParamSpec

from exposure_audit.errors import BadData
from exposure_audit.exports.context import ExportReading
from exposure_audit.i18n import _

# Generous: a 256 MB JSON file, the largest a reader takes, is parsed and walked in well under
# this on a slow laptop; only a reader caught in a pathological case gets near it.
SECONDS_PER_FILE = 60.0
SECONDS_PER_EXPORT = 15 * 60.0

P = ParamSpec("P")


@dataclass(frozen=True)
class Clock:
    """One running limit: what it is for, and when it runs out."""

    what: str
    seconds: float
    deadline: float


_running: ContextVar[tuple[Clock, ...]] = ContextVar("export_reader_clocks", default=())


class ReadingCutOff(BadData):
    """A reader spent longer than its limit on one file or one export."""

    def __init__(self, clock: Clock) -> None:
        self.clock = clock
        super().__init__(
            _("{what}: reading it took longer than {seconds} seconds").format(
                what=clock.what, seconds=f"{clock.seconds:g}"
            )
        )


def check() -> None:
    """Raise ``ReadingCutOff`` if any running clock has run out; cheap enough for every loop."""
    clocks = _running.get()
    if clocks:
        now = time.monotonic()
        for clock in clocks:
            if now > clock.deadline:
                raise ReadingCutOff(clock)


@contextmanager
def timed(what: str, seconds: float) -> Iterator[Clock]:
    """Run the block under a clock of ``seconds`` named ``what``."""
    clock = Clock(what=what, seconds=seconds, deadline=time.monotonic() + seconds)
    token = _running.set((*_running.get(), clock))
    try:
        yield clock
    finally:
        _running.reset(token)


def per_file(
    reading: ExportReading, path: str, work: Callable[P, object], *args: P.args, **kwargs: P.kwargs
) -> None:
    """Do ``work`` on the file ``path``; if it runs over its limit, record that and go on."""
    with timed(path, SECONDS_PER_FILE) as clock:
        try:
            work(*args, **kwargs)
        except ReadingCutOff as cut:
            if cut.clock is not clock:  # an outer clock ran out: the whole export stops
                raise
            reading.problems.append(
                _(
                    "{path}: reading it took longer than {seconds} seconds, so it was cut off; "
                    "the rest of the export was read"
                ).format(path=path, seconds=f"{clock.seconds:g}")
            )
