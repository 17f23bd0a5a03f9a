"""Where a file the person asked for is saved, with the extension of the type they chose.

Outside workshop mode a save dialog asks, starting in the home folder, and the chosen type's
extension is added when the name has none of the offered ones. In workshop mode nothing is
saved outside the participant's folder (``SCREEN.save_folder``), which is wiped with them: only
the type is asked, and the file gets its default name there.
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtWidgets import QInputDialog, QWidget

from exposure_audit.i18n import _
from ui.file_dialogs import save_file_name
from ui.screen_privacy import SCREEN

_PATTERN = re.compile(r"\*(\.[A-Za-z0-9]+)")


def extensions(file_filter: str) -> list[str]:
    """The extensions a filter such as ``"PDF (*.pdf)"`` offers, lower case, with the dot."""
    return [found.lower() for found in _PATTERN.findall(file_filter)]


def with_extension(chosen: str, selected: str, filters: str) -> Path:
    """``chosen`` with the selected type's extension unless it already ends in an offered one."""
    path = Path(chosen)
    offered = [ext for one in filters.split(";;") for ext in extensions(one)]
    if path.suffix.lower() in offered:
        return path
    wanted = extensions(selected) or offered[:1]
    return path.with_name(path.name + wanted[0]) if wanted else path


def unused_name(folder: Path, name: str) -> Path:
    """``folder / name``, or ``name-2``, ``name-3``… when that file exists already."""
    target = folder / name
    number = 2
    while target.exists():
        target = folder / f"{Path(name).stem}-{number}{Path(name).suffix}"
        number += 1
    return target


def _filter_names(filters: str) -> list[str]:
    return [one for one in filters.split(";;") if one]


def ask_save_path(parent: QWidget, title: str, name: str, filters: str) -> Path | None:
    """Where to save ``name`` (its type chosen from ``filters``); None when cancelled."""
    folder = SCREEN.save_folder
    if folder is not None:
        return _in_participant_folder(parent, title, name, filters, folder)
    selected = next(
        (one for one in _filter_names(filters) if Path(name).suffix.lower() in extensions(one)),
        "",
    )
    chosen, picked = save_file_name(parent, title, str(Path.home() / name), filters, selected)
    if not chosen:
        return None
    return with_extension(chosen, picked or selected, filters)


def _in_participant_folder(
    parent: QWidget, title: str, name: str, filters: str, folder: Path
) -> Path | None:
    choices = _filter_names(filters)
    picked = choices[0] if choices else ""
    if len(choices) > 1:
        picked, ok = QInputDialog.getItem(parent, title, _("Save as:"), choices, 0, False)
        if not ok:
            return None
    typed = with_extension(Path(name).stem, picked, filters)
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    return unused_name(folder, typed.name)
