"""Print the command line's reference for the README: every command, every option, its help."""

from __future__ import annotations

import argparse

from exposure_audit.cli.main import build_parser


def commands(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    """The subcommands of ``parser``, by name."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    return {}


def options(parser: argparse.ArgumentParser) -> list[argparse.Action]:
    """The documented arguments of one command, positional ones included."""
    return [
        action
        for action in parser._actions
        if action.help != argparse.SUPPRESS and not isinstance(action, argparse._HelpAction)
    ]


def names(action: argparse.Action) -> list[str]:
    """How an argument is written: its option strings, long ones first, or its placeholder."""
    if action.option_strings:
        return sorted(action.option_strings, key=lambda o: not o.startswith("--"))
    return [str(action.metavar or action.dest).upper()]


def _name(action: argparse.Action) -> str:
    return "`, `".join(names(action))


def reference() -> str:
    """The README's command reference, one block per command."""
    program = build_parser()
    lines = [f"`{program.prog}`: {program.description}", ""]
    for action in options(program):
        if action.option_strings:  # the command is the block below
            lines.append(f"- `{_name(action)}`: {action.help}")
    lines.append("")
    for name, parser in commands(program).items():
        lines += [f"`exposure-audit {name}`: {parser.description or _help(name)}", ""]
        for action in options(parser):
            lines.append(f"- `{_name(action)}`: {(action.help or '').replace('%%', '%')}")
        lines.append("")
    return "\n".join(lines)


def _help(name: str) -> str:
    for action in build_parser()._actions:
        if isinstance(action, argparse._SubParsersAction):
            for choice in action._choices_actions:
                if choice.dest == name:
                    return str(choice.help)
    return ""


if __name__ == "__main__":
    print(reference())
