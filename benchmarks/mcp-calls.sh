#!/usr/bin/env bash
# tools/call qmailing_list_mailboxes with 16 concurrent MCP sessions, Debian's wrk as the load
# generator: McpBenchmark's Java client spends more CPU per call (~0.7 ms) than the server on the
# same 2 cores, so flat out it measured its own share of the cores as much as the server. 16
# PRO_MAX accounts with 20 mailboxes each (as McpBenchmark's one), one Streamable HTTP session in
# each (opened with initialize and notifications/initialized) and one wrk connection in each
# session: a 15 s unrecorded round, then the measured one. One account per session, because flat
# out 16 sessions of one account would pass its plan's request limit (60,000 a minute). With the server's data folder it also prints the server's CPU per call.
#   benchmarks/mcp-calls.sh <baseUrl> <adminToken> [seconds] [dataDir]
set -euo pipefail
base="$1"; admin="$2"; seconds="${3:-20}"; data="${4:-}"; accounts="${MCP_ACCOUNTS:-16}"
here="$(cd "$(dirname "$0")" && pwd)"
source "$here/server-cpu.sh"
json() { grep -o "\"$1\":\"[^\"]*\"" | head -1 | cut -d'"' -f4; }

mcp() { # <token> <session id or empty> <JSON-RPC body>: prints the response headers
  curl -sf -D - -o /dev/null -X POST "$base/mcp" -H "Authorization: Bearer $1" \
    -H 'Content-Type: application/json' -H 'Accept: application/json, text/event-stream' \
    ${2:+-H "Mcp-Session-Id: $2"} ${2:+-H "MCP-Protocol-Version: 2025-06-18"} -d "$3"
}
tokens=(); sessions=()
for s in $(seq 1 16); do
  if [ "$s" -gt "$accounts" ]; then # another session in an account opened above
    token=${tokens[$(( (s - 1) % accounts ))]}
  else
  account=$(curl -sf -X POST "$base/api/v1/admin/accounts" -H "Authorization: Bearer $admin" \
    -H 'Content-Type: application/json' \
    -d "{\"email\":\"mcp-$s-$RANDOM$RANDOM@example.com\",\"name\":\"Benchmark\",\"plan\":\"PRO_MAX\"}" | json id)
  token=$(curl -sf -X POST "$base/api/v1/admin/accounts/$account/tokens" \
    -H "Authorization: Bearer $admin" -H 'Content-Type: application/json' \
    -d '{"label":"benchmark","scopes":["*"]}' | json plaintext)
  for i in $(seq 1 20); do
    curl -sf -o /dev/null -X POST "$base/api/v1/pub/mailboxes" -H "Authorization: Bearer $token" \
      -H 'Content-Type: application/json' -d "{\"localPart\":\"mcp$i-$RANDOM$RANDOM\"}"
  done
  fi
  id=$(mcp "$token" "" '{"jsonrpc":"2.0","id":0,"method":"initialize","params":{"protocolVersion":"2025-06-18",'`
      `'"capabilities":{},"clientInfo":{"name":"wrk","version":"1"}}}' \
    | grep -i '^mcp-session-id:' | cut -d' ' -f2 | tr -d '\r')
  mcp "$token" "$id" '{"jsonrpc":"2.0","method":"notifications/initialized"}' > /dev/null
  tokens+=("$token"); sessions+=("$id")
done
export TOKENS; TOKENS=$(IFS=,; echo "${tokens[*]}")
export SESSIONS; SESSIONS=$(IFS=,; echo "${sessions[*]}")

wrk -t16 -c16 -d15s -s "$here/wrk/mcp-list-mailboxes.lua" "$base" > /dev/null
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
before=($(server_ticks "$base" "$data"))
out=$(wrk -t16 -c16 -d"${seconds}s" --latency -s "$here/wrk/mcp-list-mailboxes.lua" "$base")
after=($(server_ticks "$base" "$data"))
echo "$out" | grep -E "Latency|50%|90%|99%|requests in|Requests/sec|Non-2xx|failed calls"
calls=$(echo "$out" | grep -o "[0-9]* requests in" | cut -d' ' -f1)
if [ -n "$data" ]; then
  echo "server CPU per call: JVM $(per_op_ms "${before[0]}" "${after[0]}" "$calls") ms," \
    "PostgreSQL $(per_op_ms "${before[1]}" "${after[1]}" "$calls") ms"
fi
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
for s in $(seq 0 15); do
  curl -sf -o /dev/null -X DELETE "$base/mcp" -H "Authorization: Bearer ${tokens[$s]}" \
    -H "Mcp-Session-Id: ${sessions[$s]}" || true
done
