#!/usr/bin/env bash
# One ingest run as docs/benchmarks.md ("Receive, round 3") measured it: a fresh data folder and
# embedded PostgreSQL (fsync on), Postfix smtp-sink next to it, then IngestBenchmark with the load
# from smtp-source, the server's CPU per message (JVM, PostgreSQL with its backends) and the load
# average. Alternate a baseline jar and a candidate jar: the machine's load moves the figures more
# than most changes do.
#   benchmarks/ingest-smtp-source.sh app/target/qmailing.jar candidate
# WARMUP=n runs n unrecorded rounds first on the same server (each in an account of its own), so
# the measured round meets a compiled JVM rather than the JIT compiling next to the load.
# KEEP_DATA=1 keeps the data folder afterwards. Ports: HTTP $PORT (19100), SMTP $PORT+25, smtp-sink $PORT+26. The classes must be compiled first
# (benchmarks/run.sh does; or ./mvnw -q -o -pl benchmarks compile and dependency:build-classpath).
set -u
jar=$(realpath "$1"); label=$2; shift 2
port=${PORT:-19100}; smtp=$((port + 25)); sinkport=$((port + 26))
data=${TMPDIR:-/tmp}/ingest-$label; rm -rf "$data"; mkdir -p "$data"
cd "$(dirname "$0")/.."
QMAILING_DATA_DIR=$data QMAILING_SMTP_PORT=$smtp QMAILING_ADMIN_TOKEN=ingestadmin \
  timeout 900 java ${APP_OPTS:-} -jar "$jar" --server.port=$port > "$data.log" 2>&1 &
app=$!
timeout 900 smtp-sink -u nobody 127.0.0.1:$sinkport 256 & sink=$!
for _ in $(seq 1 300); do curl -sf localhost:$port/actuator/health >/dev/null && break; sleep 0.5; done
jvm=$(pgrep -P $app java || echo $app)
postmaster=$(ps -eo pid,args | grep "$data/postgres" | grep -v grep | awk '{print $1}' | head -1)
bench() {
  timeout 600 java ${BENCH_JAVA_OPTS:-} -cp "benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)" \
    com.qmailing.benchmarks.IngestBenchmark http://localhost:$port ingestadmin $smtp \
    --sink 127.0.0.1:$sinkport --smtp-source --cpu "$jvm:$postmaster" "$@"
}
for round in $(seq 1 "${WARMUP:-0}"); do echo "warm-up round $round"; bench "$@" > /dev/null; done
uptime
bench "$@" | grep -v '^account '
uptime
kill $app $sink 2>/dev/null; wait $app 2>/dev/null
# Deleted now, not at the next run's start: on this machine's ext4 (no journal) creating files right
# after deleting tens of thousands costs up to three times the CPU (docs/benchmarks.md, session 8).
[ -n "${KEEP_DATA:-}" ] || { rm -rf "$data"; sync; }
