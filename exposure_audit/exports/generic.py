"""Fallback for unrecognised folders: EXIF time and GPS, and one folder-name rule.

Rule: an image inside a folder whose name contains "profil", "perfil" or "avatar"
(case-insensitive, any depth) is taken to be a profile picture.
"""

from __future__ import annotations

from exposure_audit.exports.common import complete, image_paths, segments
from exposure_audit.exports.context import ExportReading, ExportTree, PhotoContext
from exposure_audit.vocabulary import PhotoKind

PLATFORM = "Files"
PROFILE_WORDS = ("profil", "perfil", "avatar")


def suggests_profile(path: str) -> bool:
    folders = [s.lower() for s in segments(path)[:-1]]
    return any(word in folder for folder in folders for word in PROFILE_WORDS)


class GenericAdapter:
    """Recognises anything: the last resort when no platform adapter does."""

    platform = PLATFORM
    keeps_exif = True

    def recognise(self, tree: ExportTree) -> bool:
        return True

    def read(self, tree: ExportTree) -> ExportReading:
        reading = ExportReading(platform=PLATFORM)
        # Time and place come from EXIF: read_export fills them in, or the scan's workers.
        for path in image_paths(tree):
            kind = PhotoKind.PROFILE_PICTURE if suggests_profile(path) else None
            reading.contexts[path] = PhotoContext(kind=kind)
        return complete(reading, tree, PLATFORM, None)
