#!/usr/bin/env bash
# Times `wuyou audit` over N generated surveys and prints surveys per second (and peak RSS
# when GNU time is installed).
#
#   bench/run-benchmark.sh [N] [JOBS...]       # defaults: N=2000, JOBS="1 <processors>"
#
# Builds the release binary first (scratch path .build-bench, or $SCRATCH). Uses hyperfine
# when installed (3 runs after a warm-up), else a loop of 3 timed runs. Surveys are generated
# once per N into $TMPDIR/wuyou-bench-N (deterministic, seed 2023).
set -euo pipefail
cd "$(dirname "$0")/.."

n="${1:-2000}"
shift || true
jobs=("$@")
[[ ${#jobs[@]} -gt 0 ]] || jobs=(1 "$(nproc 2>/dev/null || sysctl -n hw.ncpu)")
runs=3
scratch="${SCRATCH:-.build-bench}"
tmp="${TMPDIR:-/tmp}"
surveys="$tmp/wuyou-bench-$n"
site="$tmp/wuyou-bench-site"

swift build -c release --scratch-path "$scratch" --product wuyou >&2
wuyou="$(swift build -c release --scratch-path "$scratch" --show-bin-path)/wuyou"

if [[ ! -d "$surveys" ]] || [[ "$(find "$surveys" -name '*.xml' | wc -l)" -ne "$n" ]]; then
  rm -rf "$surveys"
  python3 bench/generate-surveys.py "$surveys" "$n" >&2
fi

now() { python3 -c 'import time; print(time.monotonic())'; }

for j in "${jobs[@]}"; do
  command=("$wuyou" audit "$surveys" --out "$site" --jobs "$j" --quiet)
  if command -v hyperfine >/dev/null; then
    json="$(mktemp)"
    # Exit status 1 (some survey fails) is the normal outcome of an audit.
    hyperfine --warmup 1 --runs "$runs" -i --export-json "$json" --style basic \
      "${command[*]}" >&2
    mean="$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["results"][0]["mean"])' "$json")"
    rm -f "$json"
  else
    "${command[@]}" || true # warm-up
    total=0
    for _ in $(seq "$runs"); do
      start="$(now)"
      "${command[@]}" || true
      end="$(now)"
      total="$(python3 -c "print($total + $end - $start)")"
    done
    mean="$(python3 -c "print($total / $runs)")"
  fi
  rss=""
  if /usr/bin/time -v true >/dev/null 2>&1; then
    # GNU time reports on stderr; the audit's own stderr is empty with --quiet.
    kb="$( { /usr/bin/time -v "${command[@]}" >/dev/null || true; } 2>&1 | awk -F': ' '/Maximum resident set size/ {print $2}')"
    [[ -n "$kb" ]] && rss=", peak RSS $((kb / 1024)) MB"
  fi
  python3 -c "print(f'{$n} surveys, --jobs $j: {$mean:.2f} s, {$n / $mean:.0f} surveys/s$rss')"
done

# One inspector's `wuyou check` (process start, checklist and schema compiled, one survey):
# 50 runs each, without and with the HTML report.
for html in no yes; do
  extra=()
  [[ $html == yes ]] && extra=(--html "$tmp/wuyou-bench-check.html")
  start="$(now)"
  for _ in $(seq 50); do "$wuyou" check examples/youyilu.xml --format json "${extra[@]}" >/dev/null || true; done
  end="$(now)"
  python3 -c "print(f'wuyou check (JSON{\" + HTML\" if \"$html\" == \"yes\" else \"\"}): {($end - $start) / 50 * 1000:.0f} ms per survey')"
done
