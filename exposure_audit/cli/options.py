"""Options several commands share, defined once."""

from __future__ import annotations

import argparse
from pathlib import Path

from exposure_audit.i18n import _


def add_audit_option(parser: argparse.ArgumentParser, help_text: str | None = None) -> None:
    """``--audit FILE``: the audit to work on (the one in the data folder when left out)."""
    parser.add_argument(
        "--audit",
        type=Path,
        default=None,
        help=help_text or _("audit file (default: your data folder)"),
    )
