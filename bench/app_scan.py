"""Scan an enrolled audit in the real app window (offscreen), as a user pressing Start would.

    uv run python bench/app_scan.py AUDIT [--workers N]

Prints one line of JSON: photos seen, seconds from Start to the end of the scan, photos/s and
the workers used. Without ``--workers`` the app's own default applies. Preferences are read
from a throw-away folder, so the user's settings are neither used nor changed.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("audit", type=Path)
    parser.add_argument("--workers", type=int, default=None)
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="ea-bench-prefs-")
    sys.path.insert(0, str(ROOT))
    from PySide6.QtWidgets import QApplication

    from exposure_audit.scan.pipeline import ScanSettings
    from ui import prefs
    from ui.app import create_window

    app = QApplication([])
    window = create_window()
    window.show()
    opened: list[object] = []
    window.session.opened.connect(opened.append)
    window.open_audit(args.audit)
    _wait(app, lambda: bool(opened), 30)
    finished: list[object] = []
    window.scan.scan_finished.connect(finished.append)
    workers = args.workers or prefs.workers()
    started = time.perf_counter()
    window.scan.start_scan(ScanSettings(detector=prefs.detector(), workers=workers))
    _wait(app, lambda: bool(finished), 3600)
    seconds = time.perf_counter() - started
    result = finished[0]
    seen = getattr(result, "seen", 0)
    print(
        json.dumps(
            {
                "photos": seen,
                "seconds": round(seconds, 2),
                "photos_per_s": round(seen / seconds, 2),
                "workers": workers,
                "status": getattr(result, "status", None),
            }
        )
    )
    window.close()


def _wait(app: object, condition: object, seconds: float) -> None:
    from PySide6.QtWidgets import QApplication

    assert isinstance(app, QApplication)
    deadline = time.monotonic() + seconds
    while not condition() and time.monotonic() < deadline:  # type: ignore[operator]
        app.processEvents()
        time.sleep(0.01)
    if not condition():  # type: ignore[operator]
        raise SystemExit("timed out")


if __name__ == "__main__":
    main()
