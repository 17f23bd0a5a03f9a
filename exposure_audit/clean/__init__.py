"""Clean copies of photos before they are posted: no metadata, no recognisable bystanders."""

from exposure_audit.clean.copy import CleanCopy, CleanOptions, clean_photo
from exposure_audit.clean.files import (
    Plan,
    Planned,
    TargetExists,
    clean_file,
    clean_files,
    plan_copies,
)
from exposure_audit.clean.metadata import Removed
from exposure_audit.clean.result import CleanNote, CleanResult

__all__ = [
    "CleanCopy",
    "CleanNote",
    "CleanOptions",
    "CleanResult",
    "Plan",
    "Planned",
    "Removed",
    "TargetExists",
    "clean_file",
    "clean_files",
    "clean_photo",
    "plan_copies",
]
