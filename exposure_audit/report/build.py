"""The exposure report: built from an audit as typed data (``report.data``), written as HTML, PDF,
CSV or JSON."""

from __future__ import annotations

import csv
import json
from collections import Counter
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from exposure_audit.audit.store import Audit, FindingRow
from exposure_audit.errors import EnvironmentProblem, UserMistake
from exposure_audit.escaping import csv_safe
from exposure_audit.i18n import N_, _
from exposure_audit.private_files import private_target
from exposure_audit.report.counts import Counts, PhotoOfYou, count, located_copy, photos_of_you
from exposure_audit.report.data import (
    LocatedFinding,
    MediaLink,
    PlatformRow,
    ProfilePicture,
    Report,
    ReportFinding,
    Summary,
    YearRow,
)
from exposure_audit.report.findings import exposure_of
from exposure_audit.report.html import render_html
from exposure_audit.report.next_steps import next_steps
from exposure_audit.report.world_map import places_of
from exposure_audit.rights.evidence import (
    blurred_thumbnail,
    controller_of,
    export_location,
    finding_date,
)
from exposure_audit.rights.tracker import RequestStatus, list_requests
from exposure_audit.score import score_of_findings
from exposure_audit.vocabulary import Decision, ExposureLevel, PhotoKind, video_at

LEVELS = (ExposureLevel.HIGH, ExposureLevel.MEDIUM, ExposureLevel.LOW, ExposureLevel.LOCAL)
HTML_THUMBNAIL_SIDE = 200
PDF_THUMBNAIL_SIDE = 160
MAX_THUMBNAILS = 400
MAX_PDF_THUMBNAILS = 60
CSV_FIELDS = (
    "face_id", "sha256", "platform", "controller", "kind", "album", "date", "taken_at",
    "uploaded_at", "audience", "exposure", "reasons", "caption", "place", "latitude", "longitude",
    "people", "url", "export", "source", "location", "distance", "band", "box", "decision",
    "media", "video_time", "video_spans",
)  # fmt: skip
FORMATS = ("html", "pdf", "csv", "json")


# -- data ------------------------------------------------------------------------------------


def _finding(row: FindingRow) -> ReportFinding:
    ctx = row.context
    exposure = exposure_of(ctx)
    controller = controller_of(ctx.get("platform"))
    return ReportFinding(
        face_id=row.face_id,
        item_id=row.item_id,
        sha256=row.sha256,
        platform=ctx.get("platform") or "Files",
        controller=controller.slug if controller else None,
        date=finding_date(row),
        exposure=exposure["level"],
        reasons=tuple(exposure["reasons"]),
        people=tuple(ctx.get("people") or ()),
        source=row.source,
        location=export_location(row),
        distance=round(row.distance, 4),
        band=row.band,
        box=row.box,
        decision=row.decision,
        media=row.media,
        video_time=row.video_time,
        video_spans=row.video_spans,
        video_at=video_at(row.video_time or 0.0) if row.is_video else None,
        kind=ctx.get("kind"),
        album=ctx.get("album"),
        taken_at=ctx.get("taken_at"),
        uploaded_at=ctx.get("uploaded_at"),
        audience=ctx.get("audience"),
        caption=ctx.get("caption"),
        place=ctx.get("place"),
        latitude=ctx.get("latitude"),
        longitude=ctx.get("longitude"),
        url=ctx.get("url"),
        export=ctx.get("export"),
    )


def _platforms(findings: tuple[ReportFinding, ...]) -> tuple[PlatformRow, ...]:
    groups: dict[str, list[ReportFinding]] = {}
    for f in findings:
        groups.setdefault(f.platform, []).append(f)
    return tuple(
        PlatformRow(
            platform=name,
            controller=rows[0].controller,
            findings=len(rows),
            photos=len({r.sha256 for r in rows}),
            kinds=dict(Counter(r.kind or PhotoKind.OTHER.value for r in rows).most_common()),
            levels={level: sum(r.exposure == level for r in rows) for level in LEVELS},
        )
        for name, rows in sorted(groups.items(), key=lambda kv: -len(kv[1]))
    )


def _timeline(photos: list[PhotoOfYou]) -> tuple[YearRow, ...]:
    """Photos of you per year, each told by its most exposed copy's date and platform."""
    years: dict[str, Counter[str]] = {}
    for photo in photos:
        moment = str(photo.context.get("taken_at") or photo.context.get("uploaded_at") or "")
        year = moment[:4] or "unknown"
        years.setdefault(year, Counter())[str(photo.context.get("platform") or "Files")] += 1
    return tuple(
        YearRow(year=year, count=sum(c.values()), platforms=dict(c))
        for year, c in sorted(years.items())
    )


def _locations(findings: tuple[ReportFinding, ...]) -> tuple[LocatedFinding, ...]:
    return tuple(
        LocatedFinding(
            platform=f.platform,
            kind=f.kind,
            date=f.date,
            latitude=f.latitude,
            longitude=f.longitude,
            place=f.place,
            location=f.location,
            sha256=f.sha256,
        )
        for f in findings
        if f.place or (f.latitude is not None and f.longitude is not None)
    )


def _profile_pictures(findings: tuple[ReportFinding, ...]) -> tuple[ProfilePicture, ...]:
    return tuple(
        ProfilePicture(
            platform=f.platform,
            kind=f.kind,
            date=f.date,
            audience=f.audience,
            url=f.url,
            location=f.location,
            sha256=f.sha256,
        )
        for f in findings
        if f.kind in (PhotoKind.PROFILE_PICTURE, PhotoKind.COVER) and f.audience in ("public", None)
    )


def _summary(
    audit: Audit,
    findings: tuple[ReportFinding, ...],
    counts: Counts,
    linked_media: int,
    requests: tuple[RequestStatus, ...],
) -> Summary:
    stats = audit.stats()
    levels = counts.levels
    return Summary(
        sources=stats["sources"],
        photos_scanned=stats["locations"],
        findings=len(findings),
        photos_with_you=counts.photos,
        videos_with_you=len({f.sha256 for f in findings if f.media == "video"}),
        confirmed=sum(f.decision == Decision.ME for f in findings),
        undecided=sum(f.decision is None for f in findings),
        platforms=len(counts.platforms),
        exposure_high=levels.get(ExposureLevel.HIGH, 0),
        exposure_medium=levels.get(ExposureLevel.MEDIUM, 0),
        exposure_low=levels.get(ExposureLevel.LOW, 0),
        exposure_local=levels.get(ExposureLevel.LOCAL, 0),
        locations_exposed=counts.located,
        public_photos=counts.public,
        public_profile_pictures=counts.profile,
        linked_media=linked_media,
        requests=len(requests),
        requests_overdue=sum(r.overdue for r in requests),
    )


def build_report(audit: Audit, today: date | None = None) -> Report:
    """The report: every finding not rejected, grouped every useful way.

    Faces appear only as box, distance and band; encodings are never read.
    """
    rows = [r for r in audit.findings() if r.decision != Decision.NOT_ME]
    rows.sort(key=lambda r: (not finding_date(r), finding_date(r), r.location))  # undated last
    findings = tuple(_finding(r) for r in rows)
    photos = photos_of_you(rows)
    counts = count(photos, len(rows))
    linked_media = tuple(MediaLink(**m) for m in audit.linked_media())
    requests = tuple(list_requests(audit, today))
    located = (copy for copy in map(located_copy, photos) if copy is not None)
    return Report(
        title=N_("Exposure report"),  # translated where shown
        generated_on=(today or date.today()).isoformat(),
        audit=audit.path.name,
        threshold=audit.threshold,
        findings=findings,
        platforms=_platforms(findings),
        timeline=_timeline(photos),
        locations=_locations(findings),
        profile_pictures=_profile_pictures(findings),
        linked_media=linked_media,
        requests=requests,
        counts=counts,
        places=tuple(places_of(located)),
        next_steps=tuple(next_steps(photos)),
        summary=_summary(audit, findings, counts, len(linked_media), requests),
        exposure=score_of_findings(rows, today),
    )


# -- writers ---------------------------------------------------------------------------------


def _write(path: Path, writer: Callable[[Path], object]) -> Path:
    """Write through ``writer`` into a private temp file that then replaces ``path``."""
    try:
        with private_target(path) as temp:  # the report shows the person's own photos
            writer(temp)
    except OSError as exc:
        raise EnvironmentProblem(
            _("cannot write {path}: {reason}").format(path=path, reason=exc.strerror or exc)
        ) from exc
    return path


def write_json(report: Report, path: str | Path) -> Path:
    """The report as one JSON document."""
    text = json.dumps(report.to_json(), indent=2, ensure_ascii=False)
    return _write(Path(path), lambda p: p.write_text(text + "\n", encoding="utf-8"))


def _csv_cell(key: str, value: Any) -> Any:
    if key == "box":
        return " ".join(map(str, value))
    if key == "video_spans":
        return "; ".join(f"{a}-{b}" for a, b in value)
    if isinstance(value, list):
        return "; ".join(map(str, value))
    return "" if value is None else value


def write_csv(report: Report, path: str | Path) -> Path:
    """One row per finding."""

    def write(target: Path) -> None:
        with target.open("w", newline="", encoding="utf-8") as handle:
            writer = csv.DictWriter(handle, CSV_FIELDS, extrasaction="ignore")
            writer.writeheader()
            for finding in report.findings:
                row = finding.to_json()
                writer.writerow({k: csv_safe(_csv_cell(k, row[k])) for k in CSV_FIELDS})

    return _write(Path(path), write)


def thumbnails_for(audit: Audit | None, report: Report, side: int, limit: int) -> dict[int, bytes]:
    """Blurred thumbnails by item id, for the first ``limit`` photos of the report."""
    if audit is None:
        return {}
    out: dict[int, bytes] = {}
    for f in report.findings:
        item = f.item_id
        if item in out or len(out) >= limit:
            continue
        jpeg = blurred_thumbnail(audit, item, side)
        if jpeg is not None:
            out[item] = jpeg
    return out


def write_html(report: Report, path: str | Path, audit: Audit | None = None) -> Path:
    """One self-contained HTML file: inline CSS, thumbnails as data: URIs, nothing fetched."""
    thumbs = thumbnails_for(audit, report, HTML_THUMBNAIL_SIDE, MAX_THUMBNAILS)
    text = render_html(report, thumbs)
    return _write(Path(path), lambda p: p.write_text(text, encoding="utf-8"))


# -- PDF -------------------------------------------------------------------------------------


def write_pdf(
    report: Report, path: str | Path, audit: Audit | None = None, paper: str = "A4"
) -> Path:
    """The report as PDF (A4 or Letter), with small blurred thumbnails when ``audit`` is given."""
    from exposure_audit.report.pdf import render_pdf

    thumbs = thumbnails_for(audit, report, PDF_THUMBNAIL_SIDE, MAX_PDF_THUMBNAILS)
    data = render_pdf(report, thumbs, paper)
    return _write(Path(path), lambda p: p.write_bytes(data))


def write_report(
    audit: Audit, path: str | Path, today: date | None = None, paper: str = "A4"
) -> Path:
    """Build the report and write it in the format the file name ends with (PDF on ``paper``)."""
    target = Path(path)
    fmt = target.suffix.lower().lstrip(".")
    if fmt not in FORMATS:
        raise UserMistake(
            _("report format must be one of {formats}").format(
                formats=", ".join(f".{f}" for f in FORMATS)
            )
        )
    report = build_report(audit, today)
    if fmt == "html":
        return write_html(report, target, audit)
    if fmt == "pdf":
        return write_pdf(report, target, audit, paper)
    return write_csv(report, target) if fmt == "csv" else write_json(report, target)
