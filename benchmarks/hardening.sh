#!/usr/bin/env bash
# The attacker's probes of issue 11, rerun against the service (benchmarks/README.md, "Hardening probes"):
#   bash benchmarks/hardening.sh                          the seed (a fresh data folder the service seeds itself)
#   bash benchmarks/hardening.sh --data-dir DIR --out F   an existing embedded store (e.g. one `bench import L` made)
#        [--only TEXT]                                    only the probes whose name holds TEXT ("flood" for the flood)
#        [--dll PATH]                                     another build of the service (to measure a before)
#        [--query GRAPHQL --query-name NAME]              one probe of your own instead of the issue's
#        [--flood-query GRAPHQL --flood-name NAME]        flood with this request instead of the costliest legit query
# Starts the service on a free loopback port, runs benchmarks/load/hardening-probes.mjs against it (CPU seconds and
# memory are read from the service's /proc entry), writes the JSON results, and stops the service.
set -euo pipefail
cd "$(dirname "$0")/.."

data_dir=""
out="benchmarks/results/hardening-seed.json"
only=""
query=""
query_name="custom query"
flood_query=""
flood_name=""
dll="src/SupplyGraph.Cli/bin/Release/net10.0/supplygraph.dll"
while [ $# -gt 0 ]; do
  case "$1" in
    --data-dir) data_dir="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    --only) only="$2"; shift 2 ;;
    --dll) dll="$2"; shift 2 ;;
    --query) query="$2"; shift 2 ;;
    --query-name) query_name="$2"; shift 2 ;;
    --flood-query) flood_query="$2"; shift 2 ;;
    --flood-name) flood_name="$2"; shift 2 ;;
    *) echo "unknown argument: $1 (use --data-dir DIR, --out FILE, --only TEXT, --dll PATH)" >&2; exit 2 ;;
  esac
done

[ -f "$dll" ] || { echo "no build at $dll: run dotnet build SupplyGraph.sln -c Release first" >&2; exit 2; }
[ -d benchmarks/load/node_modules ] || (cd benchmarks/load && npm ci --no-audit --no-fund --loglevel=error)
if [ -z "$data_dir" ]; then
  data_dir="benchmarks/data/hardening-seed"
  rm -rf "$data_dir"
fi
mkdir -p "$(dirname "$out")" "$data_dir" benchmarks/data
log="benchmarks/data/hardening-service.log"

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
dotnet "$dll" serve --urls "http://127.0.0.1:$port" "--SupplyGraph:DataDirectory=$(realpath "$data_dir")" > "$log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true' EXIT
for _ in $(seq 1 600); do
  curl -sf "http://127.0.0.1:$port/health" > /dev/null && break
  kill -0 $pid 2>/dev/null || { echo "the service stopped; see $log" >&2; exit 1; }
  sleep 0.5
done

node benchmarks/load/hardening-probes.mjs --url "http://127.0.0.1:$port/graphql" --pid "$pid" --out "$out" ${only:+--only "$only"} \
  ${query:+--query "$query" --query-name "$query_name"} ${flood_query:+--flood-query "$flood_query" --flood-name "$flood_name"} --probe-timeout-seconds 150
