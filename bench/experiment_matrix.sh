#!/usr/bin/env bash
# Times the bind-matrix experiment (all 6912 Linux cells, real sockets, next to the semantics model) through the
# CLI, and prints its verdict line. Needs root (half of the cells run as uid 65534) and a built jar
# (./mvnw -B -q -o -pl app/cli -am package -DskipTests). Target on 2 shared cores: under 2 minutes, 0 disagreements.
# Usage: sudo bench/experiment_matrix.sh [PARALLEL]   (default 4)
set -euo pipefail
cd "$(dirname "$0")/.."
db="$(mktemp -d)/bench-history.db"
start=$(date +%s.%N)
status=0
java -jar app/cli/target/socket-inspector-cli.jar experiment matrix --parallel "${1:-4}" --db "$db" | sed -n 1,2p || status=$?
end=$(date +%s.%N)
echo "kernel $(uname -r), parallel ${1:-4}: $(echo "$end - $start" | bc) s wall (including JVM start), exit $status"
rm -rf "$(dirname "$db")"
exit $status
