"""The user's actions, one copy for the command line and the app, on real selfies and audits."""

from __future__ import annotations

import logging
import stat
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest

from exposure_audit import actions
from exposure_audit.audit.store import Audit
from exposure_audit.cli.main import run
from exposure_audit.errors import EnvironmentProblem, UserMistake
from exposure_audit.faces.enrollment import Selfie
from exposure_audit.logs import configure_logging
from exposure_audit.rights import tracker
from exposure_audit.rights.evidence import build_letter, load_identity
from exposure_audit.storage import cache_dir_for, log_path
from exposure_audit.vocabulary import Decision, ExitCode, FollowUp, RequestChange
from tests.support.actionkit import IDENTITY, copy_of
from tests.support.photos import FACES, face_bytes

pytestmark = pytest.mark.slow


@pytest.fixture
def audit(platform_audit: Path, tmp_path: Path):
    with Audit.open(copy_of(platform_audit, tmp_path)) as opened:
        actions.save_identity(opened, IDENTITY)
        yield opened


def test_a_later_selfie_of_someone_else_is_not_enrolled(tmp_path: Path) -> None:
    with Audit.open(tmp_path / "a.audit") as audit:
        first = actions.enroll_selfies(
            audit, [Selfie(n, face_bytes(n)) for n in ("obama.jpg", "obama2.jpg")]
        )
        assert [r.usable for r in first] == [True, True]
        later = actions.enroll_selfies(audit, [Selfie("biden.jpg", face_bytes("biden.jpg"))])
        assert not later[0].usable
        assert later[0].disagrees  # the clear minority of three: set aside, kept with its verdict
        assert [r.label for r in audit.references()] == ["obama.jpg", "obama2.jpg"]


def test_the_command_line_checks_new_selfies_against_the_enrolled_ones(tmp_path: Path) -> None:
    path = tmp_path / "a.audit"
    mine = [str(FACES / "obama.jpg"), str(FACES / "obama2.jpg")]
    assert run(["enroll", "--audit", str(path), *mine]) == ExitCode.OK
    assert run(["enroll", "--audit", str(path), str(FACES / "biden.jpg")]) == ExitCode.FAILED
    with Audit.open(path) as audit:
        assert [r.label for r in audit.references()] == ["obama.jpg", "obama2.jpg"]


def test_one_shot_selfies_are_all_kept_or_none(tmp_path: Path) -> None:
    with Audit.open(tmp_path / "a.audit") as audit:
        selfies = [Selfie(n, face_bytes(n)) for n in ("obama.jpg", "obama2.jpg", "obama3.jpg")]
        reports = actions.enroll_selfies(
            audit, [*selfies, Selfie("x.jpg", b"not a photo")], all_or_nothing=True
        )
        assert [r.usable for r in reports] == [True, True, True, False]
        assert audit.references() == []


def test_decide_and_undo(audit: Audit) -> None:
    face = next(r for r in audit.findings() if r.decision is None).face_id
    actions.decide(audit, [face], Decision.NOT_ME)
    assert face in {r.face_id for r in audit.findings(decision=Decision.NOT_ME)}
    actions.decide(audit, [face], Decision.UNDECIDED)
    assert face in {r.face_id for r in audit.findings(decision=Decision.UNDECIDED)}


def test_record_a_letter_then_its_follow_ups(audit: Audit) -> None:
    sent = date.today() - timedelta(days=120)
    letter = build_letter(audit, "meta", ["erasure"], thumbnails=True, today=sent)
    assert letter.evidence
    assert letter.evidence[0].thumbnail_jpeg
    request_id = actions.record_letter(audit, letter, sent, "post")
    tracked = tracker.get_request(audit, request_id)
    assert (tracked.sent_on, tracked.channel, tracked.types) == (sent, "post", ("erasure",))
    assert all(row.thumbnail_jpeg is None for row in tracked.evidence)

    reminder = tracker.reminder_for(audit, tracked, sent + timedelta(days=60))
    assert reminder.follow_up == FollowUp.REMINDER
    with pytest.raises(UserMistake, match="belongs to a tracked request"):
        actions.record_letter(audit, reminder, reminder.letter_date)
    assert actions.record_letter(audit, reminder, reminder.letter_date, request_id=request_id) == (
        request_id
    )
    assert tracker.get_request(audit, request_id).reminder_on == reminder.letter_date


def test_change_a_request(audit: Audit) -> None:
    letter = build_letter(audit, "meta", ["access"], today=date(2027, 1, 4))
    request_id = actions.record_letter(audit, letter, date(2027, 1, 4))
    actions.change_request(audit, request_id, RequestChange.EXTENDED, date(2027, 1, 20))
    assert tracker.get_request(audit, request_id).extended_to == date(2027, 4, 5)
    actions.change_request(audit, request_id, RequestChange.ANSWERED, date(2027, 2, 1))
    actions.change_request(audit, request_id, RequestChange.CLOSED, date(2027, 2, 2))
    done = tracker.get_request(audit, request_id)
    assert (done.answered_on, done.closed_on, done.status) == (
        date(2027, 2, 1),
        date(2027, 2, 2),
        "closed",
    )
    with pytest.raises(UserMistake):
        actions.change_request(audit, 999, RequestChange.CLOSED, date(2027, 2, 2))


def test_save_identity_and_forget(audit: Audit, tmp_path: Path) -> None:
    assert load_identity(audit) == IDENTITY
    path = audit.path
    audit.close()
    removed = actions.forget(path)
    assert path in removed.removed
    assert not removed.left
    assert not path.exists()


def test_forget_removes_audit_journal_and_cache(tmp_path: Path) -> None:
    path = tmp_path / "a.audit"
    audit = Audit.open(path)
    audit.set_identity({"name": "Jane"})
    cache = cache_dir_for(path)
    cache.mkdir()
    (cache / "thumb.jpg").write_bytes(b"jpeg")
    audit.close()
    removed = actions.forget(path).removed
    assert path in removed
    assert not path.exists()
    assert not cache.exists()


def test_forget_is_refused_while_another_process_has_the_audit(tmp_path: Path) -> None:
    path = tmp_path / "a.audit"
    Audit.open(path).close()
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            f"from exposure_audit.audit.store import Audit; a = Audit.open({str(path)!r}); print('open', flush=True); input()",
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == "open"
        with pytest.raises(EnvironmentProblem, match="in use"):
            actions.forget(path)
        assert path.exists()
    finally:
        holder.communicate("\n", timeout=30)
    assert path in actions.forget(path).removed


def test_forget_also_clears_the_logs_and_logs_are_private(tmp_path: Path) -> None:
    root = logging.getLogger()
    earlier = [h for h in root.handlers if getattr(h, "_exposure_audit", False)]
    for handler in earlier:  # logging set up by an earlier test points at another home
        root.removeHandler(handler)
    configure_logging()
    ours = [h for h in root.handlers if getattr(h, "_exposure_audit", False)]
    try:
        logging.getLogger("test").warning("scanned /home/jane/Pictures/holiday.jpg")
        ours[0].flush()
        assert stat.S_IMODE(log_path().stat().st_mode) == 0o600
        path = tmp_path / "a.audit"
        Audit.open(path).close()
        actions.forget(path)
        assert not log_path().exists()
    finally:
        for handler in ours:
            root.removeHandler(handler)
            handler.close()
