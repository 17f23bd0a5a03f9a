"""WhatsApp chat export: iOS ``_chat.txt`` and Android ``<chat>.txt`` with attached media."""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from datetime import datetime

from exposure_audit.exports import cutoff
from exposure_audit.exports.common import complete, iso_from_datetime, media_paths, safe_read
from exposure_audit.exports.context import ExportReading, ExportTree, PhotoContext
from exposure_audit.vocabulary import AudienceBasis, PhotoKind

PLATFORM = "WhatsApp"
BASIS = AudienceBasis.WHATSAPP_CHAT
LINE = re.compile(
    r"^[\u200e\u200f\ufeff]*\[?(?P<date>\d{1,4}[./-]\d{1,2}[./-]\d{1,4}),?\s+"
    r"(?P<time>\d{1,2}[:.]\d{2}(?:[:.]\d{2})?(?:\s?[AaPp]\.?\s?[Mm]\.?)?)\]?\s*[-–]?\s*"
    r"(?P<rest>.*)$"
)
# Attachment names: runs between separators, cut after an extension. A name is at most 255
# characters, so longer runs are skipped: every line costs time in proportion to its length
# (a pattern scanning each run from every position took minutes on one long line).
SEPARATORS = re.compile(r"[\s<>:\u200e\u200f\"']+")
EXTENSION = re.compile(r"\.[A-Za-z0-9]{2,5}")
MAX_NAME = 255
SNIFF_BYTES = 4096


@dataclass(frozen=True)
class DateOrder:
    year_first: bool
    day_first: bool


def parts_of(date: str) -> list[int]:
    return [int(p) for p in re.split(r"[./-]", date)]


def guess_order(dates: list[str], twelve_hour: bool) -> DateOrder:
    """Day-first unless some date proves month-first (or 12-hour times hint at US style)."""
    numbers = [parts_of(d) for d in set(dates)]  # a chat has few distinct days
    if any(n[0] > 31 for n in numbers):
        return DateOrder(year_first=True, day_first=False)
    if any(n[0] > 12 for n in numbers):
        return DateOrder(year_first=False, day_first=True)
    if any(n[1] > 12 for n in numbers):
        return DateOrder(year_first=False, day_first=False)
    return DateOrder(year_first=False, day_first=not twelve_hour)


def parse_when(date: str, time: str, order: DateOrder) -> str | None:
    a, b, c = parts_of(date)
    year, month, day = (
        (a, b, c) if order.year_first else (c, b, a) if order.day_first else (c, a, b)
    )
    year += 2000 if year < 100 else 0
    clock = re.findall(r"\d+", time)
    hour, minute = int(clock[0]), int(clock[1])
    second = int(clock[2]) if len(clock) > 2 else 0
    suffix = re.sub(r"[^a-z]", "", time.lower())
    if suffix.startswith("p") and hour < 12:
        hour += 12
    elif suffix.startswith("a") and hour == 12:
        hour = 0
    try:
        return iso_from_datetime(datetime(year, month, day, hour, minute, second))
    except ValueError:
        return None


def attachment_names(rest: str) -> list[str]:
    """Every name a message could give an attached file: each run between separators, up to
    each extension in it ("IMG-1.jpg (file attached)" gives "IMG-1.jpg")."""
    names: list[str] = []
    if "." not in rest:  # most messages: no file name in them
        return names
    for run in SEPARATORS.split(rest):
        if len(run) <= MAX_NAME:
            names += [run[: found.end()] for found in EXTENSION.finditer(run) if found.start()]
    return names


def chat_lines(text: str) -> list[tuple[str, str, str]]:
    found = []
    for line in text.splitlines():
        cutoff.check()
        match = LINE.match(line)
        if match:
            found.append((match["date"], match["time"], match["rest"]))
    return found


def chat_name(tree: ExportTree, path: str) -> str:
    name = posixpath.basename(path)
    if name == "_chat.txt":
        part = tree.part_of(path)
        name = posixpath.basename(part.rstrip("/"))
    return re.sub(r"\.(txt|zip)$", "", name, flags=re.IGNORECASE)


def is_chat(tree: ExportTree, path: str) -> bool:
    if not path.lower().endswith(".txt"):
        return False
    head = (safe_read(tree, path) or b"")[:SNIFF_BYTES].decode("utf-8", errors="replace")
    return bool(chat_lines(head))


class WhatsAppAdapter:
    """Recognises a ``.txt`` whose lines start with WhatsApp's date-and-time prefix."""

    platform = PLATFORM
    keeps_exif = False

    def recognise(self, tree: ExportTree) -> bool:
        return any(is_chat(tree, p) for p in tree.paths if p.lower().endswith(".txt"))

    def read(self, tree: ExportTree) -> ExportReading:
        reading = ExportReading(platform=PLATFORM)
        # Media by folder once, not once per chat: a chat names only files beside it.
        by_folder: dict[str, dict[str, str]] = {}
        for media in media_paths(tree):
            by_folder.setdefault(posixpath.dirname(media), {})[posixpath.basename(media)] = media
        for path in (p for p in tree.paths if is_chat(tree, p)):
            local = by_folder.get(posixpath.dirname(path), {})
            cutoff.per_file(reading, path, self._chat, tree, path, local, reading)
        return complete(reading, tree, PLATFORM, PLATFORM)

    @staticmethod
    def _chat(tree: ExportTree, path: str, local: dict[str, str], reading: ExportReading) -> None:
        if not local:  # no media beside the chat: nothing it names can be found
            return
        text = (safe_read(tree, path) or b"").decode("utf-8", errors="replace")
        lines = chat_lines(text)
        order = guess_order([d for d, _, _ in lines], any("m" in t.lower() for _, t, _ in lines))
        name = chat_name(tree, path)
        for date, time, rest in lines:
            cutoff.check()
            for token in attachment_names(rest):
                if token in local:
                    reading.contexts[local[token]] = PhotoContext(
                        platform=PLATFORM,
                        kind=PhotoKind.MESSAGE_ATTACHMENT,
                        album=name,
                        uploaded_at=parse_when(date, time, order),
                        audience="private",
                        audience_basis=BASIS,
                    )
