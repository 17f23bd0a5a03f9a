"""The exposure report from a real scan: data, self-contained HTML with blurred faces, PDF, CSV, JSON."""

from __future__ import annotations

import base64
import csv
import io
import json
import re
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from exposure_audit.audit.store import Audit
from exposure_audit.errors import UserMistake
from exposure_audit.imaging import read_image
from exposure_audit.report.build import (
    HTML_THUMBNAIL_SIDE,
    build_report,
    write_csv,
    write_html,
    write_json,
    write_pdf,
    write_report,
)
from exposure_audit.report.data import Report
from exposure_audit.report.html import render_html
from exposure_audit.rights import tracker
from exposure_audit.rights.evidence import save_identity
from tests.support.actionkit import IDENTITY, encoding_texts, open_copy
from tests.support.pdf import pdf_text
from tests.support.photos import face_bytes

TODAY = date(2027, 3, 5)


@pytest.fixture
def audit(platform_audit: Path, tmp_path: Path) -> Iterator[Audit]:
    with open_copy(platform_audit, tmp_path) as opened:
        save_identity(opened, IDENTITY)
        tracker.record_request(opened, "meta", ["erasure"], "EU", "en", "email", date(2027, 1, 31))
        yield opened


@pytest.fixture
def report(audit: Audit) -> Report:
    return build_report(audit, TODAY)


def test_report_data(audit: Audit, report: Report) -> None:
    summary = report.summary
    assert summary.findings == len(report.findings) == len(audit.findings())
    assert summary.confirmed == len(audit.findings(decision="me"))
    assert summary.undecided == 1
    assert summary.platforms == 1  # Facebook; the plain folder is no platform
    assert len(report.platforms) == 2  # by platform, the plain folder has its own row
    facebook = next(p for p in report.platforms if p.platform == "Facebook")
    assert facebook.controller == "meta"
    assert facebook.kinds == {"profile_picture": 1}
    assert facebook.levels["high"] == 1
    assert ("2024", 1, {"Facebook": 1}) in [(t.year, t.count, t.platforms) for t in report.timeline]
    assert [(x.latitude, x.longitude) for x in report.locations] == [(52.52, 13.405)]
    assert len(report.profile_pictures) == 1
    assert report.requests[0].overdue is True
    assert report.requests[0].step == "reminder"
    assert summary.requests_overdue == 1


def test_report_json_keeps_its_keys_and_order(report: Report) -> None:
    document = report.to_json()
    assert list(document) == [
        "title", "generated_on", "audit", "threshold", "findings", "platforms", "timeline",
        "locations", "profile_pictures", "linked_media", "requests", "counts", "levels",
        "places", "next_steps", "summary", "exposure",
    ]  # fmt: skip
    assert list(document["findings"][0]) == [
        "face_id", "item_id", "sha256", "platform", "controller", "date", "exposure", "reasons",
        "people", "source", "location", "distance", "band", "box", "decision", "media",
        "video_time", "video_spans", "video_at", "kind", "album", "taken_at", "uploaded_at",
        "audience", "caption", "place", "latitude", "longitude", "url", "export",
    ]  # fmt: skip
    assert list(document["summary"])[8:12] == [
        "exposure_high", "exposure_medium", "exposure_low", "exposure_local"
    ]  # fmt: skip
    assert document["requests"][0]["next_step"] == "reminder"
    assert document["levels"] == document["counts"]["levels"]
    assert document["exposure"] == report.exposure.as_dict()
    assert isinstance(document["findings"][0]["box"], list)  # as the JSON file reads back


def test_rejected_findings_leave_the_report(audit: Audit) -> None:
    rejected = audit.findings(decision="undecided")[0]
    audit.set_decision(rejected.face_id, "not_me")
    report = build_report(audit, TODAY)
    assert rejected.face_id not in {f.face_id for f in report.findings}


def _images(text: str) -> list[Image.Image]:
    found = re.findall(r'src="data:image/jpeg;base64,([A-Za-z0-9+/=]+)"', text)
    return [Image.open(io.BytesIO(base64.b64decode(b))).convert("L") for b in found]


def _variance(image: Image.Image, box: tuple[int, int, int, int], scale: float) -> float:
    top, right, bottom, left = (int(v / scale) for v in box)
    return float(np.asarray(image, dtype=float)[top:bottom, left:right].var())


def test_html_is_self_contained_and_blurs_other_faces(
    audit: Audit, report: Report, tmp_path: Path
) -> None:
    path = write_html(report, tmp_path / "report.html", audit)
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix == ".html") == ["report.html"]
    text = path.read_text(encoding="utf-8")
    assert not re.search(r"""src\s*=\s*["']?\s*(https?:)?//""", text)
    for active in ("<script", "<link", "@import", "<iframe"):
        assert active not in text
    images = _images(text)
    assert len(images) == 2
    item = next(r.item_id for r in audit.findings() if r.location == "two_people.jpg")
    mine = {r.face_id for r in audit.findings_of_item(item)}
    other = next(box for fid, box, _ in audit.faces_of(item) if fid not in mine)
    plain = read_image(face_bytes("two_people.jpg"), work_side=HTML_THUMBNAIL_SIDE)
    shown = next(i for i in images if i.size == (plain.rgb.shape[1], plain.rgb.shape[0]))
    original = Image.fromarray(plain.rgb).convert("L")
    blurred, before = _variance(shown, other, plain.scale), _variance(original, other, plain.scale)
    assert blurred < 0.35 * before
    mine_box = next(box for fid, box, _ in audit.faces_of(item) if fid in mine)
    assert _variance(shown, mine_box, plain.scale) > 0.7 * _variance(
        original, mine_box, plain.scale
    )


def test_html_escapes_everything(report: Report) -> None:
    finding = replace(
        report.findings[0],
        platform="<script>alert(1)</script>",
        url="javascript:alert(1)",
        reasons=('<img src="https://tracker.example/x.gif">',),
    )
    text = render_html(replace(report, findings=(finding, *report.findings[1:])), {})
    assert "<script>alert" not in text
    assert 'href="javascript' not in text
    assert '<img src="https://tracker' not in text
    assert "&lt;script&gt;" in text


def test_pdf_text_extracts(audit: Audit, report: Report, tmp_path: Path) -> None:
    text = pdf_text(write_pdf(report, tmp_path / "report.pdf", audit))
    squashed = re.sub(r"\s+", "", text)
    for phrase in ("Exposure report", "Summary", "Per platform", "Locations exposed", "Requests"):
        assert phrase.replace(" ", "") in squashed
    assert "Facebook" in text
    assert "profilepicturesarevisibletoanyone" in squashed
    assert b"/Subtype /Image" in (tmp_path / "report.pdf").read_bytes()


def test_csv_one_row_per_finding(audit: Audit, report: Report, tmp_path: Path) -> None:
    path = write_csv(report, tmp_path / "report.csv")
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    assert len(rows) == len(audit.findings())
    pp = next(r for r in rows if "ProfilePictures" in r["location"])
    assert pp["platform"] == "Facebook"
    assert pp["controller"] == "meta"
    assert pp["exposure"] == "high"
    assert len(pp["box"].split()) == 4


def test_json_round_trips(report: Report, tmp_path: Path) -> None:
    data = json.loads(write_json(report, tmp_path / "report.json").read_text(encoding="utf-8"))
    assert data["summary"] == dict(report.summary.items())
    assert len(data["findings"]) == len(report.findings)
    assert data == report.to_json()


def test_no_face_encodings_in_any_output(audit: Audit, tmp_path: Path) -> None:
    numbers = encoding_texts(audit)
    for suffix in ("html", "csv", "json"):
        text = write_report(audit, tmp_path / f"r.{suffix}", TODAY).read_text(encoding="utf-8")
        assert "encoding" not in text.lower()
        assert not any(n in text for n in numbers)
    pdf = pdf_text(write_report(audit, tmp_path / "r.pdf", TODAY))
    assert not any(n in pdf for n in numbers)


def test_report_files_are_private(audit: Audit, tmp_path: Path) -> None:
    path = write_report(audit, tmp_path / "r.json", TODAY)
    assert path.stat().st_mode & 0o077 == 0


def test_unknown_report_format_refused(audit: Audit, tmp_path: Path) -> None:
    with pytest.raises(UserMistake, match="report format"):
        write_report(audit, tmp_path / "r.docx", TODAY)


def test_html_has_the_story_charts_map_and_next_steps(report: Report) -> None:
    text = render_html(report, {})
    assert 'class="story"' in text
    assert text.count('<svg class="chart') == 3
    assert '<svg class="map"' in text
    assert text.count("<circle") == len(report.places) == 1
    assert "What to do next" in text
    assert 'href="https://accountscenter.facebook.com/info_and_permissions/dyi/"' in text


def test_html_findings_table_is_fixed_and_hashes_short_but_whole(report: Report) -> None:
    text = render_html(report, {})
    assert '<table class="findings">' in text
    assert "table.findings{table-layout:fixed}" in text
    sha = report.findings[0].sha256
    assert f'title="SHA-256 {sha}"' in text
    assert f">{sha[:12]}…<" in text
    assert f">{sha}<" not in text


def test_html_fits_1280_pixels_in_a_real_browser(
    audit: Audit, report: Report, tmp_path: Path
) -> None:
    import shutil
    import subprocess

    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if browser is None:
        pytest.skip("no Chromium on this machine (apt-get install chromium)")
    page = write_html(report, tmp_path / "report.html", audit).read_text(encoding="utf-8")
    probe = tmp_path / "probe.html"  # the report plus a line that measures it
    probe.write_text(
        page.replace(
            "</body>",
            "<script>document.title='W'+document.documentElement.scrollWidth</script></body>",
        ),
        encoding="utf-8",
    )
    dom = subprocess.run(
        [browser, "--headless", "--no-sandbox", "--disable-gpu", "--window-size=1280,900",
         "--dump-dom", probe.as_uri()],
        capture_output=True, text=True, timeout=120, check=True,
    ).stdout  # fmt: skip
    width = int(re.search(r"<title>W(\d+)</title>", dom).group(1))  # type: ignore[union-attr]
    assert width <= 1280


@pytest.mark.parametrize(("paper", "size"), [("A4", (595, 842)), ("Letter", (612, 792))])
def test_pdf_has_tables_page_numbers_and_paper_size(
    audit: Audit, report: Report, tmp_path: Path, paper: str, size: tuple[int, int]
) -> None:
    path = write_pdf(report, tmp_path / "report.pdf", audit, paper)
    data = path.read_bytes()
    box = re.search(rb"/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]", data)
    assert box is not None
    assert (round(float(box.group(1))), round(float(box.group(2)))) == size
    text = pdf_text(path)
    pages = len(re.findall(rb"/Type /Page\b", data))
    squashed = re.sub(r"\s+", "", text)
    assert f"page1of{pages}" in squashed
    assert f"page{pages}of{pages}" in squashed
    for phrase in ("At a glance", "Places your photos give away", "What to do next", "Findings"):
        assert phrase.replace(" ", "") in squashed
    sha = report.findings[0].sha256
    assert sha[:16] in text
    assert sha[48:] in text  # the whole hash, in four lines


def test_reports_show_words_and_the_apps_one_scale_not_codes(
    audit: Audit, report: Report, tmp_path: Path
) -> None:
    from exposure_audit.vocabulary import similarity_percent

    body = render_html(report, {}).split("<body", 1)[1]
    html_text = re.sub(r"<[^>]+>", " ", body)
    pdf = write_pdf(report, tmp_path / "r.pdf", audit)
    for text in (html_text, pdf_text(pdf)):
        assert "Meta Platforms" in text or "Meta (" in text  # the company, not its code
        assert not re.search(r"\bmeta\b", text)
    finding = report.findings[0]
    percent = similarity_percent(finding.distance)
    assert f"{percent} % alike" in html_text
    assert f"({finding.distance})" not in html_text  # no raw distance beside the band


def test_a_photo_found_in_two_places_has_its_thumbnail_in_both_rows(
    audit: Audit, report: Report, tmp_path: Path
) -> None:
    from tests.support.pdf import image_draws

    first = report.findings[0]
    twice = replace(report, findings=(first, replace(first, location="copy/elsewhere.jpg")))
    pdf = write_pdf(twice, tmp_path / "r.pdf", audit)
    assert image_draws(pdf) == 2
