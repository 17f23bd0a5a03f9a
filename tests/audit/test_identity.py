"""The requester's details for letters: values set one by one, or replaced as a whole."""

from __future__ import annotations

from pathlib import Path

from exposure_audit.audit.store import Audit


def test_setting_values_keeps_the_others(tmp_path: Path) -> None:
    with Audit.open(tmp_path / "a.audit") as audit:
        assert audit.identity() == {}
        audit.set_identity({"name": "Jane Doe", "email": "jane@example.org"})
        audit.set_identity({"email": "jane.doe@example.org"})
        assert audit.identity() == {"name": "Jane Doe", "email": "jane.doe@example.org"}


def test_replacing_the_identity_forgets_the_fields_left_out(tmp_path: Path) -> None:
    with Audit.open(tmp_path / "a.audit") as audit:
        audit.set_identity({"name": "Jane Doe", "address": "1 High Street"})
        audit.replace_identity({"name": "Jane Roe"})
        assert audit.identity() == {"name": "Jane Roe"}


def test_the_identity_is_there_when_the_audit_is_opened_again(tmp_path: Path) -> None:
    path = tmp_path / "a.audit"
    with Audit.open(path) as audit:
        audit.set_identity({"name": "Jane Doe"})
    with Audit.open(path) as audit:
        assert audit.identity() == {"name": "Jane Doe"}
