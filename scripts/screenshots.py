"""Regenerate docs/screenshots/*.png from a real enrollment and scan of the test faces.

    uv run python scripts/screenshots.py

Runs offscreen in a temporary home; nothing of yours is read or written.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FACES = ROOT / "tests" / "data" / "faces"
OUT = ROOT / "docs" / "screenshots"
SIZE = (1100, 720)
PROFILE_FOLDER = "Profile"
WRITTEN: list[Path] = []


def wait_until(condition: Callable[[], bool], timeout: float = 60.0) -> None:
    from PySide6.QtWidgets import QApplication

    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("the app did not get there in time")
        QApplication.processEvents()
        time.sleep(0.01)


def settle(seconds: float = 0.4) -> None:
    end = time.monotonic() + seconds
    from PySide6.QtWidgets import QApplication

    while time.monotonic() < end:
        QApplication.processEvents()
        time.sleep(0.01)


def _sidecar(name: str, taken: int, place: tuple[float, float] | None = None) -> bytes:
    data: dict[str, object] = {
        "title": name,
        "photoTakenTime": {"timestamp": str(taken)},
        "creationTime": {"timestamp": str(taken + 86_400)},
    }
    if place:
        data["geoData"] = {"latitude": place[0], "longitude": place[1]}
    return json.dumps(data).encode()


def build_sources(tmp: Path) -> list[str]:
    """A phone-backup folder and a small Google Takeout archive with dates, places and a profile."""
    folder = tmp / "Phone backup"
    folder.mkdir()
    for name in ("biden.jpg", "kit1.jpg", "obama2_rgba.png"):
        shutil.copy(FACES / name, folder / name)
    archive = tmp / "takeout-20240101.zip"
    photos = "Takeout/Google Photos"
    with zipfile.ZipFile(archive, "w") as zf:
        for name, album, taken, place in (
            ("obama3.jpg", "Photos from 2016", 1457186531, (38.8977, -77.0365)),
            ("two_people.jpg", "Photos from 2019", 1561000000, (41.8781, -87.6298)),
            ("biden2.jpg", "Photos from 2019", 1562000000, None),
            ("rose1.jpg", "Photos from 2021", 1620000000, None),
        ):
            zf.write(FACES / name, f"{photos}/{album}/{name}")
            zf.writestr(f"{photos}/{album}/{name}.json", _sidecar(name, taken, place))
        zf.write(FACES / "obama-240p.jpg", f"Takeout/{PROFILE_FOLDER}/Profile photo.jpg")
        zf.writestr(f"{photos}/Photos from 2021/damaged.jpg", b"\xff\xd8\xff\xe0" + b"\0" * 64)
    return [str(folder), str(archive)]


def grab(window, key: str, name: str) -> None:
    window.show_page(key)
    settle()
    path = OUT / f"{name}.png"
    window.grab().save(str(path))
    WRITTEN.append(path)
    print(f"{path.relative_to(ROOT)}: {path.stat().st_size // 1024} KB")


def scroll_to(page, widget) -> None:
    """Scroll the page's own scroll area so ``widget`` is in view."""
    from PySide6.QtWidgets import QScrollArea

    area = page.findChild(QScrollArea)
    area.ensureWidgetVisible(widget, 0, 0)
    area.verticalScrollBar().setValue(widget.y() - 8)
    settle()


def draft_requests(window) -> None:
    """Details entered, an erasure letter drafted, and an older request now overdue."""
    from datetime import date, timedelta

    from ui.models.findings import RowRole

    findings = window.findings
    proxy = findings.proxy
    rows = [proxy.index(n, 0).data(RowRole) for n in range(proxy.rowCount())]
    google = next(r for r in rows if str(r.context.get("platform", "")).startswith("Google"))
    findings.decide("me", google)
    page = window.requests
    window.show_page("requests")
    wait_until(lambda: page.controllers.rowCount() > 0)
    ready: list[object] = []
    page.letter_ready.connect(lambda: ready.append(1))
    form = page.identity
    form.name.setText("Jane Doe")
    form.address.setPlainText("Hauptstraße 1\n10115 Berlin\nGermany")
    form.email.setText("jane@example.org")
    form.save.click()
    wait_until(lambda: bool(ready))
    recorded: list[object] = []
    page.requests_loaded.connect(lambda: recorded.append(1))
    page.mark_as_sent(date.today() - timedelta(days=45), "webform")
    wait_until(lambda: bool(recorded))
    ready.clear()
    page.letter_box.rights["erasure"].setChecked(True)
    page.letter_box.grounds["b"].setChecked(True)
    page.letter_box.grounds["d"].setChecked(True)
    wait_until(lambda: bool(ready))


def run(tmp: Path) -> None:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp / "qs"))
    app = QApplication.instance() or QApplication([])
    app.setStyle("Fusion")
    from exposure_audit.scan.pipeline import ScanSettings
    from ui.app import create_window
    from ui.theme import apply_theme

    apply_theme("light")
    window = create_window()
    window.resize(*SIZE)
    window.show()
    OUT.mkdir(parents=True, exist_ok=True)
    grab(window, "start", "1-start")
    opened: list[object] = []
    window.session.opened.connect(opened.append)
    window.open_audit(tmp / "home" / "my-audit.audit")
    wait_until(lambda: bool(opened))

    done: list[object] = []
    window.you.enrolled.connect(lambda: done.append(1))
    window.you.add_selfie_files(
        [str(FACES / n) for n in ("obama.jpg", "obama2.jpg", "biden.jpg", "obama-240p.jpg")]
    )
    wait_until(lambda: bool(done))
    grab(window, "you", "2-you")

    window.sources.add_paths(build_sources(tmp))
    model = window.sources.model
    wait_until(
        lambda: (
            model.rowCount() == 2
            and all(model.index(r, 3).data() not in ("…", "—") for r in range(2))
        )
    )
    grab(window, "sources", "3-where-to-look")

    finished: list[object] = []
    window.scan.scan_finished.connect(finished.append)
    window.show_page("scan")
    window.scan.start_scan(ScanSettings(detector="hog", workers=2))
    wait_until(lambda: bool(finished), 120)
    settle(1.5)  # live thumbnails
    grab(window, "scan", "4-scan")

    page = window.findings
    wait_until(lambda: page.proxy.rowCount() > 0)
    window.show_page("findings")
    page.gallery.select_row(0)
    wait_until(lambda: page.photo._pixmap is not None)
    page.decide("me")
    settle(1.5)
    grab(window, "findings", "5-findings")
    grab(window, "overview", "6-overview")
    scroll_to(window.overview, window.overview.map)
    grab(window, "overview", "6-overview-map")
    grab(window, "settings", "7-settings")
    draft_requests(window)
    grab(window, "requests", "9-requests")
    apply_theme("dark")
    page.gallery.select_row(1)
    settle(1.0)
    grab(window, "findings", "8-findings-dark")
    window.close()
    for path in WRITTEN:  # other scripts write here too (workshop-*.png)
        assert path.stat().st_size < 300_000, f"{path.name} is too large"


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(ROOT))
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        os.environ["EXPOSURE_AUDIT_HOME"] = str(tmp / "home")
        run(tmp)
    return 0


if __name__ == "__main__":  # the scan's worker processes re-import this file
    sys.exit(main())
