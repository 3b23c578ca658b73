# Sourced by the wrk benchmark scripts (create-mailboxes.sh, mcp-calls.sh).
#   new_token <baseUrl> <adminToken> <label>   -> the plaintext of a "*" token of a new PRO_MAX account
#   measured_wrk <baseUrl> <dataDir> <connections> <seconds> <script> <operation>
#       a 15 s unrecorded round (the JIT is still compiling a path after 5 s), then the measured one:
#       wrk's latencies and rate, and, with the server's data folder, its CPU per operation
#   server_ticks <baseUrl> <dataDir>   -> "<jvm ticks> <postgres ticks>" ("0 0" without a data folder)
#   per_op_ms <ticks before> <ticks after> <operations>   -> milliseconds of CPU per operation
new_token() {
  local base="$1" admin="$2" label="$3" account
  account=$(curl -sf -X POST "$base/api/v1/admin/accounts" -H "Authorization: Bearer $admin" \
    -H 'Content-Type: application/json' \
    -d "{\"email\":\"$label-$RANDOM$RANDOM@example.com\",\"name\":\"Benchmark\",\"plan\":\"PRO_MAX\"}" \
    | grep -o '"id":"[^"]*"' | head -1 | cut -d'"' -f4)
  curl -sf -X POST "$base/api/v1/admin/accounts/$account/tokens" -H "Authorization: Bearer $admin" \
    -H 'Content-Type: application/json' -d '{"label":"benchmark","scopes":["*"]}' \
    | grep -o '"plaintext":"[^"]*"' | cut -d'"' -f4
}

measured_wrk() {
  local base="$1" data="$2" connections="$3" seconds="$4" script="$5" operation="$6" out count before after
  wrk -t"$connections" -c"$connections" -d15s -s "$script" "$base" > /dev/null
  echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
  before=($(server_ticks "$base" "$data"))
  out=$(wrk -t"$connections" -c"$connections" -d"${seconds}s" --latency -s "$script" "$base")
  after=($(server_ticks "$base" "$data"))
  echo "$out" | grep -E "Latency|50%|90%|99%|requests in|Requests/sec|Non-2xx|failed calls"
  count=$(echo "$out" | grep -o "[0-9]* requests in" | cut -d' ' -f1)
  if [ -n "$data" ]; then
    echo "server CPU per $operation: JVM $(per_op_ms "${before[0]}" "${after[0]}" "$count") ms," \
      "PostgreSQL $(per_op_ms "${before[1]}" "${after[1]}" "$count") ms"
  fi
  echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
}

# CPU ticks of the server's JVM (found by its --server.port) and of its embedded PostgreSQL
# (postmaster and backends, from <dataDir>/postgres/postmaster.pid).
server_ticks() {
  local base="$1" data="$2"
  [ -n "$data" ] || { echo "0 0"; return; }
  local port=${base##*:} jvm pg=0 postmaster
  jvm=$(pgrep -f -- "--server.port=$port" | head -1)
  postmaster=$(head -1 "$data/postgres/postmaster.pid")
  for p in $postmaster $(pgrep -P "$postmaster"); do
    pg=$((pg + $(awk '{print $14+$15+$16+$17}' "/proc/$p/stat" 2>/dev/null || echo 0)))
  done
  echo "$(awk '{print $14+$15}' "/proc/$jvm/stat") $pg"
}

per_op_ms() {
  echo "scale=2; ($2 - $1) * 1000 / $(getconf CLK_TCK) / $3" | bc
}
