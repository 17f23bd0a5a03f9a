"""Every command and option of the command line is documented in the README."""

from __future__ import annotations

from pathlib import Path

import pytest

from exposure_audit.cli.main import build_parser
from scripts.cli_reference import commands, options, reference

README = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
BEGIN = "<!-- command reference: uv run python scripts/cli_reference.py -->"
END = "<!-- end of command reference -->"
COMMANDS = commands(build_parser())


def test_the_readme_holds_the_reference_of_every_command_and_option() -> None:
    assert BEGIN in README
    assert END in README
    written = README.split(BEGIN, 1)[1].split(END, 1)[0].strip()
    assert written == reference().strip(), "run scripts/cli_reference.py and paste its output"


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_every_command_and_option_says_what_it_does(command: str) -> None:
    parser = COMMANDS[command]
    undocumented = [a.dest for a in options(parser) if not (a.help or "").strip()]
    assert undocumented == [], f"{command}: {undocumented}"


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_every_command_is_shown_in_an_example(command: str) -> None:
    examples = README.split(BEGIN, 1)[0]
    assert f"exposure-audit {command}" in examples, command
