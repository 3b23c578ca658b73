#!/usr/bin/env bash
# Runs one benchmark program against a running QMailing, e.g.
#   benchmarks/run.sh ApiBenchmark http://localhost:8080 "$QMAILING_ADMIN_TOKEN"
#   benchmarks/run.sh IngestBenchmark http://localhost:8080 "$QMAILING_ADMIN_TOKEN" 2525
set -euo pipefail
cd "$(dirname "$0")/.."
program="$1"; shift
./mvnw -q -B -pl benchmarks -am -DskipTests package >/dev/null
./mvnw -q -B -pl benchmarks dependency:build-classpath -Dmdep.outputFile=target/classpath.txt >/dev/null
exec java ${BENCH_JAVA_OPTS:-} -cp "benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)" "com.qmailing.benchmarks.$program" "$@"
