"""Preferences and window state in QSettings; everything else lives in the audit."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths

MAX_RECENT = 8


def settings() -> QSettings:
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, "exposure-audit", "app")


def recent_audits() -> list[str]:
    value = settings().value("recent", [])
    values = [value] if isinstance(value, str) else value if isinstance(value, list) else []
    return [str(v) for v in values if v]


def remember_audit(path: str) -> None:
    paths = [path, *[p for p in recent_audits() if p != path]][:MAX_RECENT]
    settings().setValue("recent", paths)


def forget_recent(path: str) -> None:
    settings().setValue("recent", [p for p in recent_audits() if p != path])


def detector() -> str:
    value = str(settings().value("scan/detector", "hog"))
    return value if value in ("hog", "cnn") else "hog"


def workers() -> int:
    """Worker processes for a scan; every core by default, as on the command line."""
    from exposure_audit.scan.pipeline import default_workers

    default = default_workers()
    try:
        return max(1, int(str(settings().value("scan/workers", default))))
    except (TypeError, ValueError):
        return default


def workshop() -> bool:
    """Whether the app starts in workshop mode (the Settings switch)."""
    return str(settings().value("workshop", "false")).lower() in ("true", "1")


def language() -> str:
    """The Language setting: a language code, or "" to follow the system."""
    return str(settings().value("language", "") or "")


def set_language(code: str) -> None:
    settings().setValue("language", code)


def theme() -> str:
    value = str(settings().value("theme", "system"))
    return value if value in ("system", "light", "dark") else "system"


TEXT_SIZES = (90, 100, 115, 130, 150)


def text_size() -> int:
    """Text size in percent of the desktop's own."""
    try:
        value = int(str(settings().value("text_size", 100)))
    except (TypeError, ValueError):
        return 100
    return value if value in TEXT_SIZES else 100


def downloads_folder() -> str:
    """Where exports usually land: the Downloads folder, else the home folder."""
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DownloadLocation)
    return found if found and Path(found).is_dir() else str(Path.home())
