"""The one error of the command line itself: a request it cannot carry out as written."""

from __future__ import annotations


class UsageError(Exception):
    """The command line asked for something that cannot be done as asked."""
