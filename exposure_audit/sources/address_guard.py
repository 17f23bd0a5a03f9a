"""Connections for profile fetches: public addresses only, checked on the socket actually used.

The host name is resolved once; every address it resolves to must be public, and the socket
connects to exactly that checked address (TLS still verifies the name), so a second DNS answer
cannot point the request at the local network. A watchdog ends a fetch that runs past its
deadline or is cancelled, even while a server trickles bytes.
"""

from __future__ import annotations

import ipaddress
import socket
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from typing import Any

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


@dataclass(frozen=True)
class AddressPolicy:
    """Where a fetch may connect: public internet addresses only.

    ``also_allowed`` names exact (address, port) pairs let through besides; only tests use it,
    to reach their own server on 127.0.0.1.
    """

    also_allowed: frozenset[tuple[str, int]] = frozenset()

    def refusal(self, address: IPAddress, port: int) -> str | None:
        """Why ``address`` may not be contacted, or None if it may."""
        if (str(address), port) in self.also_allowed:
            return None
        return not_public(address)


PUBLIC_ONLY = AddressPolicy()


def not_public(address: IPAddress) -> str | None:
    """What makes ``address`` unsuitable for a fetch (loopback, private, ...), or None."""
    if isinstance(address, ipaddress.IPv6Address):
        embedded = address.ipv4_mapped or address.sixtofour
        if embedded is None and address.teredo:
            embedded = address.teredo[1]
        if embedded is not None:
            return not_public(embedded)
    checks = (
        ("loopback", address.is_loopback),
        ("private", address.is_private),
        ("link-local", address.is_link_local),
        ("multicast", address.is_multicast),
        ("reserved", address.is_reserved),
        ("unspecified", address.is_unspecified),
        ("not a public internet", not address.is_global),
    )
    for name, hit in checks:
        if hit:
            return f"{name} address"
    return None


class Refused(OSError):
    """A connection the policy does not allow; the message says why."""


@dataclass
class Watch:
    """One fetch's deadline and cancel flag, and the sockets it has open."""

    deadline: float
    cancelled: Callable[[], bool] = lambda: False
    policy: AddressPolicy = PUBLIC_ONLY
    stopped: str | None = None
    refused: str | None = None
    sockets: set[socket.socket] = field(default_factory=set)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def remaining(self) -> float:
        return self.deadline - time.monotonic()

    def check(self) -> None:
        """Stop here if the deadline passed or the user cancelled."""
        if self.stopped is None:
            if self.cancelled():
                self.stopped = "cancelled"
            elif self.remaining() <= 0:
                self.stopped = "took too long; stopped"
        if self.stopped is not None:
            raise Refused(self.stopped)

    def add(self, sock: socket.socket) -> None:
        with self.lock:
            self.sockets.add(sock)

    def interrupt(self) -> None:
        """Unblock every read in progress: shut the sockets down under it."""
        with self.lock:
            for sock in self.sockets:
                with suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)


@contextmanager
def watching(watch: Watch, poll: float = 0.1) -> Iterator[Watch]:
    """Run a watchdog beside the block that interrupts the fetch at its deadline or cancel."""
    done = threading.Event()

    def guard() -> None:
        while not done.wait(poll):
            try:
                watch.check()
            except Refused:
                watch.interrupt()
                return

    thread = threading.Thread(target=guard, name="fetch-deadline", daemon=True)
    thread.start()
    try:
        yield watch
    finally:
        done.set()
        thread.join()


def connect(host: str, port: int, timeout: Any, watch: Watch) -> socket.socket:
    """A socket connected to a checked address of ``host``.

    Raises:
        Refused: an address of ``host`` is not public, or the fetch was stopped.
        OSError: the name does not resolve or no address answers.
    """
    watch.check()
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    for *_, sockaddr in infos:
        address = ipaddress.ip_address(str(sockaddr[0]).split("%", 1)[0])
        reason = watch.policy.refusal(address, port)
        if reason is not None:
            watch.refused = f"{host} resolves to a {reason} ({address}); not contacted"
            raise Refused(watch.refused)
    last: OSError = OSError(f"{host}: no address")
    for family, kind, proto, _, sockaddr in infos:
        sock = socket.socket(family, kind, proto)
        try:
            sock.settimeout(_bounded(timeout, watch))
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            sock.connect(sockaddr)
            _check_peer(sock, port, watch)
        except OSError as err:
            sock.close()
            if isinstance(err, Refused):
                raise
            last = err
            continue
        watch.add(sock)
        return sock
    raise last


def _check_peer(sock: socket.socket, port: int, watch: Watch) -> None:
    """The address the socket really reached passes the policy too."""
    peer = ipaddress.ip_address(str(sock.getpeername()[0]).split("%", 1)[0])
    reason = watch.policy.refusal(peer, port)
    if reason is not None:
        watch.refused = f"connected to a {reason} ({peer}); stopped"
        raise Refused(watch.refused)


def _bounded(timeout: Any, watch: Watch) -> float:
    remaining = max(0.05, watch.remaining())
    if isinstance(timeout, (int, float)):
        return min(float(timeout), remaining)
    return remaining


def guarded_session(watch: Watch) -> Any:
    """A requests session whose every connection goes through ``connect`` under ``watch``.

    It ignores proxy and netrc settings from the environment: a proxy would be connected to
    instead of the checked address.
    """
    import requests
    from requests.adapters import HTTPAdapter
    from urllib3.connection import HTTPConnection, HTTPSConnection
    from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool

    class _HTTP(HTTPConnection):
        def _new_conn(self) -> socket.socket:
            return connect(self._dns_host, self.port, self.timeout, watch)

    class _HTTPS(HTTPSConnection):
        def _new_conn(self) -> socket.socket:
            return connect(self._dns_host, self.port, self.timeout, watch)

    class _HTTPPool(HTTPConnectionPool):
        ConnectionCls = _HTTP

    class _HTTPSPool(HTTPSConnectionPool):
        ConnectionCls = _HTTPS

    class _Adapter(HTTPAdapter):
        def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
            super().init_poolmanager(*args, **kwargs)
            self.poolmanager.pool_classes_by_scheme = {"http": _HTTPPool, "https": _HTTPSPool}

        def proxy_manager_for(self, *args: Any, **kwargs: Any) -> Any:
            raise Refused("proxies are not used for profile fetches")

    session = requests.Session()
    session.trust_env = False
    session.proxies.clear()
    adapter = _Adapter(max_retries=0)
    session.mount("http://", adapter)
    session.mount("https://", adapter)
    return session
