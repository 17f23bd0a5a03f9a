"""The legal review of the letters: one test per defect it found, on text and on real audits."""

from __future__ import annotations

import itertools
import re
import shutil
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from exposure_audit.audit.store import Audit, FindingRow
from exposure_audit.i18n.formats import format_date
from exposure_audit.rights import tracker
from exposure_audit.rights.controllers import (
    authority_for_country,
    load_authorities,
    load_controllers,
)
from exposure_audit.rights.deadlines import due_date
from exposure_audit.rights.evidence import (
    build_letter,
    evidence_for,
    export_location,
    save_identity,
)
from exposure_audit.rights.letters import (
    LANGUAGES,
    EvidenceRow,
    Identity,
    LetterRequest,
    cite,
    render_pdf,
    render_text,
)
from exposure_audit.rights.letters.render import table
from exposure_audit.rights.letters.residence import residence_of
from tests.support.exportkit import build_export
from tests.support.pdf import pdf_text, shown_strings
from tests.support.scanning import enrolled_audit, run_scan

IDENTITY = Identity(
    "Alex Exämple",
    ("Hauptstraße 1", "10115 Berlin", "Germany"),
    "alex@example.org",
    {
        "Facebook user id": "100012345",
        "Instagram username": "alex.ex",
        "Google profile url": "https://plus.example/alex",
    },
)
EVIDENCE = (
    EvidenceRow("facebook", "https://www.facebook.com/photo/?fbid=1", "posts/a.jpg", "2016-03-05",
                "a" * 64),
    EvidenceRow("facebook", "fbid 22", "photos/b.jpg", "2019-11-30", "b" * 64),
)  # fmt: skip
CONTROLLERS = load_controllers()


def letter(slug: str, types: set[str], language: str = "en", **extra: object) -> LetterRequest:
    values: dict[str, object] = {
        "types": frozenset(types),
        "controller": CONTROLLERS[slug],
        "identity": IDENTITY,
        "language": language,
        "evidence": EVIDENCE,
        "reference": "EA-2028-004",
        "letter_date": date(2028, 1, 31),
    }
    values.update(extra)
    return LetterRequest(**values)  # type: ignore[arg-type]


def follow(kind: str, language: str = "en", jurisdiction: str = "EU", **extra: object) -> str:
    values: dict[str, object] = {
        "original_date": date(2027, 12, 1),
        "original_due": date(2028, 1, 3),
        "original_types": frozenset({"access", "erasure"}),
        "jurisdiction": jurisdiction,
        "region": {"EU": "EEA", "UK": "UK", "CCPA": "US"}[jurisdiction],
        "authority": authority_for_country(
            {"EU": "DE-BE", "UK": "GB", "CCPA": "US-CA"}[jurisdiction]
        ),
    }
    values.update(extra)
    return render_text(letter("meta", {kind}, language, **values))


# -- 1. identity goes only to the company it belongs to ---------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_face_search_companies_get_no_account_ids(language: str) -> None:
    for slug in ("clearview-ai", "pimeyes", "lenso-ai"):
        text = render_text(letter(slug, {"access", "erasure"}, language))
        for value in IDENTITY.account_ids.values():
            assert value not in text, (slug, value)
        assert "Facebook" not in text.split(table(language)["annex_heading"])[0]


def test_platform_letters_carry_only_their_own_account_ids() -> None:
    meta = render_text(letter("meta", {"access"}))
    assert "100012345" in meta
    assert "alex.ex" in meta
    assert "plus.example" not in meta
    google = render_text(letter("google", {"access"}, evidence=()))
    assert "plus.example" in google
    assert "100012345" not in google
    assert "alex.ex" not in google


def test_complaint_lists_only_the_controllers_account_ids() -> None:
    text = follow("complaint")
    assert "100012345" in text
    assert "plus.example" not in text


# -- 2. reminders cite the passed deadline and open no new period -----------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_reminder_cites_the_original_request_and_no_new_month(language: str) -> None:
    text = follow("reminder", language)
    assert format_date(date(2027, 12, 1), language) in text
    assert format_date(date(2028, 1, 3), language) in text
    assert "2028-01-03" not in text  # a date in a sentence is written as the language does
    assert "EA-2028-004" in text
    new_due = format_date(due_date(date(2028, 1, 31), "EU"), language)
    assert new_due not in text  # no fresh one-month deadline counted from the reminder
    law = table(language)["law"]["EU"]
    assert cite(table(language), law, "15(3)") not in text  # the request is not restated
    assert cite(table(language), law, "12(3)") in text


def test_reminder_in_english_says_the_period_is_not_restarted() -> None:
    text = follow("reminder")
    assert "one month from receipt" not in text
    assert "does not start a new period" in text


# -- 3. CCPA letters cite the Civil Code only and complaints go to the CPPA ------------------


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("kind", ["first", "reminder", "complaint"])
def test_ccpa_letters_never_cite_gdpr(language: str, kind: str) -> None:
    if kind == "first":
        text = render_text(letter("meta", {"access", "erasure"}, language, jurisdiction="CCPA"))
    else:
        text = follow(kind, language, "CCPA")
    style = table(language)["cite"]["article"].split("{")[0].strip()
    assert not re.search(rf"\b{re.escape(style)} \d", text), "a GDPR article is cited"
    for gdpr in ("GDPR", "DSGVO", "AVG", "RGPD", "Data Protection Officer", "verified myself"):
        assert gdpr not in text
    assert table(language)["attn"] not in text
    if kind == "first":
        assert "§1798.130(a)(7)" in text
        assert "§7021(a)" in text
    if kind == "complaint":
        assert "California Privacy Protection Agency" in text


def test_ccpa_authorities_are_bundled() -> None:
    assert authority_for_country("US-CA").name == "California Privacy Protection Agency"
    assert "Attorney General" in load_authorities()["US-CA-AG"].name


# -- 4. UK letters follow UK law ---------------------------------------------------------------


def test_uk_letter_cites_the_dpa_2018_names_the_ico_and_has_no_recitals() -> None:
    text = render_text(letter("tiktok", {"access", "erasure"}, jurisdiction="UK", region="UK"))
    assert "Data Protection Act 2018" in text
    assert "Information Commissioner's Office" in text
    assert "Recital" not in text
    assert "Article 12A UK GDPR" in text
    assert "section 164A" in text
    assert "persuasive only" in text


def test_uk_complaint_goes_to_the_controller_first() -> None:
    text = follow("complaint", jurisdiction="UK", authority=None)
    assert "section 164A of the Data Protection Act 2018" in text
    assert "Information Commissioner's Office" in text
    assert text.index("Meta Platforms Ireland Limited") < text.index("Dear")


# -- 5. the annex names the place inside the export only --------------------------------------


def _row(source: str, location: str, **context: object) -> FindingRow:
    return FindingRow(1, 1, "c" * 64, source, location, 0.3, "strong", (0, 1, 1, 0), "me",
                      "JPEG", 10, 10, dict(context))  # fmt: skip


@pytest.mark.parametrize(
    ("source", "location", "expected"),
    [
        (
            "/home/jane.doe",
            "Downloads/Private Stuff/facebook-jd-2024.zip!/posts/a.jpg",
            "posts/a.jpg",
        ),
        ("/home/x/fb.zip", "/home/x/fb.zip!/posts/a.jpg", "posts/a.jpg"),
        ("/home/x/fb.zip", "fb.zip!/inner.zip!/posts/a.jpg", "inner.zip!/posts/a.jpg"),
    ],
)
def test_export_location_drops_the_persons_folders(
    source: str, location: str, expected: str
) -> None:
    assert export_location(_row(source, location)) == expected


def test_export_location_prefers_the_readers_own_path() -> None:
    row = _row("/home/jane", "Private/fb-export/your_activity/posts/a.jpg",
               in_export="your_activity/posts/a.jpg")  # fmt: skip
    assert export_location(row) == "your_activity/posts/a.jpg"


# -- 6. face-search companies get their own letter --------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("slug", ["clearview-ai", "pimeyes", "lenso-ai"])
def test_face_search_letter(language: str, slug: str) -> None:
    text = render_text(letter(slug, {"access", "erasure", "objection"}, language, evidence=()))
    law = table(language)["law"]["EU"]
    assert cite(table(language), law, "15(1)(c)") in text
    assert cite(table(language), law, "21(1)") in text
    assert cite(table(language), law, "17(2)") not in text
    assert table(language)["attn"] not in text
    assert "30,5" in text or "30.5" in text
    assert "2025" in text
    assert "UKUT 319" in text
    assert table(language)["annex_heading"] not in text
    if slug == "lenso-ai":  # established in Poland: the GDPR applies directly
        assert cite(table(language), law, "3(1)") in text
        assert cite(table(language), law, "27") not in text
    else:
        assert cite(table(language), law, "3(2)(b)") in text
        assert cite(table(language), law, "27") in text


def test_face_search_letter_names_who_searched_and_vectors() -> None:
    text = render_text(letter("clearview-ai", {"access", "erasure", "objection"}))
    assert "who searched for my face" in text
    assert "face vector" in text
    assert "source" in text
    assert "not collected again" in text
    assert "made public" not in text.split("Article 17(1)(d)")[0]


def test_reference_photo_only_when_chosen() -> None:
    without = render_text(letter("pimeyes", {"erasure"}))
    assert "I do not enclose a photograph" in without
    with_photo = render_text(letter("pimeyes", {"erasure"}, reference_photo=True))
    assert "solely so that you can search" in with_photo
    assert "Article 5(1)(b) GDPR" in with_photo
    assert "to be deleted" in with_photo


def test_pimeyes_is_not_addressed_as_a_legal_entity() -> None:
    entity = CONTROLLERS["pimeyes"].entity("EEA")
    assert entity.name != "PimEyes"
    assert not entity.verified
    assert "EMEARobotics" in entity.name


# -- 7. Art. 4(14) is a numbered definition ----------------------------------------------------


@pytest.mark.parametrize(
    ("language", "expected", "wrong"),
    [
        ("en", "Article 4(14) GDPR", None),
        ("de", "Art. 4 Nr. 14 DSGVO", "Art. 4 Abs. 14"),
        ("nl", "artikel 4, punt 14, AVG", "artikel 4, lid 14"),
        ("fr", "article 4, point 14), du RGPD", "article 4, paragraphe 14"),
    ],
)
def test_article_4_14_is_cited_as_a_point(language: str, expected: str, wrong: str | None) -> None:
    text = render_text(letter("meta", {"access"}, language))
    assert expected in text
    if wrong:
        assert wrong not in text


# -- 8. restriction and erasure grounds only as they apply --------------------------------------


def test_no_restriction_on_grounds_that_do_not_apply() -> None:
    text = render_text(letter("meta", {"erasure"}, erasure_grounds=frozenset({"b"})))
    assert "Article 18(1)(a)" not in text
    assert "Article 18(1)(d)" not in text
    objection = render_text(letter("meta", {"objection"}, situation="I am stalked."))
    assert "Article 18(1)(d)" in objection
    assert "Article 18(1)(d)" not in render_text(letter("meta", {"objection"}))  # 21(2) only
    assert "Article 18(1)(a)" not in objection
    contested = render_text(letter("meta", {"restriction"}, restriction_grounds=frozenset("a")))
    assert "Article 18(1)(a)" in contested
    assert "Article 18(1)(d)" not in contested


def test_unticked_erasure_ground_is_conditional() -> None:
    text = render_text(letter("meta", {"erasure"}))
    assert "insofar as you create templates" in text
    assert "the data have been unlawfully processed" not in text
    # Meta said it deleted its face templates in 2021: that it makes them is not established.
    ticked = render_text(letter("meta", {"erasure"}, erasure_grounds=frozenset("d")))
    assert "the data have been unlawfully processed" not in ticked
    assert "insofar as you create templates" in ticked


# -- 11. controller records --------------------------------------------------------------------


def test_corrected_controller_records() -> None:
    meta = CONTROLLERS["meta"].entity("EEA")
    assert "Merrion Road" in meta.address
    assert "D04 X2K5" in meta.address
    clearview = CONTROLLERS["clearview-ai"].entity("EEA")
    assert not any("Albany" in line for line in clearview.address)
    assert any("29th Street" in line for line in clearview.address)
    assert CONTROLLERS["snap"].entity("EEA").name == "Snap Inc."
    microsoft = CONTROLLERS["microsoft"]
    assert microsoft.entity("EEA").name == "Microsoft Corporation"
    assert "Microsoft Ireland Operations" in (microsoft.entity("EEA").note or "")
    assert "UK representative" in (microsoft.entity("UK").note or "")
    assert CONTROLLERS["telegram"].entity("EEA").name == "Telegram Messenger Inc."
    assert CONTROLLERS["apple"].entity("EEA").email is None


# -- 12. language and layout -------------------------------------------------------------------


@pytest.mark.parametrize("language", ["de", "nl", "fr"])
def test_no_english_labels_in_other_languages(language: str) -> None:
    text = render_text(letter("meta", {"access"}, language))
    head = text.split(table(language)["annex_heading"])[0]
    for english in ("E-mail:", "user id", "username", "profile"):
        assert not re.search(rf"\b{english}\b", head), english


@pytest.mark.parametrize("language", LANGUAGES)
def test_real_plurals(language: str) -> None:
    one = render_text(letter("meta", {"erasure"}, language, evidence=EVIDENCE[:1]))
    two = render_text(letter("meta", {"erasure"}, language))
    for text in (one, two):
        assert not re.search(r"\w\((s|n|en)\)", text)
    assert table(language)["items"]["one"].format(n=1) in one
    assert table(language)["items"]["other"].format(n=2) in two


def test_french_is_neutral_and_german_reference_is_mine() -> None:
    fr = render_text(letter("meta", {"access", "erasure"}, "fr", jurisdiction="CCPA"))
    fr += follow("complaint", "fr") + render_text(letter("meta", {"access", "erasure"}, "fr"))
    for masculine in ("tenu", "informé", "consommateur californien", "soussigné"):
        assert masculine not in fr
    de = render_text(letter("meta", {"access"}, "de"))
    assert "Unser Zeichen" not in de
    assert "Mein Zeichen: EA-2028-004" in de


@pytest.mark.parametrize("language", LANGUAGES)
def test_posted_letter_does_not_claim_to_be_electronic(language: str) -> None:
    electronic = table(language)["electronic_answer"].split("(")[0].strip()
    posted = render_text(letter("meta", {"access"}, language, channel="post",
                                assumed_receipt=date(2028, 2, 2)))  # fmt: skip
    mailed = render_text(letter("meta", {"access"}, language, channel="email"))
    assert electronic not in posted
    assert electronic in mailed
    assert format_date(date(2028, 2, 2), language) in posted


def test_pdf_annex_is_a_table_with_page_numbers(tmp_path: Path) -> None:
    rows = tuple(replace(EVIDENCE[0], sha256=f"{n:064x}") for n in range(40))
    path = render_pdf(letter("meta", {"access"}, evidence=rows), tmp_path / "l.pdf")
    text = pdf_text(path)
    assert " | " not in text  # cells, not a pipe-separated line
    assert f"{39:064x}" in text.replace("\u200b", "").replace("\n", "")
    shown = shown_strings(path)  # the page total is drawn as a string of its own
    footers = [
        a + b for a, b in itertools.pairwise(shown) if re.fullmatch(r"\S+ · page \d+ of ", a)
    ]
    reference = footers[0].split(" · ")[0]
    pages = len(footers)
    assert pages >= 2
    assert footers == [f"{reference} · page {page} of {pages}" for page in range(1, pages + 1)]
    assert reference.startswith("EA-")


# -- per-language review: the regulation's own terms and citation forms ------------------------

OFFICIAL = {
    "de": ["betroffene Person", "Verantwortliche", "Aufsichtsbehörde", "biometrische",
           "Recht auf Löschung", "Auskunftsrecht der betroffenen Person",
           "Art. 15 Abs. 1 lit. g DSGVO", "Art. 9 Abs. 2 DSGVO", "Art. 4 Nr. 14 DSGVO"],
    "nl": ["betrokkene", "verwerkingsverantwoordelijke", "toezichthoudende autoriteit",
           "biometrische gegevens", "Recht op gegevenswissing", "Recht van inzage van de betrokkene",
           "artikel 15, lid 1, onder g, AVG", "artikel 9, lid 2, AVG", "artikel 4, punt 14, AVG"],
    "fr": ["personne concernée", "responsable du traitement", "autorité de contrôle",
           "données biométriques", "Droit à l'effacement",
           "Droit d'accès de la personne concernée",
           "article 15, paragraphe 1, point g), du RGPD", "article 9, paragraphe 2, du RGPD",
           "article 4, point 14), du RGPD"],
    "en": ["data subject", "controller", "supervisory authority", "biometric data",
           "Right to erasure", "Right of access by the data subject",
           "Article 15(1)(g) GDPR", "Article 9(2) GDPR", "Article 4(14) GDPR"],
}  # fmt: skip


@pytest.mark.parametrize("language", LANGUAGES)
def test_official_terms_and_citations_per_language(language: str) -> None:
    text = render_text(letter("meta", {"access", "erasure", "objection"}, language))
    text += follow("complaint", language)
    for term in OFFICIAL[language]:
        assert term in text, term


# -- on a real scanned audit: 5, 9, 10, the deletion check -------------------------------------


@pytest.fixture(scope="module")
def nested_audit(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A Facebook export inside the person's own folders, added as the parent folder."""
    root = tmp_path_factory.mktemp("nested")
    inside = root / "jane.doe" / "Downloads" / "Private Stuff"
    inside.mkdir(parents=True)
    build_export("facebook_2024", inside)
    path = root / "nested.audit"
    audit = enrolled_audit(path)
    try:
        run_scan(audit, [root / "jane.doe"])
        for row in audit.findings():
            if row.context.get("platform"):
                audit.set_decision(row.face_id, "me")
        save_identity(audit, IDENTITY)
    finally:
        audit.close()
    return path


@pytest.fixture
def audit(nested_audit: Path, tmp_path: Path) -> Audit:
    copy = tmp_path / "copy.audit"
    shutil.copyfile(nested_audit, copy)
    opened = Audit.open(copy)
    yield opened  # type: ignore[misc]
    opened.close()


def test_annex_from_a_parent_folder_hides_the_persons_folders(audit: Audit) -> None:
    rows = evidence_for(audit, "meta")
    assert rows
    for row in rows:
        for private in ("jane.doe", "Downloads", "Private Stuff", ".zip"):
            assert private not in row.location, row.location
    text = render_text(build_letter(audit, "facebook", ["access"], today=date(2028, 1, 31)))
    assert "Private Stuff" not in text
    assert "jane.doe" not in text


@pytest.mark.parametrize("channel", ["email", "post"])
def test_letter_and_tracker_share_one_reference_and_deadline(audit: Audit, channel: str) -> None:
    req = build_letter(audit, "meta", ["erasure"], today=date(2027, 1, 29), channel=channel)
    assert req.reference
    rid = tracker.record_request(audit, "meta", req.types, "EU", "en", channel, req.letter_date,
                                 reference=req.reference, evidence=req.evidence)  # fmt: skip
    tracked = tracker.get_request(audit, rid)
    assert tracked.reference == req.reference
    assert tracked.due == req.due
    assert tracked.due is not None
    assert format_date(tracked.due, "en") in render_text(req)
    reminder = render_text(tracker.reminder_for(audit, tracked, date(2027, 3, 10)))
    assert req.reference in reminder
    assert format_date(tracked.due, "en") in reminder


def test_complaint_goes_to_the_land_authority_in_its_language(audit: Audit) -> None:
    rid = tracker.record_request(audit, "meta", ["erasure"], "EU", "en", "email", date(2027, 1, 29))
    req = tracker.get_request(audit, rid)
    complaint = tracker.complaint_for(audit, req, date(2027, 4, 1))
    assert complaint.authority is not None
    assert (
        complaint.authority.name == "Berliner Beauftragte für Datenschutz und Informationsfreiheit"
    )
    assert complaint.language == "de"
    text = render_text(complaint)
    assert "Erinnerung" not in text  # no reminder was recorded
    english = tracker.complaint_for(audit, req, date(2027, 4, 1), language="en")
    assert english.language == "en"
    irish = tracker.complaint_for(audit, req, date(2027, 4, 1), country="IE")
    assert irish.authority is not None
    assert irish.authority.country == "IE"
    tracker.mark_reminder_sent(audit, rid, date(2027, 3, 5))
    again = render_text(
        tracker.complaint_for(audit, tracker.get_request(audit, rid), date(2027, 4, 1))
    )
    assert "5. März 2027" in again
    assert tracker.reminder_for(audit, req, date(2027, 3, 5), language="fr").language == "fr"


def test_complaint_without_a_readable_address_asks(audit: Audit) -> None:
    save_identity(audit, replace(IDENTITY, postal_address=("Main St 1", "Somewhere")))
    rid = tracker.record_request(audit, "meta", ["access"], "EU", "en", "email", date(2027, 1, 29))
    with pytest.raises(tracker.ResidenceUnknown):
        tracker.complaint_for(audit, tracker.get_request(audit, rid), date(2027, 4, 1))


def test_all_sixteen_land_authorities() -> None:
    lands = {key for key in load_authorities() if key.startswith("DE-")}
    assert len(lands) == 16
    for key in lands:
        authority = load_authorities()[key]
        assert authority.address
        assert authority.email
        assert authority.verified
        assert authority.complaint_language == "de"


@pytest.mark.parametrize(
    ("address", "key"),
    [
        (("Hauptstraße 1", "10115 Berlin", "Germany"), "DE-BE"),
        (("Hauptstraße 1", "10115 Berlin"), "DE-BE"),
        (("Marienplatz 1", "80331 München", "Deutschland"), "DE-BY"),
        (("Dorfstraße 2", "12345 Irgendwo", "Germany"), None),
        (("1 Rue de Rivoli", "75001 Paris", "France"), "FR"),
        (("1 Hacker Way", "Menlo Park, CA 94025", "USA"), "US-CA"),
        (("Main St 1", "Berlin"), None),
    ],
)
def test_residence_from_the_address(address: tuple[str, ...], key: str | None) -> None:
    assert residence_of(address).authority_key == key


def _later_export(audit: Audit, folder: Path, keep_photos: bool) -> None:
    built = build_export("facebook_2024", folder, form="dir")
    if not keep_photos:
        for path in folder.rglob("*"):
            if path.suffix.lower() in (".jpg", ".jpeg", ".png", ".webp", ".heic", ".gif"):
                path.unlink()
    run_scan(audit, built.paths)


@pytest.mark.parametrize("keep_photos", [True, False])
def test_deletion_check_after_an_erasure_request(
    audit: Audit, tmp_path: Path, keep_photos: bool
) -> None:
    rid = tracker.record_request(audit, "meta", ["erasure"], "EU", "en", "email", date(2026, 1, 6))
    req = tracker.get_request(audit, rid)
    assert req.evidence
    assert tracker.deletion_check(audit, req) is None  # no newer export yet
    _later_export(audit, tmp_path / "later", keep_photos)
    check = tracker.deletion_check(audit, req)
    assert check is not None
    if keep_photos:
        assert set(check.remaining) == set(req.evidence)
        assert not check.gone
        reminder = render_text(tracker.reminder_for(audit, req, date(2026, 3, 1)))
        assert "still contains" in reminder
        assert all(row.sha256 in reminder for row in check.remaining)
    else:
        assert set(check.gone) == set(req.evidence)
        assert not check.remaining
    status = next(s for s in tracker.list_requests(audit) if s.request.id == rid)
    assert status.deletion == check
    assert status.as_dict()["gone"] == len(check.gone)
