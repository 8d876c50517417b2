#!/usr/bin/env bash
# The one test command (README "Test"; CI runs it through .ci/run).
# Installs what it needs on a fresh machine, builds with warnings as errors, runs every test project,
# and closes with one plain line: "N passed, N failed, N skipped".
set -uo pipefail
cd "$(dirname "$0")/.."

log=$(mktemp)
trap 'rm -f "$log"' EXIT

echo "==> dotnet restore"
dotnet restore SupplyGraph.sln || { echo "0 passed, 1 failed, 0 skipped"; exit 1; }

echo "==> dotnet build"
dotnet build SupplyGraph.sln --no-restore -c Release -warnaserror || { echo "0 passed, 1 failed, 0 skipped"; exit 1; }

echo "==> dotnet test"
dotnet test --solution SupplyGraph.sln --no-build -c Release 2>&1 | tee "$log"
test_status=${PIPESTATUS[0]}

# Microsoft.Testing.Platform closes with a summary of the whole run: "total: N", "failed: N", "succeeded: N", "skipped: N".
summary=$(sed -n '/Test run summary/,$p' "$log")
count() { echo "$summary" | sed -n "s/^ *$1: *\([0-9][0-9]*\).*/\1/p" | tail -n 1; }
passed=$(count succeeded); failed=$(count failed); skipped=$(count skipped)
passed=${passed:-0}; failed=${failed:-0}; skipped=${skipped:-0}

# Skips are listed with their reasons so a skipped suite is never mistaken for a passed one.
grep -E '^ *skipped ' "$log" | sed 's/^ */skip: /' || true

if [ "$test_status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  failed=1   # the runner failed without counting a test failure (a crash, no tests found)
fi

echo "${passed} passed, ${failed} failed, ${skipped} skipped"
[ "$failed" -eq 0 ]
