"""The last check before a letter leaves: it must not hold the person's real face encodings."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

_DECIMAL = re.compile(r"[-+]?\d*\.\d{4,}(?:e[-+]?\d+)?", re.IGNORECASE)
_SCALE = 10_000  # components are compared at 4 decimals, as the shortest leak would print them
LEAK_AT = 8  # this many components of one encoding in one text is a leak, not a coincidence


@dataclass(frozen=True)
class EncodingGuard:
    """Knows the audit's encodings only as rounded, unordered parts: enough to recognise them
    in a text, never enough to rebuild one. A letter naming a file with many decimals passes."""

    parts: tuple[frozenset[int], ...] = ()

    @classmethod
    def of(cls, encodings: Iterable[Iterable[float]]) -> EncodingGuard:
        return cls(tuple(frozenset(_key(float(v)) for v in vector) for vector in encodings))

    def leaks(self, text: str) -> bool:
        """True if ``text`` holds ``LEAK_AT`` or more components of one real encoding."""
        if not self.parts:
            return False
        found = set()
        for token in _DECIMAL.findall(text):
            try:
                found.add(_key(float(token)))
            except (ValueError, OverflowError):
                continue
        return any(len(parts & found) >= LEAK_AT for parts in self.parts)


def _key(value: float) -> int:
    return round(value * _SCALE)
