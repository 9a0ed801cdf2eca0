#!/usr/bin/env bash
# Runs the official mustache spec (github.com/mustache/spec) through WuyouMustache and prints,
# per spec file, how many tests pass, how many are refused by design (and why), and how many
# fail. The spec is not part of this repository: pass the folder of a checkout of it (or its
# specs/ folder, or any folder of its *.json files).
#
#   scripts/mustache-spec.sh [--survey] [--verbose] SPEC_DIR
#
# --survey   models the spec's strings as survey text, which may not be printed raw
#            ({{{name}}} is then refused as it is for survey text in reports).
# --verbose  lists every refused test with its reason and the engine's error.
# Environment: SCRATCH_PATH (swift build --scratch-path, default .build).
# Exit status: 0 every test passes or is refused by design; 1 a test fails; 64 bad usage.
set -euo pipefail
cd "$(dirname "$0")/.."

dir=""
export MUSTACHE_SPEC_STRINGS=trusted
while [[ $# -gt 0 ]]; do
  case "$1" in
    --survey) MUSTACHE_SPEC_STRINGS=survey; shift ;;
    --verbose) export MUSTACHE_SPEC_VERBOSE=1; shift ;;
    -h|--help) sed -n '2,13p' "$0"; exit 0 ;;
    -*) echo "mustache-spec.sh: unknown option $1" >&2; exit 64 ;;
    *) [[ -z "$dir" ]] || { echo "mustache-spec.sh: one SPEC_DIR only" >&2; exit 64; }; dir="$1"; shift ;;
  esac
done
[[ -n "$dir" ]] || { sed -n '2,13p' "$0" >&2; exit 64; }
[[ -d "$dir" ]] || { echo "mustache-spec.sh: $dir is not a folder" >&2; exit 64; }

log="$(mktemp)"
trap 'rm -f "$log"' EXIT
status=0
MUSTACHE_SPEC_DIR="$(cd "$dir" && pwd)" swift test --scratch-path "${SCRATCH_PATH:-.build}" \
  --filter 'WuyouMustacheTests.SpecSuiteTests' >"$log" 2>&1 || status=$?
grep -E '^(refused|FAILED|\||error:)' "$log" || true
if [[ $status -ne 0 ]] && ! grep -q '^FAILED' "$log"; then
  tail -n 30 "$log" >&2  # the build or the harness itself failed
fi
[[ $status -eq 0 ]] || exit 1
