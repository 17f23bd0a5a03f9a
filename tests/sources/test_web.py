"""Profile URL fetching against a local HTTP server, and the offline guard."""

from __future__ import annotations

import socket
import stat
import threading
from collections import Counter
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

import pytest

from exposure_audit.sources.web import USER_AGENT, FetchLimits, UnsupportedURL, fetch_profile
from tests.support.exportkit import image
from tests.support.netguard import NetworkBlocked, allowing, no_network

JPEG = image("web", "JPEG")
PNG = image("web", "PNG")
PAGE = """<!doctype html><html><head>
<meta property="og:image" content="/img/og.jpg">
<meta name="twitter:image" content="img/tw.png">
</head><body>
<img src="/img/a.jpg"><img src="/img/a.jpg">
<img src="/private/secret.jpg">
<img src="/fake.jpg">
<img src="/big.jpg">
<img src="/redirect/1">
<img src="/loop">
<img src="/to-file">
<img src="ftp://example.com/x.jpg">
<a href="/other.html">not followed</a>
</body></html>"""


class Site(BaseHTTPRequestHandler):
    hits: ClassVar[Counter[str]] = Counter()
    agents: ClassVar[set[str]] = set()

    def log_message(self, *args: object) -> None:
        return

    def send(
        self, status: int, body: bytes = b"", kind: str = "image/jpeg", **headers: str
    ) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        for key, value in headers.items():
            self.send_header(key.replace("_", "-"), value)
        if "Content_Length" not in headers:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        Site.hits[self.path] += 1
        Site.agents.add(self.headers.get("User-Agent", ""))
        routes = {
            "/robots.txt": lambda: self.send(
                200, b"User-agent: *\nDisallow: /private/\n", "text/plain"
            ),
            "/profile.html": lambda: self.send(200, PAGE.encode(), "text/html; charset=utf-8"),
            "/img/og.jpg": self.cached_image,
            "/img/a.jpg": lambda: self.send(200, JPEG),
            "/img/tw.png": lambda: self.send(200, PNG, "image/png"),
            "/img/final.jpg": lambda: self.send(200, JPEG),
            "/fake.jpg": lambda: self.send(200, b"<html>not a picture</html>"),
            "/big.jpg": self.big,
            "/loop": lambda: self.send(302, Location="/loop"),
            "/to-file": lambda: self.send(302, Location="file:///etc/passwd"),
            "/text": lambda: self.send(200, b"plain words", "text/plain"),
        }
        if self.path.startswith("/redirect/"):
            step = int(self.path.rsplit("/", 1)[1])
            target = f"/redirect/{step + 1}" if step < 3 else "/img/final.jpg"
            return self.send(302, Location=target)
        routes.get(self.path, lambda: self.send(404, b"", "text/plain"))()
        return None

    def cached_image(self) -> None:
        if self.headers.get("If-None-Match") == '"v1"':
            self.send_response(304)
            self.end_headers()
            return
        self.send(200, JPEG, ETag='"v1"')

    def big(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "image/jpeg")
        self.end_headers()
        self.wfile.write(JPEG[:3] + b"\0" * 300_000)
        self.close_connection = True


@pytest.fixture(scope="module")
def site() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), Site)
    server.protocol_version = "HTTP/1.0"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


LIMITS = FetchLimits(timeout=5, max_bytes=100_000, max_redirects=4)


@pytest.fixture(scope="module")
def page_fetch(site: str, tmp_path_factory: pytest.TempPathFactory):
    Site.hits.clear()
    cache = tmp_path_factory.mktemp("cache") / "web"
    return fetch_profile(f"{site}/profile.html", cache, limits=LIMITS, policy=allowing(site)), cache


def test_page_images_are_fetched_with_their_declaration(site: str, page_fetch) -> None:
    result, _ = page_fetch
    got = {(i.url.removeprefix(site), i.declared_by) for i in result.images}
    assert got == {
        ("/img/og.jpg", "og:image"),
        ("/img/tw.png", "twitter:image"),
        ("/img/a.jpg", "img"),
        ("/img/final.jpg", "img"),
    }
    assert all(i.page_url == f"{site}/profile.html" for i in result.images)
    assert all(i.data[:3] in (b"\xff\xd8\xff", b"\x89PN") for i in result.images)


def test_each_problem_is_reported(page_fetch) -> None:
    result, _ = page_fetch
    text = "\n".join(result.problems)
    assert "/private/secret.jpg: the site's robots.txt" in text
    assert "/fake.jpg: not an image, although served as image/jpeg" in text
    assert "/big.jpg: larger than the 100000 byte limit" in text
    assert "more than 4 redirects" in text
    assert "file:///etc/passwd" in text
    assert "ftp://example.com/x.jpg" in text


def test_no_crawling_and_robots_respected(page_fetch) -> None:
    assert Site.hits["/other.html"] == 0
    assert Site.hits["/private/secret.jpg"] == 0
    assert Site.hits["/img/a.jpg"] == 1
    assert Site.agents == {USER_AGENT}


def test_cache_is_private_and_revalidated(site: str, page_fetch) -> None:
    _, cache = page_fetch
    assert stat.S_IMODE(cache.stat().st_mode) == 0o700
    files = list(cache.iterdir())
    assert files
    assert all(stat.S_IMODE(f.stat().st_mode) == 0o600 for f in files)
    again = fetch_profile(f"{site}/img/og.jpg", cache, limits=LIMITS, policy=allowing(site))
    assert again.images[0].data == JPEG
    assert again.images[0].declared_by == "direct"
    assert Site.hits["/img/og.jpg"] == 2  # the second request was answered 304


def test_direct_image_and_non_image(site: str, tmp_path: Path) -> None:
    direct = fetch_profile(f"{site}/img/a.jpg", tmp_path, limits=LIMITS, policy=allowing(site))
    assert [i.page_url for i in direct.images] == [None]
    text = fetch_profile(f"{site}/text", tmp_path, limits=LIMITS, policy=allowing(site))
    assert text.images == []
    assert "neither an image nor a web page" in text.problems[0]


@pytest.mark.parametrize(
    "url", ["ftp://example.com/a.jpg", "file:///etc/passwd", "javascript:1", "https://"]
)
def test_only_http_urls(url: str, tmp_path: Path) -> None:
    with pytest.raises(UnsupportedURL, match="only http:// and https://"):
        fetch_profile(url, tmp_path)


def test_no_network_blocks_every_connect(site: str, tmp_path: Path) -> None:
    port = int(site.rsplit(":", 1)[1])
    with no_network() as attempts:
        with pytest.raises(NetworkBlocked):
            socket.create_connection(("127.0.0.1", port))
        with socket.socket() as sock, pytest.raises(NetworkBlocked):
            sock.connect(("127.0.0.1", port))
        blocked = fetch_profile(
            f"{site}/img/a.jpg", tmp_path / "c", limits=LIMITS, policy=allowing(site)
        )
    assert blocked.images == []
    assert "could not be reached" in blocked.problems[0]
    assert len(attempts) >= 3
    socket.create_connection(("127.0.0.1", port)).close()
