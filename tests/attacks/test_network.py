"""Attacks through the network: going online unasked, a hostile page aiming at the local
network (SSRF), DNS answers that change, and servers that trickle bytes forever."""

from __future__ import annotations

import socket
import threading
import time
from collections import Counter
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, ClassVar

import pytest

from exposure_audit.cli.main import run
from exposure_audit.scan.pipeline import add_sources
from exposure_audit.sources.address_guard import AddressPolicy, not_public
from exposure_audit.sources.web import FetchLimits, fetch_profile
from tests.support.exportkit import image
from tests.support.netguard import allowing, no_network
from tests.support.scanning import enrolled_audit, photo_folder

JPEG = image("net", "JPEG")


class Internal(BaseHTTPRequestHandler):
    """A device on the user's network: a router whose GET reboots it, an internal photo."""

    hits: ClassVar[Counter[str]] = Counter()

    def log_message(self, *args: object) -> None:
        return

    def do_GET(self) -> None:
        Internal.hits[self.path] += 1
        self.send_response(200)
        self.send_header("Content-Type", "image/jpeg")
        self.send_header("Content-Length", str(len(JPEG)))
        self.end_headers()
        self.wfile.write(JPEG)


class Hostile(BaseHTTPRequestHandler):
    """The page the user listed; the attacker controls it. ``internal`` is the router's base."""

    internal: ClassVar[str] = ""
    hits: ClassVar[Counter[str]] = Counter()

    def log_message(self, *args: object) -> None:
        return

    def reply(self, status: int, body: bytes, kind: str, **headers: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        for key, value in headers.items():
            self.send_header(key, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        Hostile.hits[self.path] += 1
        inner = Hostile.internal
        if self.path == "/robots.txt":
            self.reply(404, b"", "text/plain")
        elif self.path == "/profile":
            page = (
                f'<html><head><meta property="og:image" content="{inner}/router/reboot?confirm=1">'
                f'</head><body><img src="{inner}/private/me.jpg"><img src="/hop">'
                f'<img src="file:///etc/passwd"><img src="/own.jpg"></body></html>'
            )
            self.reply(200, page.encode(), "text/html")
        elif self.path == "/based":
            page = f'<html><head><base href="{inner}/"></head><img src="private/b.jpg"></html>'
            self.reply(200, page.encode(), "text/html")
        elif self.path == "/hop":
            self.reply(302, b"", "text/plain", Location=f"{inner}/private/hop.jpg")
        elif self.path == "/own.jpg":
            self.reply(200, JPEG, "image/jpeg")
        elif self.path == "/trickle":
            self.send_response(200)
            self.send_header("Content-Type", "image/jpeg")
            self.send_header("Content-Length", "1000")
            self.end_headers()
            try:
                for _ in range(40):
                    self.wfile.write(b"x")
                    self.wfile.flush()
                    time.sleep(0.8)
            except OSError:
                return
        else:
            self.reply(404, b"", "text/plain")


def _serve(handler: type[BaseHTTPRequestHandler]) -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def internal() -> Iterator[str]:
    Internal.hits.clear()
    yield from _serve(Internal)


@pytest.fixture
def hostile(internal: str) -> Iterator[str]:
    Hostile.internal = internal
    Hostile.hits.clear()
    yield from _serve(Hostile)


LIMITS = FetchLimits(timeout=2, deadline=20)


def test_the_command_line_stays_offline_without_online(
    tmp_path: Path, hostile: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "a.audit"
    with enrolled_audit(path) as audit:
        add_sources(audit, [f"{hostile}/own.jpg"])
    folder = photo_folder(tmp_path / "photos", ("obama3.jpg",))
    code = run(["scan", "--audit", str(path), "--source", str(folder), "--workers", "1"])
    assert code == 0
    assert sum(Hostile.hits.values()) == 0
    assert "--online" in capsys.readouterr().err


def test_online_scans_still_never_reach_loopback_by_default(tmp_path: Path, hostile: str) -> None:
    path = tmp_path / "a.audit"
    with enrolled_audit(path) as audit:
        add_sources(audit, [f"{hostile}/own.jpg"])
    code = run(["scan", "--audit", str(path), "--online", "--workers", "1", "--quiet"])
    assert code == 0
    assert sum(Hostile.hits.values()) == 0


def test_a_hostile_page_cannot_make_the_tool_request_the_local_network(
    tmp_path: Path, hostile: str
) -> None:
    fetched = fetch_profile(f"{hostile}/profile", tmp_path, limits=LIMITS, policy=allowing(hostile))
    assert Internal.hits == Counter()
    assert [i.url for i in fetched.images] == [f"{hostile}/own.jpg"]
    refused = [p for p in fetched.problems if "refused" in p and "loopback" in p]
    assert len(refused) == 3  # og:image, <img>, and the redirect hop
    assert any("http" in p and "file:///etc/passwd" in p for p in fetched.problems)


def test_a_base_tag_cannot_point_images_at_the_local_network(tmp_path: Path, hostile: str) -> None:
    fetched = fetch_profile(f"{hostile}/based", tmp_path, limits=LIMITS, policy=allowing(hostile))
    assert Internal.hits == Counter()
    assert fetched.images == []


@pytest.mark.parametrize(
    "host",
    ["127.0.0.1", "localhost", "[::1]", "0.0.0.0", "2130706433", "[::ffff:127.0.0.1]"],
)
def test_a_listed_url_on_this_machine_is_refused(tmp_path: Path, internal: str, host: str) -> None:
    port = internal.rsplit(":", 1)[1]
    fetched = fetch_profile(f"http://{host}:{port}/private/me.jpg", tmp_path, limits=LIMITS)
    assert fetched.images == []
    assert Internal.hits == Counter()
    assert "refused" in fetched.problems[0]


@pytest.mark.parametrize(
    ("address", "public"),
    [
        ("10.1.2.3", False),
        ("172.16.0.1", False),
        ("192.168.1.1", False),
        ("169.254.169.254", False),
        ("100.64.0.1", False),
        ("224.0.0.1", False),
        ("240.0.0.1", False),
        ("fe80::1", False),
        ("fc00::1", False),
        ("ff02::1", False),
        ("::ffff:10.0.0.1", False),
        ("2002:7f00:1::", False),  # 6to4 wrapping 127.0.0.1
        ("93.184.216.34", True),
        ("2606:2800:220:1::1", True),
    ],
)
def test_only_public_addresses_pass(address: str, public: bool) -> None:
    import ipaddress

    assert (not_public(ipaddress.ip_address(address)) is None) is public


def test_a_name_is_resolved_once_and_the_checked_address_is_the_one_connected(
    tmp_path: Path, hostile: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """DNS rebinding: the second answer would be the router; there is no second lookup."""
    port = int(hostile.rsplit(":", 1)[1])
    answers = iter(["127.0.0.1", "127.0.0.1", "10.0.0.1", "10.0.0.1"])
    lookups: list[str] = []
    real = socket.getaddrinfo

    def rebinding(host: Any, *args: Any, **kwargs: Any) -> Any:
        if host == "profile.example":
            lookups.append(host)
            return real(next(answers), *args, **kwargs)
        return real(host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", rebinding)
    policy = AddressPolicy(frozenset({("127.0.0.1", port)}))
    url = f"http://profile.example:{port}/own.jpg"
    fetched = fetch_profile(url, tmp_path, limits=LIMITS, policy=policy)
    assert len(fetched.images) == 1
    # One lookup per connection (robots.txt, the photo): the socket goes where the check looked.
    assert len(lookups) == sum(Hostile.hits.values()) == 2
    again = fetch_profile(url, tmp_path / "b", limits=LIMITS, policy=policy)
    assert again.images == []
    assert sum(Hostile.hits.values()) == 2
    assert "private address" in again.problems[0]


def test_mixed_dns_answers_are_refused_before_any_connection(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def mixed(host: Any, port: Any, *args: Any, **kwargs: Any) -> Any:
        return [
            (socket.AF_INET, socket.SOCK_STREAM, 6, "", ("93.184.216.34", port)),
            (socket.AF_INET, socket.SOCK_STREAM, 6, "", ("127.0.0.1", port)),
        ]

    monkeypatch.setattr(socket, "getaddrinfo", mixed)
    with no_network() as attempts:
        fetched = fetch_profile("http://mixed.example/me.jpg", tmp_path, limits=LIMITS)
    assert attempts == []
    assert "loopback" in fetched.problems[0]


def test_a_trickling_server_is_cut_off_at_the_deadline(tmp_path: Path, hostile: str) -> None:
    limits = FetchLimits(timeout=2, deadline=3)
    started = time.monotonic()
    fetched = fetch_profile(f"{hostile}/trickle", tmp_path, limits=limits, policy=allowing(hostile))
    elapsed = time.monotonic() - started
    assert fetched.images == []
    assert "too long" in fetched.problems[0]
    assert elapsed < 10  # 40 bytes at 0.8 s each would hold it 32 s


def test_a_waiting_fetch_stops_when_cancelled(tmp_path: Path, hostile: str) -> None:
    stop = threading.Event()
    threading.Timer(0.5, stop.set).start()
    started = time.monotonic()
    fetched = fetch_profile(
        f"{hostile}/trickle",
        tmp_path,
        limits=FetchLimits(timeout=30, deadline=60),
        policy=allowing(hostile),
        cancelled=stop.is_set,
    )
    assert time.monotonic() - started < 10
    assert fetched.problems == [f"{hostile}/trickle: cancelled"]


def test_the_allowance_is_exact(hostile: str, internal: str) -> None:
    """The test allowance names one port; it does not open loopback as a whole."""
    import ipaddress

    policy = allowing(hostile)
    other = int(internal.rsplit(":", 1)[1])
    assert policy.refusal(ipaddress.ip_address("127.0.0.1"), other) == "loopback address"
