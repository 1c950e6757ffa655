#!/usr/bin/env bash
# Times `socket-inspector import` on captures of this machine's own socket table (start a socket farm first
# for a large one). Captures go to a temporary folder that is removed afterwards; nothing is sent anywhere.
# Usage: bench/import-captures.sh [rounds]   (needs app/cli/target/socket-inspector-cli.jar: ./mvnw -o -pl app/cli -am -DskipTests package)
set -euo pipefail
rounds=${1:-3}
root=$(cd "$(dirname "$0")/.." && pwd)
jar="$root/app/cli/target/socket-inspector-cli.jar"
[ -f "$jar" ] || { echo "build the jar first: ./mvnw -B -pl app/cli -am package -DskipTests" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
timeout 60 ss -tuanpe > "$work/ss.txt"
timeout 60 netstat -tuanpeW > "$work/netstat.txt" 2>/dev/null || true
timeout 120 lsof -nP -iTCP -iUDP > "$work/lsof.txt" 2>/dev/null || true
for capture in ss netstat lsof; do
  file="$work/$capture.txt"
  [ -s "$file" ] || continue
  rows=$(wc -l < "$file")
  for round in $(seq "$rounds"); do
    start=$(date +%s%N)
    java -jar "$jar" import --all --json "$file" > /dev/null
    end=$(date +%s%N)
    printf '%-8s %7d lines  round %d  %5d ms (JVM start, decode, detect, parse, JSON)\n' \
      "$capture" "$rows" "$round" $(( (end - start) / 1000000 ))
  done
done
