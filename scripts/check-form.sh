#!/usr/bin/env bash
# Checks the offline survey form (wuyou form) in headless Chromium with scripts/check-form.py:
# it opens and saves every example, every fixture in Tests/Fixtures/surveys and a dozen generated
# surveys (same findings after saving), fills a blank form, tries invalid entries, reloads,
# opens hostile files, watches the network and the console, and runs axe-core.
#
#   scripts/check-form.sh [--keep DIR]
#
# --keep DIR also writes screenshots (1280 px, 390 px) and the printed blank form (PDF and PNG
# pages) to DIR, to be looked at.
# Environment: SCRATCH_PATH (swift build --scratch-path, default .build),
# WUYOU_HTMLCHECK_VENV (default /tmp/wuyou-htmlcheck, shared with check-reports.sh), PYTHON312.
# Installs what is missing: Debian packages (chromium chromium-driver, and poppler-utils for
# --keep) with apt-get, and the Python >= 3.12 venv of scripts/check-reports.sh.
# Exit status: 0 every check passes; 1 a check failed; 69 a tool could not be installed.
set -euo pipefail
cd "$(dirname "$0")/.."

keep=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --keep) keep="$2"; shift 2 ;;
    -h|--help) sed -n '2,15p' "$0"; exit 0 ;;
    *) echo "check-form.sh: unknown argument $1" >&2; exit 64 ;;
  esac
done
scratch="${SCRATCH_PATH:-.build}"
tool=check-form
source scripts/browser-tools.sh
packages=()
command -v chromium >/dev/null || packages+=(chromium)
command -v chromedriver >/dev/null || packages+=(chromium-driver)
[[ -z "$keep" ]] || command -v pdftoppm >/dev/null || packages+=(poppler-utils)
need_packages "${packages[@]}"
need_venv

# --- Build, generate, check --------------------------------------------------------------
swift build --scratch-path "$scratch" --product wuyou >&2
wuyou="$(swift build --scratch-path "$scratch" --show-bin-path)/wuyou"
generated="$(mktemp -d)"
trap 'rm -rf "$generated"' EXIT
python3 bench/generate-surveys.py "$generated" 12 7 >/dev/null

arguments=(--wuyou "$wuyou" --generated "$generated")
[[ -z "$keep" ]] || arguments+=(--out "$keep")
"$venv/bin/python" scripts/check-form.py "${arguments[@]}" examples/*.xml Tests/Fixtures/surveys/*.xml
