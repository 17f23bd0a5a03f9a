"""Errors in three tiers: bad data (per item), environment (a person can act on it), and bugs."""

from __future__ import annotations


class BadData(Exception):
    """One input item is unreadable or hostile; record it and go on with the scan."""


class EnvironmentProblem(Exception):
    """The machine or setup is in the way (disk full, audit locked, models missing).

    The message is written for the user and says what to do.
    """
