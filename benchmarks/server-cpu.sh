# Sourced by the wrk benchmark scripts: CPU ticks of the server's JVM (found by its --server.port)
# and of its embedded PostgreSQL (postmaster and backends, from <dataDir>/postgres/postmaster.pid).
#   server_ticks <baseUrl> <dataDir>   -> "<jvm ticks> <postgres ticks>" ("0 0" without a data folder)
#   per_op_ms <ticks before> <ticks after> <operations>   -> milliseconds of CPU per operation
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
