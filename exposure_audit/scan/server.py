"""The server a scan's worker processes are forked from, startable before anything heavy loads.

Starting it as soon as a scan is known to come lets it import the analysis code and load the
models (about 0.4 s) on one core while the command line imports its own (as long) on the
other. This module imports nothing of the tool's.
"""

from __future__ import annotations

import multiprocessing
import multiprocessing.context
import multiprocessing.forkserver
import os
import sys
from collections.abc import Sequence

# What the server imports before it forks any worker.
PRELOAD = ["exposure_audit.scan.server_guard", "exposure_audit.scan.preload"]


def default_workers() -> int:
    """One worker process per core this process may run on: the app and the command line alike."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)


def worker_context() -> multiprocessing.context.BaseContext:
    """Fork workers from a clean server that has imported the analysis code and loaded the
    models once (where the system has one); otherwise start each afresh. Never a plain fork:
    the app's threads make that unsafe."""
    if "forkserver" not in multiprocessing.get_all_start_methods() or getattr(sys, "frozen", False):
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(PRELOAD)
    return context


def start_server() -> None:
    """Start the server now, where there is one, unless it runs already. Called on the main
    thread: the server ends with the thread that starts it."""
    if worker_context().get_start_method() == "forkserver":
        multiprocessing.forkserver.ensure_running()


def start_early_for(args: Sequence[str]) -> None:
    """Start the server if the command line ``args`` ask for a scan with worker processes.

    Read loosely: a command line argparse refuses later just starts nothing (or a server that
    ends with the process)."""
    if not args or args[0] != "scan":
        return
    workers = default_workers()
    for index, arg in enumerate(args):
        value = None
        if arg == "--workers" and index + 1 < len(args):
            value = args[index + 1]
        elif arg.startswith("--workers="):
            value = arg.partition("=")[2]
        if value is not None:
            workers = int(value) if value.isdigit() else 0
    if workers > 1:
        start_server()
