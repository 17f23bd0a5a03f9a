"""Messages shown to people: one gettext system for the core, the command line and the app.

Mark every user-visible string where it is shown: `_("Scan")`, `ngettext("%(n)d photo", "%(n)d
photos", n) % {"n": n}`. Module-level constants are marked with `N_` and translated when shown,
so that a change of language applies to them too. Never use `_` as a throwaway name in a module
that imports it.
"""

from __future__ import annotations

import gettext

_translation: gettext.NullTranslations = gettext.NullTranslations()


def _(message: str) -> str:
    """The message in the language in force."""
    return _translation.gettext(message)


def N_(message: str) -> str:
    """Mark a message for extraction without translating it yet (translate where shown)."""
    return message


def ngettext(singular: str, plural: str, n: int) -> str:
    """The singular or plural form of a message, as the language in force counts `n`."""
    return _translation.ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    """A message whose translation depends on where it is used (a button, a heading)."""
    return _translation.pgettext(context, message)
