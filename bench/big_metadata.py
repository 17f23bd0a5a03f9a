"""Benchmark: an export whose metadata file is huge but empty, as a hostile export would send.

    uv run python bench/big_metadata.py [--records 4000000]

A small zip holds an Instagram ``posts_1.json`` of ``[{}, {}, ...]`` (4,000,000 records is 12 MB,
compressed to a few KB). Reading the export's contexts must stay linear and cheap per record.
"""

from __future__ import annotations

import argparse
import resource
import tempfile
import time
import zipfile
from pathlib import Path

from exposure_audit.exports.grouping import read_contexts
from exposure_audit.sources.containers import Limits, discover


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--records", type=int, default=4_000_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "instagram-jdoe-20240101.zip"
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
            posts = b"[" + b"{}," * args.records + b"{}]"
            archive.writestr("your_instagram_activity/content/posts_1.json", posts)
            archive.writestr("media/posts/202401/a.jpg", b"\xff\xd8\xff\xe0" + bytes(100))
        started = time.perf_counter()
        exports = list(discover(path, Limits(), lambda *_: None))
        read_contexts([(0, e) for e in exports], lambda *_: None)
        seconds = time.perf_counter() - started
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(
            f"{args.records:,} empty records ({len(posts) / 2**20:.1f} MiB of JSON in a"
            f" {path.stat().st_size / 1024:.0f} KiB zip): {seconds:.1f} s, peak {peak:.0f} MiB"
        )


if __name__ == "__main__":
    main()
