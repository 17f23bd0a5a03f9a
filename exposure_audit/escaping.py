"""Text from exports made harmless where it is written: terminals, spreadsheets, links."""

from __future__ import annotations

import unicodedata
from typing import Any
from urllib.parse import urlsplit

# OWASP's rule for CSV injection: a cell a spreadsheet would read as a formula or command.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
SAFE_LINK_SCHEMES = ("http", "https")


def terminal_safe(text: str) -> str:
    """``text`` with control and format characters shown escaped (ESC as ``\\x1b``, ...).

    Stops a file name from moving the cursor, changing the window title or hiding a line.
    """
    if all(not _is_control(ch) for ch in text):
        return text
    return "".join(_escaped(ch) if _is_control(ch) else ch for ch in text)


def _is_control(ch: str) -> bool:
    # Cc: C0/C1 controls (ESC, CR, BEL, CSI); Cf: bidi overrides and other invisible formatters.
    return unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp")


def _escaped(ch: str) -> str:
    code = ord(ch)
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def csv_safe(value: Any) -> Any:
    """A spreadsheet cell that is shown as text, never run as a formula.

    Numbers stay numbers; text that starts like a formula gets a leading apostrophe.
    """
    if isinstance(value, bool) or not isinstance(value, str):
        return value
    if value.startswith(_FORMULA_STARTS) and not _is_number(value):
        return "'" + value
    return value


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return text.strip() == text and "\t" not in text


def safe_link(url: str | None) -> str | None:
    """``url`` if it is an http(s) address with a host, else None (no file:, javascript:, ...)."""
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    if parts.scheme.lower() not in SAFE_LINK_SCHEMES or not parts.hostname:
        return None
    return url.strip()
