"""Letters and the exposure report as a person reads them: rendered page by page with QtPdf.

The second legal review found "Yours faithfully," ending page 2 and the name starting page 3,
a thumbnail's number on one page and the photo on the next, justified lists with large gaps
and page numbers "- 2 -" with no total and no reference. These tests render long letters (many
annexed photos, a long address, each language) and look at the pages: the text each page
holds (``QPdfDocument.getAllText``), where it stands, and the ink on the rendered image.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from exposure_audit.imaging import thumbnail_jpeg
from exposure_audit.report.data import Report
from exposure_audit.rights.controllers import load_controllers
from exposure_audit.rights.letters import (
    LANGUAGES,
    EvidenceRow,
    Identity,
    LetterRequest,
    render_pdf,
)
from exposure_audit.rights.letters.render import table
from tests.support.photos import face_bytes

QtPdf = pytest.importorskip("PySide6.QtPdf")

MM = 72 / 25.4  # points per millimetre
SCALE = 2  # rendered pixels per point
REFERENCE = "EA-2028-004"
PAGE_OF = {"en": "page {} of {}", "de": "Seite {} von {}", "nl": "pagina {} van {}",
           "fr": "page {} sur {}"}  # fmt: skip
FACES = ("obama.jpg", "biden.jpg", "kit1.jpg", "rose1.jpg", "obama2.jpg", "alex1.png")
THUMBNAILS = [thumbnail_jpeg(face_bytes(name), side=240) for name in FACES]
IDENTITY = Identity(
    "Maximiliane Alexandra von Exämple-Lindqvist",
    ("c/o Wohngemeinschaft Sonnenhof, Hinterhaus, 3. Obergeschoss links", "Hauptstraße 123a",
     "10115 Berlin", "Germany"),
    "maximiliane.exaemple@example.org",
    {"Facebook user id": "100012345678901", "Instagram username": "max.exaemple"},
)  # fmt: skip


def evidence(count: int) -> tuple[EvidenceRow, ...]:
    return tuple(
        EvidenceRow(
            "facebook",
            f"https://www.facebook.com/photo.php?fbid=10{n:013d}&set=a.{n}",
            f"your_facebook_activity/posts/media/Album_{n}/photo_{n:04d}_with_a_long_name.jpg",
            f"2019-11-{n % 28 + 1:02d}",
            hashlib.sha256(f"photo {n}".encode()).hexdigest(),
            THUMBNAILS[n % len(THUMBNAILS)],
        )
        for n in range(count)
    )


def long_letter(language: str, extra_lines: int = 0, photos: int = 23) -> LetterRequest:
    """Access and erasure to Meta with ``photos`` annexed; ``extra_lines`` more lines in the
    address move every page break by a line each."""
    address = (*IDENTITY.postal_address[:1],
               *(f"Aufgang {n + 1}, Tür {n + 10}" for n in range(extra_lines)),
               *IDENTITY.postal_address[1:])  # fmt: skip
    return LetterRequest(
        types=frozenset({"access", "erasure"}),
        controller=load_controllers()["meta"],
        identity=replace(IDENTITY, postal_address=address),
        language=language,
        evidence=evidence(photos),
        reference=REFERENCE,
        letter_date=date(2028, 1, 31),
    )


# -- reading rendered pages ---------------------------------------------------------------------


@dataclass
class Page:
    """One page: its text, and the positions of parts of it and its ink, on demand."""

    document: Any
    number: int  # from 0

    @property
    def text(self) -> str:
        return str(self.document.getAllText(self.number).text())

    def lines(self) -> list[str]:
        return self.text.replace("\u200b", "").splitlines()

    def box(self, start: int, length: int) -> tuple[float, float, float, float]:
        """(left, top, right, bottom) in points of the text at ``start``."""
        rect = self.document.getSelectionAtIndex(self.number, start, length).boundingRectangle()
        return rect.left(), rect.top(), rect.right(), rect.bottom()

    def ink(self) -> np.ndarray:
        """The page rendered on white at ``SCALE`` pixels per point: True where not white."""
        from PySide6.QtCore import QPoint, QSize
        from PySide6.QtGui import QImage, QPainter

        size = self.document.pagePointSize(self.number)
        pixels = QSize(round(size.width() * SCALE), round(size.height() * SCALE))
        drawn = self.document.render(self.number, pixels)
        white = QImage(pixels, QImage.Format.Format_RGB32)
        white.fill(0xFFFFFF)
        painter = QPainter(white)
        painter.drawImage(QPoint(0, 0), drawn)
        painter.end()
        gray = white.convertToFormat(QImage.Format.Format_Grayscale8)
        rows = np.frombuffer(gray.constBits(), np.uint8).reshape(-1, gray.bytesPerLine())
        return rows[: pixels.height(), : pixels.width()] < 235


def squashed(text: str) -> str:
    return re.sub(r"[\s\u200b]+", "", text)


@pytest.fixture
def read(qapp: Any, tmp_path: Path) -> Iterator[Any]:
    documents = []

    def read_pdf(path: Path) -> list[Page]:
        document = QtPdf.QPdfDocument()
        assert document.load(str(path)) == QtPdf.QPdfDocument.Error.None_
        documents.append(document)
        return [Page(document, n) for n in range(document.pageCount())]

    yield read_pdf
    for document in documents:
        document.close()


def letter_pages(read: Any, tmp_path: Path, req: LetterRequest, thumbnails: bool = True) -> list:
    path = tmp_path / f"{req.language}-{len(req.identity.postal_address)}.pdf"
    render_pdf(req, path, include_thumbnails=thumbnails)
    return read(path)


# -- the signature block ------------------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_closing_and_the_name_share_a_page(read: Any, tmp_path: Path, language: str) -> None:
    closing = str(table(language)["closing"])
    pushed = 0
    for extra in range(48):  # line by line, the closing passes the foot of a page
        if pushed >= 3:
            break
        req = long_letter(language, extra, photos=3)
        pages = letter_pages(read, tmp_path, req, thumbnails=False)
        holding = [p for p in pages if closing in p.text]
        assert len(holding) == 1, extra
        page = holding[0]
        after = page.text.split(closing, 1)[1]
        assert squashed(req.identity.name) in squashed(after.split("\n", 3)[1]), extra
        _left, top, _right, _bottom = page.box(page.text.index(closing), len(closing))
        pushed += top < 30 * MM  # at the head of a page: moved there with the name
    assert pushed, "no variant put the closing near a page break"


# -- thumbnails and their numbers ---------------------------------------------------------------

CAPTIONS = re.compile(r"\d+\.(?: \d+\.)*")


def _image_below(ink: np.ndarray, box: tuple[float, float, float, float]) -> tuple[int, int]:
    """(top, height) in points of the photo under a caption: dense ink in the caption's
    column starting within a few millimetres below it."""
    left, _top, _right, bottom = (round(v * SCALE) for v in box)
    strip = ink[:, left : left + round(20 * MM * SCALE)]
    dense = strip.mean(axis=1) > 0.5
    start = bottom + np.argmax(dense[bottom : bottom + round(6 * MM * SCALE)])
    if not dense[start]:
        return 0, 0
    end = start + np.argmin(dense[start:])
    return start // SCALE, (end - start) // SCALE


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_photo_is_on_the_page_of_its_number(read: Any, tmp_path: Path, language: str) -> None:
    for extra in range(0, 12, 3):
        req = long_letter(language, extra)
        pages = letter_pages(read, tmp_path, req)
        seen: list[int] = []
        for page in pages:
            text, ink = page.text, None
            for line in re.finditer(r"[^\r\n]+", text):
                if not CAPTIONS.fullmatch(line.group()):
                    continue
                ink = page.ink() if ink is None else ink
                for caption in re.finditer(r"\d+\.", line.group()):
                    start = line.start() + caption.start()
                    top, height = _image_below(ink, page.box(start, len(caption.group())))
                    assert height > 10 * MM, (extra, page.number, caption.group())
                    assert (
                        top + height < page.document.pagePointSize(page.number).height() - 15 * MM
                    )
                    seen.append(int(caption.group()[:-1]))
        assert seen == list(range(1, len(req.evidence) + 1)), extra
        assert len(pages) >= 4  # the photos did run over pages


# -- the annex table ----------------------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_annex_row_is_split_and_the_heading_stays_with_it(
    read: Any, tmp_path: Path, language: str
) -> None:
    heading = str(table(language)["annex_heading"])
    columns = squashed("".join(table(language)["annex_columns"]))
    for extra in range(0, 14, 2):
        req = long_letter(language, extra)
        pages = letter_pages(read, tmp_path, req, thumbnails=False)
        flat = [squashed(p.text) for p in pages]
        first = next(n for n, p in enumerate(pages) if heading in p.lines())
        assert squashed(req.evidence[0].sha256) in flat[first], extra  # not alone at the foot
        holding = []
        for row in req.evidence:
            where = [n for n, text in enumerate(flat) if squashed(row.sha256) in text]
            assert len(where) == 1, (extra, row.sha256)  # the whole hash on one page
            assert squashed(row.url_or_id) in flat[where[0]]
            holding.append(where[0])
        for number in set(holding):
            assert columns in flat[number], (extra, number)  # each page of it has its headings
        assert len(set(holding)) >= 2  # the table did run over a page


# -- page numbers and the reference -------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_says_page_x_of_y_and_the_reference(
    read: Any, tmp_path: Path, language: str
) -> None:
    pages = letter_pages(read, tmp_path, long_letter(language))
    assert len(pages) >= 4
    for number, page in enumerate(pages, 1):
        footer = page.lines()[-1]
        assert footer == f"{REFERENCE} · " + PAGE_OF[language].format(number, len(pages))
    assert not re.search(r"[–-] \d+ [–-]", "".join(p.text for p in pages))


# -- ragged lines, no justified gaps ------------------------------------------------------------


def _widest_gap(ink: np.ndarray, top: int, bottom: int) -> float:
    """The widest run of blank columns between words on the text lines between two heights,
    in millimetres."""
    widest = 0
    rows = ink[top:bottom].any(axis=1)
    edges = np.flatnonzero(np.diff(np.concatenate([[0], rows.astype(int), [0]])))
    for start, end in zip(edges[::2], edges[1::2], strict=True):
        if end - start < 1.5 * MM * SCALE:
            continue  # a sliver (a rule, a cut-off line), not a line of text
        columns = np.flatnonzero(ink[top + start : top + end].any(axis=0))
        if len(columns) > 1:
            widest = max(widest, int(np.diff(columns).max()))
    return widest / SCALE / MM


@pytest.mark.parametrize("language", LANGUAGES)
def test_lines_are_ragged_with_no_large_gaps(read: Any, tmp_path: Path, language: str) -> None:
    heading = str(table(language)["annex_heading"])
    pages = letter_pages(read, tmp_path, long_letter(language), thumbnails=False)
    for page in pages:
        text = page.text
        height = page.document.pagePointSize(page.number).height()
        bottom = height - 16 * MM  # above the footer, which is centred on its own
        line = re.search(rf"(?m)^{re.escape(heading)}\r?$", text)
        if line:  # the letter ends where the annex table begins (less a margin: whole lines)
            bottom = page.box(line.start(), len(heading))[1] - 1 * MM
        if bottom <= 20 * MM:
            continue
        gap = _widest_gap(page.ink(), round(15 * MM * SCALE), round(bottom * SCALE))
        assert gap < 3, (page.number, gap)  # a space is about 1 mm at this size


# -- the exposure report ------------------------------------------------------------------------

REPORT_HEADINGS = ("At a glance", "What to do next", "Per platform", "Requests", "Findings")


@pytest.fixture(scope="module")
def long_report(tmp_path_factory: pytest.TempPathFactory) -> tuple[Report, dict]:
    """The report of a real scan with its one confirmed finding found in 40 places, each a
    photo of its own (thumbnail and hash)."""
    from exposure_audit.report.build import build_report
    from tests.support.actionkit import open_copy, scanned_audit_file

    root = tmp_path_factory.mktemp("report")
    with open_copy(scanned_audit_file(root / "scan"), root) as audit:
        report = build_report(audit, date(2027, 3, 5))
    first = report.findings[0]
    findings = tuple(
        replace(first, item_id=1000 + n, location=f"posts/media/Album_{n}/photo_{n:04d}.jpg",
                sha256=hashlib.sha256(f"report photo {n}".encode()).hexdigest())
        for n in range(40)
    )  # fmt: skip
    thumbs = {1000 + n: THUMBNAILS[n % len(THUMBNAILS)] for n in range(40)}
    return replace(report, findings=findings), thumbs


def test_the_report_pages_are_numbered_and_keep_rows_and_headings_whole(
    read: Any, tmp_path: Path, long_report: tuple[Report, dict]
) -> None:
    from exposure_audit.report.pdf import render_pdf as render_report

    report, thumbs = long_report
    path = tmp_path / "report.pdf"
    path.write_bytes(render_report(report, thumbs))
    pages = read(path)
    assert len(pages) >= 3
    for number, page in enumerate(pages, 1):
        assert page.lines()[-1] == f"Exposure report · page {number} of {len(pages)}"
        body = page.lines()[:-1]
        assert body, number
        assert body[-1] not in REPORT_HEADINGS, number  # no heading alone at the foot
    flat = [squashed(p.text) for p in pages]
    holding = []
    for finding in report.findings:
        where = [n for n, text in enumerate(flat) if finding.sha256 in text]
        assert len(where) == 1, finding.sha256  # a row (hash and all) on one page
        assert squashed(finding.location) in flat[where[0]]
        holding.append(where[0])
    assert len(set(holding)) >= 2  # the findings did run over pages
    for number in set(holding):  # each page of the table has its headings
        assert "#PhotoPlatformDateExposureWhereSHA-256" in flat[number]
