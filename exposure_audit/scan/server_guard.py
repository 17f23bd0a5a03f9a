"""Imported only by the worker server as it starts: it ends with the scan's process."""

from __future__ import annotations

from exposure_audit.scan.parent_watch import end_with_parent

end_with_parent()
