"""One vocabulary: stored values, labels for the app, command-line choices and exit codes."""

from __future__ import annotations

import json
import sqlite3

import pytest

from exposure_audit.cli.main import build_parser
from exposure_audit.errors import UserMistake
from exposure_audit.rights.letters.request import REGION_OF
from exposure_audit.vocabulary import (
    LABELS,
    RIGHT_DESCRIPTIONS,
    Channel,
    Decision,
    ExitCode,
    FollowUp,
    Ground,
    Jurisdiction,
    Language,
    MissingItem,
    NextStep,
    Region,
    ReplyKind,
    RequestStage,
    RestrictionGround,
    Right,
    RunStatus,
    Word,
)

WORDS: list[type[Word]] = [
    Decision,
    Right,
    FollowUp,
    Ground,
    RestrictionGround,
    Language,
    Channel,
    Region,
    Jurisdiction,
    RequestStage,
    NextStep,
    RunStatus,
    ReplyKind,
    MissingItem,
]


def test_stored_values_are_the_strings_audits_already_hold() -> None:
    assert Decision.values() == ("me", "not_me", "undecided")
    assert Right.values() == ("access", "erasure", "restriction", "objection", "withdraw_consent")
    assert FollowUp.values() == ("reminder", "complaint", "reply")
    assert Ground.values() == ("a", "b", "c", "d", "f")
    assert Language.values() == ("en", "de", "nl", "fr")
    assert Channel.values() == ("email", "webform", "post")
    assert Region.values() == ("EEA", "UK", "US")
    assert Jurisdiction.values() == ("EU", "UK", "CCPA")
    assert RequestStage.values() == ("draft", "sent", "answered", "closed")
    assert RunStatus.values() == ("running", "finished", "cancelled", "failed", "interrupted")
    assert ReplyKind.values() == (
        "id_demanded",
        "excessive",
        "other_channel",
        "partial",
        "no_answer",
    )
    assert MissingItem.values() == ("a", "b", "c", "d", "e", "f", "g", "h", "copy")


def test_words_read_write_and_print_as_their_values() -> None:
    db = sqlite3.connect(":memory:")
    assert db.execute("SELECT ?", (Decision.NOT_ME,)).fetchone() == ("not_me",)
    assert json.dumps({"decision": Decision.ME}) == '{"decision": "me"}'
    assert f"{Right.ERASURE}|{Channel.POST:>6}" == "erasure|  post"
    assert str(Jurisdiction.CCPA) == "CCPA"
    assert {"me": 1}[Decision.ME] == 1
    assert {Decision.ME: 1}["me"] == 1


@pytest.mark.parametrize("words", WORDS, ids=lambda w: w.__name__)
def test_every_word_has_a_label(words: type[Word]) -> None:
    assert set(LABELS[words]) == set(words)
    for word in words:
        assert word.label.strip(), word
    assert set(RIGHT_DESCRIPTIONS) == set(Right)


def test_words_of_different_kinds_sharing_a_value_keep_their_own_labels() -> None:
    assert FollowUp.REMINDER == NextStep.REMINDER
    assert FollowUp.REMINDER.label == "Reminder"
    assert NextStep.REMINDER.label == "Send a reminder"
    assert RunStatus.FINISHED.label == "Done"


def test_parse_names_the_choices() -> None:
    assert Channel.parse("post", "channel") is Channel.POST
    with pytest.raises(UserMistake, match="unknown channel 'fax'; expected one of email, webform"):
        Channel.parse("fax", "channel")


def test_regions_and_jurisdictions_map_both_ways() -> None:
    for region in Region:
        assert region.jurisdiction.region is region
    assert REGION_OF == {"EU": "EEA", "UK": "UK", "CCPA": "US"}


def test_exit_codes() -> None:
    assert [int(code) for code in ExitCode] == [0, 1, 2, 3, 70, 130]
    assert ExitCode.INTERRUPTED == 128 + 2  # SIGINT, as shells report it


def test_command_line_choices_come_from_the_vocabulary() -> None:
    parser = build_parser()
    commands = next(a for a in parser._actions if a.dest == "command").choices
    assert commands is not None
    letter = {a.dest: a for a in commands["letter"]._actions}
    assert tuple(letter["lang"].choices or ()) == Language.values()
    assert tuple(letter["jurisdiction"].choices or ()) == Jurisdiction.values()
    assert tuple(letter["region"].choices or ()) == Region.values()
    assert tuple(letter["channel"].choices or ()) == Channel.values()
    requests = {a.dest: a for a in commands["requests"]._actions}
    assert tuple(requests["channel"].choices or ()) == Channel.values()
