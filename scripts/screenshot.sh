#!/usr/bin/env bash
# Screenshot an HTML report with headless Chromium, to look at what officials will see.
#
#   scripts/screenshot.sh [--phone] [--width W] [--height H] HTML_FILE PNG_FILE
#   scripts/screenshot.sh --print HTML_FILE PNG_PREFIX   # A4 print: PDF, then one PNG per page
#
# Default window 1200x3000 (desktop); --phone is 390 wide. --print writes PNG_PREFIX.pdf and
# PNG_PREFIX-1.png, PNG_PREFIX-2.png, ... (needs pdftoppm).
# Needs (Debian): apt-get install -y chromium fonts-noto-cjk poppler-utils
set -euo pipefail

width=1200 height=3000 mode=screen
while [[ $# -gt 0 ]]; do
  case "$1" in
    --phone) width=390; shift ;;
    --width) width="$2"; shift 2 ;;
    --height) height="$2"; shift 2 ;;
    --print) mode=print; shift ;;
    -h|--help) sed -n '2,10p' "$0"; exit 0 ;;
    --) shift; break ;;
    -*) echo "screenshot.sh: unknown option $1" >&2; exit 64 ;;
    *) break ;;
  esac
done
if [[ $# -ne 2 ]]; then
  echo "usage: screenshot.sh [--phone] [--width W] [--height H] [--print] HTML_FILE PNG_FILE" >&2
  exit 64
fi
html="$1" out="$2"
[[ -f "$html" ]] || { echo "screenshot.sh: no such file: $html" >&2; exit 66; }
url="file://$(cd "$(dirname "$html")" && pwd)/$(basename "$html")"

chrome="${CHROMIUM:-$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)}"
[[ -n "$chrome" ]] || { echo "screenshot.sh: chromium not found (apt-get install -y chromium)" >&2; exit 69; }

# A throwaway profile keeps runs independent; stderr noise (dbus, gpu) is dropped.
profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT
flags=(--headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run
       --user-data-dir="$profile" --force-device-scale-factor=1 --run-all-compositor-stages-before-draw)

if [[ "$mode" == print ]]; then
  "$chrome" "${flags[@]}" --no-pdf-header-footer --print-to-pdf="$out.pdf" "$url" 2>/dev/null
  pdftoppm -png -r 80 "$out.pdf" "$out"
  ls "$out".pdf "$out"-*.png
else
  "$chrome" "${flags[@]}" --window-size="$width,$height" --screenshot="$out" "$url" 2>/dev/null
  echo "$out"
fi
