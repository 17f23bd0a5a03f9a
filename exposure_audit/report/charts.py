"""Charts for the report as inline SVG: horizontal bars and a yearly timeline (no scripts)."""

from __future__ import annotations

import html

from exposure_audit.i18n import _
from exposure_audit.i18n.formats import format_number

PALETTE = ("#3b7dd8", "#2e9d5b", "#d39a1c", "#c4572e", "#8e5bd6", "#2aa3a3", "#c2417a", "#6b7a8f")
ROW = 24


def _text(value: object) -> str:
    return html.escape(str(value), quote=True)


def bars_svg(
    title: str,
    items: list[tuple[str, int]],
    colours: dict[str, str] | None = None,
    width: int = 520,
) -> str:
    """Labelled horizontal bars, largest first, each with its count."""
    items = sorted((i for i in items if i[1]), key=lambda item: -item[1])
    colours = colours or {}
    height = 30 + ROW * max(1, len(items))
    label_width, peak = 200, max((value for _label, value in items), default=1)
    space = width - label_width - 50
    parts = [
        f'<svg class="chart" viewBox="0 0 {width} {height}" role="img" '
        f'aria-label="{_text(title)}" xmlns="http://www.w3.org/2000/svg">',
        f'<text x="0" y="16" font-weight="600">{_text(title)}</text>',
    ]
    if not items:
        parts.append(f'<text x="0" y="44" fill="#666">{_text(_("Nothing yet"))}</text>')
    for number, (label, value) in enumerate(items):
        y = 30 + number * ROW
        bar = max(2.0, space * value / peak)
        colour = colours.get(label, PALETTE[number % len(PALETTE)])
        shown = label if len(label) <= 30 else label[:29] + "…"
        parts.append(
            f'<text x="{label_width - 8}" y="{y + 15}" text-anchor="end">{_text(shown)}'
            f"<title>{_text(label)}</title></text>"
            f'<rect x="{label_width}" y="{y + 4}" width="{bar:.1f}" height="{ROW - 9}" rx="3" '
            f'fill="{_text(colour)}"/>'
            f'<text x="{label_width + bar + 6:.1f}" y="{y + 15}">{format_number(value)}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def timeline_svg(title: str, counts: dict[str, int], width: int = 1040, height: int = 170) -> str:
    """Photos per year as columns, every year between the first and last kept."""
    years = sorted(int(y) for y in counts if str(y).isdigit())
    parts = [
        f'<svg class="chart wide" viewBox="0 0 {width} {height}" role="img" '
        f'aria-label="{_text(title)}" xmlns="http://www.w3.org/2000/svg">',
        f'<text x="0" y="16" font-weight="600">{_text(title)}</text>',
    ]
    if not years:
        parts.append(f'<text x="0" y="44" fill="#666">{_text(_("No dated photos"))}</text></svg>')
        return "".join(parts)
    span = list(range(years[0], years[-1] + 1))
    values = [counts.get(str(y), 0) for y in span]
    peak, slot = max(values) or 1, width / len(span)
    bar, top, bottom = min(44.0, slot * 0.7), 34.0, height - 22.0
    step = max(1, int(40 // slot) + 1)
    for number, (year, value) in enumerate(zip(span, values, strict=True)):
        x = number * slot + (slot - bar) / 2
        tall = (bottom - top - 16) * value / peak
        if value:
            parts.append(
                f'<rect x="{x:.1f}" y="{bottom - tall:.1f}" width="{bar:.1f}" height="{tall:.1f}" '
                f'rx="2" fill="{PALETTE[0]}"/><text x="{x + bar / 2:.1f}" y="{bottom - tall - 4:.1f}" '
                f'text-anchor="middle" font-size="11">{format_number(value)}</text>'
            )
        if number % step == 0:
            parts.append(
                f'<text x="{number * slot + slot / 2:.1f}" y="{height - 6}" text-anchor="middle" '
                f'font-size="11">{year}</text>'
            )
    parts.append("</svg>")
    return "".join(parts)
