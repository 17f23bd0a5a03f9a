"""Profile URLs scanned end to end from a local web server; everything else stays offline."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

import pytest

from exposure_audit.errors import BadData
from exposure_audit.exports.profile_urls import as_web_address
from exposure_audit.scan.pipeline import ScanSettings, add_sources
from tests.support.netguard import allowing, no_network
from tests.support.photos import face_bytes
from tests.support.scanning import enrolled_audit, photo_folder, run_scan

PAGE = b"""<!doctype html><html><head>
<meta property="og:image" content="/media/avatar.jpg">
</head><body><img src="/media/holiday.jpg"><a href="/elsewhere">not followed</a></body></html>"""


class Site(BaseHTTPRequestHandler):
    files: ClassVar[dict[str, tuple[bytes, str]]] = {
        "/robots.txt": (b"User-agent: *\nDisallow: /private/\n", "text/plain"),
        "/profile": (PAGE, "text/html"),
        "/media/avatar.jpg": (face_bytes("obama3.jpg"), "image/jpeg"),
        "/media/holiday.jpg": (face_bytes("kit1.jpg"), "image/jpeg"),
    }
    requested: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        self.requested.append(self.path)
        body, kind = self.files.get(self.path, (b"missing", "text/plain"))
        self.send_response(200 if self.path in self.files else 404)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def site() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), Site)
    Site.requested = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_profile_page_images_are_scanned_with_public_context(tmp_path: Path, site: str) -> None:
    audit = enrolled_audit(tmp_path / "a.audit")
    online = ScanSettings(workers=1, online=True, fetch_policy=allowing(site))
    run_scan(audit, [f"{site}/profile"], settings=online)
    (finding,) = audit.findings()
    assert finding.location == f"{site}/media/avatar.jpg"
    assert finding.context["kind"] == "profile_picture"
    assert finding.context["audience"] == "public"
    assert finding.context["url"] == f"{site}/profile"
    assert "/elsewhere" not in Site.requested  # no crawling beyond the page
    assert audit.stats()["photos"] == 2


def test_only_web_addresses_are_accepted(tmp_path: Path) -> None:
    audit = enrolled_audit(tmp_path / "a.audit")
    with pytest.raises(BadData, match="only http"):
        add_sources(audit, ["ftp://example.org/me.jpg"])


def test_scan_of_local_sources_opens_no_socket(tmp_path: Path) -> None:
    audit = enrolled_audit(tmp_path / "a.audit")
    folder = photo_folder(tmp_path / "photos")
    with no_network() as attempts:
        finished, _ = run_scan(audit, [folder], workers=1)
    assert attempts == []
    assert finished.status == "finished"
    assert audit.findings()


@pytest.mark.parametrize(
    ("typed", "address"),
    [
        ("facebook.com/barackobama", "https://facebook.com/barackobama"),
        ("  www.instagram.com/someone ", "https://www.instagram.com/someone"),
        ("http://example.org/me", "http://example.org/me"),
        ("x.com/someone?lang=nl", "https://x.com/someone?lang=nl"),
        ("ftp://example.org/me", None),
        ("javascript:alert(1)", None),
        ("not a web address", None),
        ("barackobama", None),
        ("", None),
    ],
)
def test_what_the_person_types_becomes_a_web_address(typed: str, address: str | None) -> None:
    assert as_web_address(typed) == address
