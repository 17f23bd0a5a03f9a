"""Letters: every type and language carries its articles and evidence; outputs open."""

from __future__ import annotations

import email
import re
import urllib.parse
from dataclasses import dataclass, replace
from datetime import date
from email import policy
from pathlib import Path

import pytest

from exposure_audit.errors import UserMistake
from exposure_audit.i18n.formats import format_date
from exposure_audit.rights.controllers import authority_for_country, controller_for_platform
from exposure_audit.rights.letters import (
    LANGUAGES,
    RIGHTS,
    EvidenceRow,
    Identity,
    LetterRequest,
    cite,
    mailto_link,
    render_eml,
    render_pdf,
    render_text,
    subject,
)
from exposure_audit.rights.letters.encoding_guard import EncodingGuard
from exposure_audit.rights.letters.render import table
from tests.support.pdf import pdf_text

IDENTITY = Identity(
    "Alex Exämple",
    ("Hauptstraße 1", "10115 Berlin"),
    "alex@example.org",
    {"Facebook user id": "100012345", "Instagram username": "alex.ex"},
)
EVIDENCE = (
    EvidenceRow(
        "facebook",
        "https://www.facebook.com/photo/?fbid=1",
        "posts/media/a.jpg",
        "2016-03-05",
        "a" * 64,
    ),
    EvidenceRow("facebook", "fbid 22", "photos/b.jpg", "2019-11-30", "0123456789abcdef" * 4),
)
SINGLE = [frozenset({t}) for t in RIGHTS] + [frozenset({"access", "erasure"}), frozenset(RIGHTS)]
REQUIRED = {
    "access": ["15", "15(1)", "15(2)", "15(3)", "4(14)", "9(1)", "9(2)", "R51", "12(5)"],
    "erasure": ["17", "17(1)(b)", "17(1)(d)", "17(2)", "17(3)", "19", "9(2)"],
    "restriction": ["18", "18(1)(a)", "19"],
    "objection": ["21(1)", "21(2)", "21(3)", "18(1)(d)"],
    "withdraw_consent": ["7(3)", "9(2)(a)"],
}
COMMON = ["12(3)", "12(4)", "12(6)", "77", "79", "82", "5(1)(b)", "5(1)(c)"]


def make(
    types: frozenset[str], language: str = "en", jurisdiction: str = "EU", **extra: object
) -> LetterRequest:
    region = {"EU": "EEA", "UK": "UK", "CCPA": "US"}[jurisdiction]
    values: dict[str, object] = {
        "types": types,
        "controller": controller_for_platform("facebook", region),
        "identity": IDENTITY,
        "jurisdiction": jurisdiction,
        "language": language,
        "erasure_grounds": frozenset({"b", "d"}),
        "restriction_grounds": frozenset({"a"}),
        "situation": "Strangers identify me from these photos and contact me at work.",
        "evidence": EVIDENCE,
        "reference": "EA-2028-007",
        "letter_date": date(2028, 1, 31),
        "authority": authority_for_country("GB" if jurisdiction == "UK" else "IE"),
    }
    values.update(extra)
    return LetterRequest(**values)  # type: ignore[arg-type]


def follow_up(kind: str, language: str, jurisdiction: str = "EU") -> LetterRequest:
    return make(
        frozenset({kind}),
        language,
        jurisdiction,
        original_date=date(2027, 12, 1),
        original_due=date(2028, 1, 3),
        original_types=frozenset({"access", "erasure"}),
    )


def law(language: str, jurisdiction: str) -> str:
    return str(table(language)["law"][jurisdiction])


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("types", SINGLE, ids=lambda t: "+".join(sorted(t)))
@pytest.mark.parametrize("jurisdiction", ["EU", "UK"])
def test_gdpr_letters_cite_required_articles(
    language: str, types: frozenset[str], jurisdiction: str
) -> None:
    text = render_text(make(types, language, jurisdiction))
    needed = [ref for t in types for ref in REQUIRED[t]] + COMMON
    if jurisdiction == "UK":  # no recitals of its own; complaints to the ICO: s. 165 DPA 2018
        needed = [ref for ref in needed if not ref.startswith("R") and ref != "77"]
        assert "165" in text
    for ref in needed:
        assert cite(table(language), law(language, jurisdiction), ref) in text, ref
    for row in EVIDENCE:
        assert row.sha256 in text
        assert row.url_or_id in text
        assert row.location in text
    # computed deadline: 31 Jan 2028 + one month, as the language writes a date in a sentence
    assert format_date(date(2028, 2, 29), language) in text
    assert "2028-02-29" not in text
    assert "Meta Platforms Ireland Limited" in text
    assert table(language)["attn"] in text
    assert (
        "17(2)" not in text.split(cite(table(language), law(language, jurisdiction), "19"))[0][-5:]
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_uk_letters_cite_uk_gdpr_and_ico_never_dpa_sections(language: str) -> None:
    text = render_text(make(frozenset({"access", "erasure"}), language, "UK"))
    assert "UK GDPR" in text
    assert "Information Commissioner" in text
    assert not re.search(r"\b(DPA|Data Protection Act)\b.*\b(43|45)\b", text)
    assert "(EU) 2016/679" not in text


@pytest.mark.parametrize(
    ("language", "samples"),
    [
        ("en", ["Article 15(3) GDPR", "Article 17(1)(d) GDPR", "Recital 51 GDPR"]),
        (
            "de",
            [
                "Art. 15 Abs. 3 DSGVO",
                "Art. 17 Abs. 1 lit. d DSGVO",
                "Erwägungsgrund 51",
                "Auskunftsrecht der betroffenen Person",
                "Recht auf Löschung",
            ],
        ),
        (
            "nl",
            [
                "artikel 15, lid 3, AVG",
                "artikel 17, lid 1, onder d, AVG",
                "artikel 19 AVG",
                "Recht van inzage",
                "Recht op gegevenswissing",
            ],
        ),
        (
            "fr",
            [
                "article 15, paragraphe 3, du RGPD",
                "article 19 du RGPD",
                "considérant 51",
                "Droit d'accès",
                "Droit à l'effacement",
            ],
        ),
    ],
)
def test_official_terms_per_language(language: str, samples: list[str]) -> None:
    text = render_text(make(frozenset({"access", "erasure"}), language))
    for sample in samples:
        assert sample in text


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("jurisdiction", ["EU", "UK", "CCPA"])
def test_reminder_and_complaint(language: str, jurisdiction: str) -> None:
    reminder = render_text(follow_up("reminder", language, jurisdiction))
    complaint = render_text(follow_up("complaint", language, jurisdiction))
    for text in (reminder, complaint):
        assert format_date(date(2027, 12, 1), language) in text
        assert format_date(date(2028, 1, 3), language) in text
        assert "2027-12-01" not in text
        assert "EA-2028-007" in text
        assert EVIDENCE[0].sha256 in text
    assert format_date(date(2028, 2, 14), language) in reminder  # 14 more days
    if jurisdiction != "CCPA":
        ref = cite(table(language), law(language, jurisdiction), "77")
        if jurisdiction == "EU":
            assert ref in complaint
            assert ref in reminder
        else:  # the ICO takes complaints under s. 165 DPA 2018, after s. 164A to the controller
            assert ref not in complaint
            assert "165" in complaint
            assert "164A" in reminder
        assert cite(table(language), law(language, jurisdiction), "12(3)") in reminder
        assert cite(table(language), law(language, jurisdiction), "15") in reminder  # named
        assert cite(table(language), law(language, jurisdiction), "15(3)") not in reminder
        assert authority_for_country("GB" if jurisdiction == "UK" else "IE").name in complaint
        if jurisdiction == "EU":
            assert "Data Protection Commission" in complaint
            assert "Irish Data Protection Commission" not in complaint


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("types", SINGLE, ids=lambda t: "+".join(sorted(t)))
def test_ccpa_variant(language: str, types: frozenset[str]) -> None:
    text = render_text(make(types, language, "CCPA"))
    assert "Meta Platforms, Inc." in text
    assert "45" in text
    assert "§1798.130" in text
    assert "California Privacy Protection Agency" in text
    if "access" in types:
        assert "§1798.100" in text
        assert "§1798.110" in text
    if "erasure" in types:
        assert "§1798.105" in text
    assert format_date(date(2028, 3, 16), language) in text  # 31 Jan 2028 + 45 days
    assert "DSGVO" not in text
    assert "GDPR" not in text.replace("UK GDPR", "")


def test_erasure_grounds_only_as_ticked() -> None:
    text = render_text(make(frozenset({"erasure"}), erasure_grounds=frozenset({"a"})))
    assert "Article 17(1)(a) GDPR" in text
    assert "Article 17(1)(f) GDPR" not in text
    assert "Article 17(1)(c) GDPR" not in text


def test_identity_extra_only_on_reasonable_doubt() -> None:
    text = render_text(make(frozenset({"access"})))
    assert "Facebook – user id: 100012345" in text
    assert "Instagram – username: alex.ex" in text
    assert "reasonable doubts" in text
    assert "Article 12(6) GDPR" in text


@dataclass(frozen=True)
class LeakyRow(EvidenceRow):
    """A finding that still carries its face encoding, as a careless caller might pass."""

    encoding: tuple[float, ...] = ()


def test_no_encoding_leaks_anywhere(tmp_path: Path) -> None:
    vector = tuple(0.0123456 * i - 0.7 for i in range(128))
    leaky = tuple(
        LeakyRow(r.platform, r.url_or_id, r.location, r.date, r.sha256, encoding=vector)
        for r in EVIDENCE
    )
    for language in LANGUAGES:
        req = make(frozenset(RIGHTS), language, evidence=leaky)
        outputs = [render_text(req), mailto_link(req), subject(req)]
        render_eml(req, tmp_path / "x.eml")
        outputs.append((tmp_path / "x.eml").read_text(encoding="utf-8", errors="replace"))
        render_pdf(req, tmp_path / "x.pdf")
        outputs.append(pdf_text(tmp_path / "x.pdf"))
        for out in outputs:
            assert f"{vector[5]:.4f}"[:6] not in out
            assert not re.search(r"(-?\d+\.\d{3,}[,\s]+){8,}", out)


def test_a_real_encoding_in_a_field_is_refused() -> None:
    vector = [0.0123456 * i - 0.7 for i in range(128)]
    row = EvidenceRow("x", " ".join(f"{v:.5f}" for v in vector), "p", "d", "e" * 64)
    guard = EncodingGuard.of([vector])
    with pytest.raises(ValueError, match="vector"):
        render_text(replace(make(frozenset({"access"}), evidence=(row,)), encoding_guard=guard))
    numbers = EvidenceRow("x", " ".join(f"{0.1 * i:.5f}" for i in range(128)), "p", "d", "e" * 64)
    render_text(replace(make(frozenset({"access"}), evidence=(numbers,)), encoding_guard=guard))


def test_bad_requests_rejected() -> None:
    with pytest.raises(UserMistake, match="letter of its own"):
        make(frozenset({"reminder", "access"}))
    with pytest.raises(UserMistake, match="language"):
        make(frozenset({"access"}), language="it")
    with pytest.raises(UserMistake, match="grounds"):
        make(frozenset({"erasure"}), erasure_grounds=frozenset({"e"}))
    with pytest.raises(ValueError, match="original_date"):
        make(frozenset({"reminder"}))


def test_tables_are_parallel() -> None:
    base = table("en")
    for language in LANGUAGES:
        other = table(language)
        assert set(other) == set(base), language
        for key, value in base.items():
            if isinstance(value, list):
                assert len(other[key]) == len(value), (language, key)
                for mine, theirs in zip(value, other[key], strict=True):
                    assert set(re.findall(r"\[\[[^\]]+\]\]", mine)) == set(
                        re.findall(r"\[\[[^\]]+\]\]", theirs)
                    ), (language, key, mine)
            if isinstance(value, dict):
                assert set(other[key]) == set(value), (language, key)


# --- PDF text extraction without third-party parsers -------------------------------------------


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.mark.parametrize("font", ["auto", None])
@pytest.mark.parametrize("language", LANGUAGES)
def test_pdf_opens_and_text_extracts(tmp_path: Path, language: str, font: str | None) -> None:
    req = make(frozenset({"access", "erasure"}), language)
    path = render_pdf(req, tmp_path / "letter.pdf", font=font)
    text = _squash(pdf_text(path))
    for row in EVIDENCE:
        assert row.sha256 in text
    assert _squash(cite(table(language), law(language, "EU"), "15(3)")) in text
    assert _squash(table(language)["annex_heading"]) in text
    if font == "auto" and language == "de":
        assert "Löschung" in text


def test_pdf_with_and_without_thumbnails(tmp_path: Path) -> None:
    from io import BytesIO

    from PIL import Image

    buffer = BytesIO()
    Image.new("RGB", (40, 30), (200, 120, 90)).save(buffer, "JPEG")
    rows = (
        EvidenceRow(
            "instagram", "p/1", "media/posts/1.jpg", "2020-01-01", "c" * 64, buffer.getvalue()
        ),
    )
    req = make(frozenset({"access"}), evidence=rows)
    plain = render_pdf(req, tmp_path / "plain.pdf").read_bytes()
    thumbs = render_pdf(req, tmp_path / "thumbs.pdf", include_thumbnails=True).read_bytes()
    assert b"/Subtype /Image" not in plain
    assert b"/Subtype /Image" in thumbs


def test_eml_draft(tmp_path: Path) -> None:
    req = make(frozenset({"access"}), controller=controller_for_platform("google", "EEA"))
    pdf = render_pdf(req, tmp_path / "letter.pdf")
    path = render_eml(req, tmp_path / "letter.eml", pdf=pdf)
    message = email.message_from_bytes(path.read_bytes(), policy=policy.default)
    assert message["To"] == "data-access-requests@google.com"
    assert "Article 15 GDPR" in message["Subject"]
    body = message.get_body(preferencelist=("plain",))
    assert body is not None
    assert "a" * 64 in body.get_content()
    names = [part.get_filename() for part in message.iter_attachments()]
    assert names == ["letter.pdf"]


def test_mailto_short_and_long() -> None:
    short = mailto_link(
        make(
            frozenset({"objection"}),
            evidence=EVIDENCE[:1],
            controller=controller_for_platform("snapchat", "EEA"),
        )
    )
    assert short.startswith("mailto:dpo@snap.com?subject=")
    assert len(short) <= 2000 or "PDF" in urllib.parse.unquote(short)
    many = tuple(
        EvidenceRow("facebook", f"id{i}", f"photos/{i}.jpg", "2020-01-01", f"{i:064x}")
        for i in range(60)
    )
    long = mailto_link(make(frozenset(RIGHTS), evidence=many))
    assert len(long) <= 2000
    decoded = urllib.parse.unquote(long)
    assert "attached PDF" in decoded
    assert "body=" in long
    assert " " not in long
