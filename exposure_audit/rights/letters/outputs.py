"""Letter outputs: PDF with the evidence annex, .eml draft, mailto link."""

from __future__ import annotations

import io
import unicodedata
import urllib.parse
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import formatdate
from pathlib import Path

from exposure_audit.errors import BadData
from exposure_audit.i18n import _
from exposure_audit.private_files import write_private
from exposure_audit.rights.letters.render import (
    Block,
    annex_cells,
    blocks,
    render_text,
    subject,
    table,
)
from exposure_audit.rights.letters.request import LetterRequest
from exposure_audit.vocabulary import FollowUp

MAILTO_LIMIT = 2000
PHOTO_NAME = "photo-for-the-search-only.jpg"
FONT_CANDIDATES = (
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/TTF/DejaVuSans.ttf",
    "/Library/Fonts/DejaVuSans.ttf",
    "/System/Library/Fonts/Supplemental/Arial Unicode.ttf",
    "C:/Windows/Fonts/DejaVuSans.ttf",
    "C:/Windows/Fonts/arial.ttf",
)
_ASCII = {
    "\u2018": "'",
    "\u2019": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\u201e": '"',
    "\u2013": "-",
    "\u2014": "-",
    "\u2026": "...",
    "\u0153": "oe",
    "\u0152": "OE",
    "\u20ac": "EUR",
    "\u00a0": " ",
    "\u202f": " ",
    "\u0142": "l",
    "\u0141": "L",
}


def unicode_font() -> Path | None:
    """A Unicode TrueType font found on this machine, or None (core font fallback)."""
    for candidate in FONT_CANDIDATES:
        path = Path(candidate)
        if path.is_file():
            return path
    return None


def to_latin1(text: str) -> str:
    """Transliterate for the PDF core fonts, which only cover Latin-1."""
    text = "".join(_ASCII.get(ch, ch) for ch in text)
    if all(ord(ch) < 256 for ch in text):
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    kept = "".join(ch for ch in decomposed if ord(ch) < 256 and not unicodedata.combining(ch))
    return unicodedata.normalize("NFC", kept)


class _Writer:
    """Small wrapper around FPDF choosing the font once."""

    def __init__(self, font: Path | None, reference: str = "", language: str = "en") -> None:
        from fpdf import FPDF  # loaded only when a PDF is written: it takes a second

        writer = self
        page_of = str(table(language)["page_of"])

        class _Paged(FPDF):
            def footer(self) -> None:
                # the reference and "page x of y" in the letter's words on every page: a loose
                # page still says which letter it belongs to, and whether one is missing
                self.set_y(-12)
                self.set_font(writer.family, size=8)
                mark = f"{reference} · " if reference else ""
                number = page_of.format(page=self.page_no(), pages="{nb}")
                self.cell(0, 5, writer.text(f"{mark}{number}"), align="C")

        self.pdf = _Paged(format="A4")
        self.pdf.alias_nb_pages()
        self.pdf.set_margins(20, 18, 20)
        self.pdf.set_auto_page_break(True, margin=18)
        self.unicode = font is not None
        if font is not None:
            self.pdf.add_font("Letter", "", str(font))
            self.family = "Letter"
        else:
            self.family = "Helvetica"
        self.pdf.add_page()

    def text(self, value: str) -> str:
        return value if self.unicode else to_latin1(value)

    def line(self, value: str, size: float = 10.5, indent: float = 0) -> None:
        self.pdf.set_font(self.family, size=size)
        self.pdf.set_x(self.pdf.l_margin + indent)
        # ragged right: justified lines of long ids and paths open large gaps between words
        self.pdf.multi_cell(
            0, size * 0.48, self.text(value), new_x="LMARGIN", new_y="NEXT", align="L"
        )

    def room_for(self, height: float) -> None:
        """A new page unless ``height`` mm still fit on this one."""
        if self.pdf.get_y() + height > self.pdf.page_break_trigger:
            self.pdf.add_page()


def _write_block(writer: _Writer, block: Block, after: Block | None = None) -> None:
    """One block; ``after`` is the block before it (a paragraph after a list keeps a gap)."""
    if block.kind == "gap":
        writer.pdf.ln(3)
    elif block.kind == "h":
        writer.line(block.text, size=11.5)
    elif block.kind == "li":
        writer.line(block.text, indent=5)
    elif block.kind == "annex":
        pass  # the annex is drawn as one table, see _annex_table
    else:
        if after is not None and after.kind == "li":
            writer.pdf.ln(2)
        writer.line(block.text)
        if len(block.text) > 80:
            writer.pdf.ln(2)


ANNEX_WIDTHS = (6, 18, 44, 40, 18, 44)


def _annex_table(writer: _Writer, req: LetterRequest) -> None:
    """The evidence annex as a table with a repeated heading row; long values wrap in cells."""
    rows = annex_cells(req) if req.evidence else []
    if not rows:
        return
    from fpdf.fonts import FontFace

    writer.pdf.set_font(writer.family, size=7)
    with writer.pdf.table(
        headings_style=FontFace(emphasis="", fill_color=(225, 225, 225)),
        col_widths=ANNEX_WIDTHS,
        text_align="LEFT",
        line_height=3.4,
        first_row_as_headings=True,
        repeat_headings=1,
    ) as grid:
        for cells in rows:
            line = grid.row()
            for cell in cells:
                line.cell(writer.text(_breakable(cell)))


def _breakable(value: str) -> str:
    """Let long ids and paths wrap inside a narrow cell (zero-width spaces after separators)."""
    if len(value) <= 24:
        return value
    for mark in ("/", "?", "&", "=", "_", "-", "."):
        value = value.replace(mark, mark + "\u200b")
    if " " not in value and "\u200b" not in value:
        value = "\u200b".join(value[i : i + 16] for i in range(0, len(value), 16))
    return value


def _thumbnails(writer: _Writer, req: LetterRequest) -> None:
    """The annexed photos in rows, each under its number; a row is never split by a page."""
    items = [(n, r.thumbnail_jpeg) for n, r in enumerate(req.evidence, 1) if r.thumbnail_jpeg]
    if not items:
        return
    pdf = writer.pdf
    pdf.ln(4)
    per_row = max(1, int((pdf.epw + THUMBNAIL_GAP_MM) // (THUMBNAIL_MM + THUMBNAIL_GAP_MM)))
    for start in range(0, len(items), per_row):
        row = items[start : start + per_row]
        heights = []
        for _number, data in row:
            width, height = _jpeg_size(data)
            # a tall photo is shown no taller than it is wide: the row stays short
            heights.append(THUMBNAIL_MM * min(1.0, height / max(1, width)))
        writer.room_for(CAPTION_MM + max(heights) + THUMBNAIL_GAP_MM)  # captions with images
        top = pdf.get_y()
        for column, ((number, data), shown) in enumerate(zip(row, heights, strict=True)):
            x = pdf.l_margin + column * (THUMBNAIL_MM + THUMBNAIL_GAP_MM)
            pdf.set_font(writer.family, size=8)
            pdf.set_xy(x, top)
            pdf.cell(THUMBNAIL_MM, CAPTION_MM, f"{number}.")
            pdf.image(io.BytesIO(data), x=x, y=top + CAPTION_MM, h=shown)  # width to scale
        pdf.set_xy(pdf.l_margin, top + CAPTION_MM + max(heights) + THUMBNAIL_GAP_MM)


THUMBNAIL_MM = 35
THUMBNAIL_GAP_MM = 4
CAPTION_MM = 5
# A heading is never the last line of a page: it keeps this much of what follows with it.
HEADING_KEEP_MM = 28
# Lines the closing and the signature take: kept on one page, never "Yours faithfully," alone.
SIGNATURE_MM = 24


def _jpeg_size(data: bytes) -> tuple[int, int]:
    from PIL import Image

    try:
        with Image.open(io.BytesIO(data)) as image:
            return image.size
    except (OSError, ValueError, Image.DecompressionBombError):
        return 4, 3


def render_pdf(
    req: LetterRequest,
    path: str | Path,
    include_thumbnails: bool = False,
    *,
    font: Path | str | None = "auto",
) -> Path:
    """Write the letter with its evidence annex as a PDF; thumbnails only on request.

    ``font="auto"`` embeds a Unicode TrueType font found on the machine (see ``unicode_font``)
    and otherwise falls back to the Helvetica core font with transliteration; ``None`` forces the
    fallback.
    """
    chosen = unicode_font() if font == "auto" else (Path(font) if font else None)
    writer = _Writer(chosen, req.reference, req.language)
    writer.pdf.set_title(writer.text(subject(req)))
    writer.pdf.set_creator("Exposure Audit")
    letter = blocks(req)
    for number, block in enumerate(letter):
        if block.kind == "p" and number + 1 < len(letter) and letter[number + 1].kind == "sig":
            writer.room_for(SIGNATURE_MM)
        elif block.kind == "h":
            writer.room_for(HEADING_KEEP_MM)
        _write_block(writer, block, letter[number - 1] if number else None)
    _annex_table(writer, req)
    if include_thumbnails:
        _thumbnails(writer, req)
    out = Path(path)
    write_private(out, bytes(writer.pdf.output()))
    return out


def photo_path(letter: str | Path) -> Path:
    """Where the reference photo a letter encloses is written: beside the letter, named so."""
    out = Path(letter)
    return out.with_name(f"{out.stem}-{PHOTO_NAME}")


def _recipient(req: LetterRequest) -> str:
    if req.follow_up == FollowUp.COMPLAINT and req.authority is not None:
        return req.authority.email or ""
    return req.controller.entity(req.entity_region).email or ""


def render_eml(req: LetterRequest, path: str | Path, pdf: str | Path | None = None) -> Path:
    """Write an .eml draft (To, Subject, plain-text body), with the PDF attached if given."""
    message = EmailMessage()
    message["To"] = _recipient(req)
    if req.identity.email:
        # Quoted as the standard says, so "Doe, Jane" stays one mailbox.
        name = " ".join(req.identity.name.split())
        message["From"] = Address(display_name=name, addr_spec=req.identity.email.strip())
    message["Subject"] = subject(req)
    message["Date"] = formatdate(localtime=True)
    message["X-Unsent"] = "1"
    message.set_content(render_text(req))
    if req.reference_photo:
        if req.reference_photo_jpeg is None:
            raise BadData(_("the letter says a photo of you is enclosed: choose the photo first"))
        message.add_attachment(
            req.reference_photo_jpeg, maintype="image", subtype="jpeg", filename=PHOTO_NAME
        )
    if pdf is not None:
        data = Path(pdf).read_bytes()
        message.add_attachment(data, maintype="application", subtype="pdf", filename=Path(pdf).name)
    out = Path(path)
    write_private(out, bytes(message))
    return out


def _mailto(to: str, subject_line: str, body: str) -> str:
    query = urllib.parse.urlencode(
        {"subject": subject_line, "body": body}, quote_via=urllib.parse.quote
    )
    return f"mailto:{urllib.parse.quote(to, safe='@')}?{query}"


def mailto_link(req: LetterRequest) -> str:
    """A mailto: link with the letter as body, kept under about 2000 characters.

    A long letter is cut before the annex, then shortened, with a note to see the attached PDF.
    """
    to, line = _recipient(req), subject(req)
    body = render_text(req)
    link = _mailto(to, line, body)
    if len(link) <= MAILTO_LIMIT:
        return link
    note = "\n\n[...] " + str(table(req.language)["mailto_note"]) + "\n"
    heading = str(table(req.language)["annex_heading"])
    body = body.split(heading)[0].rstrip()
    while body and len(_mailto(to, line, body + note)) > MAILTO_LIMIT:
        body = body[: int(len(body) * 0.9)]
    return _mailto(to, line, body + note)
