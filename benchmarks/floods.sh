#!/usr/bin/env bash
# Issue 20's floods: 32 clients send one legal request over and over for 20 s while one client asks
# { entity(ref: "DeepSeek") { id } } every 20 ms; its p99 (target <= 100 ms) and every answer are the figure.
#   bash benchmarks/floods.sh --data-dir DIR [--size-name M]    an embedded store holding the generated M graph and the seed
# Each flood is a run of benchmarks/hardening.sh --only flood with --flood-query; results go to
# benchmarks/results/flood-SIZE-NAME.json.
set -euo pipefail
cd "$(dirname "$0")/.."
data_dir=""
size="M"
while [ $# -gt 0 ]; do
  case "$1" in
    --data-dir) data_dir="$2"; shift 2 ;;
    --size-name) size="$2"; shift 2 ;;
    *) echo "unknown argument: $1 (use --data-dir DIR [--size-name M])" >&2; exit 2 ;;
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
for name in hub-exposure unknown-references-20 searches-20x200 hub-profiles-20; do
  echo "==> flood $name"
  bash benchmarks/hardening.sh --data-dir "$data_dir" --only flood --out "benchmarks/results/flood-$size-$name.json" \
    --flood-query "${floods[$name]}" --flood-name "$name"
done
