"""Where a scan's time goes: decode, each detection pass, landmarks, encoding, IPC, SQLite.

    uv run python bench/where_time_goes.py                  # the benchmark's mixed export
    uv run python bench/where_time_goes.py --groups test    # a large group-photo set

The photos are scanned in this process with one worker (``--workers 1``: the analysis runs
inline), each stage's functions wrapped to add up the time spent inside them, exclusive of
the stages nested in them. IPC is measured apart: the cost of pickling each photo's task and
its outcome through a pipe, as the worker pool does.
"""

from __future__ import annotations

import os

# One BLAS thread, as in a scan's workers (exposure_audit/__init__.py), set before numpy loads:
# the costs printed here are one worker's.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("OMP_NUM_THREADS", "1")

import argparse
import multiprocessing
import pickle
import random
import shutil
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from crowds import SHARED_FACES

TOTALS: dict[str, float] = defaultdict(float)
CALLS: dict[str, int] = defaultdict(int)
_STACK: list[list[Any]] = []  # [label, started, time spent in nested stages]


@contextmanager
def stage(label: str) -> Iterator[None]:
    _STACK.append([label, time.perf_counter(), 0.0])
    try:
        yield
    finally:
        name, started, nested = _STACK.pop()
        spent = time.perf_counter() - started
        TOTALS[name] += spent - nested
        CALLS[name] += 1
        if _STACK:
            _STACK[-1][2] += spent


def wrap(owner: Any, attribute: str, label: str | Callable[..., str]) -> None:
    original = getattr(owner, attribute)

    def timed(*args: Any, **kwargs: Any) -> Any:
        name = label(*args, **kwargs) if callable(label) else label
        with stage(name):
            return original(*args, **kwargs)

    setattr(owner, attribute, timed)


def instrument() -> None:
    from exposure_audit import imaging
    from exposure_audit.audit import store
    from exposure_audit.faces import analysis, detection, model_files, pointers
    from exposure_audit.scan import pipeline

    def read_label(data: bytes, **kwargs: Any) -> str:
        side = kwargs.get("work_side", imaging.DEFAULT_WORK_SIDE)
        return "decode" if side <= 1600 else "decode larger (closer look)"

    wrap(analysis, "read_image", read_label)
    wrap(analysis, "read_large", "decode larger (closer look)")
    wrap(detection, "downscaled", "search copy (resize)")

    def run_label(self: Any, pixels: Any, scale: float, upsample: int) -> str:
        side = max(pixels.shape[:2])
        return f"detect: {side} px{' enlarged' if upsample else ''}"

    wrap(detection._Passes, "run", run_label)
    wrap(pointers, "glance", "network's glance (what the first pass must cover)")
    wrap(pointers, "_network_spots", "network (where to look closer)")
    wrap(pointers, "_recheck", "network's second looks (places it was unsure of)")
    wrap(pointers, "_run", "cascade (where to look closer, without the network)")
    wrap(detection._Passes, "_look_at", "detect: patches the pointer shows")
    wrap(detection, "encode_face", "encoding")
    wrap(store.Audit, "record_item", "SQLite: record photo")
    wrap(store.Audit, "record_location", "SQLite: record place")
    wrap(store.Audit, "item_for_hash", "SQLite: look up photo")
    wrap(pipeline, "discover", "listing sources")

    get = model_files.get

    def get_model(name: str) -> Any:
        model = get(name)
        if name != "landmarks5":
            return model

        def landmarks(*args: Any) -> Any:
            with stage("landmarks"):
                return model(*args)

        return landmarks

    detection.model_files.get = get_model  # type: ignore[attr-defined]


def group_folder(name: str, folder: Path, count: int) -> tuple[list[Path], Path]:
    from group_photos import SETS, group_photos

    chosen = SETS[name]
    (folder / "photos").mkdir()
    for photo in group_photos(chosen, count):
        (folder / "photos" / photo.name).write_bytes(photo.data)
    return [SHARED_FACES / s for s in chosen.selfies], folder / "photos"


def mixed_folder(folder: Path) -> tuple[list[Path], Path]:
    import benchmark

    benchmark.build_export(folder, random.Random(7))
    return [SHARED_FACES / s for s in benchmark.SELFIES], folder / "export"


def _echo(end: Any) -> None:
    """The worker's side of the pipe: read a task, answer with an outcome."""
    from exposure_audit.faces.analysis import Outcome

    while True:
        message = end.recv_bytes()
        if not message:
            return
        task, _, _ = pickle.loads(message)
        outcome = Outcome(task.sha256, "JPEG", 4032, 3024, [((1, 2, 3, 4), 0.5)] * 4)
        end.send_bytes(pickle.dumps(outcome))


def ipc_cost(source: Path, selfies: list[Path]) -> tuple[float, int]:
    """Seconds to send every photo's task to another process and its outcome back, and the
    bytes sent, as the worker pool pickles them."""
    import numpy as np

    from exposure_audit.faces.analysis import AnalysisSettings, Task

    references = np.zeros((len(selfies), 128))
    here, there = multiprocessing.get_context("spawn").Pipe()
    worker = multiprocessing.get_context("spawn").Process(target=_echo, args=(there,))
    worker.start()
    here.send_bytes(pickle.dumps((Task("warm", b""), references, AnalysisSettings())))
    here.recv_bytes()
    spent, sent = 0.0, 0
    for path in sorted(source.rglob("*")):
        if not path.is_file():
            continue
        task = Task("0" * 64, path.read_bytes())
        started = time.perf_counter()
        message = pickle.dumps((task, references, AnalysisSettings()))
        here.send_bytes(message)
        pickle.loads(here.recv_bytes())
        spent += time.perf_counter() - started
        sent += len(message)
    here.send_bytes(b"")
    worker.join()
    return spent, sent


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--groups", choices=("tune", "test"), help="a large group-photo set")
    parser.add_argument("--count", type=int, default=9, help="group photos")
    args = parser.parse_args()
    from exposure_audit import actions
    from exposure_audit.audit.store import Audit
    from exposure_audit.faces.enrollment import Selfie, read_selfie
    from exposure_audit.scan.pipeline import Finished, ScanSettings, add_sources, scan

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        if args.groups:
            selfies, source = group_folder(args.groups, folder, args.count)
        else:
            selfies, source = mixed_folder(folder)
        photos = sum(1 for p in source.rglob("*") if p.is_file())
        with Audit.open(folder / "t.audit") as audit:
            chosen = [Selfie(*read_selfie(p), str(p)) for p in selfies]
            actions.enroll_selfies(audit, chosen)
            add_sources(audit, [str(source)])
            instrument()
            started = time.perf_counter()
            for event in scan(audit, ScanSettings(workers=1)):
                if isinstance(event, Finished):
                    analysed = event.analysed
            wall = time.perf_counter() - started
        ipc, sent = ipc_cost(source, selfies)
    shutil.rmtree(folder, ignore_errors=True)
    print(f"{photos} files ({analysed} photos analysed) in {wall:.2f} s, one process")
    print(f"{'stage':36}{'seconds':>9}{'share':>8}{'calls':>7}{'ms/photo':>10}")
    accounted = 0.0
    for label, seconds in sorted(TOTALS.items(), key=lambda item: -item[1]):
        accounted += seconds
        print(
            f"{label:36}{seconds:9.2f}{seconds / wall:8.1%}{CALLS[label]:7d}"
            f"{1000 * seconds / analysed:10.1f}"
        )
    rest = wall - accounted
    print(f"{'the rest (scan loop, hashing, events)':36}{rest:9.2f}{rest / wall:8.1%}")
    print(
        f"IPC (beside the scan): {ipc:.2f} s for {photos} photos' tasks and outcomes, "
        f"{sent / 2**20:.1f} MiB sent ({1000 * ipc / photos:.1f} ms/photo)"
    )


if __name__ == "__main__":
    main()
