"""Findings: a gallery of every photo your face is in, filters, and a detail pane to decide."""

from ui.pages.findings.page import FindingsPage

__all__ = ["FindingsPage"]
