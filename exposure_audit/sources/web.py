"""Fetch the public profile pages and images a user listed, politely, with a private disk cache."""

from __future__ import annotations

import contextlib
import hashlib
import json
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit
from urllib.robotparser import RobotFileParser

from exposure_audit.errors import BadData
from exposure_audit.exports.common import sniff_image
from exposure_audit.private_files import private_dir, write_private
from exposure_audit.sources.address_guard import (
    PUBLIC_ONLY,
    AddressPolicy,
    Watch,
    guarded_session,
    watching,
)

USER_AGENT = "ExposureAudit/0.1 (+personal privacy self-audit; fetches only URLs its user entered)"
ROBOTS_AGENT = "ExposureAudit"
SCHEMES = ("http", "https")
REDIRECTS = (301, 302, 303, 307, 308)
CHUNK = 64 * 1024
HTML_MARKERS = (b"<!doctype html", b"<html", b"<head", b"<meta", b"<img")
IMAGE_META = {
    "og:image": "og:image",
    "og:image:url": "og:image",
    "og:image:secure_url": "og:image",
    "twitter:image": "twitter:image",
    "twitter:image:src": "twitter:image",
}


class UnsupportedURL(BadData):
    """A URL whose scheme is not http or https."""


@dataclass(frozen=True)
class FetchLimits:
    """``timeout`` bounds each connect and read; ``deadline`` the whole fetch of one URL."""

    timeout: float = 15.0
    deadline: float = 90.0
    max_bytes: int = 20 * 1024 * 1024
    max_redirects: int = 5
    max_images: int = 40
    robots_max_bytes: int = 512 * 1024


@dataclass(frozen=True)
class FetchedImage:
    url: str
    data: bytes
    page_url: str | None
    declared_by: str


@dataclass
class ProfileFetch:
    url: str
    images: list[FetchedImage] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Response:
    url: str
    body: bytes
    content_type: str


class Skipped(Exception):
    """This URL was not fetched; the message says why, for the user."""


# ---- cache -----------------------------------------------------------------------------------


class Cache:
    """Bodies and validators (ETag, Last-Modified) keyed by URL; owner-only files."""

    def __init__(self, folder: Path) -> None:
        self.folder = private_dir(Path(folder))

    def _key(self, url: str) -> Path:
        return self.folder / hashlib.sha256(url.encode()).hexdigest()

    def validators(self, url: str) -> dict[str, str]:
        meta = self._meta(url)
        headers = {}
        if meta.get("etag"):
            headers["If-None-Match"] = meta["etag"]
        if meta.get("last_modified"):
            headers["If-Modified-Since"] = meta["last_modified"]
        return headers

    def _meta(self, url: str) -> dict[str, str]:
        try:
            data = json.loads(self._key(url).with_suffix(".json").read_text("utf-8"))
        except (OSError, ValueError):
            return {}
        return data if isinstance(data, dict) and data.get("url") == url else {}

    def load(self, url: str) -> Response | None:
        meta = self._meta(url)
        try:
            body = self._key(url).with_suffix(".body").read_bytes()
        except OSError:
            return None
        return Response(url, body, meta.get("content_type", "")) if meta else None

    def store(self, url: str, response: Response, headers: Any) -> None:
        meta = {
            "url": url,
            "content_type": response.content_type,
            "etag": headers.get("ETag") or "",
            "last_modified": headers.get("Last-Modified") or "",
        }
        if not (meta["etag"] or meta["last_modified"]):
            return
        write_private(self._key(url).with_suffix(".body"), response.body)
        write_private(self._key(url).with_suffix(".json"), json.dumps(meta).encode())


# ---- fetching --------------------------------------------------------------------------------


def check_scheme(url: str) -> None:
    scheme = urlsplit(url).scheme.lower()
    if scheme not in SCHEMES or not urlsplit(url).hostname:
        raise UnsupportedURL(f"only http:// and https:// addresses can be fetched, not {url!r}")


class Fetcher:
    """One fetch session: robots.txt per host, redirects, size caps, conditional requests.

    Every connection, redirect hop and linked image included, goes through the address guard.
    """

    def __init__(self, watch: Watch, cache: Cache, limits: FetchLimits) -> None:
        import requests

        self.errors: tuple[type[BaseException], ...] = (requests.RequestException, OSError)
        self.watch = watch
        self.session = guarded_session(watch)
        self.cache, self.limits = cache, limits
        self.robots: dict[str, RobotFileParser | str] = {}

    def get(self, url: str) -> Response:
        """The final response for ``url`` after allowed redirects; Skipped when not fetched."""
        for _ in range(self.limits.max_redirects + 1):
            self.check(url)
            response = self._request(url, self.cache.validators(url), self.limits.max_bytes)
            if isinstance(response, str):
                url = urljoin(url, response)
                continue
            return response
        raise Skipped(f"{url}: more than {self.limits.max_redirects} redirects")

    def check(self, url: str) -> None:
        try:
            check_scheme(url)
        except UnsupportedURL as err:
            raise Skipped(str(err)) from err
        parts = urlsplit(url)
        host = f"{parts.scheme}://{parts.netloc}"
        if host not in self.robots:
            self.robots[host] = self._robots(host + "/robots.txt")
        rules = self.robots[host]
        if isinstance(rules, str):
            raise Skipped(f"{url}: not fetched, {rules}")
        if not rules.can_fetch(ROBOTS_AGENT, url):
            raise Skipped(f"{url}: the site's robots.txt asks tools like this not to fetch it")

    def _robots(self, url: str) -> RobotFileParser | str:
        """The host's robots rules, or why they could not be read (then nothing is fetched)."""
        rules = RobotFileParser(url)
        try:
            got = self._request(url, {}, self.limits.robots_max_bytes, robots=True)
        except Skipped as err:
            return f"as its robots.txt could not be read ({err})"
        body = got.body if isinstance(got, Response) else b""
        rules.parse(body.decode("utf-8", errors="replace").splitlines())
        return rules

    def _request(
        self, url: str, headers: dict[str, str], cap: int, *, robots: bool = False
    ) -> Response | str:
        """A Response, or the Location of a redirect."""
        try:
            self.watch.check()
            raw = self.session.get(
                url,
                headers={"User-Agent": USER_AGENT, **headers},
                stream=True,
                allow_redirects=False,
                timeout=self.limits.timeout,
            )
        except self.errors as err:
            raise Skipped(f"{url}: {self._why(err, 'could not be reached')}") from err
        try:
            return self._handle(url, raw, cap, robots)
        finally:
            raw.close()

    def _handle(self, url: str, raw: Any, cap: int, robots: bool) -> Response | str:
        status = raw.status_code
        if status in REDIRECTS and raw.headers.get("Location") and not robots:
            return str(raw.headers["Location"])
        if status == 304:
            cached = self.cache.load(url)
            if cached is not None:
                return cached
        if robots:
            return self._robots_answer(url, status, raw, cap)
        if status != 200:
            raise Skipped(f"{url}: the server answered {status}")
        response = Response(url, self._body(url, raw, cap), raw.headers.get("Content-Type", ""))
        self.cache.store(url, response, raw.headers)
        return response

    def _robots_answer(self, url: str, status: int, raw: Any, cap: int) -> Response:
        if status == 200:
            return Response(url, self._body(url, raw, cap), "text/plain")
        if 400 <= status < 500 and status not in (401, 403):
            return Response(url, b"", "text/plain")
        raise Skipped(f"{url}: robots.txt answered {status}")

    def _body(self, url: str, raw: Any, cap: int) -> bytes:
        declared = raw.headers.get("Content-Length")
        if declared and declared.isdigit() and int(declared) > cap:
            raise Skipped(f"{url}: larger than the {cap} byte limit")
        chunks, total = [], 0
        try:
            for chunk in raw.iter_content(CHUNK):
                self.watch.check()
                total += len(chunk)
                if total > cap:
                    raise Skipped(f"{url}: larger than the {cap} byte limit")
                chunks.append(chunk)
        except self.errors as err:
            raise Skipped(f"{url}: {self._why(err, 'download failed')}") from err
        return b"".join(chunks)

    def _why(self, err: BaseException, failed: str) -> str:
        """The user's reason: refused address, deadline or cancel before a bare network error."""
        if self.watch.refused:
            reason, self.watch.refused = self.watch.refused, None
            return f"refused, {reason}"
        if self.watch.stopped:
            return self.watch.stopped
        return f"{failed} ({type(err).__name__})"


# ---- pages -----------------------------------------------------------------------------------


class ImageDeclarations(HTMLParser):
    """og:image, twitter:image and <img src> declared by one page, in order."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.base: str | None = None
        self.found: list[tuple[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k.lower(): (v or "").strip() for k, v in attrs}
        if tag == "base" and values.get("href") and self.base is None:
            self.base = values["href"]
        elif tag == "meta":
            name = (values.get("property") or values.get("name") or "").lower()
            if name in IMAGE_META and values.get("content"):
                self.found.append((values["content"], IMAGE_META[name]))
        elif tag == "img" and values.get("src"):
            self.found.append((values["src"], "img"))


def declared_images(page: Response) -> list[tuple[str, str]]:
    """(absolute URL, declared_by) of a page's images, duplicates removed."""
    parser = ImageDeclarations()
    # html.parser asserts on some broken markup ("<![x"); keep what it read until then.
    with contextlib.suppress(AssertionError):
        parser.feed(page.body.decode("utf-8", errors="replace"))
    base = urljoin(page.url, parser.base) if parser.base else page.url
    seen: dict[str, str] = {}
    for src, declared_by in parser.found:
        if not src.startswith("data:"):
            seen.setdefault(urljoin(base, src), declared_by)
    return list(seen.items())


def looks_like_html(response: Response) -> bool:
    if "html" in response.content_type.lower():
        return True
    return response.body[:512].lstrip().lower().startswith(HTML_MARKERS)


def fetch_profile(
    url: str,
    cache_dir: Path,
    *,
    limits: FetchLimits | None = None,
    policy: AddressPolicy = PUBLIC_ONLY,
    cancelled: Callable[[], bool] = lambda: False,
) -> ProfileFetch:
    """Fetch exactly ``url`` (an image, or a page plus the images it declares); never crawl.

    Only public internet addresses are contacted (``policy``); the whole fetch ends at the
    limits' deadline or as soon as ``cancelled()`` turns true.
    """
    check_scheme(url)
    limits = limits or FetchLimits()
    watch = Watch(time.monotonic() + limits.deadline, cancelled, policy)
    with watching(watch):
        return _fetch(url, Fetcher(watch, Cache(cache_dir), limits), limits)


def _fetch(url: str, fetcher: Fetcher, limits: FetchLimits) -> ProfileFetch:
    result = ProfileFetch(url)
    try:
        first = fetcher.get(url)
    except Skipped as err:
        result.problems.append(str(err))
        return result
    if sniff_image(first.body[:32]):
        result.images.append(FetchedImage(first.url, first.body, None, "direct"))
    elif looks_like_html(first):
        _page_images(fetcher, first, result, limits)
    else:
        result.problems.append(f"{url}: neither an image nor a web page ({first.content_type})")
    return result


def _page_images(
    fetcher: Fetcher, page: Response, result: ProfileFetch, limits: FetchLimits
) -> None:
    declared = declared_images(page)
    if len(declared) > limits.max_images:
        result.problems.append(
            f"{page.url}: only the first {limits.max_images} images were fetched"
        )
    for image_url, declared_by in declared[: limits.max_images]:
        try:
            got = fetcher.get(image_url)
        except Skipped as err:
            result.problems.append(str(err))
            continue
        if sniff_image(got.body[:32]):
            result.images.append(FetchedImage(got.url, got.body, page.url, declared_by))
        else:
            result.problems.append(
                f"{image_url}: not an image, although served as {got.content_type or 'unknown'}"
            )
