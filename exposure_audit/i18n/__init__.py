"""Messages shown to people: one gettext system for the core, the command line and the app.

Mark every user-visible string where it is shown: `_("Scan")`, `ngettext("%(n)d photo", "%(n)d
photos", n) % {"n": n}`. Module-level constants are marked with `N_` and translated when shown,
so that a change of language applies to them too; one English word with two meanings ("Post":
a photo on a platform, or letters sent by mail) gets a context, ``pgettext`` where shown or
``NC_`` for a constant (shown with ``translated``). Never use `_` as a throwaway name in a module
that imports it.

The language in force follows the system as gettext does (``LANGUAGE``, ``LC_ALL``,
``LC_MESSAGES``, ``LANG``) until ``set_language`` chooses one; the app passes the user's UI
language (Windows, macOS) and its Language setting. Catalogues are the compiled ``.mo`` files
under ``resources/locale/<lang>/LC_MESSAGES/``, made by ``scripts/messages.py``.
"""

from __future__ import annotations

import gettext
import os
from collections.abc import Callable
from importlib import resources
from pathlib import Path

DOMAIN = "exposure_audit"
SOURCE_LANGUAGE = "en"
# The languages the app is translated into, with their own names (shown untranslated).
LANGUAGES: dict[str, str] = {
    "en": "English",
    "nl": "Nederlands",
    "de": "Deutsch",
    "fr": "Français",
}
ENVIRONMENT = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")

_translation: gettext.NullTranslations = gettext.NullTranslations()
_language = SOURCE_LANGUAGE
_listeners: list[Callable[[str], None]] = []


def locale_dir() -> Path:
    return Path(str(resources.files("resources").joinpath("locale")))


def language_of(tag: str | None) -> str | None:
    """The supported language a locale name names (``nl_NL.UTF-8`` → ``nl``), or None."""
    if not tag:
        return None
    code = tag.split(".")[0].split("@")[0].replace("-", "_").split("_")[0].lower()
    return code if code in LANGUAGES else None


def system_language(environ: dict[str, str] | None = None) -> str | None:
    """The language the environment asks for, read as gettext reads it; None if none is set.

    The first of LANGUAGE, LC_ALL, LC_MESSAGES, LANG that is set decides; LANGUAGE may list
    several languages (``nl:de``), the first supported one wins. "C" and "POSIX" mean English.
    """
    env = os.environ if environ is None else environ
    for name in ENVIRONMENT:
        value = env.get(name, "")
        if not value:
            continue
        if name == "LANGUAGE" and env.get("LC_ALL", env.get("LANG", "")) in ("C", "POSIX"):
            continue  # gettext ignores LANGUAGE under the C locale
        for part in value.split(":"):
            if part in ("C", "POSIX") or part.startswith("C."):
                return SOURCE_LANGUAGE
            found = language_of(part)
            if found:
                return found
        if name != "LANGUAGE":
            return SOURCE_LANGUAGE  # set, but to a language this app does not speak
    return None


def set_language(code: str | None) -> str:
    """Put a language in force for every message shown from now on; returns the one in force.

    ``None`` or an unsupported code falls back to the system's language, then to English.
    Listeners (the app's windows) are told so they can show their texts again.
    """
    global _translation, _language
    chosen = code if code in LANGUAGES else system_language() or SOURCE_LANGUAGE
    if chosen == SOURCE_LANGUAGE:
        translation: gettext.NullTranslations = gettext.NullTranslations()
    else:
        translation = gettext.translation(
            DOMAIN, str(locale_dir()), languages=[chosen], fallback=True
        )
    _translation, _language = translation, chosen
    for listener in list(_listeners):
        listener(chosen)
    return chosen


def language() -> str:
    """The code of the language in force (``en``, ``nl``, ``de``, ``fr``)."""
    return _language


def on_language_changed(listener: Callable[[str], None]) -> Callable[[], None]:
    """Call ``listener`` after each change of language; returns a function that stops it."""
    _listeners.append(listener)
    return lambda: _listeners.remove(listener) if listener in _listeners else None


def _(message: str) -> str:
    """The message in the language in force."""
    return _translation.gettext(message)


def N_(message: str) -> str:
    """Mark a message for extraction without translating it yet (translate where shown)."""
    return message


class _InContext(str):
    """A message marked with ``NC_``: its English text, and the context it is translated in."""

    context: str


def NC_(context: str, message: str) -> str:
    """Mark a message that needs a context for extraction; ``translated`` shows it."""
    marked = _InContext(message)
    marked.context = context
    return marked


def translated(message: str) -> str:
    """A constant marked with ``N_`` or ``NC_``, in the language in force."""
    context = getattr(message, "context", None)
    return _translation.pgettext(context, message) if context else _translation.gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The singular or plural form of a message, as the language in force counts `n`."""
    return _translation.ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    """A message whose translation depends on where it is used (a button, a heading)."""
    return _translation.pgettext(context, message)


set_language(None)  # the system's language until the app or a test chooses one
