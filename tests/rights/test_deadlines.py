"""Deadlines per jurisdiction, receipt dates across time zones, next steps, iCalendar export."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from exposure_audit.rights.deadlines import (
    RequestState,
    add_months,
    due_date,
    is_overdue,
    next_step,
    received_from_sent,
)
from exposure_audit.rights.ics import DueEvent, fold, ics_for_requests


@pytest.mark.parametrize(
    ("received", "due"),
    [
        (date(2027, 1, 31), date(2027, 2, 28)),  # no 31 Feb: last day of February
        (date(2028, 1, 31), date(2028, 2, 29)),  # leap year
        (date(2028, 1, 30), date(2028, 2, 29)),
        (date(2028, 1, 29), date(2028, 2, 29)),
        (date(2026, 3, 31), date(2026, 4, 30)),
        (date(2026, 8, 31), date(2026, 9, 30)),
        (date(2026, 12, 15), date(2027, 1, 15)),  # year boundary
        (date(2026, 4, 30), date(2026, 5, 30)),  # corresponding date, not month end
    ],
)
def test_one_month_corresponding_date(received: date, due: date) -> None:
    for jurisdiction in ("EU", "UK"):
        assert due_date(received, jurisdiction, roll_weekend=False) == due


def test_weekend_rolls_to_monday() -> None:
    # 2026-02-28 is a Saturday.
    assert due_date(date(2026, 1, 31), "EU") == date(2026, 3, 2)
    assert due_date(date(2026, 1, 31), "EU", roll_weekend=False) == date(2026, 2, 28)
    # 2028-02-29 is a Tuesday: unchanged.
    assert due_date(date(2028, 1, 31), "UK") == date(2028, 2, 29)


def test_extension_counts_three_months_from_receipt() -> None:
    assert add_months(date(2027, 1, 31), 3) == date(2027, 4, 30)
    assert due_date(date(2027, 1, 31), "EU", extended=True) == date(2027, 4, 30)
    assert due_date(date(2027, 11, 30), "UK", extended=True, roll_weekend=False) == date(
        2028, 2, 29
    )


def test_ccpa_45_days() -> None:
    assert due_date(date(2026, 1, 1), "CCPA") == date(2026, 2, 15)
    assert due_date(date(2028, 2, 1), "CCPA") == date(2028, 3, 17)
    assert due_date(date(2026, 1, 1), "CCPA", extended=True) == date(2026, 4, 1)


def test_unknown_jurisdiction() -> None:
    with pytest.raises(ValueError, match="jurisdiction"):
        due_date(date(2026, 1, 1), "US")


def test_email_received_on_controller_local_day() -> None:
    # 23:30 in Berlin on 31 Jan is 22:30 in Dublin: still 31 Jan there.
    sent = datetime(2028, 1, 31, 23, 30, tzinfo=ZoneInfo("Europe/Berlin"))
    assert received_from_sent(sent, "email", "Europe/Dublin") == date(2028, 1, 31)
    # 00:30 in Berlin on 1 Feb is 23:30 on 31 Jan in Dublin.
    sent = datetime(2028, 2, 1, 0, 30, tzinfo=ZoneInfo("Europe/Berlin"))
    assert received_from_sent(sent, "webform", "Europe/Dublin") == date(2028, 1, 31)
    # 20:00 on 31 Jan in California is already 1 Feb in Dublin.
    sent = datetime(2028, 1, 31, 20, 0, tzinfo=ZoneInfo("America/Los_Angeles"))
    assert received_from_sent(sent, "email", "Europe/Dublin") == date(2028, 2, 1)
    assert received_from_sent(sent, "email", "America/Los_Angeles") == date(2028, 1, 31)


def test_received_accepts_tzinfo_and_rejects_naive() -> None:
    sent = datetime(2026, 6, 30, 23, 59, tzinfo=timezone.utc)
    assert received_from_sent(sent, "email", timezone(timedelta(hours=1))) == date(2026, 7, 1)
    with pytest.raises(ValueError, match="timezone"):
        received_from_sent(datetime(2026, 6, 30), "email", "UTC")
    with pytest.raises(ValueError, match="channel"):
        received_from_sent(sent, "pigeon", "UTC")


def test_post_adds_two_working_days() -> None:
    friday = datetime(2026, 7, 24, 10, 0, tzinfo=ZoneInfo("Europe/Dublin"))
    assert received_from_sent(friday, "post", "Europe/Dublin") == date(2026, 7, 28)
    monday = datetime(2026, 7, 27, 10, 0, tzinfo=ZoneInfo("Europe/Dublin"))
    assert received_from_sent(monday, "post", "Europe/Dublin") == date(2026, 7, 29)


def test_overdue_only_after_due_day() -> None:
    due = date(2028, 2, 29)
    assert not is_overdue(due, due)
    assert is_overdue(due, date(2028, 3, 1))


def test_next_step_rhythm() -> None:
    state = RequestState(received=date(2028, 1, 31), jurisdiction="EU")
    assert state.due == date(2028, 2, 29)
    assert next_step(state, date(2028, 2, 29)) == "wait"
    assert next_step(state, date(2028, 3, 1)) == "reminder"
    reminded = RequestState(date(2028, 1, 31), "EU", reminder_sent=date(2028, 3, 2))
    assert next_step(reminded, date(2028, 3, 16)) == "wait"
    assert next_step(reminded, date(2028, 3, 17)) == "complaint"
    answered = RequestState(date(2028, 1, 31), "EU", answered=True)
    assert next_step(answered, date(2029, 1, 1)) == "done"
    filed = RequestState(
        date(2028, 1, 31), "EU", reminder_sent=date(2028, 3, 2), complaint_sent=date(2028, 3, 20)
    )
    assert next_step(filed, date(2028, 4, 1)) == "done"


def test_next_step_respects_extension() -> None:
    state = RequestState(date(2026, 3, 2), "EU", extended=True)
    assert next_step(state, date(2026, 5, 20)) == "wait"
    assert next_step(state, date(2026, 6, 3)) == "reminder"


def _unfold(text: str) -> list[str]:
    return text.replace("\r\n ", "").split("\r\n")


def test_ics_structure_and_line_endings() -> None:
    events = [
        DueEvent(
            "req-1@exposure-audit",
            "Answer due: Meta; access, erasure",
            date(2028, 2, 29),
            "Reference EA-2028-001.\nSend the reminder if nothing came.",
        ),
        DueEvent("req-2@exposure-audit", "Answer due: Google", date(2026, 12, 31)),
    ]
    text = ics_for_requests(events, now=datetime(2026, 7, 1, 12, 0, tzinfo=timezone.utc))
    assert text.endswith("\r\n")
    assert "\n" not in text.replace("\r\n", "")
    lines = _unfold(text)
    assert lines[0] == "BEGIN:VCALENDAR"
    assert lines[-2] == "END:VCALENDAR"
    assert "VERSION:2.0" in lines
    assert lines.count("BEGIN:VEVENT") == 2
    assert "UID:req-1@exposure-audit" in lines
    assert "DTSTAMP:20260701T120000Z" in lines
    assert "DTSTART;VALUE=DATE:20280229" in lines
    assert "DTEND;VALUE=DATE:20280301" in lines
    assert "DTEND;VALUE=DATE:20270101" in lines
    assert "SUMMARY:Answer due: Meta\\; access\\, erasure" in lines
    assert "DESCRIPTION:Reference EA-2028-001.\\nSend the reminder if nothing came." in lines


def test_folding_at_75_octets_keeps_utf8_whole() -> None:
    line = "SUMMARY:" + "Löschung für Ärger " * 10
    folded = fold(line)
    for part in folded.split("\r\n"):
        assert len(part.encode("utf-8")) <= 75
    assert folded.replace("\r\n ", "") == line
    event = DueEvent("x", "É" * 100, date(2026, 1, 1))
    for physical in ics_for_requests([event]).split("\r\n"):
        assert len(physical.encode("utf-8")) <= 75
