#!/usr/bin/env bash
# Import rates of the command line's formats into the embedded store, run as a user runs them:
#   bash benchmarks/import-formats.sh                 100,000 generated entities (about 410,000 relationships)
#   bash benchmarks/import-formats.sh --entities N
# Builds the supplygraph executable in Release, then times (wall clock and peak resident memory, /usr/bin/time):
# generate; import of the JSON file into an empty store; the same import again (every row compared, none changed);
# export as CSV; import of the CSV files into another empty store; and checks that both stores export the same JSON.
# Writes benchmarks/results/import-formats.md. Needs a quiet machine: anything else running skews the numbers.
set -euo pipefail
cd "$(dirname "$0")/.."

entities=100000
while [ $# -gt 0 ]; do
  case "$1" in
    --entities) entities="$2"; shift 2 ;;
    *) echo "unknown argument: $1 (use --entities N)" >&2; exit 2 ;;
  esac
done

echo "==> build (Release)"
dotnet build src/SupplyGraph.Cli -c Release -warnaserror -v quiet -nologo
cli="dotnet src/SupplyGraph.Cli/bin/Release/net10.0/supplygraph.dll"
work=benchmarks/data/import-formats
rm -rf "$work" && mkdir -p "$work"
results=benchmarks/results/import-formats.md
rows=()

# Runs one step; keeps its wall seconds, peak resident MiB and what it printed.
step() {
  local name="$1"; shift
  echo "==> $name"
  /usr/bin/time -f "%e %M" -o "$work/time" "$@" >"$work/out" 2>"$work/err" || { cat "$work/out" "$work/err"; exit 1; }
  cat "$work/out"
  read -r seconds kilobytes <"$work/time"
  # The import's own summary: "508,350 rows in 2.3 s (219,098 rows/s)" (reading, writing and committing only).
  local summary own="— | — | —"
  summary=$(grep -Eo '[0-9,]+ rows in [0-9.]+ s \([0-9,]+ rows/s\)' "$work/out" | head -n 1 || true)
  if [ -n "$summary" ]; then
    own=$(sed -E 's/([0-9,]+) rows in ([0-9.]+) s \(([0-9,]+) rows\/s\)/\1 | \2 | \3/' <<<"$summary")
  fi
  rows+=("| $name | $own | $seconds | $((kilobytes / 1024)) |")
}

step "generate $entities entities (JSON)" $cli generate --entities "$entities" --seed 42 --out "$work/generated.json"
step "import JSON into an empty store" $cli import "$work/generated.json" --store embedded --data-dir "$work/from-json"
step "import the same JSON again (all unchanged)" $cli import "$work/generated.json" --store embedded --data-dir "$work/from-json"
step "export CSV" $cli export --format csv --out "$work/csv" --store embedded --data-dir "$work/from-json"
step "import CSV into an empty store" $cli import "$work/csv" --store embedded --data-dir "$work/from-csv"
step "export JSON (from the JSON store)" $cli export --format json --out "$work/a.json" --store embedded --data-dir "$work/from-json"
$cli export --format json --out "$work/b.json" --store embedded --data-dir "$work/from-csv" 2>/dev/null
cmp -s "$work/a.json" "$work/b.json" && same="identical" || same="DIFFERENT"

{
  echo "# Import rates by format (embedded store)"
  echo
  echo "Measured by \`bash benchmarks/import-formats.sh --entities $entities\` at commit $(git rev-parse --short HEAD) on $(date -u +%Y-%m-%d)"
  echo "($(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo)); the supplygraph executable in Release, each step its own process."
  echo "Rows are entities plus relationships. \"import s\" and \"rows/s\" are from the import's own summary: the import call"
  echo "(reading, validating, writing, committing, and reloading the index the store answers from). \"process s\" is the whole"
  echo "process (start-up and opening the store too); peak MiB is its peak resident memory."
  echo
  echo "| step | rows | import s | rows/s | process s | peak MiB |"
  echo "|---|---:|---:|---:|---:|---:|"
  printf '%s\n' "${rows[@]}"
  echo
  echo "The store imported from the CSV export exports the same JSON as the store imported from the JSON file: **$same**."
} >"$results"
cat "$results"
