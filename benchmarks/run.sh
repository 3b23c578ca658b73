#!/usr/bin/env bash
# Runs one benchmark program against a running QMailing, e.g.
#   benchmarks/run.sh ApiBenchmark http://localhost:8080 "$QMAILING_ADMIN_TOKEN"
#   benchmarks/run.sh IngestBenchmark http://localhost:8080 "$QMAILING_ADMIN_TOKEN" 2525
# The module depends on no other module of the build, so it is compiled on its own, offline,
# and nothing is installed into the shared local repository (the dependency plugin may need a
# download the first time).
set -euo pipefail
cd "$(dirname "$0")/.."
program="$1"; shift
./mvnw -q -B -o -pl benchmarks compile
./mvnw -q -B -pl benchmarks dependency:build-classpath -Dmdep.outputFile=target/classpath.txt >/dev/null
exec java ${BENCH_JAVA_OPTS:-} -cp "benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)" "com.qmailing.benchmarks.$program" "$@"
