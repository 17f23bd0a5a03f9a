"""Answer deadlines for data subject requests (EU GDPR, UK GDPR, CCPA) and what to do next."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo
from zoneinfo import ZoneInfo

from exposure_audit.vocabulary import Channel, Jurisdiction, NextStep

JURISDICTIONS: tuple[str, ...] = Jurisdiction.values()
CCPA_DAYS = 45
POST_BUSINESS_DAYS = 2
REMINDER_GRACE_DAYS = 14


def add_months(start: date, months: int) -> date:
    """The corresponding date ``months`` later; a missing day becomes the month's last day.

    This is the rule of Regulation (EEC, Euratom) No 1182/71 Art. 3(2)(c) for the EU and the
    ICO's rule for the UK: 31 January + 1 month = 28 (29) February.
    """
    index = start.month - 1 + months
    year, month = start.year + index // 12, index % 12 + 1
    last = calendar.monthrange(year, month)[1]
    return date(year, month, min(start.day, last))


def next_working_day(day: date) -> date:
    """``day`` itself, or the Monday after it if it falls on a weekend (holidays are not known)."""
    while day.weekday() >= 5:
        day += timedelta(days=1)
    return day


def due_date(
    received: date,
    jurisdiction: Jurisdiction | str,
    extended: bool = False,
    *,
    roll_weekend: bool = True,
) -> date:
    """The last day for the controller to answer a request received on ``received``.

    EU and UK: one month from receipt (Art. 12(3)), three months when extended by two further
    months; a deadline on a Saturday or Sunday moves to the Monday (Reg. 1182/71 Art. 3(4);
    ICO guidance) unless ``roll_weekend`` is False. Public holidays are not taken into account.
    CCPA: 45 calendar days, 90 when extended with notice (Cal. Civ. Code §1798.130(a)(2)).
    """
    if jurisdiction == Jurisdiction.CCPA:
        return received + timedelta(days=CCPA_DAYS * (2 if extended else 1))
    if jurisdiction not in (Jurisdiction.EU, Jurisdiction.UK):
        raise ValueError(f"unknown jurisdiction {jurisdiction!r}; expected one of {JURISDICTIONS}")
    due = add_months(received, 3 if extended else 1)
    return next_working_day(due) if roll_weekend else due


def _zone(tz: str | tzinfo) -> tzinfo:
    return ZoneInfo(tz) if isinstance(tz, str) else tz


def add_business_days(day: date, count: int) -> date:
    """``count`` working days (Monday to Friday) after ``day``."""
    while count > 0:
        day += timedelta(days=1)
        if day.weekday() < 5:
            count -= 1
    return day


def received_from_sent(sent: datetime, channel: Channel | str, tz: str | tzinfo) -> date:
    """The date a request counts as received, in the controller's time zone ``tz``.

    Email and web form: the calendar day at the controller when it was sent.
    Post: an assumption of two working days for delivery (first-class post within Europe);
    record the real date of receipt when a tracking number shows it.
    ``sent`` must carry its time zone.
    """
    if sent.tzinfo is None or sent.utcoffset() is None:
        raise ValueError("sent must be timezone-aware")
    local = sent.astimezone(_zone(tz)).date()
    if channel in (Channel.EMAIL, Channel.WEBFORM):
        return local
    if channel == Channel.POST:
        return add_business_days(local, POST_BUSINESS_DAYS)
    raise ValueError(f"unknown channel {channel!r}; expected email, webform or post")


def is_overdue(due: date, today: date) -> bool:
    """True once the whole due day has passed."""
    return today > due


@dataclass(frozen=True)
class RequestState:
    """What the tracker knows about one request, enough to say what comes next."""

    received: date
    jurisdiction: str
    extended: bool = False
    answered: bool = False
    reminder_sent: date | None = None
    complaint_sent: date | None = None

    @property
    def due(self) -> date:
        return due_date(self.received, self.jurisdiction, self.extended)


def complaint_from(state: RequestState) -> date | None:
    """The first day a complaint is suggested: the day after the reminder's grace period."""
    if state.reminder_sent is None:
        return None
    return state.reminder_sent + timedelta(days=REMINDER_GRACE_DAYS + 1)


def next_step(state: RequestState, today: date) -> NextStep:
    """What to do today, following datarequests.org's rhythm.

    Wait until the deadline has passed, then send a reminder giving 14 more days,
    then complain to the authority. Answered requests and filed complaints are done.
    """
    if state.answered or state.complaint_sent is not None:
        return NextStep.DONE
    if not is_overdue(state.due, today):
        return NextStep.WAIT
    start = complaint_from(state)
    if start is None:
        return NextStep.REMINDER
    return NextStep.COMPLAINT if today >= start else NextStep.WAIT
