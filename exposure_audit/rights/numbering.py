"""Request references (EA-<year>-<id>): one from the first letter on, known before recording."""

from __future__ import annotations

from datetime import date

from exposure_audit.audit.store import Audit


def reference_for(request_id: int, day: date) -> str:
    """The reference a request carries from its first letter on: EA-<year>-<id>."""
    return f"EA-{day.year}-{request_id:03d}"


def next_reference(audit: Audit, day: date) -> str:
    """The reference the next recorded request will get, so the first letter can carry it."""
    return reference_for(audit.last_request_id() + 1, day)
