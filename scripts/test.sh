#!/usr/bin/env bash
# The one test command (README "Test"; CI runs it through .ci/run).
# Installs what it needs on a fresh machine (NuGet packages, the npm packages of the Cypher linter, the load tool and
# the browser tests), builds with warnings as errors, runs every test project (the Neo4j tests that need a server run
# against the one SUPPLYGRAPH_NEO4J_URI names, else a neo4j:5.26 container where Docker answers, else they are skipped
# with that reason), lints every .cypher file with Neo4j's own parser, runs the dashboard in Chromium (Debian's
# package, installed when missing), and closes with one plain line
# summing every suite: "N passed, N failed, N skipped".
set -uo pipefail
cd "$(dirname "$0")/.."

passed=0; failed=0; skipped=0
log=$(mktemp)
trap 'rm -f "$log"' EXIT
trap 'exit 130' INT TERM

finish() {
  echo "${passed} passed, ${failed} failed, ${skipped} skipped"
  [ "$failed" -eq 0 ]
  exit $?
}

# Adds the counts of a line "name: N passed, N failed" found in the log.
add_plain_counts() {
  local line p f
  line=$(grep -E "^$1: [0-9]+ passed, [0-9]+ failed" "$log" | tail -n 1)
  p=$(echo "$line" | sed -n 's/.*: \([0-9]*\) passed.*/\1/p'); f=$(echo "$line" | sed -n 's/.* \([0-9]*\) failed.*/\1/p')
  if [ -z "$line" ]; then failed=$((failed + 1)); return; fi
  passed=$((passed + p)); failed=$((failed + f))
}

echo "==> dotnet restore"
dotnet restore SupplyGraph.sln || { failed=$((failed + 1)); finish; }

echo "==> dotnet build"
dotnet build SupplyGraph.sln --no-restore -c Release -warnaserror || { failed=$((failed + 1)); finish; }

# Installed before the .NET tests: a test of the Cypher export runs the linter on an exported file.
echo "==> npm packages of the Cypher linter"
lint_installed=0
if (cd tools/cypher-lint && npm ci --no-audit --no-fund --loglevel=error); then
  lint_installed=1
else
  echo "npm ci failed in tools/cypher-lint"; failed=$((failed + 1))
fi

# Neo4j tests that need a server run against: the server SUPPLYGRAPH_NEO4J_URI names; else a neo4j:5.26 container
# where Docker answers (Testcontainers starts it); else they are skipped, each with that reason (listed below).
echo "==> Neo4j server for the tests"
if [ -n "${SUPPLYGRAPH_NEO4J_URI:-}" ]; then
  echo "neo4j: using SUPPLYGRAPH_NEO4J_URI"
elif command -v docker >/dev/null 2>&1 && timeout 10 docker info >/dev/null 2>&1; then
  echo "neo4j: Docker answers; the tests start a neo4j:5.26 container"
else
  echo "neo4j: SUPPLYGRAPH_NEO4J_URI is not set and no Docker engine answers: the tests that need a server are skipped"
fi

echo "==> dotnet test"
dotnet test --solution SupplyGraph.sln --no-build -c Release 2>&1 | tee "$log"
test_status=${PIPESTATUS[0]}
# Microsoft.Testing.Platform closes with a summary of the whole run: "total: N", "failed: N", "succeeded: N", "skipped: N".
summary=$(sed -n '/Test run summary/,$p' "$log")
count() { echo "$summary" | sed -n "s/^ *$1: *\([0-9][0-9]*\).*/\1/p" | tail -n 1; }
p=$(count succeeded); f=$(count failed); s=$(count skipped)
passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0})); skipped=$((skipped + ${s:-0}))
if [ "$test_status" -ne 0 ] && [ "${f:-0}" -eq 0 ]; then
  failed=$((failed + 1))   # the runner failed without counting a failed test (a crash, no tests found)
fi
# Skipped tests are listed with their reasons, so a skipped suite is never mistaken for a passed one.
grep -E '^ *skipped ' "$log" | sed 's/^ */skip: /' || true

echo "==> Cypher lint (Neo4j's parser and semantic analysis, @neo4j-cypher/language-support)"
if [ "$lint_installed" = 1 ]; then
  node tools/cypher-lint/test/selftest.mjs > "$log" 2>&1; cat "$log"; add_plain_counts cypher-lint-selftest
  node tools/cypher-lint/lint.mjs --schema cypher/lint/dbschema.json cypher > "$log" 2>&1; grep -v '^ok ' "$log"; add_plain_counts cypher-lint
fi

echo "==> the benchmark harness's HTTP load tool (autocannon; its self-test against a local stand-in server)"
if (cd benchmarks/load && npm ci --no-audit --no-fund --loglevel=error); then
  node benchmarks/load/test/selftest.mjs > "$log" 2>&1; cat "$log"; add_plain_counts http-load-selftest
else
  echo "npm ci failed in benchmarks/load"; failed=$((failed + 1))
fi

# The dashboard in a real browser: Debian's chromium (installed here when missing and we are root), driven by
# playwright-core, checked with axe-core (tests/SupplyGraph.Dashboard.Tests/run.mjs starts the service itself).
echo "==> the dashboard in Chromium (Playwright, axe-core)"
if ! command -v chromium >/dev/null 2>&1 && [ -z "${SUPPLYGRAPH_CHROMIUM:-}" ] && [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "installing Debian's chromium (apt-get)"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >/dev/null 2>&1 \
    || { DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null 2>&1 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >/dev/null 2>&1; } \
    || echo "apt-get install chromium failed; the dashboard tests will say so"
fi
if (cd tests/SupplyGraph.Dashboard.Tests && npm ci --no-audit --no-fund --loglevel=error); then
  node tests/SupplyGraph.Dashboard.Tests/run.mjs > "$log" 2>&1; cat "$log"
  line=$(grep -E "^dashboard: [0-9]+ passed, [0-9]+ failed, [0-9]+ skipped" "$log" | tail -n 1)
  if [ -z "$line" ]; then
    failed=$((failed + 1))
  else
    passed=$((passed + $(echo "$line" | sed -n 's/.*: \([0-9]*\) passed.*/\1/p')))
    failed=$((failed + $(echo "$line" | sed -n 's/.* \([0-9]*\) failed.*/\1/p')))
    skipped=$((skipped + $(echo "$line" | sed -n 's/.* \([0-9]*\) skipped.*/\1/p')))
  fi
else
  echo "npm ci failed in tests/SupplyGraph.Dashboard.Tests"; failed=$((failed + 1))
fi

# graphql-http's GraphQL-over-HTTP audit against the built service as the README's run command starts it (Production,
# embedded store in a temporary folder, a free loopback port): every MUST must pass (tools/graphql-http-audit).
echo "==> the GraphQL-over-HTTP audit (graphql-http auditServer)"
if (cd tools/graphql-http-audit && npm ci --no-audit --no-fund --loglevel=error); then
  timeout 600 node tools/graphql-http-audit/audit.mjs > "$log" 2>&1; cat "$log"; add_plain_counts graphql-http-audit
else
  echo "npm ci failed in tools/graphql-http-audit"; failed=$((failed + 1))
fi

echo "==> docker-compose.yml and the Dockerfile (validated; no Docker engine is needed)"
bash scripts/validate-compose.sh > "$log" 2>&1; cat "$log"; add_plain_counts compose

finish
