"""Malformed export metadata and hostile web pages: readings degrade, nothing escapes or hangs."""

from __future__ import annotations

import json
import time

import pytest

from exposure_audit.errors import BadData
from exposure_audit.exports import ADAPTERS, GENERIC, read_export
from exposure_audit.exports.common import maybe_binary
from exposure_audit.exports.context import ExportReading
from exposure_audit.sources.web import Response, declared_images
from tests.support.exportkit import FIXTURES, tree_from_files

DEEP = b"[" * 100_000 + b"]" * 100_000
HOSTILE_TEXTS = {
    "wrong types": json.dumps(
        {
            "photoTakenTime": [1, 2],
            "title": {"a": None},
            "media": "x",
            "messages": 7,
            "uri": 12,
            "creation_timestamp": "soon",
            "geoData": "here",
            "photos": {"k": []},
        }
    ).encode(),
    "list of junk": json.dumps([None, 1.5e308, -1, "", [], {}, True] * 50).encode(),
    "huge string": b'{"title": "' + b"A" * (8 * 1024 * 1024) + b'"}',
    "deep nesting": DEEP,
    "deep objects": b'{"a":' * 50_000 + b"1" + b"}" * 50_000,
    "invalid utf-8": b'{"title": "\xff\xfe\xc0\xaf", "uri": "\xed\xa0\x80.jpg"}',
    "lone surrogate escape": b'{"title": "\\ud800", "uri": "\\udfff.jpg"}',
    "nul bytes": b'{"title": "a\x00b"}\x00\x00',
    "truncated": b'{"photoTakenTime": {"timestamp": "1700',
    "huge numbers": b'{"photoTakenTime": {"timestamp": 1e999}, "latitude": 1e400, "n": '
    + b"9" * 5000
    + b"}",
    "csv with ragged rows": b"imgName,fileChecksum\na.jpg,1,2,3,4\n,,\n\x00\n",
    "empty": b"",
}


def hostile_variants() -> list[tuple[str, str, str, bytes]]:
    cases = []
    for kind, make in FIXTURES.items():
        fixture = make()
        for path in sorted(p for p in fixture.files if not maybe_binary(p)):
            for label, text in HOSTILE_TEXTS.items():
                cases.append((kind, path, label, text))
    return cases


CASES = hostile_variants()


@pytest.mark.parametrize("kind", sorted(FIXTURES))
def test_every_metadata_file_replaced_by_hostile_text(kind: str) -> None:
    started = time.monotonic()
    for case_kind, path, label, text in CASES:
        if case_kind != kind:
            continue
        fixture = FIXTURES[kind]()
        tree = tree_from_files({**fixture.files, path: text}, fixture.name)
        reading = read_export(tree)  # must never raise
        assert isinstance(reading, ExportReading), (path, label)
        assert all(isinstance(p, str) and len(p) < 2_000 for p in reading.problems)
        for adapter in [*ADAPTERS, GENERIC]:  # and no adapter fails but with BadData
            try:
                if adapter.recognise(tree):
                    adapter.read(tree)
            except BadData:
                pass
            except Exception as exc:  # noqa: BLE001 - any other exception is the failure
                pytest.fail(f"{adapter.platform} on {path} ({label}): {exc!r:.300}")
    assert time.monotonic() - started < 60


def test_fuzz_regression_icloud_rows_longer_than_the_header() -> None:
    """Found by fuzz/fuzz_exports.py: csv.DictReader puts extra cells in a list under None."""
    fixture = FIXTURES["icloud"]()
    csv_path = next(p for p in fixture.files if p.endswith(".csv"))
    ragged = fixture.files[csv_path] + b"\nIMG_1.JPG,abc,extra,cells,here\n"
    tree = tree_from_files({**fixture.files, csv_path: ragged}, fixture.name)
    adapter = next(a for a in ADAPTERS if a.platform == "iCloud Photos")
    assert adapter.recognise(tree)
    assert isinstance(adapter.read(tree), ExportReading)


HOSTILE_PAGES = {
    "unclosed": b"<html><head><meta property='og:image' content='/a.jpg'><img src='/b.jpg'",
    "huge attribute": b"<img src='" + b"x" * (4 * 1024 * 1024) + b".jpg'>",
    "deep nesting": b"<div>" * 200_000 + b"<img src='/deep.jpg'>",
    "many images": b"".join(b"<img src='/%d.jpg'>" % n for n in range(20_000)),
    "invalid utf-8": b"<img src='/\xff\xfe.jpg'><meta name='twitter:image' content='\xc0\xaf'>",
    "script schemes": b"<img src='javascript:alert(1)'><img src='file:///etc/passwd'>"
    b"<base href='ftp://evil/'><img src='data:image/png;base64,AAAA'>",
    "comments and cdata": b"<!-- <img src='/hidden.jpg'> --><![CDATA[<img src='/c.jpg'>]]>",
    "nul and controls": b"<img src='/a\x00b.jpg'>\x00\x01\x02<meta\x00>",
    "entities": b"<img src='/&#x0;&#xD800;&#99999999;&amp;.jpg'>",
    # Found by fuzz/fuzz_exports.py: html.parser raised AssertionError on a broken "<![".
    "broken marked section": b"<img src='/before.jpg'><![.\xad <img src='/after.jpg'>",
}


@pytest.mark.parametrize("label", sorted(HOSTILE_PAGES))
def test_hostile_profile_pages_parse_quickly(label: str) -> None:
    page = Response("https://example.org/profile", HOSTILE_PAGES[label], "text/html")
    started = time.monotonic()
    images = declared_images(page)
    assert time.monotonic() - started < 20
    for url, declared_by in images:
        assert isinstance(url, str)
        assert declared_by in {"img", "og:image", "twitter:image"} or declared_by


def test_profile_pages_cannot_smuggle_local_files() -> None:
    page = Response("https://example.org/p", HOSTILE_PAGES["script schemes"], "text/html")
    urls = [url for url, _ in declared_images(page)]
    assert not any(u.startswith("data:") for u in urls)
    from exposure_audit.sources.web import check_scheme

    for url in urls:
        if not url.startswith(("http://", "https://")):
            with pytest.raises(BadData):
                check_scheme(url)
