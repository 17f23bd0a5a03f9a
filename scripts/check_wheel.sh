#!/usr/bin/env bash
# Build the wheel, install it in a fresh virtual environment and run it: scripts/check_wheel.sh
set -euo pipefail
cd "$(dirname "$0")/.."
root="$(pwd)"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
uv build --wheel --out-dir "$work/dist"
wheel="$(ls "$work"/dist/exposure_audit-*.whl)"
echo "== built $(basename "$wheel")"

uv venv --quiet --python "${PYTHON:-3.11}" "$work/venv"
# dlib-bin ships the same module as dlib, prebuilt: never let a resolver pick dlib and compile it.
echo "dlib ; sys_platform == 'never'" > "$work/overrides.txt"
VIRTUAL_ENV="$work/venv" uv pip install --quiet --override "$work/overrides.txt" "$wheel"
bin="$work/venv/bin"
[ -d "$work/venv/Scripts" ] && bin="$work/venv/Scripts"

echo "== exposure-audit --version"
"$bin/exposure-audit" --version
echo "== exposure-audit --smoke-test"
EXPOSURE_AUDIT_HOME="$work/home" "$bin/exposure-audit" --smoke-test
echo "== scan of a test photo against itself"
cd "$work"  # away from the source tree, so only the installed package can be imported
EXPOSURE_AUDIT_HOME="$work/home" "$bin/exposure-audit" scan --audit "$work/a.audit" \
    --selfie "$root/tests/data/faces/obama.jpg" --source "$root/tests/data/faces/obama.jpg" \
    --workers 1 --quiet --json "$work/findings.json"
python3 - "$work/findings.json" <<'PY'
import json, sys
findings = json.load(open(sys.argv[1]))["findings"]
assert len(findings) == 1 and findings[0]["distance"] < 0.3, findings
print(f"one finding, distance {findings[0]['distance']:.3f}, band {findings[0]['band']}")
PY
echo "== wheel OK"
