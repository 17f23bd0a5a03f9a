"""Profile URLs read like an export: the pages or images the user listed, fetched on request only."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import urlsplit

from exposure_audit.errors import BadData
from exposure_audit.exports.context import PhotoContext
from exposure_audit.i18n import _
from exposure_audit.i18n.formats import format_number
from exposure_audit.sources.address_guard import PUBLIC_ONLY, AddressPolicy
from exposure_audit.sources.containers import Entry, Export
from exposure_audit.vocabulary import AudienceBasis, PhotoKind

# Host names (and their subdomains) whose public images belong to a known platform.
PLATFORM_HOSTS = {
    "facebook.com": "Facebook",
    "fbcdn.net": "Facebook",
    "instagram.com": "Instagram",
    "cdninstagram.com": "Instagram",
    "x.com": "X",
    "twitter.com": "X",
    "twimg.com": "X",
    "linkedin.com": "LinkedIn",
    "licdn.com": "LinkedIn",
    "tiktok.com": "TikTok",
    "youtube.com": "YouTube",
    "googleusercontent.com": "Google",
    "github.com": "GitHub",
    "githubusercontent.com": "GitHub",
    "mastodon.social": "Mastodon",
}
PUBLIC_BASIS = AudienceBasis.OPEN_WEB


def is_url(text: str) -> bool:
    return urlsplit(text).scheme.lower() in ("http", "https")


_HOST = re.compile(r"[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,63}", re.IGNORECASE)


def as_web_address(typed: str) -> str | None:
    """What the person typed as a web address: ``facebook.com/name`` gets ``https://``.

    None when it is not one (a scheme other than http(s), spaces, no host with a dot).
    """
    text = typed.strip()
    if not text or any(c.isspace() for c in text):
        return None
    if "://" not in text:
        host = text.split("/", 1)[0].split("?", 1)[0].split("#", 1)[0]
        if host.startswith("www.") or _HOST.fullmatch(host.rsplit(":", 1)[0]):
            text = "https://" + text
    parsed = urlsplit(text)
    if parsed.scheme.lower() not in ("http", "https") or not parsed.hostname:
        return None
    return text


def platform_of(url: str) -> str | None:
    host = (urlsplit(url).hostname or "").lower()
    for domain, platform in PLATFORM_HOSTS.items():
        if host == domain or host.endswith(f".{domain}"):
            return platform
    return None


class FetchedContainer:
    """The images one fetch returned, held in memory, addressed by their URLs."""

    def __init__(self, images: dict[str, bytes]) -> None:
        self.images = images

    def entries(self) -> Iterator[Entry]:
        for url, data in self.images.items():
            yield Entry(url, len(data), hashlib.sha256(data).hexdigest())

    def read(self, path: str, limit: int) -> bytes:
        data = self.images.get(path)
        if data is None:
            raise BadData(_("{path} was not fetched").format(path=path))
        if len(data) > limit:
            raise BadData(
                _("larger than the {limit}-byte limit").format(limit=format_number(limit))
            )
        return data

    def head(self, path: str, size: int = 512) -> bytes:
        return self.read(path, 1 << 62)[:size]

    def close(self) -> None:
        self.images.clear()


def fetch_source(
    url: str,
    cache_dir: Path,
    problem: Callable[[str, str], None],
    cancelled: Callable[[], bool] = lambda: False,
    policy: AddressPolicy = PUBLIC_ONLY,
) -> tuple[Export, dict[str, PhotoContext]]:
    """Fetch a listed URL; returns its images as an export, with a context per image URL."""
    from exposure_audit.sources.web import fetch_profile

    fetched = fetch_profile(url, cache_dir, cancelled=cancelled, policy=policy)
    for message in fetched.problems:
        problem(url, message)
    export = Export(url, "", FetchedContainer({i.url: i.data for i in fetched.images}), depth=0)
    export.entries = list(export.container.entries())
    contexts = {}
    for image in fetched.images:
        declared = image.declared_by
        contexts[image.url] = PhotoContext(
            platform=platform_of(image.page_url or image.url) or platform_of(image.url),
            kind=PhotoKind.PROFILE_PICTURE
            if declared in ("og:image", "twitter:image", "direct")
            else PhotoKind.WEB_PAGE,
            audience="public",
            audience_basis=PUBLIC_BASIS,
            url=image.page_url or image.url,
            export=f"profile URL {url}",
        )
    return export, contexts
