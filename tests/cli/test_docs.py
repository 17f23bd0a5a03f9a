"""Every command and option of the command line is documented in the README."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from exposure_audit.cli.main import build_parser
from scripts.cli_reference import commands, names, options, reference

README = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
BEGIN = "<!-- command reference: uv run python scripts/cli_reference.py -->"
END = "<!-- end of command reference -->"
PROGRAM = build_parser()
COMMANDS = commands(PROGRAM)
PARSERS = {PROGRAM.prog: PROGRAM, **{f"{PROGRAM.prog} {n}": p for n, p in COMMANDS.items()}}
WRITTEN = README.split(BEGIN, 1)[-1].split(END, 1)[0]
# The reference's block of each command, by its heading (`exposure-audit scan`: ...).
BLOCKS = dict(re.findall(r"^`([^`]+)`:(.*?)(?=^`|\Z)", WRITTEN, re.MULTILINE | re.DOTALL))


def test_the_readme_holds_the_reference_of_every_command_and_option() -> None:
    assert BEGIN in README
    assert END in README
    assert WRITTEN.strip() == reference().strip(), (
        "run scripts/cli_reference.py and paste its output"
    )


@pytest.mark.parametrize("command", sorted(PARSERS))
def test_every_option_is_written_in_the_block_of_its_command(command: str) -> None:
    """Read from the parser itself, so an option the reference script skips is found too."""
    block = BLOCKS.get(command)
    assert block is not None, f"no block for `{command}` in the README's command reference"
    missing = [
        name
        for action in options(PARSERS[command])
        if action.option_strings or command != PROGRAM.prog  # the program's COMMAND: the blocks
        for name in names(action)
        if f"`{name}`" not in block
    ]
    assert missing == [], f"{command}: {missing}"


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_every_command_and_option_says_what_it_does(command: str) -> None:
    parser = COMMANDS[command]
    undocumented = [a.dest for a in options(parser) if not (a.help or "").strip()]
    assert undocumented == [], f"{command}: {undocumented}"


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_every_command_is_shown_in_an_example(command: str) -> None:
    examples = README.split(BEGIN, 1)[0]
    assert f"exposure-audit {command}" in examples, command
