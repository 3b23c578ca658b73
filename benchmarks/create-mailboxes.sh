#!/usr/bin/env bash
# POST /mailboxes throughput with Debian's wrk as the load generator (the Java client of ApiBenchmark
# spent about 1 ms of CPU per request on the same 2 cores, a third of what the server spent): 8
# connections, each in its own PRO_MAX account, a warm-up, then the measured run. With the server's
# port and data folder it also prints the server's CPU per create (JVM and embedded PostgreSQL).
#   benchmarks/create-mailboxes.sh <baseUrl> <adminToken> [seconds] [dataDir]
set -euo pipefail
base="$1"; admin="$2"; seconds="${3:-20}"; data="${4:-}"
here="$(cd "$(dirname "$0")" && pwd)"
tokens=()
for i in $(seq 1 8); do
  account=$(curl -sf -X POST "$base/api/v1/admin/accounts" -H "Authorization: Bearer $admin" \
    -H 'Content-Type: application/json' \
    -d "{\"email\":\"wrk-$i-$RANDOM$RANDOM@example.com\",\"name\":\"Benchmark\",\"plan\":\"PRO_MAX\"}" \
    | grep -o '"id":"[^"]*"' | head -1 | cut -d'"' -f4)
  tokens+=("$(curl -sf -X POST "$base/api/v1/admin/accounts/$account/tokens" -H "Authorization: Bearer $admin" \
    -H 'Content-Type: application/json' -d '{"label":"benchmark","scopes":["*"]}' \
    | grep -o '"plaintext":"[^"]*"' | cut -d'"' -f4)")
done
export TOKENS; TOKENS=$(IFS=,; echo "${tokens[*]}")

source "$here/server-cpu.sh"

# 15 s of warm-up: the JIT is still compiling the create path after 5 s.
wrk -t8 -c8 -d15s -s "$here/wrk/create-mailboxes.lua" "$base" > /dev/null
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
before=($(server_ticks "$base" "$data"))
out=$(wrk -t8 -c8 -d"${seconds}s" --latency -s "$here/wrk/create-mailboxes.lua" "$base")
after=($(server_ticks "$base" "$data"))
echo "$out" | grep -E "Latency|50%|90%|99%|requests in|Requests/sec|Non-2xx"
creates=$(echo "$out" | grep -o "[0-9]* requests in" | cut -d' ' -f1)
if [ -n "$data" ]; then
  echo "server CPU per create: JVM $(per_op_ms "${before[0]}" "${after[0]}" "$creates") ms," \
    "PostgreSQL $(per_op_ms "${before[1]}" "${after[1]}" "$creates") ms"
fi
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
