#!/usr/bin/env bash
# POST /mailboxes throughput with Debian's wrk as the load generator (the Java client of ApiBenchmark
# spent about 1 ms of CPU per request on the same 2 cores, a third of what the server spent): 8
# connections, each in its own PRO_MAX account, a warm-up, then the measured run. With the server's
# port and data folder it also prints the server's CPU per create (JVM and embedded PostgreSQL).
#   benchmarks/create-mailboxes.sh <baseUrl> <adminToken> [seconds] [dataDir]
set -euo pipefail
base="$1"; admin="$2"; seconds="${3:-20}"; data="${4:-}"
here="$(cd "$(dirname "$0")" && pwd)"
source "$here/wrk-common.sh"
tokens=()
for i in $(seq 1 8); do
  tokens+=("$(new_token "$base" "$admin" "wrk-$i")")
done
export TOKENS; TOKENS=$(IFS=,; echo "${tokens[*]}")

measured_wrk "$base" "$data" 8 "$seconds" "$here/wrk/create-mailboxes.lua" create
