"""Letters state only what the audit or the person established (legal review, round three).

One test per defect, each in every language, with the text the letter must and must not hold.
"""

from __future__ import annotations

import shutil
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from exposure_audit.audit.store import Audit
from exposure_audit.errors import UserMistake
from exposure_audit.i18n.formats import format_date
from exposure_audit.rights import tracker
from exposure_audit.rights.controllers import authority_for_country, load_controllers
from exposure_audit.rights.evidence import build_letter, save_identity
from exposure_audit.rights.letters import (
    LANGUAGES,
    EvidenceRow,
    Identity,
    LetterRequest,
    render_text,
)
from tests.support.exportkit import build_export
from tests.support.scanning import enrolled_audit, run_scan

BERLIN = Identity(
    "Alex Exämple",
    ("Hauptstraße 1", "10115 Berlin", "Germany"),
    "alex@example.org",
    {"Facebook user id": "100012345", "Instagram username": "alex.ex"},
)
CONTROLLERS = load_controllers()
EVIDENCE = (
    EvidenceRow("Facebook", "https://www.facebook.com/photo/?fbid=1", "posts/a.jpg",
                "2016-03-05", "a" * 64),
)  # fmt: skip


def letter(slug: str, types: set[str], language: str = "en", **extra: object) -> LetterRequest:
    values: dict[str, object] = {
        "types": frozenset(types),
        "controller": CONTROLLERS[slug],
        "identity": BERLIN,
        "language": language,
        "evidence": EVIDENCE,
        "reference": "EA-2028-004",
        "letter_date": date(2028, 1, 31),
    }
    values.update(extra)
    return LetterRequest(**values)  # type: ignore[arg-type]


# -- 1. a deletion check judges only the platform exported again ------------------------------


@pytest.fixture(scope="module")
def facebook_audit(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("fb")
    path = root / "fb.audit"
    audit = enrolled_audit(path)
    try:
        (root / "first").mkdir()
        run_scan(audit, build_export("facebook_2024", root / "first").paths)
        for row in audit.findings():
            if row.context.get("platform"):
                audit.set_decision(row.face_id, "me")
        save_identity(audit, BERLIN)
    finally:
        audit.close()
    return path


@pytest.fixture
def fb_audit(facebook_audit: Path, tmp_path: Path) -> Audit:
    copy = tmp_path / "copy.audit"
    shutil.copyfile(facebook_audit, copy)
    opened = Audit.open(copy)
    yield opened  # type: ignore[misc]
    opened.close()


def _erasure_with_an_instagram_copy(audit: Audit) -> tracker.TrackedRequest:
    """An erasure request to Meta naming Facebook photos and an Instagram copy of one of them."""
    facebook = build_letter(audit, "meta", ["erasure"], today=date(2026, 1, 6)).evidence
    assert facebook
    copy = EvidenceRow("Instagram", "profile.jpg", "media/profile/profile.jpg", "2020-01-01",
                       facebook[0].sha256)  # fmt: skip
    rid = tracker.record_request(audit, "meta", ["erasure"], "EU", "en", "email",
                                 date(2026, 1, 6), evidence=(*facebook, copy))  # fmt: skip
    return tracker.get_request(audit, rid)


def _newer_facebook_export(folder: Path, drop: str | None) -> list[Path]:
    folder.mkdir()
    built = build_export("facebook_2024", folder, form="dir")
    if drop:
        (victim,) = [p for p in folder.rglob("*") if p.name == drop]
        victim.unlink()
    return built.paths


REMAINING_WORDS = {
    "en": "still contains",
    "de": "enthält er noch",
    "nl": "bevat deze nog",
    "fr": "contient encore",
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_newer_facebook_export_says_nothing_about_instagram(
    fb_audit: Audit, tmp_path: Path, language: str
) -> None:
    req = _erasure_with_an_instagram_copy(fb_audit)
    run_scan(fb_audit, _newer_facebook_export(tmp_path / "later", None))
    check = tracker.deletion_check(fb_audit, req)
    assert check is not None
    assert check.platforms == ("Facebook",)
    assert [r.platform for r in check.remaining] == ["Facebook"]
    assert [r.platform for r in check.unchecked] == ["Instagram"]
    assert not check.gone
    text = render_text(tracker.reminder_for(fb_audit, req, date(2026, 3, 1), language))
    body, annex = text.split("\n#")  # the annex table starts with its "#" column
    assert REMAINING_WORDS[language] in body
    assert "Facebook" in body
    assert "Instagram" not in body  # no Instagram export was checked
    assert "profile.jpg" not in body
    assert format_date(check.checked_on, language) in body
    for wrong in ("downloaded", "heruntergeladen", "gedownload", "téléchargé"):
        assert wrong not in text
    assert "Instagram" in annex  # the request's own annex is repeated as sent


def test_a_removed_facebook_photo_is_gone_and_instagram_unchecked(
    fb_audit: Audit, tmp_path: Path
) -> None:
    req = _erasure_with_an_instagram_copy(fb_audit)
    dropped = req.evidence[0].location.rsplit("/", 1)[-1]
    run_scan(fb_audit, _newer_facebook_export(tmp_path / "later", dropped))
    check = tracker.deletion_check(fb_audit, req)
    assert check is not None
    assert [r.platform for r in check.gone] == ["Facebook"]
    assert not check.remaining
    assert [r.platform for r in check.unchecked] == ["Instagram"]
    text = render_text(tracker.reminder_for(fb_audit, req, date(2026, 3, 1)))
    assert "still contains" not in text
    status = next(s for s in tracker.list_requests(fb_audit) if s.request.id == req.id)
    assert status.deletion == check


# -- 2. no residence the identity contradicts -------------------------------------------------

CALIFORNIAN = replace(BERLIN, postal_address=("1 Market St", "San Francisco, CA 94105", "USA"))
LIVES_IN_CALIFORNIA = {
    "en": "I am a California consumer",
    "de": "ich wohne in Kalifornien",
    "nl": "Ik woon in Californië",
    "fr": "Résidant en Californie",
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_berlin_address_never_claims_california(language: str) -> None:
    berlin = render_text(letter("meta", {"access"}, language, jurisdiction="CCPA", region="US"))
    assert LIVES_IN_CALIFORNIA[language] not in berlin
    assert "California Consumer Privacy Act" in berlin
    californian = letter("meta", {"access"}, language, jurisdiction="CCPA", region="US",
                         identity=CALIFORNIAN)  # fmt: skip
    assert LIVES_IN_CALIFORNIA[language] in render_text(californian)


# -- 3. no GDPR article in a CCPA letter ------------------------------------------------------

GDPR_WORDS = ("Article", "Artikel", "artikel", "article", "Art.", "GDPR", "DSGVO", "AVG", "RGPD")


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("photo", [False, True])
def test_face_search_letters_under_the_ccpa_cite_only_california_law(
    language: str, photo: bool
) -> None:
    for slug in ("clearview-ai", "pimeyes"):
        req = letter(slug, {"access", "erasure", "objection"}, language, jurisdiction="CCPA",
                     region="US", identity=CALIFORNIAN, reference_photo=photo)  # fmt: skip
        text = render_text(req)
        for word in GDPR_WORDS:
            assert word not in text, (slug, word)
        assert "11(2)" not in text
        assert ("§1798.130(a)(7)" in text) if photo else ("§7060" in text)


# -- 4. complaints are written to the authority -----------------------------------------------

CONTROLLER_ONLY = (
    "delete them once my request is answered",
    "löschen Sie sie nach Erledigung",
    "wis ze nadat mijn verzoek",
    "les effacer une fois ma demande",
    "services like yours",
    "Dienste wie Ihrer",
    "diensten zoals de uwe",
    "services comme le vôtre",
    "locate your copies",
    "Ihre Kopien",
    "uw kopieën",
    "vos copies",
    "§1798.130(a)(7)",
)
COMPLAINT_ANNEX = {
    "en": "I named to the",
    "de": "in meinem Antrag als Fundstellen",
    "nl": "in mijn verzoek heb genoemd",
    "fr": "dans ma demande comme endroits",
}


def complaint(slug: str, language: str, jurisdiction: str = "EU", **extra: object) -> str:
    values: dict[str, object] = {
        "jurisdiction": jurisdiction,
        "region": {"EU": "EEA", "CCPA": "US"}[jurisdiction],
        "original_date": date(2027, 12, 1),
        "original_due": date(2028, 1, 3),
        "original_types": frozenset({"access", "erasure"}),
        "authority": authority_for_country({"EU": "DE-BE", "CCPA": "US-CA"}[jurisdiction]),
        "identity": CALIFORNIAN if jurisdiction == "CCPA" else BERLIN,
    }
    values.update(extra)
    return render_text(letter(slug, {"complaint"}, language, **values))


@pytest.mark.parametrize("language", LANGUAGES)
def test_complaints_do_not_recycle_controller_text(language: str) -> None:
    for slug, jurisdiction in (("clearview-ai", "EU"), ("meta", "EU"), ("meta", "CCPA")):
        text = complaint(slug, language, jurisdiction)
        for phrase in CONTROLLER_ONLY:
            assert phrase not in text, (slug, jurisdiction, phrase)
        assert COMPLAINT_ANNEX[language] in text


# -- 5. a complaint states no outcome of a reminder still running, and no court unless told ----

NO_OUTCOME = {
    "en": "did not lead to a complete answer",
    "de": "führte zu keiner vollständigen Antwort",
    "nl": "leidde niet tot een volledig antwoord",
    "fr": "n'a pas abouti",
}
NO_COURT = {
    "en": "not brought this matter before a court",
    "de": "keinem Gericht vorgelegt",
    "nl": "niet aan een rechter voorgelegd",
    "fr": "saisi aucune juridiction",
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_complaint_the_day_of_the_reminder_claims_no_outcome(language: str) -> None:
    for jurisdiction in ("EU", "CCPA"):
        same_day = complaint("meta", language, jurisdiction, reminder_date=date(2028, 1, 31))
        assert NO_OUTCOME[language] not in same_day
        assert format_date(date(2028, 2, 14), language) in same_day  # the reminder's day
        later = complaint("meta", language, jurisdiction, reminder_date=date(2028, 1, 10))
        assert NO_OUTCOME[language] in later


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_complaint_mentions_courts_only_when_the_person_said_so(language: str) -> None:
    assert NO_COURT[language] not in complaint("meta", language)
    assert NO_COURT[language] in complaint("meta", language, no_court_case=True)


# -- 14. "taken from the data export" only for ids that came from it -------------------------

FROM_EXPORT = {
    "en": "taken from the data export you provided",
    "de": "aus dem von Ihnen bereitgestellten Datenexport stammen",
    "nl": "afkomstig uit de gegevensexport",
    "fr": "tirées de l'export de données",
}
MARKED = {
    "en": "(as in the data export you provided to me)",
    "de": "(wie in dem von Ihnen bereitgestellten Datenexport)",
    "nl": "(zoals in de gegevensexport die u mij hebt verstrekt)",
    "fr": "(comme dans l'export de données que vous m'avez fourni)",
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_identification_claims_the_export_only_for_ids_found_in_it(language: str) -> None:
    typed = replace(BERLIN, email=None, account_ids={"TikTok username": "alex_t"})
    tiktok = render_text(letter("tiktok", {"access"}, language, identity=typed, evidence=()))
    assert "alex_t" in tiktok
    assert FROM_EXPORT[language] not in tiktok
    assert MARKED[language] not in tiktok
    whatsapp = render_text(letter("whatsapp", {"access"}, language, evidence=()))
    assert "alex@example.org" in whatsapp
    assert FROM_EXPORT[language] not in whatsapp
    exported = frozenset({("facebook", "100012345"), ("instagram", "alex.ex")})
    only_export = replace(BERLIN, email=None)
    meta = render_text(letter("meta", {"access"}, language, identity=only_export,
                              exported_ids=exported))  # fmt: skip
    assert FROM_EXPORT[language] in meta
    mixed = render_text(letter("meta", {"access"}, language,
                               exported_ids=frozenset({("facebook", "100012345")})))  # fmt: skip
    assert FROM_EXPORT[language] not in mixed
    (marked,) = [line for line in mixed.splitlines() if MARKED[language] in line]
    assert "100012345" in marked


def test_build_letter_knows_which_ids_the_export_gave(fb_audit: Audit) -> None:
    from exposure_audit.rights.evidence import suggest_account_ids

    found = suggest_account_ids(fb_audit)
    assert found
    save_identity(fb_audit, replace(BERLIN, email=None, account_ids=found))
    text = render_text(build_letter(fb_audit, "meta", ["access"], today=date(2027, 1, 4)))
    assert FROM_EXPORT["en"] in text
    typed = {**found, "Facebook username": "not.from.export"}
    save_identity(fb_audit, replace(BERLIN, email=None, account_ids=typed))
    text = render_text(build_letter(fb_audit, "meta", ["access"], today=date(2027, 1, 4)))
    assert FROM_EXPORT["en"] not in text
    (typed_line,) = [line for line in text.splitlines() if "not.from.export" in line]
    assert MARKED["en"] not in typed_line


# -- 12. face-search letters: the whole of Art. 15, URLs only, the photo really attached -------

FACE_SEARCH_ACCESS = ("15(1)(b)", "15(1)(e)", "15(1)(f)", "15(2)")


@pytest.mark.parametrize("language", LANGUAGES)
def test_face_search_access_asks_for_every_item(language: str) -> None:
    from exposure_audit.rights.letters import cite
    from exposure_audit.rights.letters.render import table

    text = render_text(letter("clearview-ai", {"access"}, language))
    law = table(language)["law"]["EU"]
    for ref in FACE_SEARCH_ACCESS:
        assert cite(table(language), law, ref) in text, ref


@pytest.fixture(scope="module")
def public_audit(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A saved web page of the person (with its URL) beside a Facebook export."""
    root = tmp_path_factory.mktemp("public")
    path = root / "public.audit"
    audit = enrolled_audit(path)
    try:
        for kind in ("web_page", "facebook_2024"):
            (root / kind).mkdir()
            run_scan(audit, build_export(kind, root / kind, form="dir").paths)
        for row in audit.findings():
            audit.set_decision(row.face_id, "me")
        save_identity(audit, BERLIN)
    finally:
        audit.close()
    return path


def test_face_search_annex_holds_web_addresses_only(public_audit: Path) -> None:
    with Audit.open(public_audit) as audit:
        req = build_letter(audit, "pimeyes", ["erasure"], today=date(2027, 1, 4))
    assert [row.url_or_id for row in req.evidence] == ["https://example.com/profile/jdoe"]
    text = render_text(req)
    assert "Facebook" not in text  # which platforms the person uses is none of its business
    assert "https://example.com/profile/jdoe" in text


def test_the_opt_out_photo_is_attached_cropped_and_without_exif(
    public_audit: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import email
    import email.policy
    import io

    from PIL import Image

    from exposure_audit.cli.main import run
    from tests.support.photos import face_bytes

    selfie = tmp_path / "me.jpg"
    selfie.write_bytes(face_bytes("obama.jpg"))
    out = tmp_path / "pimeyes.eml"
    args = ["letter", "--audit", str(public_audit), "--controller", "pimeyes",
            "--type", "erasure", "--out", str(out)]  # fmt: skip
    assert run([*args, "--photo"]) == 2  # says "enclosed" with nothing to enclose
    assert "--photo FILE" in capsys.readouterr().err
    assert run([*args, "--photo", str(selfie)]) == 0
    message = email.message_from_bytes(out.read_bytes(), policy=email.policy.default)
    (photo,) = [p for p in message.iter_attachments() if p.get_content_type() == "image/jpeg"]
    image = Image.open(io.BytesIO(photo.get_content()))
    assert max(image.size) <= 360
    assert not image.getexif()
    assert image.size < Image.open(selfie).size
    body = message.get_body(("plain",))
    assert body is not None
    assert "I will not send a copy of an identity document" in body.get_content()
    kit = tmp_path / "pimeyes-photo-for-the-search-only.jpg"
    assert kit.read_bytes() == photo.get_content()
    assert kit.stat().st_mode & 0o777 == 0o600


# -- 16. the right article for the electronic copy and the extension -------------------------

ELECTRONIC = {"en": "electronic form", "de": "elektronischen Format", "nl": "elektronische vorm",
              "fr": "électronique d'usage courant"}  # fmt: skip
EXTENSION = {"en": "notice of an extension", "de": "begründete Fristverlängerung",
             "nl": "gemotiveerde verlenging", "fr": "prolongation motivée du délai"}  # fmt: skip


def _after(text: str, phrase: str, span: int = 40) -> str:
    start = text.index(phrase) + len(phrase)
    return text[start : start + span]


@pytest.mark.parametrize("language", LANGUAGES)
def test_electronic_copy_is_15_3_and_extension_12_3(language: str) -> None:
    from exposure_audit.rights.letters import cite
    from exposure_audit.rights.letters.render import table

    law = table(language)["law"]["EU"]
    access = render_text(letter("meta", {"access"}, language))
    assert cite(table(language), law, "15(3)") in _after(access, ELECTRONIC[language])
    assert cite(table(language), law, "12(3)") not in _after(access, ELECTRONIC[language])
    reminder = render_text(letter("meta", {"reminder"}, language, original_date=date(2027, 12, 1),
                                  original_due=date(2028, 1, 3),
                                  original_types=frozenset({"access"})))  # fmt: skip
    assert cite(table(language), law, "12(3)") in _after(reminder, EXTENSION[language])
    assert cite(table(language), law, "12(4)") not in _after(reminder, EXTENSION[language], 25)


# -- 6. residence decides the defaults; overriding it warns -----------------------------------

LONDON = replace(BERLIN, postal_address=("1 Baker Street", "London NW1 6XE", "United Kingdom"))


@pytest.mark.parametrize("language", LANGUAGES)
def test_defaults_follow_the_address(
    fb_audit: Audit, tmp_path: Path, language: str, capsys: pytest.CaptureFixture[str]
) -> None:
    from exposure_audit.cli.main import run

    out = tmp_path / "l.txt"
    base = ["letter", "--audit", str(fb_audit.path), "--out", str(out), "--lang", language]
    save_identity(fb_audit, LONDON)
    assert run([*base, "--controller", "tiktok"]) == 0
    text = out.read_text(encoding="utf-8")
    assert "TikTok Information Technologies UK Limited" in text
    assert "UK GDPR" in text
    assert "TikTok Technology Limited" not in text
    save_identity(fb_audit, CALIFORNIAN)
    assert run([*base, "--controller", "meta"]) == 0
    text = out.read_text(encoding="utf-8")
    assert "Meta Platforms, Inc." in text
    assert "Meta Platforms Ireland" not in text
    assert "§1798" in text
    capsys.readouterr()
    assert run([*base, "--controller", "meta", "--jurisdiction", "EU"]) == 0
    assert "where CCPA applies" in capsys.readouterr().err
    assert "Meta Platforms Ireland Limited" in out.read_text(encoding="utf-8")


# -- 7. the authority must enforce the law of the request -------------------------------------


@pytest.mark.parametrize(
    ("jurisdiction", "country"),
    [("CCPA", "DE-BE"), ("EU", "US-CA"), ("EU", "GB"), ("EU", "DE"), ("UK", "IE")],
)
def test_a_complaint_goes_only_to_an_authority_of_its_law(
    fb_audit: Audit, jurisdiction: str, country: str
) -> None:
    save_identity(fb_audit, CALIFORNIAN if jurisdiction == "CCPA" else BERLIN)
    rid = tracker.record_request(fb_audit, "meta", ["access"], jurisdiction, "en", "email",
                                 date(2027, 1, 4))  # fmt: skip
    req = tracker.get_request(fb_audit, rid)
    with pytest.raises(UserMistake, match=country):
        tracker.complaint_for(fb_audit, req, date(2027, 4, 1), country)


def test_an_eu_complaint_from_london_names_no_uk_authority(fb_audit: Audit) -> None:
    save_identity(fb_audit, LONDON)
    rid = tracker.record_request(fb_audit, "meta", ["access"], "EU", "en", "email",
                                 date(2027, 1, 4))  # fmt: skip
    with pytest.raises(tracker.ResidenceUnknown, match="GB"):
        tracker.complaint_for(fb_audit, tracker.get_request(fb_audit, rid), date(2027, 4, 1))
    ireland = tracker.complaint_for(fb_audit, tracker.get_request(fb_audit, rid),
                                    date(2027, 4, 1), "IE")  # fmt: skip
    assert ireland.authority is not None
    assert ireland.authority.country == "IE"


def test_a_complaint_in_a_language_the_authority_does_not_take_warns(
    fb_audit: Audit, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from exposure_audit.cli.main import run

    rid = tracker.record_request(fb_audit, "meta", ["access"], "EU", "en", "email",
                                 date(2027, 1, 4))  # fmt: skip
    args = ["letter", "--audit", str(fb_audit.path), "--type", "complaint", "--request", str(rid),
            "--country", "IT", "--date", "2027-04-01", "--out", str(tmp_path / "c.txt")]  # fmt: skip
    assert run(args) == 0
    assert "takes complaints in 'it'" in capsys.readouterr().err


# -- 8. UK complaints rest on s. 165 DPA 2018 (true before and after the DUAA 2025 change) ----


@pytest.mark.parametrize("language", LANGUAGES)
def test_uk_complaints_cite_section_165_not_article_77(language: str) -> None:
    from exposure_audit.rights.letters import cite, subject
    from exposure_audit.rights.letters.render import table

    art77 = cite(table(language), "UK GDPR", "77")
    values: dict[str, object] = {
        "jurisdiction": "UK", "region": "UK", "identity": LONDON,
        "original_date": date(2026, 9, 1), "original_due": date(2026, 10, 1),
        "original_types": frozenset({"access"}), "letter_date": date(2026, 12, 2),
    }  # fmt: skip
    to_ico = letter("meta", {"complaint"}, language, authority=authority_for_country("GB"),
                    controller_complaint_date=date(2026, 10, 20), **values)  # fmt: skip
    text = render_text(to_ico)
    assert art77 not in text
    assert "165" in subject(to_ico)
    assert "165" in text
    assert "166" in text
    assert "Data Protection Act 2018" in text
    assert "164A" in text  # the complaint to the controller came first, and says when
    first = render_text(letter("meta", {"access"}, language, jurisdiction="UK", region="UK",
                               identity=LONDON))  # fmt: skip
    assert art77 not in first
    assert "164A" in first
    assert "165" in first


# -- 9, 10, 11. Art. 18, 17 and 21 only on grounds that apply ---------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_restriction_erasure_and_objection_grounds(language: str) -> None:
    from exposure_audit.rights.letters import cite
    from exposure_audit.rights.letters.render import table

    def ref(number: str) -> str:
        return cite(table(language), table(language)["law"]["EU"], number)

    with pytest.raises(UserMistake, match="ground"):
        letter("meta", {"restriction"}, language)
    with pytest.raises(UserMistake, match="18"):
        letter("meta", {"erasure", "restriction"}, language, restriction_grounds=frozenset("b"))
    with pytest.raises(UserMistake, match="21"):
        letter("meta", {"restriction"}, language, restriction_grounds=frozenset("d"))
    plain = render_text(letter("meta", {"objection"}, language))
    assert ref("21(2)") in plain
    assert ref("21(3)") in plain
    assert ref("21(1)") not in plain
    assert ref("18(1)(d)") not in plain
    mine = render_text(letter("meta", {"objection"}, language, situation="Strangers find me"))
    assert "Strangers find me." in mine
    assert ref("21(1)") in mine
    assert ref("6(1)(f)") in mine
    default = render_text(letter("meta", {"erasure"}, language))
    assert ";\n\n" not in default
    assert ");\n" not in default.split(ref("17(1)(d)"))[1][:3]
