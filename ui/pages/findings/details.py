"""What the Findings page says about one photo: its context as HTML, and where it is."""

from __future__ import annotations

import html
from pathlib import Path

from exposure_audit.audit.store import FindingRow
from exposure_audit.escaping import safe_link
from exposure_audit.i18n import _
from exposure_audit.report.words import match_words
from exposure_audit.sources.containers import ARCHIVE_SEPARATOR
from ui import labels
from ui.desktop import open_web
from ui.pages.overview.summary import exposure
from ui.screen_privacy import SCREEN, shown_path


def full_path(row: FindingRow) -> str:
    """Where the photo is, as a person would look for it."""
    if row.location.startswith(row.source) or Path(row.location).is_absolute():
        return row.location
    return str(Path(row.source) / row.location)


def containing_folder(row: FindingRow) -> Path:
    outer = full_path(row).split(ARCHIVE_SEPARATOR)[0]
    return Path(outer).parent


def breakable_path(path: str) -> str:
    """``path`` as HTML that may wrap after each folder: a long one never widens the pane."""
    return "/\u200b".join(html.escape(part) for part in path.split("/"))


def context_html(row: FindingRow, threshold: float) -> str:
    c = row.context
    esc = html.escape
    lines = [
        (
            _("Match"),
            match_words(row.band, row.distance),
        ),
        (_("Platform"), labels.platform_label(c.get("platform"))),
        (_("Kind"), labels.kind_label(c.get("kind"))),
        (labels.album_caption(c), c.get("album")),
        (_("Caption"), c.get("caption")),
        (_("Taken"), labels.local_time(c.get("taken_at"))),
        (_("Uploaded"), labels.local_time(c.get("uploaded_at"))),
        (_("Place"), c.get("place")),
        (
            _("Coordinates"),
            f"{c['latitude']:.5f}, {c['longitude']:.5f}" if labels.has_location(c) else None,
        ),
        (
            _("Audience"),
            " — ".join(
                x
                for x in (
                    labels.audience_label(c.get("audience")),
                    labels.basis_text(c.get("audience_basis")),
                )
                if x
            )
            or None,
        ),
        (_("People tagged"), ", ".join(c.get("people") or []) or None),
        (_("Decision"), labels.decision_label(row.decision)),
        (_("Video"), labels.media_note(row) or None),
    ]
    out = [f"<tr><td><b>{esc(k)}</b></td><td>{esc(str(v))}</td></tr>" for k, v in lines if v]
    if c.get("url"):
        link = None if SCREEN.offline else safe_link(str(c["url"]))  # no link goes online,
        shown = esc(str(c["url"]), quote=True)  # and none to javascript:, file:, ...
        value = f'<a href="{esc(link, quote=True)}">{shown}</a>' if link else shown
        out.append(f"<tr><td><b>{esc(_('Address'))}</b></td><td>{value}</td></tr>")
    out.append(
        f"<tr><td><b>{esc(_('File'))}</b></td>"
        f"<td>{breakable_path(shown_path(full_path(row)))}</td></tr>"
    )
    level, reasons = exposure(c)
    out.append(
        f"<tr><td><b>{esc(_('Exposure'))}</b></td>"
        f"<td>{esc(level)}: {esc('; '.join(reasons))}</td></tr>"
    )
    return "<table cellspacing=4>" + "".join(out) + "</table>"


def open_link(url: str) -> bool:
    """Open ``url`` in the browser if it is an http(s) address; anything else is ignored."""
    link = safe_link(url)
    if link is None:
        return False
    return open_web(link)
