"""Command line for clean copies: `clean PHOTO_OR_FOLDER… --out DIR`."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any, TextIO

from exposure_audit import actions, storage
from exposure_audit.clean import CleanResult, Plan, clean_files, plan_copies
from exposure_audit.cli.options import add_audit_option
from exposure_audit.cli.usage import UsageError, said_yes
from exposure_audit.escaping import terminal_safe
from exposure_audit.i18n import _, ngettext
from exposure_audit.vocabulary import BlurMode, ExitCode

SHOWN_EXISTING = 5


def add_commands(commands: Any) -> None:
    """Add the ``clean`` subcommand."""
    clean = commands.add_parser(
        "clean",
        help=_("write copies of photos without metadata, other people's faces blurred"),
        description=_(
            "Write a clean copy of each photo into DIR: all metadata removed (GPS, "
            "camera, dates, XMP, IPTC, text), turned upright, and other people's faces blurred "
            "beyond recognition. The originals are only read. Videos are not cleaned yet."
        ),
    )
    clean.add_argument(
        "photos",
        nargs="+",
        type=Path,
        metavar="PHOTO_OR_FOLDER",
        help=_("photos, or folders of photos, to copy clean (the originals are not changed)"),
    )
    clean.add_argument("--out", type=Path, required=True, metavar="DIR", help=_("where copies go"))
    clean.add_argument(
        "--blur",
        choices=BlurMode.values(),
        default=BlurMode.OTHERS.value,
        help=_("others (default): every face but yours; all: yours too; none: no face"),
    )
    add_audit_option(clean, _("audit whose selfies tell your face from others"))
    clean.add_argument(
        "--overwrite", action="store_true", help=_("replace copies already in DIR without asking")
    )
    clean.add_argument("--json", action="store_true", help=_("JSON on standard output"))


def clean(args: argparse.Namespace) -> int:
    """Clean every photo named or inside the folders named; one line (or JSON object) each."""
    if args.audit is not None and not args.audit.exists():
        raise UsageError(_("no audit at {path}").format(path=args.audit))
    blur = BlurMode.parse(args.blur, "blur")
    plan = plan_copies(args.photos, args.out)
    if not plan.photos:
        raise UsageError(_("no photos found in what was named"))
    overwrite = args.overwrite or _may_overwrite(plan)
    if overwrite is None:
        return ExitCode.FAILED
    options = actions.clean_options(blur, args.audit or storage.default_audit_path())
    results = []
    for result in clean_files(plan, options, overwrite=overwrite):
        results.append(result)
        if not args.json:
            _print_result(result, sys.stdout)
    if args.json:
        json.dump(clean_document(results), sys.stdout, indent=2, ensure_ascii=False)
        print()
    else:
        _print_total(results, sys.stderr)
    return ExitCode.OK if all(r.ok for r in results) else ExitCode.BAD_INPUT


def _may_overwrite(plan: Plan) -> bool | None:
    """False when nothing is in the way; asks when copies exist (None: declined).

    Raises:
        UsageError: copies exist and there is no one to ask.
    """
    existing = plan.existing
    if not existing:
        return False
    names = ", ".join(terminal_safe(p.name) for p in existing[:SHOWN_EXISTING])
    more = "…" if len(existing) > SHOWN_EXISTING else ""
    if not sys.stdin.isatty():
        raise UsageError(
            ngettext(
                "%(n)d copy is already in the output folder (%(names)s): "
                "add --overwrite to replace it, or choose another --out",
                "%(n)d copies are already in the output folder (%(names)s): "
                "add --overwrite to replace them, or choose another --out",
                len(existing),
            )
            % {"n": len(existing), "names": names + more}
        )
    answer = input(
        ngettext(
            "Replace %(n)d file already in the output folder (%(names)s)? [y/N] ",
            "Replace %(n)d files already in the output folder (%(names)s)? [y/N] ",
            len(existing),
        )
        % {"n": len(existing), "names": names + more}
    )
    if said_yes(answer):
        return True
    print(_("Nothing written."))
    return None


def _print_result(result: CleanResult, out: TextIO) -> None:
    where = result.target or result.source
    print(terminal_safe(f"{where}: {result.summary()}"), file=out)


def _print_total(results: list[CleanResult], out: TextIO) -> None:
    done = sum(1 for r in results if r.ok)
    line = ngettext("%(n)d clean copy written", "%(n)d clean copies written", done) % {"n": done}
    problems = len(results) - done
    if problems:
        line += ngettext("; %(n)d photo not cleaned", "; %(n)d photos not cleaned", problems) % {
            "n": problems
        }
    print(line, file=out)


def clean_document(results: list[CleanResult]) -> dict[str, Any]:
    """The JSON form: one object per photo, and the counts."""
    return {
        "cleaned": sum(1 for r in results if r.ok),
        "problems": sum(1 for r in results if not r.ok),
        "photos": [r.as_dict() for r in results],
    }


HANDLERS = {"clean": clean}
