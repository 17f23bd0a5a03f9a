"""Overview: what the audit found, in numbers, charts, a map and next steps."""

from ui.pages.overview.page import OverviewPage

__all__ = ["OverviewPage"]
