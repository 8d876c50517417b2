#!/usr/bin/env bash
# Issue 20's floods: 32 clients send one legal request over and over for 20 s while one client asks
# { entity(ref: "DeepSeek") { id } } every 20 ms; its p99 (target <= 100 ms) and every answer are the figure.
#   bash benchmarks/floods.sh --data-dir DIR [--size-name M] [--only NAME] [--suffix TEXT] [--dll PATH]
#     DIR: an embedded store holding the generated M graph and the seed; NAME: one flood (hub-exposure,
#     unknown-references-20, searches-20x200, hub-profiles-20); TEXT: added to the file names (a run kept apart);
#     PATH: another build of the service (a before, measured under the same load as the after).
# Each flood is a run of benchmarks/hardening.sh --only flood with --flood-query; results go to
# benchmarks/results/flood-SIZE-NAME[TEXT].json, with the machine's load average (1 minute) before and after it:
# on a shared machine a loaded run's numbers are the load's, not the service's.
set -euo pipefail
cd "$(dirname "$0")/.."
data_dir=""
size="M"
only=""
suffix=""
dll=()
while [ $# -gt 0 ]; do
  case "$1" in
    --data-dir) data_dir="$2"; shift 2 ;;
    --size-name) size="$2"; shift 2 ;;
    --only) only="$2"; shift 2 ;;
    --suffix) suffix="$2"; shift 2 ;;
    --dll) dll=(--dll "$2"); shift 2 ;;
    *) echo "unknown argument: $1 (use --data-dir DIR [--size-name M] [--only NAME] [--suffix TEXT] [--dll PATH])" >&2; exit 2 ;;
  esac
done
[ -n "$data_dir" ] || { echo "--data-dir is required: an embedded store with the generated graph and the seed" >&2; exit 2; }

aliases() { # aliases COUNT TEMPLATE: the template with {i} replaced by 0..COUNT-1, as aliased root fields
  local out="" i
  for i in $(seq 0 $(($1 - 1))); do out+=" a$i: ${2//\{i\}/$i}"; done
  echo "{$out }"
}
letters() ( set +o pipefail; LC_ALL=C tr -dc 'a-z' < /dev/urandom | head -c "$1" )
unknown=""
for i in $(seq 0 19); do unknown+=" u$i: entity(ref: \"$(letters 199)\") { id }"; done

declare -A floods=(
  [hub-exposure]='{ exposure(regulation: "syn-regulation-000000") { partial exposed { entity { id } } } }'
  [unknown-references-20]="{$unknown }"
  [searches-20x200]="$(aliases 20 'search(text: "syn {i}", first: 200) { id }')"
  [hub-profiles-20]="$(aliases 20 'profile(entity: "syn-lab-000000") { relationships { type } }')"
)
load() { cut -d' ' -f1 /proc/loadavg; }
for name in hub-exposure unknown-references-20 searches-20x200 hub-profiles-20; do
  [ -z "$only" ] || [ "$only" = "$name" ] || continue
  echo "==> flood $name (load average $(load))"
  out="benchmarks/results/flood-$size-$name$suffix.json"
  before=$(load)
  bash benchmarks/hardening.sh --data-dir "$data_dir" --only flood --out "$out" "${dll[@]}" \
    --flood-query "${floods[$name]}" --flood-name "$name"
  python3 - "$out" "$before" "$(load)" <<'PY'
import json, sys
path, before, after = sys.argv[1], float(sys.argv[2]), float(sys.argv[3])
with open(path) as file:
    result = json.load(file)
result["loadAverageBefore"], result["loadAverageAfter"] = before, after
with open(path, "w") as file:
    json.dump(result, file, indent=2)
PY
done
