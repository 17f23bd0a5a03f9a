"""Help with the answer: the next letter after a reply that is not compliance.

For each kind of reply and each language: the rule cited, no ID copy accepted, no GDPR article
in a CCPA letter, no reply date the person did not give, and the deadline of the request still
standing. Then the tracker's state after recording, and the command line.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from exposure_audit.audit import requests as requests_area
from exposure_audit.audit.schema_check import statements
from exposure_audit.audit.store import MIGRATIONS, Audit
from exposure_audit.cli.main import run
from exposure_audit.errors import EnvironmentProblem, UserMistake
from exposure_audit.i18n.formats import format_date
from exposure_audit.rights import tracker
from exposure_audit.rights.controllers import load_controllers
from exposure_audit.rights.evidence import save_identity
from exposure_audit.rights.letters import LANGUAGES, EvidenceRow, Identity, LetterRequest
from exposure_audit.rights.letters import render_text as text_of
from exposure_audit.vocabulary import FollowUp, MissingItem, ReplyKind
from tests.support.actionkit import IDENTITY, copy_of, open_copy, scanned_audit_file

BERLIN = Identity(
    "Alex Exämple",
    ("Hauptstraße 1", "10115 Berlin", "Germany"),
    "alex@example.org",
    {"Facebook user id": "100012345"},
)
CONTROLLERS = load_controllers()
EVIDENCE = (
    EvidenceRow("Facebook", "https://www.facebook.com/photo/?fbid=1", "posts/a.jpg",
                "2016-03-05", "a" * 64),
)  # fmt: skip
SENT, DUE, REPLIED = date(2027, 12, 20), date(2028, 1, 20), date(2028, 1, 5)
ANSWERED_KINDS = [k for k in ReplyKind if k != ReplyKind.NO_ANSWER]

# The article each kind rests on, as each language cites it.
CITED = {
    ReplyKind.ID_DEMANDED: {
        "en": "Article 12(6) GDPR",
        "de": "Art. 12 Abs. 6 DSGVO",
        "nl": "artikel 12, lid 6, AVG",
        "fr": "article 12, paragraphe 6, du RGPD",
    },
    ReplyKind.EXCESSIVE: {
        "en": "Article 12(5) GDPR",
        "de": "Art. 12 Abs. 5 DSGVO",
        "nl": "artikel 12, lid 5, AVG",
        "fr": "article 12, paragraphe 5, du RGPD",
    },
    ReplyKind.OTHER_CHANNEL: {
        "en": "Article 12(2) GDPR",
        "de": "Art. 12 Abs. 2 DSGVO",
        "nl": "artikel 12, lid 2, AVG",
        "fr": "article 12, paragraphe 2, du RGPD",
    },
    ReplyKind.PARTIAL: {
        "en": "Article 15(1)(c) GDPR",
        "de": "Art. 15 Abs. 1 lit. c DSGVO",
        "nl": "artikel 15, lid 1, onder c, AVG",
        "fr": "article 15, paragraphe 1, point c), du RGPD",
    },
}
# Under the CCPA: the verification rules of the Regulations, the Civil Code.
CITED_CCPA = {
    ReplyKind.ID_DEMANDED: "§7060(c)(1)",
    ReplyKind.EXCESSIVE: "§1798.145(h)(3)",
    ReplyKind.OTHER_CHANNEL: "§7021(b)",
    ReplyKind.PARTIAL: "§1798.110(a)(4)",
}
NO_ID = {
    "en": "I will not send a copy of an identity document.",
    "de": "Eine Ausweiskopie werde ich nicht übersenden.",
    "nl": "Een kopie van een identiteitsbewijs stuur ik niet.",
    "fr": "Je ne vous enverrai pas de copie de pièce d'identité.",
}
NO_NEW_PERIOD = {
    "en": "This letter opens no new period",
    "de": "Dieses Schreiben setzt keine neue Frist in Gang",
    "nl": "Deze brief opent geen nieuwe termijn",
    "fr": "La présente lettre n'ouvre pas de nouveau délai",
}
PASSED = {
    "en": "that deadline has passed",
    "de": "abgelaufen. Bitte antworten Sie unverzüglich",
    "nl": "verstreken. Ik verzoek u zonder verder uitstel te antwoorden",
    "fr": "ce délai est dépassé",
}
REPLY_OF = {  # the words before a reply's date
    "en": "your reply of",
    "de": "Ihre Antwort vom",
    "nl": "uw antwoord van",
    "fr": "votre réponse du",
}
GDPR_WORDS = re.compile(r"GDPR|DSGVO|AVG|RGPD|\bArt(icle|ikel|\.)\s*\d|\barticle \d", re.I)


def reply_letter(
    kind: ReplyKind,
    language: str,
    *,
    jurisdiction: str = "EU",
    slug: str = "meta",
    replied: date | None = REPLIED,
    letter_date: date = date(2028, 1, 12),
    missing: frozenset[str] | None = None,
    **extra: object,
) -> LetterRequest:
    if missing is None:
        ticked = {MissingItem.RECIPIENTS, MissingItem.COPY} if kind == ReplyKind.PARTIAL else set()
        missing = frozenset(ticked)
    values: dict[str, object] = {
        "types": frozenset({FollowUp.REPLY}),
        "controller": CONTROLLERS[slug],
        "identity": BERLIN,
        "language": language,
        "jurisdiction": jurisdiction,
        "evidence": EVIDENCE,
        "reference": "EA-2027-009",
        "letter_date": letter_date,
        "original_date": SENT,
        "original_due": DUE,
        "original_types": frozenset({"access"}),
        "reply_kind": kind,
        "reply_date": replied,
        "missing": missing,
        "first_request": True,
    }
    values.update(extra)
    return LetterRequest(**values)  # type: ignore[arg-type]


def body(req: LetterRequest) -> str:
    """The letter without its annex (whose rows carry the export's own ISO dates)."""
    return text_of(req).split("\n1 | ")[0]


# -- the texts, per kind and language ---------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("kind", ANSWERED_KINDS)
def test_each_kind_cites_its_rule_and_keeps_the_deadline(kind: ReplyKind, language: str) -> None:
    text = body(reply_letter(kind, language))
    assert CITED[kind][language] in text
    assert NO_NEW_PERIOD[language] in text
    assert format_date(DUE, language) in text  # the request's own deadline, in words
    assert format_date(SENT, language) in text
    assert PASSED[language] not in text  # written before the deadline
    assert "EA-2027-009" in text
    assert "2028-01-05" not in text  # no ISO dates in sentences
    assert "2028-01-20" not in text
    # An ID copy is refused in every letter about identity, and asked for in none.
    assert (NO_ID[language] in text) == (kind == ReplyKind.ID_DEMANDED)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("kind", ANSWERED_KINDS)
def test_the_reply_date_only_when_given(kind: ReplyKind, language: str) -> None:
    dated = body(reply_letter(kind, language))
    assert f"{REPLY_OF[language]} {format_date(REPLIED, language)}" in dated.replace("\n", " ")
    undated = body(reply_letter(kind, language, replied=None))
    assert REPLY_OF[language] not in undated
    assert format_date(REPLIED, language) not in undated


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("kind", ANSWERED_KINDS)
def test_a_passed_deadline_is_said_to_have_passed(kind: ReplyKind, language: str) -> None:
    text = body(reply_letter(kind, language, letter_date=date(2028, 1, 31)))
    assert NO_NEW_PERIOD[language] in text
    assert PASSED[language] in text
    assert format_date(DUE, language) in text


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("kind", ANSWERED_KINDS)
def test_ccpa_letters_cite_the_ccpa_and_no_gdpr_article(kind: ReplyKind, language: str) -> None:
    text = body(reply_letter(kind, language, jurisdiction="CCPA"))
    assert CITED_CCPA[kind] in text
    assert not GDPR_WORDS.search(text), GDPR_WORDS.search(text)
    assert "12(6)" not in text
    assert "§1798.130(a)(2)" in text  # the 45 days, not a new period
    assert format_date(DUE, language) in text
    assert (NO_ID[language] in text) == (kind == ReplyKind.ID_DEMANDED)
    if kind == ReplyKind.ID_DEMANDED:
        assert "§7061(a)" in text  # an account holder is verified through the account


@pytest.mark.parametrize("language", LANGUAGES)
def test_an_id_demand_is_answered_with_what_identifies_the_person(language: str) -> None:
    text = body(reply_letter(ReplyKind.ID_DEMANDED, language))
    assert "100012345" in text  # the details the request gave
    assert "alex@example.org" in text
    assert "EDPB" in text or "EDSA" in text or "CEPD" in text
    minimisation = {"en": "Article 5(1)(c)", "de": "Art. 5 Abs. 1 lit. c", "nl": "artikel 5, lid 1,"
                    " onder c", "fr": "article 5, paragraphe 1, point c)"}[language]  # fmt: skip
    assert minimisation in text
    # A face-search company where the person has no account: the face identifies, no ids.
    face = body(reply_letter(ReplyKind.ID_DEMANDED, language, slug="clearview-ai"))
    assert NO_ID[language] in face
    assert "100012345" not in face
    assert {"en": "Article 11(2)", "de": "Art. 11 Abs. 2", "nl": "artikel 11, lid 2",
            "fr": "article 11, paragraphe 2"}[language] in face  # fmt: skip


def test_uk_id_demand_says_the_clock_is_not_paused() -> None:
    text = body(reply_letter(ReplyKind.ID_DEMANDED, "en", jurisdiction="UK"))
    assert "Article 12A UK GDPR" in text
    assert "Article 12(6) UK GDPR" in text
    assert "Data Protection Act 2018" in text  # the UK remedies, not Art. 77 GDPR
    assert "Article 77" not in text


@pytest.mark.parametrize("language", LANGUAGES)
def test_excessive_says_first_request_only_when_the_tracker_shows_it(language: str) -> None:
    first = body(reply_letter(ReplyKind.EXCESSIVE, language))
    later = body(reply_letter(ReplyKind.EXCESSIVE, language, first_request=False))
    assert "C-307/22" in first  # the first copy is free of charge
    marker = {"en": "first request I have made", "de": "mein erster Antrag",
              "nl": "het eerste verzoek", "fr": "la première demande"}[language]  # fmt: skip
    assert marker in first
    assert marker not in later
    assert CITED[ReplyKind.EXCESSIVE][language] in later  # the burden of proof stays


@pytest.mark.parametrize("language", LANGUAGES)
def test_partial_answer_lists_only_what_was_ticked(language: str) -> None:
    req = reply_letter(
        ReplyKind.PARTIAL, language, missing=frozenset({MissingItem.RETENTION, MissingItem.COPY})
    )
    text = body(req)
    cited = {"en": ("Article 15(1)(d)", "Article 15(3)", "Article 15(1)(c)"),
             "de": ("Art. 15 Abs. 1 lit. d", "Art. 15 Abs. 3", "Art. 15 Abs. 1 lit. c"),
             "nl": ("artikel 15, lid 1, onder d", "artikel 15, lid 3", "artikel 15, lid 1, onder c"),
             "fr": ("article 15, paragraphe 1, point d)", "article 15, paragraphe 3",
                    "article 15, paragraphe 1, point c)")}[language]  # fmt: skip
    assert cited[0] in text
    assert cited[1] in text
    assert cited[2] not in text
    items = [line for line in text.splitlines() if line.startswith("  - ") and "15" in line]
    assert len(items) == 2
    assert items[-1].endswith(".")  # the list ends with a full stop, not a semicolon


def test_french_letters_space_before_colons() -> None:
    for kind in ANSWERED_KINDS:
        for jurisdiction in ("EU", "CCPA"):
            text = body(reply_letter(kind, "fr", jurisdiction=jurisdiction))
            tight = re.findall(r"\w[:;](?!//)", text.replace("https://", "").replace("mailto:", ""))
            assert tight == [], (kind, jurisdiction, tight)
            assert " : " in text


def test_letters_refuse_what_was_not_established() -> None:
    with pytest.raises(UserMistake, match="partial answer: name what is missing"):
        reply_letter(ReplyKind.PARTIAL, "en", missing=frozenset())
    with pytest.raises(UserMistake, match="right to know has no item d"):
        reply_letter(
            ReplyKind.PARTIAL, "en", jurisdiction="CCPA", missing=frozenset({MissingItem.RETENTION})
        )
    with pytest.raises(UserMistake, match="missing items belong to a partial answer"):
        reply_letter(ReplyKind.EXCESSIVE, "en", missing=frozenset({MissingItem.COPY}))
    with pytest.raises(UserMistake, match="older than the request"):
        reply_letter(ReplyKind.EXCESSIVE, "en", replied=date(2027, 12, 1))
    with pytest.raises(UserMistake, match="dated after this letter"):
        reply_letter(ReplyKind.EXCESSIVE, "en", replied=date(2028, 2, 1))
    with pytest.raises(UserMistake, match="write the reminder"):
        reply_letter(ReplyKind.NO_ANSWER, "en")


# -- the tracker -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def scanned(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return scanned_audit_file(tmp_path_factory.mktemp("replies"))


@pytest.fixture
def audit(scanned: Path, tmp_path: Path) -> Iterator[Audit]:
    with open_copy(scanned, tmp_path) as opened:
        save_identity(opened, IDENTITY)
        yield opened


def test_recording_a_reply_and_its_answer(audit: Audit) -> None:
    request_id = tracker.record_request(
        audit, "meta", ["access"], "EU", "de", "email", date(2026, 12, 4)
    )
    req = tracker.get_request(audit, request_id)
    assert req.due == date(2027, 1, 4)
    letter = tracker.reply_letter_for(
        audit, req, "id_demanded", date(2026, 12, 10), today=date(2026, 12, 12)
    )
    assert letter.follow_up == FollowUp.REPLY
    assert letter.language == "de"  # the request's language
    assert letter.original_due == date(2027, 1, 4)
    text = text_of(letter)
    assert "vom 10. Dezember 2026" in text
    assert "am 4. Januar 2027" in text
    reply = tracker.record_reply(
        audit, request_id, "id_demanded", date(2026, 12, 10), follow_up_on=date(2026, 12, 12)
    )
    assert reply.kind == ReplyKind.ID_DEMANDED
    assert (reply.received_on, reply.follow_up_on) == (date(2026, 12, 10), date(2026, 12, 12))
    assert reply.due_on == date(2027, 1, 4)  # the request's deadline: no new period
    stored = audit.db.execute("SELECT kind, received_on, due_on FROM request_replies").fetchall()
    assert stored == [("id_demanded", "2026-12-10", "2027-01-04")]  # codes and ISO dates
    again = tracker.get_request(audit, request_id)
    assert again.replies == (reply,)
    assert again.due == date(2027, 1, 4)
    status = tracker.list_requests(audit, date(2026, 12, 20))[0]
    assert status.as_dict()["replies"] == [
        {"kind": "id_demanded", "received_on": "2026-12-10", "missing": [],
         "follow_up_on": "2026-12-12", "due_on": "2027-01-04"}
    ]  # fmt: skip


def test_a_partial_answer_keeps_its_missing_items_and_an_undated_reply_no_date(
    audit: Audit,
) -> None:
    request_id = tracker.record_request(
        audit, "meta", ["access"], "EU", "en", "email", date(2026, 12, 4)
    )
    reply = tracker.record_reply(
        audit, request_id, "partial", None, ["copy", "c"], follow_up_on=date(2027, 1, 2)
    )
    assert reply.missing == (MissingItem.RECIPIENTS, MissingItem.COPY)  # in the order of Art. 15
    assert reply.received_on is None
    row = audit.db.execute("SELECT missing, received_on FROM request_replies").fetchone()
    assert row == ("c,copy", None)


def test_the_tracker_refuses_replies_that_cannot_be(audit: Audit) -> None:
    draft = tracker.record_request(audit, "meta", ["access"], "EU", "en", None, None)
    with pytest.raises(UserMistake, match="has not been sent yet"):
        tracker.record_reply(audit, draft, "excessive", None)
    erasure = tracker.record_request(
        audit, "meta", ["erasure"], "EU", "en", "email", date(2026, 12, 4)
    )
    with pytest.raises(UserMistake, match="asked for no access"):
        tracker.record_reply(audit, erasure, "partial", None, ["b"])
    with pytest.raises(UserMistake, match="cannot answer request"):
        tracker.record_reply(audit, erasure, "excessive", date(2026, 11, 1))
    with pytest.raises(UserMistake, match="No answer is not a reply"):
        tracker.record_reply(audit, erasure, "no_answer", None)
    ccpa = tracker.record_request(
        audit, "meta", ["access"], "CCPA", "en", "email", date(2026, 12, 4)
    )
    with pytest.raises(UserMistake, match="right to know has no item h"):
        tracker.record_reply(audit, ccpa, "partial", None, ["h"])
    assert audit.db.execute("SELECT count(*) FROM request_replies").fetchone()[0] == 0


def test_no_answer_is_the_reminder_then_the_complaint(audit: Audit) -> None:
    request_id = tracker.record_request(
        audit, "meta", ["access"], "EU", "en", "email", date(2026, 12, 4)
    )
    req = tracker.get_request(audit, request_id)
    first = tracker.reply_letter_for(audit, req, "no_answer", today=date(2027, 1, 10))
    assert first.follow_up == FollowUp.REMINDER
    tracker.mark_reminder_sent(audit, request_id, date(2027, 1, 10))
    req = tracker.get_request(audit, request_id)
    second = tracker.reply_letter_for(audit, req, "no_answer", today=date(2027, 1, 30))
    assert second.follow_up == FollowUp.COMPLAINT
    assert second.authority is not None
    assert second.authority.key == "DE-BE"


# -- the command line --------------------------------------------------------------------------


@pytest.fixture
def audit_file(scanned: Path, tmp_path: Path) -> Path:
    path = copy_of(scanned, tmp_path)
    assert run(["identity", "--audit", str(path), "--name", "Jane Doe", "--address", "Main St 1",
                "--address", "10115 Berlin", "--email", "jane@example.org", "--suggest"]) == 0  # fmt: skip
    return path


def test_cli_writes_records_and_lists_the_answer(
    audit_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    audit = ["--audit", str(audit_file)]
    assert run(["letter", *audit, "--controller", "meta", "--out", str(tmp_path / "l.txt"),
                "--record", "--date", "2026-12-04", "--lang", "fr"]) == 0  # fmt: skip
    capsys.readouterr()
    out = tmp_path / "answer.txt"
    assert run(["requests", *audit, "--reply", "1", "--kind", "partial", "--missing", "b,copy",
                "--on", "2026-12-15", "--date", "2026-12-18", "--out", str(out), "--record",
                "--today", "2026-12-18"]) == 0  # fmt: skip
    printed = capsys.readouterr().out
    assert "Recorded their reply to request 1 and your answer; answer due 2027-01-04" in printed
    assert (
        "reply: partial answer (missing: b,copy) on 2026-12-15; follow-up sent on 2026-12-18, due 2027-01-04"
        in printed
    )
    letter = out.read_text(encoding="utf-8")
    assert "votre réponse du 15 décembre 2026" in letter
    assert "article 15, paragraphe 1, point b), du RGPD" in letter
    assert "expire le 4 janvier 2027" in letter
    with Audit.open(audit_file) as opened:
        assert tracker.get_request(opened, 1).replies[0].missing == ("b", "copy")


def test_cli_prints_without_out_and_records_nothing_without_record(
    audit_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    audit = ["--audit", str(audit_file)]
    assert run(["letter", *audit, "--controller", "meta", "--out", str(tmp_path / "l.txt"),
                "--record", "--date", "2026-12-04"]) == 0  # fmt: skip
    capsys.readouterr()
    assert run(["requests", *audit, "--reply", "1", "--kind", "other_channel",
                "--date", "2027-01-20", "--today", "2027-01-20"]) == 0  # fmt: skip
    printed = capsys.readouterr().out
    assert "Article 12(2) GDPR" in printed
    assert "your reply of" not in printed  # no date given, none written
    assert "ended on 4 January 2027; that deadline has passed" in printed
    assert "reply:" not in printed  # nothing recorded
    # No answer at all: the reminder, recorded the way reminders are.
    assert run(["requests", *audit, "--reply", "1", "--kind", "no_answer", "--record",
                "--date", "2027-01-20", "--today", "2027-01-20"]) == 0  # fmt: skip
    printed = capsys.readouterr().out
    assert "Reminder: my request of 4 December 2026" in printed
    assert "Recorded the reminder for request 1" in printed
    with Audit.open(audit_file) as opened:
        req = tracker.get_request(opened, 1)
        assert req.reminder_on == date(2027, 1, 20)
        assert req.replies == ()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--kind", "partial"], "--kind go with --reply ID"),
        (["--reply", "1"], "--reply needs --kind"),
        (["--reply", "1", "--kind", "no_answer", "--on", "2027-01-01"], "no answer has no date"),
        (["--reply", "1", "--kind", "partial"], "name what is missing"),
        (["--reply", "1", "--kind", "excessive", "--out", "x.doc"], "--out must end with"),
    ],
)
def test_cli_refuses_unfit_reply_options(
    audit_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str],
    message: str,
) -> None:  # fmt: skip
    audit = ["--audit", str(audit_file)]
    assert run(["letter", *audit, "--controller", "meta", "--out", str(tmp_path / "l.txt"),
                "--record", "--date", "2026-12-04"]) == 0  # fmt: skip
    capsys.readouterr()
    assert run(["requests", *audit, *args]) == 2
    assert message in capsys.readouterr().err


# -- the audit file ----------------------------------------------------------------------------


def _audit_at_version_6(path: Path) -> None:
    db = sqlite3.connect(path)
    for script in MIGRATIONS[: MIGRATIONS.index(requests_area.SCHEMA_7)]:
        for statement in statements(script):
            db.execute(statement)
    db.execute("PRAGMA user_version = 6")
    db.commit()
    db.close()
    path.chmod(0o600)


def test_an_older_audit_gains_the_replies_table(tmp_path: Path) -> None:
    path = tmp_path / "old.audit"
    _audit_at_version_6(path)
    with Audit.open(path) as audit:
        assert audit.db.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
        assert audit.replies() == []
        request_id = tracker.record_request(
            audit, "meta", ["access"], "EU", "en", "email", date(2026, 12, 4)
        )
        tracker.record_reply(audit, request_id, "excessive", date(2026, 12, 9))
        assert [r.kind for r in tracker.get_request(audit, request_id).replies] == ["excessive"]


def test_an_audit_holding_a_reply_the_tool_never_writes_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "sent.audit"
    with Audit.open(path) as audit:
        request_id = tracker.record_request(
            audit, "meta", ["access"], "EU", "en", "email", date(2026, 12, 4)
        )
        tracker.record_reply(audit, request_id, "partial", None, ["b"])
    db = sqlite3.connect(path)
    db.execute("UPDATE request_replies SET missing = 'b,zz', due_on = 'soon'")
    db.commit()
    db.close()
    with pytest.raises(EnvironmentProblem) as refused:
        Audit.open(path).close()
    assert "a reply's missing items the tool does not know" in str(refused.value)
    assert "a reply's date that is not a date" in str(refused.value)
    db = sqlite3.connect(path)
    with pytest.raises(sqlite3.IntegrityError):
        db.execute("UPDATE request_replies SET kind = 'whatever'")  # kinds are codes
    db.close()


def test_the_letter_command_points_a_reply_to_requests(
    audit_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = run(["letter", "--audit", str(audit_file), "--type", "reply", "--request", "1",
                "--out", "x.txt"])  # fmt: skip
    assert code == 2
    assert "requests --reply ID --kind KIND" in capsys.readouterr().err
