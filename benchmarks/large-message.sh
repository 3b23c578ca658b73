#!/usr/bin/env bash
# Starts a QMailing jar with a small heap and a flight recording, runs LargeMessageBenchmark
# against it, stops it and prints the server's allocation in each phase of the benchmark.
#   benchmarks/large-message.sh <jar> <heap, e.g. 128m> <concurrent> [--no-size]
# Needs the benchmarks module compiled with its class path written (docs/benchmarks.md), an
# empty PostgreSQL database in QMAILING_DB_URL (and QMAILING_DB_USER), jcmd, jfr and python3.
# PORT and SMTP_PORT (default 18610, 18625) and WORK (default /tmp/large-message) are optional.
set -euo pipefail
cd "$(dirname "$0")/.."
jar=$1; heap=$2; concurrent=$3; size_flag=${4:-}
port=${PORT:-18610}; smtp=${SMTP_PORT:-18625}; work=${WORK:-/tmp/large-message}
admin=large-message-benchmark-admin-token
rm -rf "$work"; mkdir -p "$work/data"
SERVER_PORT=$port QMAILING_SMTP_PORT=$smtp QMAILING_DATA_DIR="$work/data" QMAILING_ADMIN_TOKEN=$admin \
  java "-Xmx$heap" "-XX:StartFlightRecording=filename=$work/server.jfr,settings=benchmarks/allocation.jfc" \
  -jar "$jar" > "$work/server.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
until curl -sf "localhost:$port/actuator/health" >/dev/null; do sleep 0.5; done
jcmd $pid GC.run >/dev/null
echo "idle heap after a full GC: $(jcmd $pid GC.heap_info | grep -o 'used [0-9]*K' | head -1)"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
java -cp "benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)" com.qmailing.benchmarks.LargeMessageBenchmark \
  "http://localhost:$port" $admin $smtp "$concurrent" 20 $size_flag | tee "$work/benchmark.txt"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "OutOfMemoryError in the server log: $(grep -c OutOfMemoryError "$work/server.log" || true)"
jcmd $pid JFR.dump filename="$work/server.jfr" >/dev/null
kill $pid; wait $pid 2>/dev/null || true
grep '^window' "$work/benchmark.txt" | while read -r _ phase start end; do
  echo "server allocation in $phase: $(python3 benchmarks/jfr-allocation.py "$work/server.jfr" "$start" "$end")"
done
