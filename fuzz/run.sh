#!/usr/bin/env bash
# Run each fuzz target for a bounded time: fuzz/run.sh [seconds per target] [target ...]
# Targets: archive tar image exports video. Crashes land in build/fuzz/<target>/crashes/.
# The exports target logs adapter exceptions to build/fuzz/exports/adapter-errors/ and only
# stops on one that escapes read_export; FUZZ_STRICT_ADAPTERS=1 stops on the first of either.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
shift || true
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(archive tar image exports video)
status=0
for target in "${targets[@]}"; do
    work="build/fuzz/$target"
    mkdir -p "$work/corpus" "$work/crashes"
    uv run --group fuzz python fuzz/seeds.py "$target" "$work/seeds"
    echo "== fuzzing $target for ${seconds}s"
    if ! uv run --group fuzz python "fuzz/fuzz_$target.py" "$work/corpus" "$work/seeds" \
        -max_total_time="$seconds" -timeout=20 -rss_limit_mb=3072 -max_len=65536 \
        -artifact_prefix="$work/crashes/" -print_final_stats=1; then
        echo "!! $target: crash found; see $work/crashes/"
        status=1
    fi
done
exit $status
