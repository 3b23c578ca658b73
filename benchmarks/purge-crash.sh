#!/usr/bin/env bash
# The purge's crash figure: runs PurgeBenchmark, kill -9s the server (the JVM and its embedded
# PostgreSQL, as a power loss would) once fewer than KILL_BELOW blobs are left, starts it again and
# lets PurgeBenchmark watch the purge finish. The server must have been started by this shell's user
# with the same settings as given here.
#   benchmarks/purge-crash.sh <jar> <dataDir> <port> <smtpPort> <adminToken> <accountToken> <accountId> <mailboxId>
set -euo pipefail
jar="$1"; data="$2"; port="$3"; smtp="$4"; admin="$5"; token="$6"; account="$7"; mailbox="$8"
kill_below="${KILL_BELOW:-6000}"
cd "$(dirname "$0")/.."
server=$(pgrep -f -- "--server.port=$port" | head -1)
java ${BENCH_JAVA_OPTS:-} -cp "benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)" \
  com.qmailing.benchmarks.PurgeBenchmark "http://localhost:$port" "$token" "$account" "$mailbox" "$data" &
bench=$!
blobs="$data/blobs/$account"
until [ "$(find "$blobs" -type f 2>/dev/null | wc -l)" -lt "$kill_below" ]; do sleep 0.5; done
echo "$(date +%T) kill -9 of $server and PostgreSQL, $(find "$blobs" -type f | wc -l) blobs left"
kill -9 "$server" "$(head -1 "$data/postgres/postmaster.pid")"
sleep 2
QMAILING_DATA_DIR="$data" QMAILING_RETENTION_PERIOD=PT10S QMAILING_ADMIN_TOKEN="$admin" QMAILING_SMTP_PORT="$smtp" \
  setsid java -jar "$jar" --server.port="$port" > "$data/restart.log" 2>&1 &
until curl -sf "localhost:$port/actuator/health" >/dev/null; do sleep 0.5; done
echo "$(date +%T) healthy again, $(find "$blobs" -type f 2>/dev/null | wc -l) blobs left"
wait "$bench"
