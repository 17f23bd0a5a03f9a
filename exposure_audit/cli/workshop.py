"""Command line for workshops: `demo` writes the sample persona's selfies and exports."""

from __future__ import annotations

import argparse
import shlex
from pathlib import Path
from typing import Any

from exposure_audit.i18n import _
from exposure_audit.vocabulary import ExitCode


def add_commands(commands: Any) -> None:
    """Add the ``demo`` subcommand."""
    demo = commands.add_parser(
        "demo", help=_("write sample selfies and exports of an invented persona, to try the tool")
    )
    demo.add_argument("--out", type=Path, required=True, help=_("a new or empty folder"))


def demo(args: argparse.Namespace) -> int:
    """Write the demo persona, tell its story and the command that scans it."""
    from exposure_audit.demo import write_demo

    written = write_demo(args.out)
    print((written.root / "README.txt").read_text(encoding="utf-8"))
    command = ["exposure-audit", "scan", "--audit", str(written.root / "demo.audit")]
    for selfie in written.selfies:
        command += ["--selfie", str(selfie)]
    for source in written.sources:
        command += ["--source", str(source)]
    scan_it = shlex.join([*command, "--json", str(written.root / "findings.json")])
    print(_("Scan it with:") + "\n  " + scan_it)
    return ExitCode.OK


HANDLERS = {"demo": demo}
