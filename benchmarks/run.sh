#!/usr/bin/env bash
# The scale harness in one command (benchmarks/README.md):
#   bash benchmarks/run.sh                 S, M and L, plus the seed over HTTP (about 55 minutes on 2 cores)
#   bash benchmarks/run.sh --sizes S,M     only those sizes
#   bash benchmarks/run.sh --quick         short runs, to check the harness itself works (numbers not for RESULTS)
#   bash benchmarks/run.sh --neo4j-only --sizes S,M   only the Neo4j step (issue 19: import, cold start, questions, freshness, 8 clients)
# The seed step also loads the dashboard's DeepSeek page in Chromium (benchmarks/dashboard/measure.mjs).
# Builds in Release, installs the load tool's npm packages, then runs each measurement in a process of its own
# (so peak memory belongs to it) and writes benchmarks/RESULTS.md from benchmarks/results/*.json.
set -euo pipefail
cd "$(dirname "$0")/.."

sizes="S,M,L"
quick=""
neo4j_only=0
while [ $# -gt 0 ]; do
  case "$1" in
    --sizes) sizes="$2"; shift 2 ;;
    --quick) quick="--quick"; shift ;;
    --neo4j-only) neo4j_only=1; shift ;;
    *) echo "unknown argument: $1 (use --sizes S,M,L and/or --quick)" >&2; exit 2 ;;
  esac
done

echo "==> build (Release)"
dotnet build SupplyGraph.sln -c Release -warnaserror -v quiet -nologo
(cd benchmarks/load && npm ci --no-audit --no-fund --loglevel=error)

bench() { dotnet benchmarks/SupplyGraph.Benchmarks/bin/Release/net10.0/SupplyGraph.Benchmarks.dll "$@"; }

for size in ${sizes//,/ }; do
  [ "$neo4j_only" = 1 ] && break
  echo "==> $size: generate, import, cold start"
  bench generate "$size"
  bench import "$size"
  bench coldstart "$size"
  echo "==> $size: questions in-process (BenchmarkDotNet)"
  bench questions "$size" $quick
  echo "==> $size: over HTTP"
  bench http "$size" $quick || echo "(some HTTP requests failed: see the errors column)"
done

if [ "$neo4j_only" = 0 ]; then
  echo "==> seed: questions in-process and over HTTP"
  bench questions seed $quick
  bench http seed $quick || echo "(some HTTP requests failed: see the errors column)"
fi

if [ "$neo4j_only" = 0 ]; then
  echo "==> seed: instrumentation overhead over HTTP (issue 21): telemetry off, on, Prometheus scraped"
  bench overhead seed $([ -n "$quick" ] && echo "2 --quick") || echo "(some overhead requests failed: see the errors column)"
fi

if [ "$neo4j_only" = 0 ]; then
  echo "==> seed: the dashboard's DeepSeek page in Chromium (issue 12)"
  if (cd benchmarks/dashboard && npm ci --no-audit --no-fund --loglevel=error); then
    node benchmarks/dashboard/measure.mjs $([ -n "$quick" ] && echo "--runs 3") || echo "(the dashboard measurement failed: is chromium installed?)"
  fi
fi

if [ "$neo4j_only" = 0 ]; then
  echo "==> seed: the hardening probes (issue 11) and cheap latency under an expensive flood"
  bash benchmarks/hardening.sh || echo "(the hardening probes failed: see benchmarks/data/hardening-service.log)"
fi

echo "==> Neo4j (the server SUPPLYGRAPH_NEO4J_URI names, with _USER, _PASSWORD, _DATABASE; ITS DATABASE IS CLEARED)"
# This script starts no Neo4j server: without SUPPLYGRAPH_NEO4J_URI, bench neo4j records "skipped" with the reason.
# The service runs use the Release build of SupplyGraph.Cli; each size's numbers go to benchmarks/results/neo4j-SIZE.json.
# An import is one transaction: M (508k rows) needs a server whose heap lets one transaction use more than 716 MiB (4g).
bench neo4j seed $quick || echo "(the Neo4j measurement of the seed failed: see above)"
for size in ${sizes//,/ }; do
  case "$size" in
    S|M)
      [ "$neo4j_only" = 1 ] && bench generate "$size"
      bench neo4j "$size" $quick || echo "(the Neo4j measurement of $size failed: see above)" ;;
    *) echo "(Neo4j: $size is beyond issue 19's targets (seed, S, M); not measured)" ;;
  esac
done

bench report "bash benchmarks/run.sh${*:+ $*}"
echo "==> wrote benchmarks/RESULTS.md"
