"""Saved web pages ("Save page as… complete"): ``page.html`` plus its ``page_files/`` folder."""

from __future__ import annotations

import html
import posixpath
import re

from exposure_audit.exports.common import complete, image_paths, safe_read
from exposure_audit.exports.context import ExportReading, ExportTree, PhotoContext
from exposure_audit.vocabulary import PhotoKind

PLATFORM = "Saved web page"
SAVED_FROM = re.compile(r"<!--\s*saved from url=\(\d+\)(\S+?)\s*-->", re.IGNORECASE)
# Bounded on every side, so that each "<title" costs at most a few hundred characters of
# matching: a page of repeated "<title" no longer takes time with the square of its size.
TITLE = re.compile(r"<title[^>]{0,200}>(.{1,300}?)</title>", re.IGNORECASE | re.DOTALL)
FOLDER_JOINERS = ("_", "-", " ")
BASIS = "saved copy of a web page; the page itself does not say who could open it"


def page_files(tree: ExportTree) -> dict[str, str]:
    """{html page path: its companion folder path} for every saved page in the tree."""
    folders = {posixpath.dirname(p) for p in tree.paths}
    found = {}
    for page in (p for p in tree.paths if p.lower().endswith((".html", ".htm"))):
        stem = posixpath.splitext(page)[0]
        for folder in folders:
            tail = folder[len(stem) :] if folder.startswith(stem) else ""
            if tail[:1] in FOLDER_JOINERS and tail[:1] and "/" not in tail:
                found[page] = folder
    return found


def page_url(text: str) -> str | None:
    match = SAVED_FROM.search(text[:4096])
    url = match[1] if match else None
    return url if url and url.startswith(("http://", "https://")) else None


def page_title(text: str) -> str | None:
    match = TITLE.search(text)
    return html.unescape(" ".join(match[1].split())) if match else None


class WebPageAdapter:
    """Recognises an ``.html`` file with a sibling ``<name>_files`` folder."""

    platform = PLATFORM
    keeps_exif = True

    def recognise(self, tree: ExportTree) -> bool:
        return bool(page_files(tree))

    def read(self, tree: ExportTree) -> ExportReading:
        reading = ExportReading(platform=PLATFORM)
        images = image_paths(tree)
        for page, folder in page_files(tree).items():
            text = (safe_read(tree, page) or b"").decode("utf-8", errors="replace")
            context = PhotoContext(
                platform=PLATFORM,
                kind=PhotoKind.WEB_PAGE,
                album=page_title(text),
                url=page_url(text),
                audience="unknown",
                audience_basis=BASIS,
            )
            for image in images:
                if image.startswith(folder + "/"):
                    reading.contexts[image] = context
        return complete(reading, tree, PLATFORM, PLATFORM)
