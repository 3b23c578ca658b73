#!/usr/bin/env bash
# tools/call qmailing_list_mailboxes with 16 concurrent MCP sessions, Debian's wrk as the load
# generator: McpBenchmark's Java client spends more CPU per call (~0.7 ms) than the server on the
# same 2 cores, so flat out it measured its own share of the cores as much as the server. 16
# PRO_MAX accounts with 20 mailboxes each (as McpBenchmark's one), one Streamable HTTP session in
# each (opened with initialize and notifications/initialized) and one wrk connection in each
# session: a 15 s unrecorded round, then the measured one. One account per session, because flat
# out 16 sessions of one account would pass its plan's request limit (60,000 a minute). With the
# server's data folder it also prints the server's CPU per call.
#   benchmarks/mcp-calls.sh <baseUrl> <adminToken> [seconds] [dataDir]
set -euo pipefail
base="$1"; admin="$2"; seconds="${3:-20}"; data="${4:-}"
here="$(cd "$(dirname "$0")" && pwd)"
source "$here/wrk-common.sh"

mcp() { # <token> <session id or empty> <JSON-RPC body>: prints the response headers
  curl -sf -D - -o /dev/null -X POST "$base/mcp" -H "Authorization: Bearer $1" \
    -H 'Content-Type: application/json' -H 'Accept: application/json, text/event-stream' \
    ${2:+-H "Mcp-Session-Id: $2"} ${2:+-H "MCP-Protocol-Version: 2025-06-18"} -d "$3"
}
tokens=(); sessions=()
for s in $(seq 1 16); do
  token=$(new_token "$base" "$admin" "mcp-$s")
  for i in $(seq 1 20); do
    curl -sf -o /dev/null -X POST "$base/api/v1/pub/mailboxes" -H "Authorization: Bearer $token" \
      -H 'Content-Type: application/json' -d "{\"localPart\":\"mcp$i-$RANDOM$RANDOM\"}"
  done
  id=$(mcp "$token" "" '{"jsonrpc":"2.0","id":0,"method":"initialize","params":{"protocolVersion":"2025-06-18",'`
      `'"capabilities":{},"clientInfo":{"name":"wrk","version":"1"}}}' \
    | grep -i '^mcp-session-id:' | cut -d' ' -f2 | tr -d '\r')
  mcp "$token" "$id" '{"jsonrpc":"2.0","method":"notifications/initialized"}' > /dev/null
  tokens+=("$token"); sessions+=("$id")
done
export TOKENS; TOKENS=$(IFS=,; echo "${tokens[*]}")
export SESSIONS; SESSIONS=$(IFS=,; echo "${sessions[*]}")

measured_wrk "$base" "$data" 16 "$seconds" "$here/wrk/mcp-list-mailboxes.lua" call
for s in $(seq 0 15); do
  curl -sf -o /dev/null -X DELETE "$base/mcp" -H "Authorization: Bearer ${tokens[$s]}" \
    -H "Mcp-Session-Id: ${sessions[$s]}" || true
done
