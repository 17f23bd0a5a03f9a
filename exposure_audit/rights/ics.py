"""iCalendar (RFC 5545) export of request due dates as all-day events."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone

PRODID = "-//Exposure Audit//Request deadlines//EN"
MAX_OCTETS = 75


@dataclass(frozen=True)
class DueEvent:
    """One due date to put in a calendar; ``uid`` must be stable for the request."""

    uid: str
    title: str
    due: date
    description: str = ""
    url: str | None = None


def escape_text(value: str) -> str:
    """Escape a TEXT value (RFC 5545 §3.3.11)."""
    value = value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return value.replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n")


def fold(line: str) -> str:
    """Fold a content line at 75 octets without splitting a UTF-8 character (RFC 5545 §3.1)."""
    parts: list[str] = []
    current, size, limit = "", 0, MAX_OCTETS
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            parts.append(current)
            current, size, limit = "", 0, MAX_OCTETS - 1
        current += char
        size += width
    parts.append(current)
    return "\r\n ".join(parts)


def _stamp(moment: datetime) -> str:
    return moment.astimezone(timezone.utc).strftime("%Y%m%dT%H%M%SZ")


def _event(event: DueEvent, stamp: str) -> list[str]:
    lines = [
        "BEGIN:VEVENT",
        f"UID:{escape_text(event.uid)}",
        f"DTSTAMP:{stamp}",
        f"DTSTART;VALUE=DATE:{event.due:%Y%m%d}",
        f"DTEND;VALUE=DATE:{event.due + timedelta(days=1):%Y%m%d}",
        f"SUMMARY:{escape_text(event.title)}",
        "TRANSP:TRANSPARENT",
    ]
    if event.description:
        lines.append(f"DESCRIPTION:{escape_text(event.description)}")
    if event.url:
        lines.append(f"URL:{event.url}")
    lines.append("END:VEVENT")
    return lines


def ics_for_requests(rows: Iterable[DueEvent], now: datetime | None = None) -> str:
    """A VCALENDAR with one all-day VEVENT per row, CRLF line endings, folded lines."""
    stamp = _stamp(now or datetime.now(timezone.utc))
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{PRODID}", "CALSCALE:GREGORIAN"]
    for row in rows:
        lines.extend(_event(row, stamp))
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)
