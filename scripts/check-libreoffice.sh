#!/usr/bin/env bash
# Checks survey workbooks against LibreOffice Calc, which CI may not have:
#  1. converts Tests/WuyouWorkbookTests/Fixtures/examples.xlsx (the example surveys as wuyou
#     writes them) through `soffice --headless --convert-to xlsx`, imports both files with
#     `wuyou import` and requires byte-identical surveys;
#  2. converts the blank template (`wuyou import --template`) the same way and requires that
#     it imports to no survey with exit status 0;
#  3. renders the template to PDF and PNG pages (pdftoppm), to look at.
#
#   scripts/check-libreoffice.sh [--update] [--keep DIR]
#
# --update copies the converted examples over Fixtures/examples.libreoffice.xlsx (the committed
# copy the Swift tests import). --keep DIR keeps the files (and the PNG pages) in DIR.
# Environment: SCRATCH_PATH (swift build --scratch-path, default .build).
# Exit status: 0 pass; 1 a check failed; 69 soffice is not installed
# (apt-get install libreoffice-calc-nogui poppler-utils).
set -euo pipefail
cd "$(dirname "$0")/.."

update=0
keep=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --update) update=1; shift ;;
    --keep) keep="$2"; shift 2 ;;
    -h|--help) sed -n '2,17p' "$0"; exit 0 ;;
    *) echo "check-libreoffice.sh: unknown argument $1" >&2; exit 64 ;;
  esac
done
command -v soffice >/dev/null || { echo "check-libreoffice: soffice not found (apt-get install libreoffice-calc-nogui)" >&2; exit 69; }

scratch="${SCRATCH_PATH:-.build}"
swift build --scratch-path "$scratch" --product wuyou >/dev/null
wuyou="$(swift build --scratch-path "$scratch" --show-bin-path)/wuyou"

work="${keep:-$(mktemp -d)}"
mkdir -p "$work"
[[ -n "$keep" ]] || trap 'rm -rf "$work"' EXIT
# A private LibreOffice profile: no clash with a running instance, nothing left in $HOME.
convert() { soffice -env:UserInstallation="file://$work/profile" --headless --convert-to "$1" --outdir "$2" "$3" >/dev/null 2>&1; }

fixture=Tests/WuyouWorkbookTests/Fixtures/examples.xlsx
convert xlsx "$work/libreoffice" "$fixture"
"$wuyou" import "$fixture" --out "$work/ours" >/dev/null
"$wuyou" import "$work/libreoffice/examples.xlsx" --out "$work/theirs" >/dev/null
diff -r "$work/ours" "$work/theirs"
echo "check-libreoffice: examples.xlsx saved by LibreOffice imports to the same $(ls "$work/ours" | wc -l) surveys"

"$wuyou" import --template "$work/template.xlsx" >/dev/null
convert xlsx "$work/template-libreoffice" "$work/template.xlsx"
"$wuyou" import "$work/template-libreoffice/template.xlsx" --out "$work/none" >/dev/null
[[ -z "$(ls -A "$work/none")" ]]
echo "check-libreoffice: the template saved by LibreOffice imports to no survey"

convert pdf "$work" "$work/template.xlsx"
if command -v pdftoppm >/dev/null; then
  pdftoppm -png -r 80 "$work/template.pdf" "$work/template-page"
  echo "check-libreoffice: template rendered to $(ls "$work"/template-page-*.png | wc -l) pages"
fi

if [[ $update -eq 1 ]]; then
  cp "$work/libreoffice/examples.xlsx" Tests/WuyouWorkbookTests/Fixtures/examples.libreoffice.xlsx
  echo "check-libreoffice: updated Fixtures/examples.libreoffice.xlsx"
fi
