"""Deadlines per jurisdiction, receipt dates across time zones, next steps, iCalendar export."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from exposure_audit.errors import UserMistake
from exposure_audit.rights.deadlines import (
    RequestState,
    add_months,
    check_extension,
    due_date,
    easter_sunday,
    is_overdue,
    next_step,
    public_holidays,
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


@pytest.mark.parametrize(
    ("year", "easter"),
    [(2024, date(2024, 3, 31)), (2025, date(2025, 4, 20)), (2027, date(2027, 3, 28))],
)
def test_easter(year: int, easter: date) -> None:
    assert easter_sunday(year) == easter


def test_public_holidays_of_the_controllers_country_move_a_deadline() -> None:
    # received 25 November 2026: one month is Friday 25 December; in Ireland St Stephen's Day
    # falls on the Saturday and its Monday off follows, so the deadline is Tuesday
    assert due_date(date(2026, 11, 25), "EU", country="IE") == date(2026, 12, 29)
    assert due_date(date(2026, 11, 25), "EU", country="NL") == date(2026, 12, 28)
    assert due_date(date(2026, 11, 25), "EU", country="FR") == date(2026, 12, 28)  # 26th: Sat
    assert due_date(date(2026, 11, 25), "EU") == date(2026, 12, 25)  # no country: weekends only
    # Easter Monday 2027 (29 March) in Ireland; Good Friday (26 March) in the UK
    assert due_date(date(2027, 2, 28), "EU", country="IE") == date(2027, 3, 30)
    assert due_date(date(2027, 2, 26), "UK", country="GB") == date(2027, 3, 30)
    assert date(2027, 2, 1) in public_holidays(2027, "IE")  # St Brigid's Day, a Monday
    assert public_holidays(2027, "US") == frozenset()


def test_ccpa_opt_out_and_limit_requests_get_15_business_days() -> None:
    # Friday 4 December 2026 + 15 business days = Friday 25 December
    assert due_date(date(2026, 12, 4), "CCPA", types=["objection"]) == date(2026, 12, 25)
    assert due_date(date(2026, 12, 4), "CCPA", types=["objection", "withdraw_consent"]) == date(
        2026, 12, 25
    )
    assert due_date(date(2026, 12, 4), "CCPA", types=["objection", "access"]) == date(2027, 1, 18)


def test_an_extension_beyond_two_further_months_is_refused() -> None:
    received = date(2026, 12, 5)
    check_extension(received, "EU", date(2027, 3, 5), date(2026, 12, 20), country="IE")
    with pytest.raises(UserMistake, match="2027-03-05 at most"):
        check_extension(received, "EU", date(2027, 8, 1), date(2026, 12, 20), country="IE")


def test_an_extension_announced_after_the_first_deadline_is_refused() -> None:
    with pytest.raises(UserMistake, match="announced by 2027-01-05"):
        check_extension(date(2026, 12, 5), "EU", date(2027, 3, 5), date(2027, 1, 10), country="IE")
    with pytest.raises(UserMistake, match="announced by"):  # CCPA: notice within 45 days
        check_extension(date(2026, 1, 1), "CCPA", date(2026, 4, 1), date(2026, 2, 20))
    check_extension(date(2026, 1, 1), "CCPA", date(2026, 4, 1), date(2026, 2, 14))


def test_an_opt_out_request_cannot_be_extended() -> None:
    with pytest.raises(UserMistake, match="cannot be extended"):
        check_extension(
            date(2026, 1, 1), "CCPA", date(2026, 2, 1), date(2026, 1, 2), types=["objection"]
        )


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
