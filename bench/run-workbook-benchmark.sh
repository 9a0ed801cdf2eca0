#!/usr/bin/env bash
# The workbook benchmark (docs/performance.md, "Workbooks"): the same generated surveys given to
# wuyou as XML files, as one survey workbook (.xlsx) and as its four UTF-8 CSV sheets, timed as
#   XML files    wuyou audit FOLDER --formats json,csv
#   CSV sheets   wuyou audit surveys.csv rooms.csv departments.csv developments.csv --formats json,csv
#   .xlsx        wuyou audit BOOK.xlsx --formats json,csv
#   import       wuyou import BOOK.xlsx --out DIR (into an empty folder each time)
# Each row: wall time and peak RSS (GNU time), median of ROUNDS runs, run round by round
# (every command once per round) so that a slow spell of this shared machine falls on all alike,
# and the CPU time (user + sys) of the same runs, which a busy machine disturbs less.
#
#   bench/run-workbook-benchmark.sh [N]                 # default 8000 surveys, 5 rounds
#   bench/run-workbook-benchmark.sh --before BIN [N]    # also time another wuyou binary (e.g. main's),
#                                                       # interleaved with this one, for a before/after table
#   ROUNDS=3 bench/run-workbook-benchmark.sh ...
#   WUYOU_BIN=path bench/run-workbook-benchmark.sh ... # time that binary instead of building this tree
#
# Builds the release binary (scratch path .build-bench, or $SCRATCH). Surveys are generated once
# per N into $TMPDIR/wuyou-bench-N (bench/generate-surveys.py), the workbook and CSV sheets once
# into $TMPDIR/wuyou-bench-book-N (bench/generate-workbook.py); both are deterministic.
set -euo pipefail
cd "$(dirname "$0")/.."

before=""
if [[ "${1:-}" == "--before" ]]; then before="$2"; shift 2; fi
n="${1:-8000}"
rounds="${ROUNDS:-5}"
scratch="${SCRATCH:-.build-bench}"
tmp="${TMPDIR:-/tmp}"
surveys="$tmp/wuyou-bench-$n"
book="$tmp/wuyou-bench-book-$n"
work="$tmp/wuyou-bench-workbook-out"
mkdir -p "$work"

if [[ -n "${WUYOU_BIN:-}" ]]; then
  after="$WUYOU_BIN"
else
  swift build -c release --scratch-path "$scratch" --product wuyou >&2
  after="$(swift build -c release --scratch-path "$scratch" --show-bin-path)/wuyou"
fi
if [[ ! -d "$surveys" ]] || [[ "$(find "$surveys" -name '*.xml' | wc -l)" -ne "$n" ]]; then
  rm -rf "$surveys" "$book"
  python3 bench/generate-surveys.py "$surveys" "$n" >&2
fi
if [[ ! -f "$book/book.xlsx" ]]; then
  mkdir -p "$book"
  python3 bench/generate-workbook.py "$surveys" "$book/book.xlsx" "$book/csv" >&2
fi

binaries=("$after")
labels=("after")
if [[ -n "$before" ]]; then binaries=("$before" "$after"); labels=("before" "after"); fi
names=("XML files" "CSV sheets" ".xlsx" "import .xlsx")
csv="$book/csv/surveys.csv $book/csv/rooms.csv $book/csv/departments.csv $book/csv/developments.csv"
command_for() { # binary, row index, output folder
  case "$2" in
    0) echo "$1 audit $surveys --out $3 --formats json,csv --quiet" ;;
    1) echo "$1 audit $csv --out $3 --formats json,csv --quiet" ;;
    2) echo "$1 audit $book/book.xlsx --out $3 --formats json,csv --quiet" ;;
    3) echo "rm -rf $3 && $1 import $book/book.xlsx --out $3 >/dev/null" ;;
  esac
}

# One run: "wall-seconds cpu-seconds peak-MB" (exit status 1, some survey failing, is normal).
run_once() {
  /usr/bin/time -f "%e %U %S %M" -o "$work/time.txt" sh -c "$1" >/dev/null 2>&1 || true
  # GNU time says "Command exited with non-zero status 1" first; the numbers are the last line.
  tail -n 1 "$work/time.txt" | awk '{printf "%s %.2f %d\n", $1, $2 + $3, $4 / 1024}'
}

declare -A wall cpu rss
for b in "${!binaries[@]}"; do
  for i in "${!names[@]}"; do sh -c "$(command_for "${binaries[$b]}" "$i" "$work/warm")" >/dev/null 2>&1 || true; done
done
for round in $(seq "$rounds"); do
  for i in "${!names[@]}"; do
    for b in "${!binaries[@]}"; do
      read -r w c m < <(run_once "$(command_for "${binaries[$b]}" "$i" "$work/out-$b-$i")")
      wall[$b,$i]="${wall[$b,$i]:-} $w"; cpu[$b,$i]="${cpu[$b,$i]:-} $c"; rss[$b,$i]="${rss[$b,$i]:-} $m"
    done
  done
  echo "round $round of $rounds done" >&2
done

median() { python3 -c 'import statistics,sys; print(statistics.median(float(x) for x in sys.argv[1:]))' "$@"; }
echo "$n surveys ($(du -k "$book/book.xlsx" | cut -f1) KiB .xlsx), $(nproc) cores, median of $rounds rounds, load average $(cut -d' ' -f1-3 /proc/loadavg):"
printf '| %-13s |' input
for b in "${!binaries[@]}"; do printf ' %-8s time | CPU | peak RSS | ÷ XML time |' "${labels[$b]}"; done
echo
printf '|---------------|'
for _ in "${!binaries[@]}"; do printf -- '------:|----:|------:|------:|'; done
echo
for i in "${!names[@]}"; do
  printf '| %-13s |' "${names[$i]}"
  for b in "${!binaries[@]}"; do
    # shellcheck disable=SC2086 # each entry is a list of samples
    w="$(median ${wall[$b,$i]})"; c="$(median ${cpu[$b,$i]})"; m="$(median ${rss[$b,$i]})"; x="$(median ${wall[$b,0]})"
    python3 -c "import sys; w,c,m,x=map(float,sys.argv[1:]); print(f' {w:.2f} s | {c:.2f} s | {m:.0f} MB | {w/x:.1f}× |', end='')" "$w" "$c" "$m" "$x"
  done
  echo
done
