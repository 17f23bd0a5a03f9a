"""The command line: enroll, scan, list findings, forget; letters and reports in action_parsers and action_commands."""

from __future__ import annotations

import argparse
import csv
import json
import logging
import signal
import sys
import threading
import time
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import replace
from pathlib import Path
from typing import Any, TextIO

from exposure_audit import __version__, actions, logs, storage
from exposure_audit.audit.store import Audit
from exposure_audit.audit.stored_values import checked_threshold
from exposure_audit.cli import action_parsers, workshop
from exposure_audit.cli import clean as clean_command
from exposure_audit.cli.options import add_audit_option
from exposure_audit.cli.usage import UsageError, said_yes
from exposure_audit.errors import BadData, EnvironmentProblem, UserMistake
from exposure_audit.escaping import csv_safe, terminal_safe
from exposure_audit.faces.enrollment import Selfie, SelfieReport, read_selfie
from exposure_audit.i18n import _, ngettext
from exposure_audit.i18n.formats import format_decimal, format_number
from exposure_audit.private_files import write_private
from exposure_audit.report.counts import counts_line, counts_of
from exposure_audit.report.findings import finding_dict
from exposure_audit.scan.pipeline import (
    Finished,
    ItemError,
    Progress,
    ScanSettings,
    add_sources,
    scan,
    start_workers,
)
from exposure_audit.vocabulary import ExitCode, RunStatus

log = logging.getLogger(__name__)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="exposure-audit",
        description=_(
            "Find where your own face appears in your own data exports. "
            "Everything stays on this computer."
        ),
        epilog=_(
            "With no command the app opens; `exposure-audit --workshop` opens it in workshop "
            "mode (a temporary audit per participant, offline, wiped after each one)."
        ),
    )
    parser.add_argument("--version", action="version", version=f"exposure-audit {__version__}")
    parser.add_argument("--smoke-test", action="store_true", help=argparse.SUPPRESS)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    enroll = commands.add_parser("enroll", help=_("add selfies of yourself as references"))
    add_audit_option(enroll)
    enroll.add_argument(
        "selfies", nargs="+", type=Path, metavar="SELFIE", help=_("photos of your own face")
    )
    _all_me_option(enroll)

    scan_cmd = commands.add_parser("scan", help=_("search folders and archives for your face"))
    add_audit_option(scan_cmd)
    scan_cmd.add_argument(
        "--selfie", action="append", type=Path, default=[], help=_("a selfie (repeatable)")
    )
    _all_me_option(scan_cmd)
    scan_cmd.add_argument(
        "--source", action="append", default=[], help=_("folder, photo or archive (repeatable)")
    )
    scan_cmd.add_argument(
        "--workers",
        type=_positive_int,
        default=None,
        help=_("worker processes (default: all cores)"),
    )
    scan_cmd.add_argument(
        "--detector",
        choices=("hog", "cnn"),
        default="hog",
        help=_("face detector: hog (fast, the default) or cnn (slower, finds more turned faces)"),
    )
    scan_cmd.add_argument(
        "--threshold", type=float, default=None, help=_("match threshold (default 0.6)")
    )
    scan_cmd.add_argument(
        "--online",
        action="store_true",
        help=_("also fetch the profile URLs added as sources (this goes online)"),
    )
    scan_cmd.add_argument(
        "--json", type=Path, metavar="OUT", help=_("write findings as JSON to OUT")
    )
    scan_cmd.add_argument("--quiet", action="store_true", help=_("no progress bar"))

    findings = commands.add_parser("findings", help=_("list the photos your face is in"))
    add_audit_option(findings)
    fmt = findings.add_mutually_exclusive_group()
    fmt.add_argument("--json", action="store_true", help=_("JSON on standard output"))
    fmt.add_argument("--csv", action="store_true", help=_("CSV on standard output"))
    findings.add_argument(
        "--threshold", type=float, default=None, help=_("match threshold (default: the audit's)")
    )

    forget = commands.add_parser("forget", help=_("wipe the audit and everything cached for it"))
    add_audit_option(forget)
    forget.add_argument("--yes", action="store_true", help=_("do not ask for confirmation"))

    guide = commands.add_parser("guide", help=_("how to request your data from each platform"))
    guide.add_argument("platform", nargs="?", help="facebook, instagram, google, x, tiktok, …")
    action_parsers.add_commands(commands)
    workshop.add_commands(commands)
    clean_command.add_commands(commands)
    return parser


def _all_me_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--all-me",
        action="store_true",
        help=_("these selfies are all of me (e.g. years apart): use every one with a clear face"),
    )


def _positive_int(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError(_("must be 1 or more"))
    return value


def run(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    logs.configure_logging()
    if args.smoke_test:
        from exposure_audit.smoke import smoke_test

        return smoke_test()
    if args.command is None:
        parser.print_help()
        return ExitCode.OK

    handlers = {
        "enroll": _enroll,
        "scan": _scan,
        "findings": _findings,
        "forget": _forget,
        "guide": _guide,
    }
    handlers.update(workshop.HANDLERS)
    handlers.update(clean_command.HANDLERS)
    handler = handlers.get(args.command) or action_parsers.HANDLERS[args.command]
    try:
        return int(handler(args))
    except (BadData, UserMistake) as exc:  # UsageError is one; anything else is a bug
        _error(str(exc))
        return ExitCode.BAD_INPUT
    except EnvironmentProblem as exc:
        _error(str(exc))
        return ExitCode.ENVIRONMENT
    except Exception:  # not the user's input nor the machine: say so, never blame the input
        log.exception("unexpected error in %s", args.command)
        _error(
            _("this is a bug in Exposure Audit; the details are in the log file {path}").format(
                path=storage.log_path()
            )
        )
        return ExitCode.BUG


def _error(message: str) -> None:
    print(
        _("exposure-audit: error: {message}").format(message=terminal_safe(message)),
        file=sys.stderr,
    )


def _open(args: argparse.Namespace) -> Audit:
    return Audit.open(args.audit or storage.default_audit_path())


def _enroll(args: argparse.Namespace) -> int:
    with _open(args) as audit:
        usable = enroll(audit, args.selfies, sys.stdout, all_me=args.all_me)
    return ExitCode.OK if usable else ExitCode.FAILED


def enroll(audit: Audit, selfies: list[Path], out: TextIO, *, all_me: bool = False) -> int:
    """Assess selfies, store every verdict, print one each; returns how many of them are used."""
    reports = actions.enroll_selfies(audit, _read_selfies(selfies), all_me=all_me)
    for report in reports:
        _print_verdict(report, out)
    return sum(1 for report in reports if report.usable)


def _read_selfies(selfies: list[Path]) -> list[Selfie]:
    read = [(path, read_selfie(path)) for path in selfies]
    return [Selfie(name, data, str(path.resolve())) for path, (name, data) in read]


def _print_verdict(report: SelfieReport, out: TextIO) -> None:
    verdict = _("{name}: ok") if report.usable else _("{name}: not used")
    print(terminal_safe(verdict.format(name=report.name)), file=out)
    for line in report.verdict_lines:
        print(terminal_safe(f"  - {line}"), file=out)


def _scan(args: argparse.Namespace) -> int:
    with _open(args) as audit:
        if args.threshold is not None:
            audit.set_threshold(args.threshold)
        add_sources(audit, args.source)
        if not audit.sources():
            raise UsageError(_("nothing to scan: add a folder or archive with --source"))
        settings = ScanSettings(detector=args.detector, online=args.online)
        if args.workers:
            settings = replace(settings, workers=args.workers)
        _note_offline_urls(audit, args.online)
        selfies = _read_selfies(args.selfie)
        # Worker processes load their models while new selfies are assessed.
        workers = start_workers(settings) if actions.needs_assessment(audit, selfies) else None
        try:
            _enroll_selfies(audit, selfies, all_me=args.all_me, quiet=args.quiet)
        except BaseException:
            if workers is not None:
                workers.shutdown(cancel_futures=True)
            raise
        finished = _drive_scan(audit, settings, quiet=args.quiet, workers=workers)
        if args.json:
            _write_json(args.json, [finding_dict(r) for r in audit.findings()])
    return ExitCode.INTERRUPTED if finished.status == RunStatus.CANCELLED else ExitCode.OK


def _note_offline_urls(audit: Audit, online: bool) -> None:
    urls = [s.path for s in audit.sources() if s.kind == "url"]
    if urls and not online:
        print(
            ngettext(
                "Not fetching {n} profile URL: the scan stays offline unless you add --online.",
                "Not fetching {n} profile URLs: the scan stays offline unless you add --online.",
                len(urls),
            ).format(n=format_number(len(urls))),
            file=sys.stderr,
        )


def _enroll_selfies(audit: Audit, selfies: list[Selfie], *, all_me: bool, quiet: bool) -> None:
    """Assess and store the one-shot form's selfies; any that is not used stops the command.

    Selfies assessed before (same bytes) are not assessed again.
    """
    if not selfies:
        return
    reports, others = actions.judge(audit, selfies, all_me=all_me)
    bad = [r for r in reports + others if not r.usable]
    if bad:
        if bad[0].disagrees:
            refused = _("selfie {name}: {remark} (if they are all you, add --all-me)")
        else:
            refused = _("selfie {name}: {remark}")
        raise UsageError(refused.format(name=bad[0].name, remark=bad[0].verdict_lines[0]))
    for report in others + reports:
        actions.keep(audit, report)
        if not quiet:
            for note in report.notes:
                said = _("selfie {name}: {remark}").format(name=report.name, remark=note.words)
                print(terminal_safe(said), file=sys.stderr)


def _drive_scan(
    audit: Audit, settings: ScanSettings, quiet: bool, workers: ProcessPoolExecutor | None = None
) -> Finished:
    stop = threading.Event()
    interrupts = 0

    def on_interrupt(_signum: int, _frame: object) -> None:
        nonlocal interrupts
        interrupts += 1
        if interrupts > 1:
            raise KeyboardInterrupt
        stop.set()
        print(
            "\n" + _("Stopping after the photos in progress; what is done is kept."),
            file=sys.stderr,
        )

    previous = signal.signal(signal.SIGINT, on_interrupt)
    bar = ProgressBar(sys.stderr, enabled=not quiet and sys.stderr.isatty())
    finished: Finished | None = None
    try:
        for event in scan(audit, settings, cancelled=stop.is_set, workers=workers):
            if isinstance(event, Progress):
                bar.update(event)
            elif isinstance(event, ItemError):
                skipped = _("skipped {location}: {problem}")
                bar.message(
                    terminal_safe(skipped.format(location=event.location, problem=event.message))
                )
            elif isinstance(event, Finished):
                finished = event
    finally:
        signal.signal(signal.SIGINT, previous)
        bar.close()
    assert finished is not None
    if not quiet:
        print(finished_line(finished) + counts_line(counts_of(audit.findings())), file=sys.stderr)
    return finished


def finished_line(finished: Finished) -> str:
    """What a scan did, in one line (each count in its own plural form)."""
    files = ngettext("{n} file checked", "{n} files checked", finished.seen)
    photos = ngettext("{n} photo looked at anew", "{n} photos looked at anew", finished.analysed)
    problems = ngettext("{n} problem", "{n} problems", finished.problems)
    return _("{files}, {photos}, {problems} in {seconds} s ({status}); ").format(
        files=files.format(n=format_number(finished.seen)),
        photos=photos.format(n=format_number(finished.analysed)),
        problems=problems.format(n=format_number(finished.problems)),
        seconds=format_decimal(finished.seconds, 2),
        status=finished.status,
    )


class ProgressBar:
    """A one-line progress bar with photos per second and time left."""

    def __init__(self, stream: TextIO, enabled: bool) -> None:
        self.stream = stream
        self.enabled = enabled
        self.last = 0.0

    def update(self, progress: Progress) -> None:
        now = time.monotonic()
        if not self.enabled or now - self.last < 0.2:
            return
        self.last = now
        width = 30
        total = max(progress.total, 1)
        filled = int(width * min(progress.done, total) / total)
        eta = "--:--" if progress.eta_seconds is None else _clock(progress.eta_seconds)
        figures = _("{done}/{total} {rate}/s ETA {eta} matches {matches}").format(
            done=progress.done,
            total=progress.total,
            rate=format_decimal(progress.rate, 1).rjust(5),
            eta=eta,
            matches=progress.matches,
        )
        self.stream.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {figures}  ")
        self.stream.flush()

    def message(self, text: str) -> None:
        if self.enabled:
            self.stream.write("\r\033[K")
        print(text, file=self.stream)

    def close(self) -> None:
        if self.enabled:
            self.stream.write("\n")


def _clock(seconds: float) -> str:
    minutes, secs = divmod(int(seconds), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes:02d}:{secs:02d}"


def findings_document(findings: list[dict[str, Any]]) -> dict[str, Any]:
    """The scan's JSON: the exposure score beside the findings."""
    from exposure_audit.score import score_of_findings

    return {"exposure": score_of_findings(findings).as_dict(), "findings": findings}


def _write_json(path: Path, findings: list[dict[str, Any]]) -> None:
    try:
        document = findings_document(findings)
        write_private(path, json.dumps(document, indent=2, ensure_ascii=False))
    except OSError as exc:
        raise EnvironmentProblem(
            _("cannot write {path}: {reason}").format(path=path, reason=exc.strerror)
        ) from exc


CSV_FIELDS = [
    "source",
    "location",
    "distance",
    "band",
    "box",
    "decision",
    "platform",
    "kind",
    "taken_at",
    "url",
]


def _findings(args: argparse.Namespace) -> int:
    if args.threshold is not None:
        checked_threshold(args.threshold)  # as a scan's --threshold is checked
    with _open(args) as audit:
        rows = [finding_dict(r) for r in audit.findings(threshold=args.threshold)]
    if args.json:
        json.dump(findings_document(rows), sys.stdout, indent=2, ensure_ascii=False)
        print()
    elif args.csv:
        writer = csv.DictWriter(sys.stdout, CSV_FIELDS, extrasaction="ignore")
        writer.writeheader()
        for row in rows:
            cells = {**row, "box": " ".join(map(str, row["box"]))}
            writer.writerow({key: csv_safe(value) for key, value in cells.items()})
    else:
        for row in rows:
            where = row.get("platform") or "-"
            line = f"{row['band']:8} {row['distance']:.3f}  {where:10} {row['location']}"
            print(terminal_safe(line))
        print(counts_line(counts_of(rows)), file=sys.stderr)
    return ExitCode.OK


def _forget(args: argparse.Namespace) -> int:
    path = args.audit or storage.default_audit_path()
    if not args.yes:
        if not sys.stdin.isatty():
            raise UsageError(_("forget needs --yes when not run interactively"))
        answer = input(
            _(
                "Delete the audit {path}, its selfie references, cached thumbnails and the logs?"
                " [y/N] "
            ).format(path=path)
        )
        if not said_yes(answer):
            print(_("Nothing deleted."))
            return ExitCode.FAILED
    result = actions.forget(path)
    removed = len(result.removed)
    print(
        ngettext("Forgotten: {n} file removed.", "Forgotten: {n} files removed.", removed).format(
            n=format_number(removed)
        )
    )
    for left, reason in result.left:
        not_removed = _("Not removed: {path}: {reason}")
        print(not_removed.format(path=terminal_safe(str(left)), reason=reason), file=sys.stderr)
    return ExitCode.ENVIRONMENT if result.left else ExitCode.OK


def _guide(args: argparse.Namespace) -> int:
    from exposure_audit.sources.guide import GUIDES, guide_text, overview_text, platform_guide

    if not args.platform:
        print(overview_text())
        return ExitCode.OK
    found = platform_guide(args.platform)
    if found is None:
        known = ", ".join(g.key for g in GUIDES)
        raise UsageError(
            _("no guide for {platform!r}; known platforms: {known}").format(
                platform=args.platform, known=known
            )
        )
    print(guide_text(found))
    return ExitCode.OK
