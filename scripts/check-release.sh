#!/usr/bin/env bash
# The schemas, checklists, templates and words are compiled into the binary: a release build
# copied alone into an empty folder checks a survey, writes its HTML report, lists its
# checklists and prints the form. Run by CI (a release build takes minutes, so it is not part
# of `swift test`).
#
#   scripts/check-release.sh
#
# Exit status: 0 the copy works alone, 1 it does not.
set -euo pipefail
cd "$(dirname "$0")/.."

swift build -c release --product wuyou --scratch-path .build-release >&2
folder="$(mktemp -d)"
trap 'rm -rf "$folder"' EXIT
cp .build-release/release/wuyou "$folder/wuyou"
cp examples/hangkonglu.xml "$folder/s.xml"
cd "$folder"

failures=0
fail() { echo "check-release: $1" >&2; failures=$((failures + 1)); }

status=0
./wuyou check s.xml --format json --html s.html > s.json 2> errors.txt || status=$?
[[ $status -eq 1 ]] || fail "check exits $status, expected 1 (the example does not pass): $(cat errors.txt)"
grep -q '"format": "wuyou-report/1"' s.json || fail "check prints no JSON report"
grep -q '航空路社区' s.html && grep -q '</html>' s.html || fail "the HTML report is missing or cut short"
./wuyou checklist list | grep -q '^laohekou-2023' || fail "checklist list does not list the bundled checklist"
./wuyou form > form.html || fail "form exits non-zero"
grep -q 'id="form-data"' form.html && grep -q 'XMLSerializer' form.html && tail -c 8 form.html | grep -q '</html>' \
  || fail "the form's page, script or stylesheet is missing"
./wuyou --help | grep -q '用法' || fail "help is not in Chinese (the word catalogue is not embedded)"
./wuyou --help --lang en | grep -q 'USAGE' || fail "help is not in English under --lang en"

if [[ $failures -gt 0 ]]; then exit 1; fi
echo "check-release: the release binary works alone in an empty folder" >&2
