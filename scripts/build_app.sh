#!/usr/bin/env bash
# Build the one-folder app with PyInstaller and prove it works: scripts/build_app.sh
# Result: dist/exposure-audit/ (exposure-audit, exposure-audit-gui, bundled models and data).
set -euo pipefail
cd "$(dirname "$0")/.."

uv run --group build pyinstaller build.spec --noconfirm

app="dist/exposure-audit/exposure-audit"
[ -x "$app.exe" ] && app="$app.exe"
echo "== size: $(du -sh dist/exposure-audit | cut -f1)"
echo "== $app --version"
"$app" --version
echo "== $app --smoke-test"
"$app" --smoke-test

# A real scan through the frozen command line, with worker processes, in a throwaway home.
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir "$work/photos"
cp tests/data/faces/obama2.jpg tests/data/faces/biden.jpg "$work/photos/"
echo "== frozen scan with 2 workers"
EXPOSURE_AUDIT_HOME="$work/home" "$app" scan --audit "$work/a.audit" \
    --selfie tests/data/faces/obama.jpg --source "$work/photos" --workers 2 --quiet \
    --json "$work/findings.json"
grep -q '"obama2.jpg"' "$work/findings.json" || { echo "frozen scan found nothing"; exit 1; }
echo "== frozen app OK"
