"""Privacy guarantees: offline scans touch no network, private files, forgetting leaves nothing."""

from __future__ import annotations

import ast
import json
import logging
import os
import stat
import subprocess
import sys
import textwrap
import zipfile
from pathlib import Path

import numpy as np
import pytest

from exposure_audit import actions, logs, storage
from exposure_audit.audit.store import Audit
from exposure_audit.imaging import thumbnail_jpeg
from exposure_audit.scan.pipeline import ScanSettings, add_sources, inspect_source, scan
from exposure_audit.sources.containers import read_location
from tests.support.netguard import no_network
from tests.support.photos import FACES, face_bytes

PACKAGE = Path(__file__).resolve().parents[2] / "exposure_audit"
NETWORK_MODULES = {"socket", "requests", "urllib3", "http", "urllib.request", "ssl", "ftplib"}
# The one module allowed to reach the network: fetching profile URLs the user listed.
NETWORK_ALLOWED = {"web.py", "address_guard.py"}

# Installed in every process of the scan (workers too) through PYTHONPATH: refuses and records
# any internet socket. Unix socket pairs (multiprocessing's plumbing) stay allowed.
GUARD = """
import os, socket, sys

def _guard(event, args):
    if event == "socket.__new__":
        family = args[1]
        if family in (socket.AF_INET, socket.AF_INET6):
            _refuse(event, family)
    elif event in ("socket.connect", "socket.bind", "socket.sendto"):
        if getattr(args[0], "family", None) in (socket.AF_INET, socket.AF_INET6):
            _refuse(event, args[1])
    elif event in ("socket.getaddrinfo", "socket.gethostbyname", "socket.gethostbyaddr"):
        _refuse(event, args[0])

def _refuse(event, detail):
    with open(os.environ["NETWORK_LOG"], "a") as log:
        log.write(f"{os.getpid()} {event} {detail!r}\\n")
    raise OSError(f"network use refused in an offline test: {event}")

sys.addaudithook(_guard)
"""


def photo_source(folder: Path) -> Path:
    folder.mkdir(parents=True)
    for name in ("obama3.jpg", "two_people.jpg", "biden.jpg"):
        (folder / name).write_bytes(face_bytes(name))
    with zipfile.ZipFile(folder / "export.zip", "w") as archive:
        archive.writestr("photos/kit1.jpg", face_bytes("kit1.jpg"))
        archive.writestr("photos/obama-240p.jpg", face_bytes("obama-240p.jpg"))
    return folder


def test_offline_scan_opens_no_internet_socket_in_any_process(tmp_path: Path) -> None:
    guard = tmp_path / "guard"
    guard.mkdir()
    (guard / "sitecustomize.py").write_text(GUARD, encoding="utf-8")
    log = tmp_path / "network.log"
    source = photo_source(tmp_path / "photos")
    script = textwrap.dedent(
        f"""
        import sys
        from exposure_audit.cli.main import run
        code = run(["scan", "--audit", {str(tmp_path / "a.audit")!r}, "--selfie",
                    {str(FACES / "obama.jpg")!r}, "--source", {str(source)!r},
                    "--workers", "2", "--quiet", "--json", {str(tmp_path / "out.json")!r}])
        loaded = sorted(m for m in ("requests", "urllib3", "exposure_audit.sources.web") if m in sys.modules)
        print("loaded:", loaded)
        sys.exit(code)
        """
    )
    env = {**os.environ, "PYTHONPATH": str(guard), "NETWORK_LOG": str(log)}
    done = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=180
    )
    assert done.returncode == 0, done.stderr
    assert not log.exists(), log.read_text()
    assert "loaded: []" in done.stdout
    findings = json.loads((tmp_path / "out.json").read_text())["findings"]
    assert {Path(f["location"]).name for f in findings} >= {"obama3.jpg", "obama-240p.jpg"}


def test_the_guard_would_catch_a_connection(tmp_path: Path) -> None:
    guard = tmp_path / "guard"
    guard.mkdir()
    (guard / "sitecustomize.py").write_text(GUARD, encoding="utf-8")
    log = tmp_path / "network.log"
    env = {**os.environ, "PYTHONPATH": str(guard), "NETWORK_LOG": str(log)}
    code = "import socket\ntry:\n socket.create_connection(('192.0.2.1', 80), 0.1)\nexcept OSError: pass"
    subprocess.run([sys.executable, "-c", code], env=env, check=True, timeout=60)
    assert "socket" in log.read_text()


def test_in_process_scan_and_inspection_stay_offline(tmp_path: Path) -> None:
    source = photo_source(tmp_path / "photos")
    with no_network() as attempts, Audit.open(tmp_path / "a.audit") as audit:
        audit.add_reference("me", "0" * 64, np.zeros(128), (0, 1, 1, 0), {})
        inspect_source(str(source))
        add_sources(audit, [str(source)])
        list(scan(audit, ScanSettings(workers=1)))
        read_location(str(source), f"{source / 'export.zip'}!/photos/kit1.jpg")
    assert attempts == []


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def test_only_the_profile_url_fetcher_imports_network_modules() -> None:
    offenders = {}
    for module in PACKAGE.rglob("*.py"):
        wanted = {
            name
            for name in _imports(module)
            if name in NETWORK_MODULES or name.split(".")[0] in {"requests", "urllib3", "ssl"}
        }
        if wanted and module.name not in NETWORK_ALLOWED:
            offenders[str(module.relative_to(PACKAGE))] = sorted(wanted)
    assert offenders == {}


def _modes(root: Path) -> dict[str, int]:
    return {str(p.relative_to(root)): stat.S_IMODE(p.stat().st_mode) for p in root.rglob("*")}


def test_audits_caches_and_logs_are_owner_only_even_with_a_lax_umask(tmp_path: Path) -> None:
    home = tmp_path / "home"
    source = photo_source(tmp_path / "photos")
    script = textwrap.dedent(
        f"""
        import os, sys
        os.umask(0)
        from exposure_audit import storage
        from exposure_audit.cli.main import run
        from exposure_audit.audit.store import Audit
        code = run(["scan", "--selfie", {str(FACES / "obama.jpg")!r}, "--source",
                    {str(source)!r}, "--workers", "1", "--quiet"])
        with Audit.open(storage.default_audit_path()) as audit:
            held = sorted(os.listdir(storage.default_audit_path().parent))
            storage.private_dir(storage.cache_dir_for(audit.path))
            print("while open:", held)
        sys.exit(code)
        """
    )
    env = {**os.environ, "EXPOSURE_AUDIT_HOME": str(home)}
    done = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=180
    )
    assert done.returncode == 0, done.stderr
    assert "default.audit-wal" in done.stdout  # the journal files were there to be checked...
    modes = _modes(home)
    assert any(name.endswith("default.audit") for name in modes)
    assert any(name.endswith(".log") for name in modes)
    loose = {name: oct(mode) for name, mode in modes.items() if mode & 0o077}
    assert loose == {}, "group or others can read these"
    for name, mode in modes.items():
        if (home / name).is_dir():
            assert mode == 0o700, name


def test_wal_and_lock_files_are_owner_only_while_the_audit_is_open(tmp_path: Path) -> None:
    old = os.umask(0)
    try:
        with Audit.open(tmp_path / "audits" / "x.audit") as audit:
            audit.set_setting("k", "v")
            modes = _modes(tmp_path)
    finally:
        os.umask(old)
    assert set(modes) >= {
        "audits/x.audit",
        "audits/x.audit-wal",
        "audits/x.audit-shm",
        "audits/x.audit.lock",
    }
    assert {n: oct(m) for n, m in modes.items() if m & 0o077} == {}


def _needles(audit: Audit, source: Path) -> dict[str, bytes]:
    """Byte strings that would betray the user's photos if found on disk after forgetting."""
    needles: dict[str, bytes] = {}
    for ref in audit.references():
        needles[f"reference encoding {ref.label}"] = ref.encoding.tobytes()[:64]
    for finding in audit.findings():
        thumb = audit.thumbnail(finding.item_id)
        if thumb:
            needles[f"thumbnail {finding.item_id}"] = thumb[200:264]
    needles["source folder"] = str(source).encode()
    for name in ("obama3.jpg", "two_people.jpg", "export.zip", "kit1.jpg"):
        for encoding in ("utf-8", "utf-16-le"):
            needles[f"{name} ({encoding})"] = name.encode(encoding)
    return needles


@pytest.mark.parametrize("keep_open", [False, True])
def test_forget_everything_leaves_no_trace_of_the_photos(tmp_path: Path, keep_open: bool) -> None:
    home = Path(os.environ["EXPOSURE_AUDIT_HOME"])
    logs.configure_logging()
    logging.getLogger("exposure_audit.test").info("scan starting")
    source = photo_source(tmp_path / "photos")
    path = storage.default_audit_path()
    storage.private_dir(path.parent)
    audit = Audit.open(path)
    from exposure_audit.faces.enrollment import assess_selfies

    (report,) = assess_selfies([("obama.jpg", face_bytes("obama.jpg"))])
    assert report.encoding is not None
    assert report.box is not None
    audit.add_reference(report.name, report.sha256, report.encoding, report.box, report.to_dict())
    add_sources(audit, [str(source)])
    list(scan(audit, ScanSettings(workers=1)))
    for finding in audit.findings():
        audit.set_thumbnail(
            finding.item_id, thumbnail_jpeg(read_location(finding.source, finding.location))
        )
    cache = storage.private_dir(storage.cache_dir_for(path))
    first = audit.findings()[0]
    (cache / "page.html").write_bytes(
        b"<img src='obama3.jpg'>" + (audit.thumbnail(first.item_id) or b"")
    )
    needles = _needles(audit, source)
    assert len(needles) > 10
    if not keep_open:
        audit.close()
    actions.forget(path)
    if keep_open:
        audit.close()
    leftovers = {}
    for file in home.rglob("*"):
        if file.is_file():
            data = file.read_bytes()
            found = [label for label, needle in needles.items() if needle in data]
            if found:
                leftovers[str(file.relative_to(home))] = found
    assert leftovers == {}
    assert not path.exists()
    assert not storage.cache_dir_for(path).exists()


def test_logs_never_hold_encodings_or_image_contents(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    source = photo_source(tmp_path / "photos")
    (source / "broken.jpg").write_bytes(face_bytes("obama.jpg")[:5000])
    encoding = np.full(128, 0.123456789)
    with Audit.open(tmp_path / "a.audit") as audit:
        audit.add_reference("me", "0" * 64, encoding, (0, 1, 1, 0), {})
        add_sources(audit, [str(source)])
        list(scan(audit, ScanSettings(workers=1)))
    text = "\n".join(record.getMessage() + str(record.exc_text or "") for record in caplog.records)
    assert "0.1234567" not in text
    assert "\\xff\\xd8" not in text
    assert "ÿØ" not in text
    for record in caplog.records:
        for arg in record.args or ():
            assert not isinstance(arg, (bytes, bytearray, np.ndarray))
