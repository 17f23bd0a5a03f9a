"""The one error of the command line itself, and the answers to its questions."""

from __future__ import annotations

from exposure_audit.errors import UserMistake
from exposure_audit.i18n import pgettext


class UsageError(UserMistake):
    """The command line asked for something that cannot be done as asked."""


def said_yes(answer: str) -> bool:
    """Whether an answer to a "[y/N]" question is yes, in English or in the language in force."""
    words = {"y", "yes", pgettext("answer to [y/N]", "y"), pgettext("answer to [y/N]", "yes")}
    return answer.strip().lower() in {word.lower() for word in words}
