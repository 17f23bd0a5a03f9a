"""Saved web pages ("Save page as… complete"): ``page.html`` plus its ``page_files/`` folder."""

from __future__ import annotations

import html
import posixpath
import re

from exposure_audit.exports import cutoff
from exposure_audit.exports.common import complete, image_paths, safe_read
from exposure_audit.exports.context import ExportReading, ExportTree, PhotoContext
from exposure_audit.vocabulary import AudienceBasis, PhotoKind

PLATFORM = "Saved web page"
SAVED_FROM = re.compile(r"<!--\s*saved from url=\(\d+\)(\S+?)\s*-->", re.IGNORECASE)
# Bounded on every side, so that each "<title" costs at most a few hundred characters of
# matching: a page of repeated "<title" no longer takes time with the square of its size.
TITLE = re.compile(r"<title[^>]{0,200}>(.{1,300}?)</title>", re.IGNORECASE | re.DOTALL)
FOLDER_JOINERS = ("_", "-", " ")
BASIS = AudienceBasis.WEB_PAGE_SAVED


def page_files(tree: ExportTree) -> dict[str, str]:
    """{html page path: its companion folder path} for every saved page in the tree.

    A companion folder is named after its page's stem, a joiner and any tail (``page_files``,
    ``page-Dateien``). Each folder is matched by its own name's joiner positions (at most one
    per character of one name), so the cost is linear in the tree, not pages x folders.
    """
    pages: dict[str, list[str]] = {}
    for path in tree.paths:
        if path.lower().endswith((".html", ".htm")):
            pages.setdefault(posixpath.splitext(path)[0], []).append(path)
    folders = sorted({posixpath.dirname(p) for p in tree.paths} - {""})
    found: dict[str, str] = {}
    for folder in folders:
        cutoff.check()
        parent, name = posixpath.split(folder)
        for cut, char in enumerate(name):
            if char in FOLDER_JOINERS and cut:
                for page in pages.get(posixpath.join(parent, name[:cut]), ()):
                    found.setdefault(page, folder)
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
        by_folder: dict[str, list[str]] = {}
        for image in images:
            # An image anywhere under a companion folder belongs to its page.
            parts = image.split("/")
            for depth in range(1, len(parts)):
                by_folder.setdefault("/".join(parts[:depth]), []).append(image)
        for page, folder in page_files(tree).items():
            cutoff.per_file(
                reading, page, self._page, tree, page, by_folder.get(folder, []), reading
            )
        return complete(reading, tree, PLATFORM, PLATFORM)

    @staticmethod
    def _page(tree: ExportTree, page: str, images: list[str], reading: ExportReading) -> None:
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
            reading.contexts[image] = context
