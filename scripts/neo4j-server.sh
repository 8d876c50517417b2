#!/usr/bin/env bash
# A throw-away Neo4j 5.26 Community server for the tests and the benchmarks, from ../shared/neo4j/ (see its README).
# Source it, then:
#   neo4j_server_start   checks the tarball's sha256, unpacks it into a temp folder, sets an initial password, starts
#                        the server on free loopback ports, waits for the Query API and exports
#                        SUPPLYGRAPH_NEO4J_URI, _USER, _PASSWORD, _DATABASE and SUPPLYGRAPH_NEO4J_HOME.
#   neo4j_server_stop    stops it (and kills it if the stop hangs) and removes the folder. Safe to call twice.
# Installs xz-utils, curl and a Java 17 runtime from Debian's packages when they are missing (needs root).

NEO4J_TARBALL_SHA256=07c1bb613050548367de3b6762708ad8044b3c42d984645fc68f4a25c91a4f23
NEO4J_TARBALL_NAME=neo4j-community-5.26.0
neo4j_server_folder=""

neo4j_server_install_tools() {
  local missing=()
  command -v xz >/dev/null 2>&1 || missing+=(xz-utils)
  command -v curl >/dev/null 2>&1 || missing+=(curl)
  command -v java >/dev/null 2>&1 || [ -n "${JAVA_HOME:-}" ] || missing+=(openjdk-17-jre-headless)
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "neo4j: installing ${missing[*]}"
  if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
    echo "neo4j: ${missing[*]} missing and cannot be installed here (needs root and apt-get)" >&2
    return 1
  fi
  apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
}

# A loopback port nothing listens on.
neo4j_server_free_port() {
  local port
  for _ in $(seq 1 200); do
    port=$((20000 + RANDOM % 30000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return 0
    fi
  done
  return 1
}

neo4j_server_start() {
  local tarball=${1:-}
  if [ -z "$tarball" ]; then
    tarball="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/../shared/neo4j/${NEO4J_TARBALL_NAME}.tar.xz"
  fi
  if [ ! -f "$tarball" ]; then
    echo "neo4j: no server tarball at $tarball" >&2
    return 1
  fi
  neo4j_server_install_tools || return 1
  if ! echo "${NEO4J_TARBALL_SHA256}  ${tarball}" | sha256sum --check --status; then
    echo "neo4j: $tarball does not have the sha256 ${NEO4J_TARBALL_SHA256}" >&2
    return 1
  fi

  neo4j_server_folder=$(mktemp -d -t supplygraph-neo4j.XXXXXX)
  tar -xJf "$tarball" -C "$neo4j_server_folder" || return 1
  local home="$neo4j_server_folder/$NEO4J_TARBALL_NAME"
  local http_port bolt_port password
  http_port=$(neo4j_server_free_port) && bolt_port=$(neo4j_server_free_port) || { echo "neo4j: no free port" >&2; return 1; }
  password="supplygraph-$(od -An -N6 -tx1 /dev/urandom | tr -d ' \n')"
  # The tarball's launchers read no port variables: the ports go into its conf. Memory sized for the M benchmark.
  sed -i -e "s/^server.bolt.listen_address=.*/server.bolt.listen_address=127.0.0.1:${bolt_port}/" \
         -e "s/^server.http.listen_address=.*/server.http.listen_address=127.0.0.1:${http_port}/" \
         -e "s/^server.memory.heap.initial_size=.*/server.memory.heap.initial_size=${SUPPLYGRAPH_NEO4J_HEAP:-1g}/" \
         -e "s/^server.memory.heap.max_size=.*/server.memory.heap.max_size=${SUPPLYGRAPH_NEO4J_HEAP:-1g}/" \
         -e "s/^server.memory.pagecache.size=.*/server.memory.pagecache.size=${SUPPLYGRAPH_NEO4J_PAGECACHE:-512m}/" \
         "$home/conf/neo4j.conf"
  NEO4J_HOME="$home" "$home/bin/neo4j-admin" dbms set-initial-password "$password" >/dev/null || return 1
  NEO4J_HOME="$home" "$home/bin/neo4j" start >/dev/null || { cat "$home/logs/"*.log >&2 2>/dev/null; return 1; }

  local uri="http://127.0.0.1:${http_port}"
  for _ in $(seq 1 180); do
    if curl -s -o /dev/null -w '%{http_code}' -u "neo4j:${password}" -H 'Content-Type: application/json' \
         -d '{"statement":"RETURN 1"}' "${uri}/db/neo4j/query/v2" 2>/dev/null | grep -q '^20'; then
      export SUPPLYGRAPH_NEO4J_URI="$uri" SUPPLYGRAPH_NEO4J_USER=neo4j SUPPLYGRAPH_NEO4J_PASSWORD="$password"
      export SUPPLYGRAPH_NEO4J_DATABASE=neo4j SUPPLYGRAPH_NEO4J_HOME="$home"
      echo "neo4j: Neo4j 5.26 Community answers at ${uri} (bolt 127.0.0.1:${bolt_port}), home ${home}"
      return 0
    fi
    sleep 1
  done
  echo "neo4j: the server did not answer the Query API within 180 s; its log:" >&2
  tail -n 40 "$home/logs/neo4j.log" >&2 2>/dev/null
  return 1
}

neo4j_server_stop() {
  [ -n "$neo4j_server_folder" ] || return 0
  local home="$neo4j_server_folder/$NEO4J_TARBALL_NAME" pid=""
  [ -f "$home/run/neo4j.pid" ] && pid=$(cat "$home/run/neo4j.pid" 2>/dev/null)
  if [ -x "$home/bin/neo4j" ]; then
    NEO4J_HOME="$home" timeout 60 "$home/bin/neo4j" stop >/dev/null 2>&1 || true
  fi
  # A stop that hung, or a server a test restarted under another PID: nothing of it stays running.
  [ -n "$pid" ] && kill -9 "$pid" 2>/dev/null
  pkill -9 -f -- "$home/lib/" 2>/dev/null || true
  rm -rf "$neo4j_server_folder"
  neo4j_server_folder=""
  echo "neo4j: stopped"
}
