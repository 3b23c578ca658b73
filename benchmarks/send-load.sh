#!/usr/bin/env bash
# One hosted-send run as docs/benchmarks.md ("Processor layout") measured it: a fresh data folder
# and embedded PostgreSQL (fsync on), then SendLoadBenchmark (wrk -c8, 8 accounts, 15 s warm-up,
# then the measured seconds, 5 probes a second) with the server's CPU per send from /proc.
# Alternate a baseline jar and a candidate jar.
#   benchmarks/send-load.sh app/target/qmailing.jar candidate [seconds]
# WARMUP=n first runs n unrecorded rounds of the same length on the same server, so the measured
# round meets a compiled JVM: after one 15 s warm-up the JIT still took ~2 ms of CPU per send.
# Ports: HTTP $PORT (19100), SMTP $PORT+25. The classes must be compiled first (see
# ingest-smtp-source.sh).
set -u
jar=$(realpath "$1"); label=$2; seconds=${3:-45}
port=${PORT:-19100}; smtp=$((port + 25))
data=${TMPDIR:-/tmp}/send-$label; rm -rf "$data"; mkdir -p "$data"
cd "$(dirname "$0")/.."
QMAILING_DATA_DIR=$data QMAILING_SMTP_PORT=$smtp QMAILING_ADMIN_TOKEN=sendadmin \
  timeout 900 java ${APP_OPTS:-} -jar "$jar" --server.port=$port > "$data.log" 2>&1 &
app=$!
for _ in $(seq 1 300); do curl -sf localhost:$port/actuator/health >/dev/null && break; sleep 0.5; done
jvm=$(pgrep -P $app java || echo $app)
postmaster=$(ps -eo pid,args | grep "$data/postgres" | grep -v grep | awk '{print $1}' | head -1)
bench() {
  timeout 600 java -Dqmailing.bench.pids=$jvm,$postmaster ${BENCH_JAVA_OPTS:-} \
    -cp "benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)" \
    com.qmailing.benchmarks.SendLoadBenchmark http://localhost:$port sendadmin "$seconds" 5
}
for round in $(seq 1 "${WARMUP:-0}"); do echo "warm-up round $round"; bench > /dev/null; done
uptime
bench
uptime
kill $app 2>/dev/null; wait $app 2>/dev/null
