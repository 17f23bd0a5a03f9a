"""The exposure report as a printable PDF: the story, charts, a map, tables, page numbers."""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any

from exposure_audit.exposure import level_heading
from exposure_audit.i18n import _, pgettext
from exposure_audit.i18n.formats import format_date, format_number
from exposure_audit.report import words
from exposure_audit.report.charts import PALETTE
from exposure_audit.report.counts import story
from exposure_audit.report.data import Report
from exposure_audit.report.world_map import (
    Place,
    dot_radius,
    land_rings,
    map_height,
    project,
)
from exposure_audit.rights.letters.outputs import to_latin1, unicode_font

PAPERS = {"a4": "A4", "letter": "Letter"}
LEVEL_RGB = {"high": "#c4572e", "medium": "#d39a1c", "low": "#2e9d5b", "local": "#3b7dd8"}
MARGIN = 15.0


def _rgb(colour: str) -> tuple[int, int, int]:
    colour = colour.lstrip("#")
    return int(colour[0:2], 16), int(colour[2:4], 16), int(colour[4:6], 16)


def _document(paper: str) -> Any:
    from fpdf import FPDF  # loaded only when a PDF is written: it takes a second

    class Document(FPDF):
        family_name = "Helvetica"
        unicode = False

        def footer(self) -> None:
            self.set_y(-11)
            self.set_font(self.family_name, size=8)
            self.set_text_color(110)
            footer = _("Exposure report · page {page} of {pages}")
            self.cell(0, 5, footer.format(page=self.page_no(), pages="{nb}"), align="C")
            self.set_text_color(0)

    pdf = Document(format=PAPERS.get(paper.lower(), "A4"))
    pdf.set_margins(MARGIN, MARGIN, MARGIN)
    pdf.set_auto_page_break(True, margin=16)
    font = unicode_font()
    pdf.unicode = font is not None
    pdf.family_name = "Report" if font else "Helvetica"
    if font:
        pdf.add_font("Report", "", str(font))  # one face: one character map for text tools
    pdf.alias_nb_pages()
    pdf.add_page()
    return pdf


class ReportPdf:
    """Headings, paragraphs, tables and drawings on one document."""

    def __init__(self, paper: str = "A4") -> None:
        self.pdf = _document(paper)

    @property
    def width(self) -> float:
        return float(self.pdf.epw)

    def text(self, value: Any) -> str:
        text = "" if value is None else str(value)
        return text if self.pdf.unicode else to_latin1(text)

    def font(self, size: float, bold: bool = False) -> None:
        """Headings are set larger; bold only with the core font (the Unicode font has one face)."""
        self.pdf.set_font(self.pdf.family_name, "B" if bold and not self.pdf.unicode else "", size)

    def room(self, height: float) -> None:
        """Start a new page unless ``height`` mm still fit on this one."""
        if self.pdf.get_y() + height > self.pdf.h - 18:
            self.pdf.add_page()

    def heading(self, text: str, size: float = 13) -> None:
        self.room(30)
        self.pdf.ln(3)
        self.font(size, bold=True)
        self.pdf.cell(0, size * 0.5, self.text(text), new_x="LMARGIN", new_y="NEXT")
        self.pdf.ln(1.5)

    def paragraph(self, text: str, size: float = 10) -> None:
        self.font(size)
        self.pdf.multi_cell(
            0, size * 0.48, self.text(text), align="L", new_x="LMARGIN", new_y="NEXT"
        )
        self.pdf.ln(1)

    def table(
        self, headers: tuple[str, ...], rows: list[tuple[Any, ...]], widths: tuple[float, ...],
        size: float = 8.5, images: dict[int, bytes] | None = None,
        mono: int | None = None,  # a column of hashes, set smaller
    ) -> None:  # fmt: skip
        """A wrapped table, its header repeated on each page (none when ``headers`` is empty);
        ``images`` by row number put a picture in the row's second cell; column ``mono`` is
        set smaller."""
        from fpdf.fonts import FontFace

        self.font(size)
        self.pdf.set_fill_color(255, 255, 255)
        self.pdf.set_draw_color(190, 190, 190)
        small = FontFace(family=self.pdf.family_name, size_pt=size - 1)
        with self.pdf.table(
            col_widths=widths,
            text_align="LEFT",
            line_height=size * 0.5,
            padding=1.2,
            headings_style=_headings(self.pdf.family_name, size),
            first_row_as_headings=bool(headers),
            repeat_headings=1,
        ) as table:
            if headers:
                table.row([self.text(h) for h in headers])
            for number, row in enumerate(rows):
                cells = table.row()
                for column, value in enumerate(row):
                    jpeg = (images or {}).get(number) if column == 1 else None
                    if jpeg is not None:
                        cells.cell(img=io.BytesIO(jpeg), img_fill_width=True)
                    elif column == mono:
                        cells.cell(self.text(value), style=small)
                    else:
                        cells.cell(self.text(value))
        self.pdf.set_draw_color(0)
        self.pdf.ln(2)

    def bars(
        self, title: str, items: list[tuple[str, int]], colours: dict[str, str],
        ordered: bool = False,
    ) -> None:  # fmt: skip
        """Horizontal bars with labels and counts, drawn as vector shapes; largest first unless
        ``ordered`` (a timeline keeps its order)."""
        items = [i for i in items if i[1]]
        if not ordered:
            items.sort(key=lambda i: -i[1])
        row, label_w = 6.0, 84.0
        self.room(10 + row * max(1, len(items)))
        self.font(10, bold=True)
        self.pdf.cell(0, 6, self.text(title), new_x="LMARGIN", new_y="NEXT")
        self.font(8.5)
        top, left = self.pdf.get_y(), self.pdf.l_margin
        peak = max((value for _label, value in items), default=1)
        space = self.width - label_w - 18
        for number, (label, value) in enumerate(items):
            y = top + number * row
            self.pdf.set_xy(left, y)
            shown = self.text(label)
            while self.pdf.get_string_width(shown) > label_w - 4 and len(shown) > 4:
                shown = shown[:-2] + "…" if self.pdf.unicode else shown[:-4] + "..."
            self.pdf.cell(label_w - 2, row, shown, align="R")
            self.pdf.set_fill_color(*_rgb(colours.get(label, PALETTE[number % len(PALETTE)])))
            width = max(0.8, space * value / peak)
            self.pdf.rect(left + label_w, y + 1.2, width, row - 2.4, style="F")
            self.pdf.set_xy(left + label_w + width + 1.5, y)
            self.pdf.cell(15, row, format_number(value))
        self.pdf.set_fill_color(255, 255, 255)
        self.pdf.set_xy(left, top + row * max(1, len(items)) + 3)

    def world(self, places: Sequence[Place]) -> None:
        """The bundled world outline with one dot per place."""
        width = self.width
        height = map_height(width)
        self.room(height + 4)
        left, top = self.pdf.l_margin, self.pdf.get_y()
        self.pdf.set_fill_color(238, 243, 248)
        self.pdf.rect(left, top, width, height, style="F")
        self.pdf.set_fill_color(207, 214, 222)
        self.pdf.set_draw_color(179, 188, 198)
        self.pdf.set_line_width(0.1)
        for ring in land_rings():
            points = [
                (left + x, top + y)
                for x, y in (project(lon, lat, width, height) for lon, lat in ring)
            ]
            self.pdf.polygon(points, style="DF")
        busiest = max((p.photos for p in places), default=1)
        self.pdf.set_fill_color(*_rgb("#c4572e"))
        self.pdf.set_draw_color(255, 255, 255)
        for place in places:
            x, y = project(place.longitude, place.latitude, width, height)
            radius = dot_radius(place.photos, busiest, largest=4.0) * 0.45
            self.pdf.circle(left + x, top + y, radius, style="DF")
        self.pdf.set_draw_color(0)
        self.pdf.set_fill_color(255, 255, 255)
        self.pdf.set_xy(left, top + height + 3)


def _headings(family: str, size: float) -> Any:
    from fpdf.fonts import FontFace

    emphasis = "BOLD" if family == "Helvetica" else None
    return FontFace(family=family, emphasis=emphasis, size_pt=size, fill_color=(235, 235, 235))


def hash_lines(sha256: str | None) -> str:
    """A SHA-256 in four lines of 16 digits, so it wraps in a narrow column and stays whole."""
    value = sha256 or ""
    return "\n".join(value[i : i + 16] for i in range(0, len(value), 16))


# -- sections --------------------------------------------------------------------------------


def _opening(doc: ReportPdf, report: Report) -> None:
    doc.font(20, bold=True)
    doc.pdf.cell(0, 10, doc.text(_(report.title)), new_x="LMARGIN", new_y="NEXT")
    doc.paragraph(
        _(
            "Audit {audit}, generated {date}. This report shows your own photos: keep it "
            "private. Faces of other people are blurred."
        ).format(audit=report.audit, date=format_date(report.generated_on)),
        size=8.5,
    )
    if report.counts.photos:
        doc.paragraph(story(report.counts.as_dict()), size=11.5)


def _score(doc: ReportPdf, report: Report) -> None:
    """The exposure score and its parts (see exposure_audit.score)."""
    score = report.exposure
    doc.heading(_("Exposure score: {score} / 100").format(score=score.score))
    rows = [(p.label, f"{p.points} / {p.weight}", p.explanation) for p in score.parts]
    w = doc.width
    headers = (_("Part"), _("Points"), _("Why"))
    doc.table(headers, rows, (w * 0.25, w * 0.12, w * 0.63), size=8.5)


def _summary(doc: ReportPdf, report: Report) -> None:
    doc.heading(_("Summary"))
    items = [(words.summary_label(k), format_number(v)) for k, v in report.summary.items()]
    half = (len(items) + 1) // 2
    rows = [
        (*items[n], *(items[n + half] if n + half < len(items) else ("", ""))) for n in range(half)
    ]
    w = doc.width
    doc.table((), rows, (w * 0.34, w * 0.16, w * 0.34, w * 0.16), size=9)


def _glance(doc: ReportPdf, report: Report) -> None:
    doc.heading(_("At a glance"))
    levels = [(level_heading(k), v) for k, v in report.counts.levels.items()]
    doc.bars(_("Photos by exposure"), levels, {level_heading(k): c for k, c in LEVEL_RGB.items()})
    platforms = [(p.platform, p.photos) for p in report.platforms]
    doc.bars(_("Photos by platform"), platforms, {})
    years = [(words.year_words(t.year), t.count) for t in report.timeline]
    doc.bars(_("Photos of you per year"), years, {y: PALETTE[0] for y, _n in years}, ordered=True)


def _places(doc: ReportPdf, report: Report) -> None:
    places = report.places
    if places:
        doc.room(map_height(doc.width) + 16)  # the heading stays with its map
    doc.heading(_("Places your photos give away"))
    if places:
        doc.world(places)
    doc.heading(_("Locations exposed"), size=11)
    rows = [
        (
            format_date(loc.date) or _("undated"),
            loc.platform,
            loc.place or "",
            "" if loc.latitude is None else f"{loc.latitude:.4f}, {loc.longitude:.4f}",
            loc.location,
        )
        for loc in report.locations
    ]
    if not rows:
        doc.paragraph(_("No finding carries a place."))
        return
    w = doc.width
    doc.table(
        (_("Date"), _("Platform"), _("Place"), _("Coordinates"), _("Location in export")),
        rows,
        (w * 0.14, w * 0.14, w * 0.2, w * 0.18, w * 0.34),
    )


def _next_steps(doc: ReportPdf, report: Report) -> None:
    doc.heading(_("What to do next"))
    steps = report.next_steps
    if not steps:
        doc.paragraph(_("No platform holds a photo of you."))
    for step in steps:
        title = words.step_heading(step.company, step.photos).format(
            platform=step.platform, company=step.company, n=format_number(step.photos)
        )
        doc.room(12)
        doc.font(10, bold=True)
        doc.pdf.cell(0, 6, doc.text(title), new_x="LMARGIN", new_y="NEXT")
        for action in step.actions:
            doc.font(9)
            doc.pdf.set_x(doc.pdf.l_margin + 4)
            line = f"- {action.text}" + (f": {action.url}" if action.url else "")
            doc.pdf.multi_cell(0, 4.5, doc.text(line), align="L", new_x="LMARGIN", new_y="NEXT")
        doc.pdf.ln(1)


def _platforms(doc: ReportPdf, report: Report) -> None:
    doc.heading(_("Per platform"))
    rows = [
        (
            p.platform,
            words.controller_words(p.controller),
            format_number(p.photos),
            words.counted(p.kinds, words.kind_words),
            words.counted(p.levels, words.level_words),
        )
        for p in report.platforms
    ]
    w = doc.width
    doc.table(
        (_("Platform"), _("Company"), _("Photos"), _("Kinds"), _("Exposure")),
        rows or [(_("No findings."), "", "", "", "")],
        (w * 0.18, w * 0.14, w * 0.1, w * 0.33, w * 0.25),
    )


def _requests(doc: ReportPdf, report: Report) -> None:
    doc.heading(_("Requests"))
    rows = [
        (
            r.request.reference,
            words.controller_words(r.request.controller),
            words.rights_words(r.request.types),
            format_date(r.request.sent_on) or "-",
            format_date(r.request.due) or "-",
            _("OVERDUE: {status}").format(status=words.stage_words(r.request.status))
            if r.overdue
            else words.stage_words(r.request.status),
            words.next_step_words(r.step),
        )
        for r in report.requests
    ]
    if not rows:
        doc.paragraph(_("No request recorded yet."))
    else:
        w = doc.width
        headers = (
            _("Reference"), _("Company"), _("Rights"), _("Sent"), _("Due"), _("Status"), _("Next")
        )  # fmt: skip
        doc.table(
            headers,
            rows,
            (w * 0.14, w * 0.1, w * 0.12, w * 0.11, w * 0.11, w * 0.16, w * 0.26),
        )
    doc.heading(_("Media the exports only link to"), size=11)
    media = [(m.platform, m.url) for m in report.linked_media]
    if media:
        columns = (_("Platform"), pgettext("web address", "Address"))
        doc.table(columns, media, (doc.width * 0.2, doc.width * 0.8))
    else:
        doc.paragraph(_("None."))


def _findings(doc: ReportPdf, report: Report, thumbs: dict[int, bytes]) -> None:
    doc.heading(_("Findings"))
    rows, images = [], {}
    for number, f in enumerate(report.findings, 1):
        jpeg = thumbs.get(f.item_id)  # a photo found in two places shows in both rows
        if jpeg is not None:
            images[number - 1] = jpeg
        rows.append(
            (
                number,
                "",
                f"{f.platform}\n{words.kind_words(f.kind)}",
                format_date(f.date) or _("undated"),
                f"{words.level_words(f.exposure)}: " + "; ".join(f.reasons),
                f.location + (f"\n{f.video_at}" if f.video_at else ""),
                hash_lines(f.sha256),
            )
        )
    if not rows:
        doc.paragraph(_("No findings."))
        return
    w = doc.width
    doc.table(
        ("#", _("Photo"), _("Platform"), _("Date"), _("Exposure"), _("Where"), "SHA-256"),
        rows,
        (w * 0.05, w * 0.14, w * 0.12, w * 0.11, w * 0.22, w * 0.19, w * 0.17),
        size=7.5,
        images=images,
        mono=6,
    )


def render_pdf(report: Report, thumbs: dict[int, bytes], paper: str = "A4") -> bytes:
    """The whole report as PDF bytes, on A4 or Letter paper."""
    doc = ReportPdf(paper)
    doc.pdf.set_title(_(report.title))
    doc.pdf.set_creator("Exposure Audit")
    _opening(doc, report)
    _score(doc, report)
    _summary(doc, report)
    _glance(doc, report)
    _places(doc, report)
    _next_steps(doc, report)
    _platforms(doc, report)
    _requests(doc, report)
    _findings(doc, report, dict(thumbs))
    return bytes(doc.pdf.output())
