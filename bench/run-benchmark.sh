#!/usr/bin/env bash
# The benchmark of the README: on one generated corpus, in one run, times
#   xmllint      libxml2 parsing and validating every survey against survey.xsd (the floor),
#   python+lxml  bench/audit_lxml.py, a straightforward script doing the same 31 checks,
#   wuyou data   wuyou audit --formats json,csv (audit.json and audit.csv, for dashboards),
#   wuyou site   wuyou audit (the whole site: pages, index, sub-districts, all-centres, data),
# and prints time (median of 3 runs, interleaved, timed by hyperfine where installed),
# surveys/s, the ratio to xmllint, how many times faster than the Python script each run is,
# and peak RSS (GNU time).
# It first checks that the Python script agrees with wuyou's findings on the corpus.
#
#   bench/run-benchmark.sh [N]            # default 20000 surveys
#   bench/run-benchmark.sh --memory [N]   # one full audit of N surveys (default 100000): time and peak RSS
#
# Builds the release binary (scratch path .build-bench, or $SCRATCH). Surveys are generated
# once per N into $TMPDIR/wuyou-bench-N (bench/generate-surveys.py, deterministic). The Python
# script runs in a venv at $WUYOU_BENCH_VENV (default /tmp/wuyou-bench-venv) with lxml.
# Back-to-back site runs are slower than the first (ext4 without a journal scans the inodes
# the previous run deleted on every file it creates): the median includes that.
set -euo pipefail
cd "$(dirname "$0")/.."

memory=""
if [[ "${1:-}" == "--memory" ]]; then memory=yes; shift; fi
n="${1:-$([[ -n "$memory" ]] && echo 100000 || echo 20000)}"
runs=3
scratch="${SCRATCH:-.build-bench}"
tmp="${TMPDIR:-/tmp}"
surveys="$tmp/wuyou-bench-$n"
work="$tmp/wuyou-bench-out"
venv="${WUYOU_BENCH_VENV:-/tmp/wuyou-bench-venv}"
mkdir -p "$work"

swift build -c release --scratch-path "$scratch" --product wuyou >&2
wuyou="$(swift build -c release --scratch-path "$scratch" --show-bin-path)/wuyou"
if [[ ! -d "$surveys" ]] || [[ "$(find "$surveys" -name '*.xml' | wc -l)" -ne "$n" ]]; then
  rm -rf "$surveys"
  python3 bench/generate-surveys.py "$surveys" "$n" >&2
fi

peak_rss() { # peak RSS in MB of one run of the command
  /usr/bin/time -v -o "$work/time.txt" "$@" >/dev/null 2>&1 || true
  awk -F': ' '/Maximum resident set size/ {print int($2 / 1024)}' "$work/time.txt"
}

if [[ -n "$memory" ]]; then
  /usr/bin/time -v -o "$work/time.txt" "$wuyou" audit "$surveys" --out "$work/site-memory" --quiet || true
  awk -F': ' '/Elapsed/ {t=$2} /Maximum resident set size/ {m=$2} END {printf "wuyou audit, %s surveys: %s, peak RSS %d MB\n", "'"$n"'", t, m/1024}' "$work/time.txt"
  exit 0
fi

if ! "$venv/bin/python" -c 'import lxml' 2>/dev/null; then
  python3 -m venv "$venv" >&2 && "$venv/bin/pip" install --quiet --disable-pip-version-check lxml >&2
fi

# The comparison must do the same work: its findings agree with wuyou's on this corpus.
"$wuyou" audit "$surveys" --out "$work/site-check" --formats json --quiet || true
"$venv/bin/python" bench/audit_lxml.py "$surveys" "$work/lxml.json" --compare "$work/site-check/audit.json" >&2

xsd="Sources/WuyouCore/Survey/survey.xsd"
# The floor must really run: without xmllint the pipe below fails at once and times nothing.
command -v xmllint >/dev/null || { echo "run-benchmark: xmllint is missing (apt-get install libxml2-utils)" >&2; exit 69; }
first="$(find "$surveys" -name '*.xml' -print -quit)"
xmllint --noout --schema "$xsd" "$first" 2>/dev/null \
  || { echo "run-benchmark: xmllint does not validate $first" >&2; exit 1; }
names=(xmllint "python+lxml" "wuyou data" "wuyou site")
commands=(
  "find $surveys -name '*.xml' -print0 | xargs -0 xmllint --noout --schema $xsd 2>/dev/null"
  "$venv/bin/python bench/audit_lxml.py $surveys $work/lxml.json"
  "$wuyou audit $surveys --out $work/site-data --formats json,csv --quiet"
  "$wuyou audit $surveys --out $work/site --quiet"
)

median() { python3 -c 'import statistics,sys; print(statistics.median(float(x) for x in sys.argv[1:]))' "$@"; }
# One timed run of a command, in seconds: hyperfine where installed (exit status 1, some survey
# failing, is the normal outcome of an audit), else the shell's clock.
time_once() {
  if command -v hyperfine >/dev/null; then
    hyperfine --runs 1 -i --export-json "$work/h.json" --style none "$1" >&2
    python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["results"][0]["mean"])' "$work/h.json"
  else
    local start end
    start="$(date +%s.%N)"; sh -c "$1" >/dev/null 2>&1 || true; end="$(date +%s.%N)"
    python3 -c "print($end - $start)"
  fi
}
# A warm-up run of each, then the runs interleaved (round after round of every command), so
# that a slow spell of this shared machine falls on every command alike instead of on
# whichever one it ran three times in a row.
for command in "${commands[@]}"; do sh -c "$command" >/dev/null 2>&1 || true; done
samples=()
for _ in $(seq "$runs"); do
  for i in "${!commands[@]}"; do samples[i]="${samples[i]:-} $(time_once "${commands[$i]}")"; done
done
times=()
# shellcheck disable=SC2086 # each entry is a list of samples
for i in "${!commands[@]}"; do times+=("$(median ${samples[$i]})"); done

rss=(
  "$(peak_rss sh -c "${commands[0]}")"
  "$(peak_rss "$venv/bin/python" bench/audit_lxml.py "$surveys" "$work/lxml.json")"
  "$(peak_rss "$wuyou" audit "$surveys" --out "$work/site-data" --formats json,csv --quiet)"
  "$(peak_rss "$wuyou" audit "$surveys" --out "$work/site" --quiet)"
)
echo "$n surveys, $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?'):"
printf '| %-12s | %8s | %10s | %11s | %13s | %9s |\n' run time surveys/s "× xmllint" "Python ÷ run" "peak RSS"
printf '|%s|%s|%s|%s|%s|%s|\n' "--------------" "----------" "------------" "-------------" "---------------" "-----------"
for i in "${!names[@]}"; do
  python3 -c "
import sys
t, x, p, n = float(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4])
print(f'| {sys.argv[5]:<12} | {t:7.2f}s | {n / t:10,.0f} | {t / x:11.2f} | {p / t:12.2f}× | {sys.argv[6]:>6} MB |')
" "${times[$i]}" "${times[0]}" "${times[1]}" "$n" "${names[$i]}" "${rss[$i]}"
done
