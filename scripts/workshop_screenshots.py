"""Regenerate docs/screenshots/workshop-*.png: a real workshop round with the sample data.

    uv run python scripts/workshop_screenshots.py              # English: workshop-*.png
    uv run python scripts/workshop_screenshots.py --language nl  # Dutch: workshop-nl-*.png

Runs offscreen in a temporary home; nothing of yours is read or written. With `pdftoppm`
(poppler) installed it also renders the one-page takeaway.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from screenshots import settle, wait_until  # the sibling script: the same waiting helpers

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "screenshots"
SIZE = (1280, 800)
ROUND = 180.0  # seconds a step of the workshop round may take (a real scan runs in it)


PREFIX = "workshop"


def grab(window, key: str, name: str) -> None:
    window.show_page(key)
    settle()
    file = f"{PREFIX}-{name}.png"
    window.grab().save(str(OUT / file))
    print(file)


def takeaway(window) -> None:
    from ui.widgets.takeaway_dialog import TakeawayDialog

    window.show_takeaway()
    settle()
    dialog = window.findChild(TakeawayDialog)
    written: list[Path] = []
    dialog.written.connect(written.append)
    dialog.save_button.click()
    wait_until(lambda: bool(written), ROUND)
    dialog.close()
    if shutil.which("pdftoppm"):
        target = OUT / f"{PREFIX}-4-takeaway"
        subprocess.run(
            ["pdftoppm", "-png", "-r", "70", "-singlefile", str(written[0]), str(target)],
            check=True,
        )
        print(f"{PREFIX}-4-takeaway.png")


def run(language: str) -> None:
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    app.setStyle("Fusion")
    from ui import prefs
    from ui.app import apply_theme, create_window
    from ui.language import apply_language

    prefs.set_language(language)
    apply_language(language)
    apply_theme("light")
    window = create_window()
    window.workshop.set_active(True)
    window.setWindowState(window.windowState() & ~window.windowState().WindowMaximized)
    window.resize(*SIZE)
    window.show()
    OUT.mkdir(parents=True, exist_ok=True)
    grab(window, "start", "1-start")
    finished: list[object] = []
    window.scan.scan_finished.connect(finished.append)
    window.start.sample_button.click()
    wait_until(lambda: bool(finished), ROUND)
    wait_until(lambda: window.overview.score_card.score is not None, ROUND)
    grab(window, "overview", "2-overview")
    window.show_page("findings")
    settle(1.0)
    window.findings.gallery.select_row(5)
    settle(1.5)
    grab(window, "findings", "3-findings")
    takeaway(window)
    window.workshop.next_participant()
    grab(window, "start", "5-next-participant")
    window.close()


def main() -> int:
    global PREFIX
    language = "en"
    if "--language" in sys.argv:
        language = sys.argv[sys.argv.index("--language") + 1]
        PREFIX = "workshop" if language == "en" else f"workshop-{language}"
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory() as folder:
        os.environ["EXPOSURE_AUDIT_HOME"] = str(Path(folder) / "home")
        from PySide6.QtCore import QSettings

        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, folder)
        run(language)
    return 0


if __name__ == "__main__":  # the scan's worker processes re-import this file
    sys.exit(main())
