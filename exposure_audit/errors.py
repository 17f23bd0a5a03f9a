"""Errors in named tiers: bad data (per item), the user's mistake, environment, and bugs
(any other exception)."""

from __future__ import annotations


class BadData(Exception):
    """One input item is unreadable or hostile; record it and go on with the scan."""


class UserMistake(Exception):
    """The person asked for something that cannot be done as asked; the message says what can."""


class EnvironmentProblem(Exception):
    """The machine or setup is in the way (disk full, audit locked, models missing).

    The message is written for the user and says what to do.
    """
