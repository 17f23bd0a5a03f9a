"""The exposure report as one self-contained, print-friendly HTML page."""

from __future__ import annotations

import base64
import html
from collections.abc import Iterable, Sequence
from typing import Any

from exposure_audit.exports.linked import described
from exposure_audit.exposure import level_heading
from exposure_audit.i18n import _, language, ngettext
from exposure_audit.i18n.formats import format_date, format_number
from exposure_audit.report import words
from exposure_audit.report.charts import bars_svg, timeline_svg
from exposure_audit.report.counts import story
from exposure_audit.report.data import LocatedFinding, Report, ReportFinding
from exposure_audit.report.world_map import svg as world_svg
from exposure_audit.score import Score

LEVEL_COLOURS = {"high": "#c4572e", "medium": "#d39a1c", "low": "#2e9d5b", "local": "#3b7dd8"}

CSS = """
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1c1c1c;
 max-width:1100px;margin:2em auto;padding:0 1em}
h1{font-size:1.8em;margin-bottom:.2em}h2{margin-top:1.8em;border-bottom:1px solid #ccc}
.meta{color:#555}.story{font-size:1.15em;max-width:60em}
.cards{display:flex;flex-wrap:wrap;gap:.6em}
.card{border:1px solid #ddd;border-radius:6px;padding:.5em .8em;min-width:9em}
.card b{display:block;font-size:1.5em}
.charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(320px,1fr));gap:1em 2em}
svg.chart,svg.map{width:100%;height:auto;font:12px system-ui,sans-serif}
svg.map{border:1px solid #ddd;border-radius:4px}
table{border-collapse:collapse;width:100%;margin:.6em 0}
th,td{border:1px solid #ddd;padding:.3em .5em;text-align:left;vertical-align:top;
 overflow-wrap:anywhere}
th{background:#f3f3f3}
table.findings{table-layout:fixed}
table.findings th:nth-child(1){width:2.5em}table.findings th:nth-child(2){width:170px}
table.findings th:nth-child(3){width:8em}table.findings th:nth-child(4){width:6.5em}
table.findings th:nth-child(7){width:8em}table.findings th:nth-child(8){width:7.5em}
.hash{font-family:ui-monospace,monospace;font-size:.85em;white-space:nowrap}
.high{color:#a40000;font-weight:600}.medium{color:#8a5a00}.low{color:#2d6a2d}.local{color:#2456a4}
.overdue{color:#a40000;font-weight:600}img.thumb{max-width:160px;max-height:160px}
.score b{font-size:3em}small{color:#555}.steps ul{margin-top:.2em}
@media print{body{margin:0;max-width:none}h2{page-break-after:avoid}
 tr,img,svg{page-break-inside:avoid}a{color:inherit;text-decoration:none}}
"""


def esc(value: Any) -> str:
    """Escaped text; None is empty."""
    return html.escape("" if value is None else str(value), quote=True)


def data_uri(jpeg: bytes) -> str:
    return "data:image/jpeg;base64," + base64.b64encode(jpeg).decode("ascii")


def link(url: Any) -> str:
    """A link for web addresses only; anything else (javascript:, file:) stays text."""
    text = esc(url)
    if isinstance(url, str) and url.lower().startswith(("https://", "http://")):
        return f'<a href="{text}" rel="noreferrer noopener">{text}</a>'
    return text


def action_link(text: str, url: str | None) -> str:
    """The action's words, linked to its page when that is a web address."""
    if isinstance(url, str) and url.lower().startswith(("https://", "http://")):
        return f'<a href="{esc(url)}" rel="noreferrer noopener">{esc(text)}</a>'
    return esc(text)


def table(
    headers: Sequence[str], rows: Iterable[Sequence[str]], empty: str, css_class: str = ""
) -> str:
    """A table of already escaped cells, or a sentence when there are no rows."""
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
    if not body:
        return f"<p>{esc(empty)}</p>"
    head = "".join(f"<th>{esc(h)}</th>" for h in headers)
    opening = f'<table class="{esc(css_class)}">' if css_class else "<table>"
    return f"{opening}<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _story(report: Report) -> str:
    if not report.counts.photos:
        return f'<p class="story">{esc(_("No photo of you is in this audit yet."))}</p>'
    return f'<p class="story">{esc(story(report.counts.as_dict()))}</p>'


def _charts(report: Report) -> str:
    levels = [(level_heading(k), v) for k, v in report.counts.levels.items() if v]
    colours = {level_heading(k): c for k, c in LEVEL_COLOURS.items()}
    platforms = [(words.platform_words(p.platform), p.photos) for p in report.platforms]
    years = {words.year_words(t.year): t.count for t in report.timeline}
    return (
        f'<h2>{esc(_("At a glance"))}</h2><div class="charts">'
        + bars_svg(_("Photos by exposure"), levels, colours)
        + bars_svg(_("Photos by platform"), platforms)
        + "</div>"
        + timeline_svg(_("Photos of you per year"), years)
    )


def _map(report: Report) -> str:
    places = list(report.places)
    heading = f"<h2>{esc(_('Places your photos give away'))}</h2>"
    if not places:
        return heading + f"<p>{esc(_('No photo of you carries a place.'))}</p>"
    caption = ngettext(
        "{n} place; dots grow with the number of photos. Drawn from Natural Earth outlines "
        "in this file: no map is fetched.",
        "{n} places; dots grow with the number of photos. Drawn from Natural Earth outlines "
        "in this file: no map is fetched.",
        len(places),
    ).format(n=format_number(len(places)))
    return heading + world_svg(places) + f"<p><small>{esc(caption)}</small></p>"


def _next_steps(report: Report) -> str:
    steps = report.next_steps
    heading = f"<h2>{esc(_('What to do next'))}</h2>"
    if not steps:
        return heading + f"<p>{esc(_('No platform holds a photo of you.'))}</p>"
    parts = [heading + '<div class="steps">']
    for step in steps:
        items = "".join(f"<li>{action_link(a.text, a.url)}</li>" for a in step.actions)
        title = esc(words.step_heading(step.company, step.photos)).format(
            platform=f"<b>{esc(words.platform_words(step.platform))}</b>",
            company=esc(step.company),
            n=format_number(step.photos),
        )
        parts.append(f"<p>{title}</p><ul>{items}</ul>")
    return "".join(parts) + "</div>"


def exposure_section(exposure: Score) -> str:
    """The exposure score and its parts, in words (see exposure_audit.score)."""
    rows = [
        (esc(p.label), f"{esc(p.points)} / {esc(p.weight)}", esc(p.explanation))
        for p in exposure.parts
    ]
    parts = table((_("Part"), _("Points"), _("Why")), rows, "")
    note = _("Photos only on your own computer add nothing.")
    return (
        f"<h2>{esc(_('Exposure score'))}</h2>"
        f'<p class="score"><b>{esc(exposure.score)}</b> / 100</p>'
        f"{parts}<small>{esc(note)}</small>"
    )


def _summary(report: Report) -> str:
    cards = "".join(
        f'<div class="card"><b>{esc(format_number(v))}</b>{esc(words.summary_label(k))}</div>'
        for k, v in report.summary.items()
    )
    return f'<h2>{esc(_("In numbers"))}</h2><div class="cards">{cards}</div>'


def _platforms(report: Report) -> str:
    rows = [
        (
            esc(words.platform_words(p.platform)),
            esc(words.controller_words(p.controller)),
            esc(format_number(p.findings)),
            esc(format_number(p.photos)),
            esc(words.counted(p.kinds, words.kind_words)),
            esc(words.counted(p.levels, words.level_words)),
        )
        for p in report.platforms
    ]
    headers = (
        _("Platform"),
        _("Controller"),
        _("Findings"),
        _("Photos"),
        _("Kinds"),
        _("Exposure"),
    )
    return f"<h2>{esc(_('Per platform'))}</h2>" + table(headers, rows, _("No findings."))


def _locations(report: Report) -> str:
    def where(loc: LocatedFinding) -> str:
        if loc.latitude is None or loc.longitude is None:
            return ""
        return f"{loc.latitude:.5f}, {loc.longitude:.5f}"

    rows = [
        (
            esc(format_date(x.date)),
            esc(words.platform_words(x.platform)),
            esc(x.place),
            esc(where(x)),
            esc(x.location),
        )
        for x in report.locations
    ]
    headers = (_("Date"), _("Platform"), _("Place"), _("Coordinates"), _("Location in export"))
    return f"<h2>{esc(_('Locations exposed'))}</h2>" + table(
        headers, rows, _("No finding carries a place.")
    )


def _profiles(report: Report) -> str:
    rows = [
        (
            esc(words.platform_words(p.platform)),
            esc(words.kind_words(p.kind)),
            esc(format_date(p.date)),
            link(p.url),
            esc(p.location),
        )
        for p in report.profile_pictures
    ]
    headers = (_("Platform"), _("Kind"), _("Date"), _("URL"), _("Location in export"))
    return f"<h2>{esc(_('Public profile pictures'))}</h2>" + table(headers, rows, _("None found."))


def _finding_row(number: int, f: ReportFinding, thumbs: dict[int, bytes]) -> tuple[str, ...]:
    jpeg = thumbs.get(f.item_id)
    alt = _("photo {number}").format(number=number)
    picture = f'<img class="thumb" alt="{esc(alt)}" src="{data_uri(jpeg)}">' if jpeg else ""
    reasons = "<br>".join(esc(r) for r in f.reasons)
    where = esc(f.location) + (f"<br>{link(f.url)}" if f.url else "")
    if f.video_at:
        where += f"<br><small>{esc(f.video_at)}</small>"
    decision = words.decision_words(f.decision)
    return (
        esc(number),
        picture,
        f"{esc(words.platform_words(f.platform))}<br><small>{esc(words.kind_words(f.kind))}</small>",
        esc(format_date(f.date)),
        f'<span class="{esc(f.exposure)}">{esc(words.level_words(f.exposure))}</span>'
        f"<br><small>{reasons}</small>",
        where,
        f"{esc(words.match_words(f.band, f.distance))}<br><small>{esc(decision)}</small>",
        short_hash(f.sha256),
    )


def short_hash(sha256: str | None) -> str:
    """The first 12 hex digits shown; the whole SHA-256 kept in the title (and in CSV/JSON)."""
    if not sha256:
        return ""
    return f'<span class="hash" title="SHA-256 {esc(sha256)}" data-sha256="{esc(sha256)}">{esc(sha256[:12])}…</span>'


def _findings(report: Report, thumbs: dict[int, bytes]) -> str:
    rows = [_finding_row(n, f, thumbs) for n, f in enumerate(report.findings, 1)]
    headers = (
        "#", _("Photo"), _("Platform"), _("Date"), _("Exposure"), _("Where"), _("Match"), "SHA-256"
    )  # fmt: skip
    note = _(
        "Faces of other people are blurred. SHA-256: the first 12 digits; point at "
        "one for the whole value (the CSV and JSON reports hold it in full)."
    )
    return f"<h2>{esc(_('Findings'))}</h2><p><small>{esc(note)}</small></p>" + table(
        headers, rows, _("No findings."), css_class="findings"
    )


def _linked(report: Report) -> str:
    rows = [
        (
            esc(words.platform_words(m.platform)),
            esc(format_date(m.taken_at)),
            esc(words.kind_words(m.kind)),
            link(m.url),
            esc(described(m.description, m.platform)),
        )
        for m in report.linked_media
    ]
    headers = (_("Platform"), _("Date"), _("Kind"), _("URL"), _("Note"))
    return f"<h2>{esc(_('Media the exports only link to'))}</h2>" + table(headers, rows, _("None."))


def _requests(report: Report) -> str:
    rows = [
        (
            esc(r.request.reference),
            esc(words.controller_words(r.request.controller)),
            esc(words.rights_words(r.request.types)),
            esc(format_date(r.request.sent_on)),
            esc(words.channel_words(r.request.channel)),
            esc(format_date(r.request.due)),
            f'<span class="overdue">{esc(_("overdue"))}</span> {esc(words.stage_words(r.request.status))}'
            if r.overdue
            else esc(words.stage_words(r.request.status)),
            esc(words.next_step_words(r.step)),
        )
        for r in report.requests
    ]
    headers = (
        _("Reference"), _("Controller"), _("Rights"), _("Sent"), _("Channel"), _("Due"),
        _("Status"), _("Next"),
    )  # fmt: skip
    return f"<h2>{esc(_('Requests'))}</h2>" + table(headers, rows, _("No request recorded yet."))


def render_html(report: Report, thumbs: dict[int, bytes]) -> str:
    """The whole page; every value is escaped, every picture inline."""
    title = esc(_(report.title))
    meta = _(
        "Audit {audit}, generated {date}. This page contains your own photos: keep it private."
    ).format(audit=report.audit, date=format_date(report.generated_on))
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{esc(language())}"><head><meta charset="utf-8">',
        '<meta name="referrer" content="no-referrer">',
        f"<title>{title}</title><style>{CSS}</style></head><body>",
        f"<h1>{title}</h1>",
        f'<p class="meta">{esc(meta)}</p>',
        _story(report),
        exposure_section(report.exposure),
        _charts(report),
        _map(report),
        _next_steps(report),
        _summary(report),
        _platforms(report),
        _locations(report),
        _profiles(report),
        _requests(report),
        _linked(report),
        _findings(report, thumbs),
        "</body></html>",
    ]
    return "\n".join(parts) + "\n"
