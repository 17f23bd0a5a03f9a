"""Prove that code opens no network connection: every socket connect raises inside no_network()."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest


class NetworkBlocked(OSError):
    """Raised by any connection attempt made while the network is blocked."""


@contextmanager
def no_network() -> Iterator[list[Any]]:
    """Block every socket connect (loopback too); yields the list of attempted addresses."""
    attempts: list[Any] = []

    def refuse(_sock: Any, address: Any, *_rest: Any) -> Any:
        attempts.append(address)
        raise NetworkBlocked(f"network access attempted: {address!r}")

    def refuse_create(address: Any, *_args: Any, **_kwargs: Any) -> Any:
        attempts.append(address)
        raise NetworkBlocked(f"network access attempted: {address!r}")

    saved = (socket.socket.connect, socket.socket.connect_ex, socket.create_connection)
    socket.socket.connect = refuse  # type: ignore[method-assign]
    socket.socket.connect_ex = refuse  # type: ignore[method-assign]
    socket.create_connection = refuse_create  # type: ignore[assignment]
    try:
        yield attempts
    finally:
        socket.socket.connect, socket.socket.connect_ex, socket.create_connection = saved  # type: ignore[method-assign,assignment]


@pytest.fixture
def offline() -> Iterator[list[Any]]:
    """Pytest fixture form of no_network()."""
    with no_network() as attempts:
        yield attempts


def allowing(base_url: str) -> Any:
    """The fetch policy that lets a test reach exactly its own server on 127.0.0.1."""
    from urllib.parse import urlsplit

    from exposure_audit.sources.address_guard import AddressPolicy

    parts = urlsplit(base_url)
    assert parts.hostname == "127.0.0.1", "tests may only allow their own loopback server"
    assert parts.port is not None
    return AddressPolicy(frozenset({("127.0.0.1", parts.port)}))
