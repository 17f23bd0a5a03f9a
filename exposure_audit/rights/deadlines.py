"""Answer deadlines for data subject requests (EU GDPR, UK GDPR, CCPA) and what to do next."""

from __future__ import annotations

import calendar
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo
from zoneinfo import ZoneInfo

from exposure_audit.errors import UserMistake
from exposure_audit.i18n import _
from exposure_audit.vocabulary import Channel, Jurisdiction, NextStep, Right

JURISDICTIONS: tuple[str, ...] = Jurisdiction.values()
CCPA_DAYS = 45
# Requests to opt out of sale or sharing (CCPA Regulations §7026(f)) and to limit the use of
# sensitive personal information (§7027(g)) are answered within 15 business days.
CCPA_OPT_OUT_BUSINESS_DAYS = 15
CCPA_OPT_OUT_RIGHTS = frozenset({Right.OBJECTION, Right.WITHDRAW_CONSENT})
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


def easter_sunday(year: int) -> date:
    """Western Easter (the anonymous Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    weekday_shift = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * weekday_shift) // 451
    month, day = divmod(h + weekday_shift - 7 * m + 114, 31)
    return date(year, month, day + 1)


def _weekday_in(year: int, month: int, weekday: int, nth: int) -> date:
    """The ``nth`` (1-based; -1 the last) ``weekday`` (0 = Monday) of a month."""
    if nth > 0:
        first = date(year, month, 1)
        return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1))
    last = date(year, month, calendar.monthrange(year, month)[1])
    return last - timedelta(days=(last.weekday() - weekday) % 7)


def _with_substitutes(days: set[date], fixed: set[date]) -> set[date]:
    """A fixed-date holiday on a weekend gives the next free weekday off (Ireland, UK)."""
    out = set(days)
    for day in sorted(fixed):
        if day.weekday() >= 5:
            extra = day
            while extra.weekday() >= 5 or extra in out:
                extra += timedelta(days=1)
            out.add(extra)
    return out


def public_holidays(year: int, country: str) -> frozenset[date]:
    """The national public holidays of ``country`` in ``year`` that move a deadline.

    Known for the countries where the bundled controllers are established in Europe (IE, GB
    for England and Wales, NL, DE nationwide, FR, PL); elsewhere none are known, and only
    weekends move a deadline.
    """
    easter = easter_sunday(year)

    def after_easter(days: int) -> date:
        return easter + timedelta(days=days)

    def on(month: int, day: int) -> date:
        return date(year, month, day)

    code = country.upper()
    if code == "IE":
        fixed = {on(1, 1), on(3, 17), on(12, 25), on(12, 26)}
        brigid = on(2, 1) if on(2, 1).weekday() == 4 else _weekday_in(year, 2, 0, 1)
        moving = {after_easter(1), _weekday_in(year, 5, 0, 1), _weekday_in(year, 6, 0, 1)}
        moving |= {_weekday_in(year, 8, 0, 1), _weekday_in(year, 10, 0, -1)}
        if year >= 2023:
            moving.add(brigid)
        return frozenset(_with_substitutes(fixed | moving, fixed))
    if code == "GB":
        fixed = {on(1, 1), on(12, 25), on(12, 26)}
        moving = {after_easter(-2), after_easter(1), _weekday_in(year, 5, 0, 1)}
        moving |= {_weekday_in(year, 5, 0, -1), _weekday_in(year, 8, 0, -1)}
        return frozenset(_with_substitutes(fixed | moving, fixed))
    if code == "NL":  # the days the Algemene termijnenwet names
        kings_day = on(4, 26) if on(4, 27).weekday() == 6 else on(4, 27)
        return frozenset(
            {on(1, 1), after_easter(-2), after_easter(1), kings_day, on(5, 5), after_easter(39)}
            | {after_easter(50), on(12, 25), on(12, 26)}
        )
    if code == "DE":
        return frozenset(
            {on(1, 1), after_easter(-2), after_easter(1), on(5, 1), after_easter(39)}
            | {after_easter(50), on(10, 3), on(12, 25), on(12, 26)}
        )
    if code == "FR":
        return frozenset(
            {on(1, 1), after_easter(1), on(5, 1), on(5, 8), after_easter(39), after_easter(50)}
            | {on(7, 14), on(8, 15), on(11, 1), on(11, 11), on(12, 25)}
        )
    if code == "PL":
        days = {on(1, 1), on(1, 6), easter, after_easter(1), on(5, 1), on(5, 3)}
        days |= {after_easter(49), after_easter(60), on(8, 15), on(11, 1), on(11, 11)}
        days |= {on(12, 25), on(12, 26)} | ({on(12, 24)} if year >= 2025 else set())
        return frozenset(days)
    return frozenset()


def next_working_day(day: date, country: str | None = None) -> date:
    """``day`` itself, or the next day that is neither a weekend nor a public holiday of
    ``country`` (Reg. 1182/71 Art. 3(4)); without a country only weekends move it."""
    while day.weekday() >= 5 or (country and day in public_holidays(day.year, country)):
        day += timedelta(days=1)
    return day


def is_opt_out_only(types: Iterable[str]) -> bool:
    """Whether a CCPA request only opts out or limits use (15 business days, not 45 days)."""
    kinds = set(types)
    return bool(kinds) and kinds <= CCPA_OPT_OUT_RIGHTS


def due_date(
    received: date,
    jurisdiction: Jurisdiction | str,
    extended: bool = False,
    *,
    roll_weekend: bool = True,
    country: str | None = None,
    types: Iterable[str] = (),
) -> date:
    """The last day for the controller to answer a request received on ``received``.

    EU and UK: one month from receipt (Art. 12(3)), three months when extended by two further
    months; a deadline on a Saturday, a Sunday or a public holiday of the controller's
    ``country`` moves to the next working day (Reg. 1182/71 Art. 3(4); ICO guidance) unless
    ``roll_weekend`` is False.
    CCPA: 45 calendar days, 90 when extended with notice (Cal. Civ. Code §1798.130(a)(2));
    requests that only opt out or limit use (``types``): 15 business days (Regs §§7026(f),
    7027(g)), with no extension.
    """
    if jurisdiction == Jurisdiction.CCPA:
        if is_opt_out_only(types):
            return add_business_days(received, CCPA_OPT_OUT_BUSINESS_DAYS)
        return received + timedelta(days=CCPA_DAYS * (2 if extended else 1))
    if jurisdiction not in (Jurisdiction.EU, Jurisdiction.UK):
        raise ValueError(f"unknown jurisdiction {jurisdiction!r}; expected one of {JURISDICTIONS}")
    due = add_months(received, 3 if extended else 1)
    return next_working_day(due, country) if roll_weekend else due


def check_extension(
    received: date,
    jurisdiction: Jurisdiction | str,
    until: date,
    announced: date,
    *,
    country: str | None = None,
    types: Iterable[str] = (),
) -> None:
    """Refuse an extension the law does not allow.

    EU and UK (Art. 12(3)): at most two further months, announced within the first month.
    CCPA (Regs §7021(b)): at most 45 more days, with notice within the first 45 days; an
    opt-out or limit request cannot be extended.

    Raises:
        UserMistake: the extension is longer, or was announced later, than the law allows.
    """
    kinds = tuple(types)
    if jurisdiction == Jurisdiction.CCPA and is_opt_out_only(kinds):
        raise UserMistake(
            _("An opt-out or limit request cannot be extended: the business had 15 business days.")
        )
    first = due_date(received, jurisdiction, country=country, types=kinds)
    longest = due_date(received, jurisdiction, True, country=country, types=kinds)
    if until > longest:
        raise UserMistake(
            _(
                "The law allows an extension to {longest} at most, not to {until}. Record the"
                " date the company gave, up to that day."
            ).format(longest=longest.isoformat(), until=until.isoformat())
        )
    if announced > first:
        raise UserMistake(
            _(
                "An extension must be announced by {first}, the first deadline; one announced on"
                " {announced} came too late, so the request is overdue."
            ).format(first=first.isoformat(), announced=announced.isoformat())
        )


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


def received_on(sent: date | datetime, channel: Channel | str, timezone: str) -> date:
    """When a request sent on ``sent`` counts as received by a controller in ``timezone``;
    a bare date counts as sent at noon there."""
    if not isinstance(sent, datetime):
        sent = datetime.combine(sent, time(12, 0), ZoneInfo(timezone))
    return received_from_sent(sent, channel, timezone)


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
    country: str | None = None  # the controller's, whose public holidays move the deadline
    types: tuple[str, ...] = ()

    @property
    def due(self) -> date:
        return due_date(
            self.received, self.jurisdiction, self.extended, country=self.country, types=self.types
        )


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
