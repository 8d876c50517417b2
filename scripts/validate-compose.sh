#!/usr/bin/env bash
# Validates the container files without a Docker engine: docker-compose.yml (through `docker-compose config`),
# src/SupplyGraph.Cli/Dockerfile (its build-stage COPY sources exist, are inside the build context and are not
# excluded by .dockerignore; the restore step copies every project the executable references; the files embedded as
# resources reach the build) and the main settings both rely on.
# Installs docker-compose (Debian package, v1.29) when it is missing and we are root.
# Prints one line per check ("ok ..." / "FAIL ...") and closes with "compose: N passed, N failed"; exits 0 only if
# every check passed. Building the image and starting the containers need an engine and are not done here.
set -uo pipefail
cd "$(dirname "$0")/.." || exit 1

compose_file=docker-compose.yml
dockerfile=src/SupplyGraph.Cli/Dockerfile
app_project=src/SupplyGraph.Cli/SupplyGraph.Cli.csproj

passed=0; failed=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

ok() { echo "ok $*"; passed=$((passed + 1)); }
fail() { echo "FAIL $*"; failed=$((failed + 1)); }
# Prints its arguments, at most the first five and a count of the others.
some() { if [ "$#" -le 5 ]; then echo "$*"; else echo "${*:1:5} (+$(($# - 5)) more)"; fi; }
# Prints a file's last lines indented, as the detail of a failure.
detail() { tail -n "${2:-5}" "$1" | sed 's/^/    /'; }
finish() {
  echo "compose: ${passed} passed, ${failed} failed"
  [ "$failed" -eq 0 ]
  exit $?
}

# ---- docker-compose ------------------------------------------------------------------------------
compose=()
why=""
find_compose() {
  if command -v docker-compose >/dev/null 2>&1; then compose=(docker-compose); return 0; fi
  if docker compose version >/dev/null 2>&1; then compose=(docker compose); return 0; fi
  return 1
}
install_compose() {
  if [ "$(id -u)" -ne 0 ]; then
    why="docker-compose is not installed, and installing it (apt-get install docker-compose) needs root"; return 1
  fi
  if ! command -v apt-get >/dev/null 2>&1; then
    why="docker-compose is not installed, and there is no apt-get to install it with"; return 1
  fi
  # --no-install-recommends: the package recommends docker.io (a whole engine), which validation does not need.
  local install=(apt-get install -y -qq --no-install-recommends docker-compose)
  if ! DEBIAN_FRONTEND=noninteractive "${install[@]}" >"$tmp/apt.log" 2>&1; then
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >>"$tmp/apt.log" 2>&1
    if ! DEBIAN_FRONTEND=noninteractive "${install[@]}" >>"$tmp/apt.log" 2>&1; then
      why="apt-get install docker-compose failed: $(tail -n 2 "$tmp/apt.log" | tr '\n' ' ')"; return 1
    fi
  fi
  find_compose || { why="docker-compose is still not on PATH after apt-get install"; return 1; }
}

if find_compose || install_compose; then
  ok "compose tool: $("${compose[@]}" version --short 2>/dev/null || "${compose[@]}" version 2>/dev/null | head -n 1) (${compose[*]})"
else
  fail "compose tool: $why"
fi

# Runs the compose tool on the compose file with NEO4J_PASSWORD unset or set to $1.
compose_config() {
  local password=$1; shift
  if [ -n "$password" ]; then
    NEO4J_PASSWORD="$password" "${compose[@]}" -f "$compose_file" config "$@"
  else
    env -u NEO4J_PASSWORD "${compose[@]}" -f "$compose_file" config "$@"
  fi
}
# Prints one service's block of a resolved config (the lines under "  name:", up to the next top-level key or service).
service_block() { awk -v name="  $1:" '$0 == name { on = 1; next } on && /^(  )?[^ ]/ { on = 0 } on' "$2"; }

if [ "${#compose[@]}" -eq 0 ]; then
  fail "compose config: not run, no compose tool"
elif [ ! -f "$compose_file" ]; then
  fail "compose config: $compose_file is missing"
else
  # 1. The file as a user runs it, on the defaults: valid, and no variable left unset.
  if compose_config "" -q >"$tmp/quiet.out" 2>"$tmp/quiet.err" && ! grep -qi 'variable is not set' "$tmp/quiet.err"; then
    ok "compose config -q: $compose_file is valid with the defaults"
  else
    fail "compose config -q: $compose_file is not valid with the defaults"; detail "$tmp/quiet.err"
  fi

  # 2. The resolved file, with a password given, checked for what the services rely on.
  password="validate-Pw-$$"
  if compose_config "$password" >"$tmp/resolved.yml" 2>"$tmp/resolved.err"; then
    service_block neo4j "$tmp/resolved.yml" >"$tmp/neo4j.yml"
    service_block supplygraph "$tmp/resolved.yml" >"$tmp/supplygraph.yml"

    if grep -q "NEO4J_AUTH: neo4j/$password\$" "$tmp/neo4j.yml" \
      && grep -q "SUPPLYGRAPH_NEO4J_PASSWORD: $password\$" "$tmp/supplygraph.yml"; then
      ok "compose: NEO4J_PASSWORD reaches both neo4j (NEO4J_AUTH) and supplygraph (SUPPLYGRAPH_NEO4J_PASSWORD)"
    else
      fail "compose: NEO4J_PASSWORD does not reach NEO4J_AUTH of neo4j and SUPPLYGRAPH_NEO4J_PASSWORD of supplygraph"
    fi

    if grep -q 'image: neo4j:5\.26' "$tmp/neo4j.yml" && grep -q 'QUERY_API_ENDPOINTS' "$tmp/neo4j.yml" \
      && grep -q 'healthcheck:' "$tmp/neo4j.yml"; then
      ok "compose: neo4j is neo4j:5.26 with the Query API enabled and a healthcheck"
    else
      fail "compose: neo4j needs image neo4j:5.26, QUERY_API_ENDPOINTS in its HTTP modules and a healthcheck"
    fi

    if awk '/depends_on:/ { d = 1 } d && /neo4j:/ { n = 1 } n && /condition: service_healthy/ { found = 1 } END { exit !found }' "$tmp/supplygraph.yml"; then
      ok "compose: supplygraph depends_on neo4j with condition service_healthy"
    else
      fail "compose: supplygraph lacks depends_on neo4j with condition: service_healthy"
    fi

    missing=""
    for setting in 'SUPPLYGRAPH_STORE: neo4j' 'SUPPLYGRAPH_NEO4J_URI: http://neo4j:7474' 'SUPPLYGRAPH_BIND_ADDRESS: 0.0.0.0' \
      "SUPPLYGRAPH_PORT: '5080'" 'SUPPLYGRAPH_SEED_ON_EMPTY_STORE:' 'healthcheck:' 'restart: unless-stopped'; do
      # Compose v1 prints '5080' quoted, v2 as "5080": accept either quoting.
      pattern=$(printf '%s' "$setting" | sed "s/'/['\"]/g")
      grep -Eq "$pattern" "$tmp/supplygraph.yml" || missing="$missing [$setting]"
    done
    if [ -z "$missing" ]; then
      ok "compose: supplygraph points at http://neo4j:7474, binds 0.0.0.0:5080, has a healthcheck and restarts"
    else
      fail "compose: supplygraph is missing$missing"
    fi

    # The readiness probe, not /health alone: ready means the store answers and its index or projection is loaded.
    if awk '/healthcheck:/ { h = 1 } h && /\/health\/ready/ { found = 1 } END { exit !found }' "$tmp/supplygraph.yml"; then
      ok "compose: supplygraph's healthcheck asks GET /health/ready"
    else
      fail "compose: supplygraph's healthcheck does not ask GET /health/ready"
    fi

    context=$(sed -n 's/^ *context: *//p' "$tmp/supplygraph.yml" | head -n 1)
    build_file=$(sed -n 's/^ *dockerfile: *//p' "$tmp/supplygraph.yml" | head -n 1)
    if [ -n "$context" ] && [ "$(cd "$context" 2>/dev/null && pwd -P)" = "$(pwd -P)" ] && [ "$build_file" = "$dockerfile" ]; then
      ok "compose: supplygraph builds $dockerfile with the repository root as context"
    else
      fail "compose: supplygraph build is context '$context', dockerfile '$build_file'; want the repository root and $dockerfile"
    fi
  else
    fail "compose config: $compose_file does not resolve with NEO4J_PASSWORD set"; detail "$tmp/resolved.err"
  fi
fi

# ---- Dockerfile and .dockerignore ----------------------------------------------------------------
# .dockerignore patterns as extended regular expressions, with Docker's meaning: '*' and '?' stay within one path
# segment, '**' spans segments, a pattern also excludes everything under what it matches, '!' re-includes, and the
# last matching pattern decides.
ignore_regexes=(); ignore_negated=()
pattern_regex() {
  local p=$1 out="" c i=0
  while [ "$i" -lt "${#p}" ]; do
    c=${p:i:1}
    case "$c" in
      '*')
        if [ "${p:i+1:1}" = '*' ]; then
          if [ "${p:i+2:1}" = '/' ]; then out+='(.*/)?'; i=$((i + 2)); else out+='.*'; i=$((i + 1)); fi
        else
          out+='[^/]*'
        fi ;;
      '?') out+='[^/]' ;;
      '.' | '+' | '(' | ')' | '|' | '^' | '$' | '{' | '}' | \\) out+="\\$c" ;;
      *) out+="$c" ;;
    esac
    i=$((i + 1))
  done
  printf '^%s(/.*)?$' "$out"
}
if [ -f .dockerignore ]; then
  while IFS= read -r line || [ -n "$line" ]; do
    line=$(printf '%s' "$line" | sed 's/^[[:space:]]*//; s/[[:space:]]*$//')
    case "$line" in '' | '#'*) continue ;; esac
    negated=0
    if [ "${line:0:1}" = '!' ]; then negated=1; line=${line:1}; fi
    line=${line#/}; line=${line#./}; line=${line%/}
    ignore_regexes+=("$(pattern_regex "$line")"); ignore_negated+=("$negated")
  done <.dockerignore
fi
is_ignored() {
  local path=${1#./} excluded=1 i
  path=${path%/}
  for i in "${!ignore_regexes[@]}"; do
    if [[ $path =~ ${ignore_regexes[$i]} ]]; then excluded=${ignore_negated[$i]}; fi
  done
  return "$excluded"
}

# The build stage's instructions (from the first FROM to the next one), continuation lines joined.
build_stage() {
  sed -e ':a' -e '/\\$/N; s/\\\n/ /; ta' "$dockerfile" \
    | awk '/^[[:space:]]*#/ { next } toupper($1) == "FROM" { stage++ } stage == 1'
}

copy_sources=()
if [ ! -f "$dockerfile" ]; then
  fail "Dockerfile: $dockerfile is missing"
else
  while read -r instruction rest; do
    [ "$(printf '%s' "$instruction" | tr '[:lower:]' '[:upper:]')" = COPY ] || continue
    read -r -a words <<<"$rest"
    args=()
    from_stage=0
    for word in "${words[@]}"; do
      case "$word" in --from=*) from_stage=1 ;; --*) ;; *) args+=("$word") ;; esac
    done
    [ "$from_stage" -eq 1 ] && continue
    if [ "${#args[@]}" -lt 2 ]; then fail "Dockerfile: cannot read the sources of 'COPY $rest'"; continue; fi
    unset 'args[${#args[@]}-1]'
    copy_sources+=("${args[@]}")
  done < <(build_stage)

  if [ "${#copy_sources[@]}" -eq 0 ]; then
    fail "Dockerfile: no COPY source found in the build stage"
  fi
  for source in "${copy_sources[@]}"; do
    case "$source" in
      /* | ../* | .. | */../*) fail "Dockerfile COPY $source: outside the build context"; continue ;;
    esac
    # shellcheck disable=SC2206 # a source may be a glob
    matches=($source)
    if [ ! -e "${matches[0]}" ]; then
      fail "Dockerfile COPY $source: not found in the repository"
    elif is_ignored "$source"; then
      fail "Dockerfile COPY $source: excluded from the build context by .dockerignore"
    else
      ok "Dockerfile COPY $source: exists, not excluded by .dockerignore"
    fi
  done
fi

# The projects the API references (transitively), each of which the restore step must have copied.
project_closure() {
  local queue=("$1") seen=() project dir ref resolved
  while [ "${#queue[@]}" -gt 0 ]; do
    project=${queue[0]}; queue=("${queue[@]:1}")
    [[ " ${seen[*]} " == *" $project "* ]] && continue
    seen+=("$project")
    dir=$(dirname "$project")
    while IFS= read -r ref; do
      resolved=$(realpath -m --relative-to=. "$dir/${ref//\\//}")
      queue+=("$resolved")
    done < <(sed -n 's/.*<ProjectReference[^>]*Include="\([^"]*\)".*/\1/p' "$project" 2>/dev/null)
  done
  printf '%s\n' "${seen[@]}"
}
copied() { # is $1 a file the build stage copies (a source itself, or under a copied directory)?
  local path=$1 source
  for source in "${copy_sources[@]}"; do
    source=${source%/}
    if [ "$path" = "$source" ] || [[ $path == "$source"/* ]]; then return 0; fi
  done
  return 1
}

if [ -f "$app_project" ] && [ "${#copy_sources[@]}" -gt 0 ]; then
  mapfile -t projects < <(project_closure "$app_project")
  not_copied=""
  for project in "${projects[@]}"; do
    [ -f "$project" ] || { not_copied="$not_copied $project(missing)"; continue; }
    printf '%s\n' "${copy_sources[@]}" | grep -qxF "$project" || not_copied="$not_copied $project"
  done
  if [ -z "$not_copied" ]; then
    ok "Dockerfile restore step copies all ${#projects[@]} project files of the API and its references"
  else
    fail "Dockerfile restore step lacks project files:$not_copied"
  fi

  # Files embedded as resources from outside the project folders (datasets/seed.json, cypher/**/*.cypher).
  for project in "${projects[@]}"; do
    dir=$(dirname "$project")
    while IFS= read -r include; do
      if [[ "$include" == @\(* ]]; then
        # Made during the build (the dashboard's bundle, from src/SupplyGraph.Dashboard): its sources are checked
        # with every other tracked file under the copied folders, below.
        ok "embedded resources $include of $(basename "$project"): made during the build"
        continue
      fi
      pattern=$(realpath -m --relative-to=. "$dir/${include//\\//}")
      shopt -s globstar nullglob
      # shellcheck disable=SC2206
      files=($pattern)
      shopt -u globstar nullglob
      bad=()
      for file in "${files[@]}"; do
        if ! copied "$file"; then bad+=("$file(not copied)"); elif is_ignored "$file"; then bad+=("$file(.dockerignore)"); fi
      done
      if [ "${#files[@]}" -eq 0 ]; then
        fail "embedded resources $pattern of $(basename "$project"): no file matches"
      elif [ "${#bad[@]}" -eq 0 ]; then
        ok "embedded resources $pattern of $(basename "$project"): ${#files[@]} file(s) copied into the build"
      else
        fail "embedded resources $pattern of $(basename "$project"): not in the build: $(some "${bad[@]}")"
      fi
    done < <(sed -n 's/.*<EmbeddedResource[^>]*Include="\([^"]*\)".*/\1/p' "$project")
  done

  # Every tracked source file under the copied folders reaches the build.
  if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
    mapfile -t tracked < <(git ls-files -- "${copy_sources[@]}")
    excluded=()
    for file in "${tracked[@]}"; do
      if is_ignored "$file"; then excluded+=("$file"); fi
    done
    if [ "${#excluded[@]}" -eq 0 ]; then
      ok "build context: none of the ${#tracked[@]} tracked files under the COPY sources is excluded by .dockerignore"
    else
      fail "build context: .dockerignore excludes tracked files the build copies: $(some "${excluded[@]}")"
    fi
  fi
fi

if [ -f "$dockerfile" ]; then
  runtime=$(sed -e ':a' -e '/\\$/N; s/\\\n/ /; ta' "$dockerfile" | awk 'toupper($1) == "FROM" { stage++ } stage >= 2')
  # The API project names its assembly (supplygraph: the command line's executable) or takes the project's name.
  assembly_name=$(sed -n 's/.*<AssemblyName>\([^<]*\)<\/AssemblyName>.*/\1/p' "$app_project" | head -n 1)
  assembly=${assembly_name:-$(basename "$app_project" .csproj)}.dll
  problems=""
  # shellcheck disable=SC2016 # $APP_UID is the Dockerfile's text, not a shell expansion
  grep -Eiq '^USER[[:space:]]+(\$APP_UID|\$\{APP_UID\}|app)[[:space:]]*$' <<<"$runtime" || problems="$problems [USER \$APP_UID]"
  grep -Eiq '^EXPOSE[[:space:]]+5080' <<<"$runtime" || problems="$problems [EXPOSE 5080]"
  grep -Eq 'SUPPLYGRAPH_BIND_ADDRESS=0\.0\.0\.0' <<<"$runtime" || problems="$problems [SUPPLYGRAPH_BIND_ADDRESS=0.0.0.0]"
  grep -Eq 'SUPPLYGRAPH_DATA_DIR=/data' <<<"$runtime" || problems="$problems [SUPPLYGRAPH_DATA_DIR=/data]"
  grep -Eq 'ASPNETCORE_HTTP_PORTS=(""|'"''"')?([[:space:]]|$)' <<<"$runtime" || problems="$problems [ASPNETCORE_HTTP_PORTS cleared]"
  grep -Fq "ENTRYPOINT [\"dotnet\", \"$assembly\", \"serve\"]" <<<"$runtime" || problems="$problems [ENTRYPOINT dotnet $assembly serve]"
  if grep -Eiq '^HEALTHCHECK[[:space:]].*CMD.*/health/ready' <<<"$runtime"; then
    ok "Dockerfile runtime stage: HEALTHCHECK asks GET /health/ready"
  else
    fail "Dockerfile runtime stage lacks a HEALTHCHECK that asks GET /health/ready"
  fi
  if [ -z "$problems" ]; then
    ok "Dockerfile runtime stage: non-root, 0.0.0.0:5080 (ASPNETCORE_HTTP_PORTS cleared), data in /data, runs $assembly serve"
  else
    fail "Dockerfile runtime stage lacks$problems"
  fi
fi

finish
