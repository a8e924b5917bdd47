#!/usr/bin/env bash
# Rewrites tests/expected/*.json from the current build. Review `git diff tests/expected`
# before committing: every changed line is a changed contract.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cli="${1:-$root/build/release/src/statetrace-cli}"
/usr/bin/python3 "$root/tests/golden/golden_cli.py" --cli "$cli" \
  --bundle "$root/resources/samples/campus-hq/run-1" --bundle "$root/resources/samples/campus-hq/run-2" \
  --expected "$root/tests/expected" --update
