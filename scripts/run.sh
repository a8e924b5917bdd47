#!/usr/bin/env bash
# Quick start 1: install what is missing, build, and start StateTrace.
# The first start fills the default store from the bundled sample bundle.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
cmake --preset release >/dev/null
cmake --build --preset release --target statetrace statetrace-cli
exec build/release/ui/statetrace "$@"
