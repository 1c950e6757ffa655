#!/usr/bin/env bash
# Import rate and peak memory on a generated capture (default 1,000,000 lines of `ss -tuanpe`-shaped rows, about
# 1 in 100 a listener, 1 in 10,000 a hand-edited bad row), next to `wc -l` as the floor of reading the file at all.
# Runs `import` (listeners only, the default view) and `import --all` under -Xmx512m; prints lines/s, wall time, the
# JVM's peak RSS (GNU time) and the largest heap after a GC (-Xlog:gc). The capture lives in a temporary folder.
# Usage: bench/import-rate.sh [lines]   (needs app/cli/target/socket-inspector-cli.jar: ./mvnw -pl app/cli -am package)
set -euo pipefail
lines=${1:-1000000}
root=$(cd "$(dirname "$0")/.." && pwd)
jar="$root/app/cli/target/socket-inspector-cli.jar"
[ -f "$jar" ] || { echo "build the jar first: ./mvnw -B -pl app/cli -am package -DskipTests" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 - "$lines" > "$work/ss.txt" <<'PY'
import sys
n = int(sys.argv[1])
w = sys.stdout.write
w("Netid State  Recv-Q Send-Q Local Address:Port Peer Address:Port Process\n")
for i in range(1, n):
    a, b = (i >> 8) & 255, i & 255
    if i % 10000 == 0:
        w("tcp   LISTEN 0      128    10.%d.%d.1:80x80 0.0.0.0:*\n" % (a, b))  # bad port: skipped and listed
    elif i % 100 == 0:
        w("tcp   LISTEN 0      128    10.%d.%d.1:%d 0.0.0.0:* users:((\"svc\",pid=%d,fd=3)) ino:%d sk:1 <->\n"
          % (a, b, 1024 + i % 60000, 1000 + i % 30000, i))
    else:
        w("tcp   ESTAB  0      0      10.%d.%d.1:%d 10.9.%d.%d:443 users:((\"curl\",pid=%d,fd=5)) ino:%d sk:2 <->\n"
          % (a, b, 1024 + i % 60000, a, b, 1000 + i % 30000, i))
PY
size=$(du -m "$work/ss.txt" | cut -f1)
echo "capture: $lines lines, ${size} MB"
start=$(date +%s%N); wc -l < "$work/ss.txt" > /dev/null; end=$(date +%s%N)
ms=$(( (end - start) / 1000000 )); [ "$ms" -gt 0 ] || ms=1
echo "wc -l:            ${ms} ms  ($(( lines * 1000 / ms )) lines/s)"
for mode in "" "--all"; do
  start=$(date +%s%N)
  /usr/bin/time -f "%M" -o "$work/rss" java -Xmx512m -Xlog:gc:file="$work/gc.log" -jar "$jar" import --json $mode \
      "$work/ss.txt" > /dev/null 2> "$work/err" || code=$?
  end=$(date +%s%N)
  ms=$(( (end - start) / 1000000 ))
  heap=$(grep -oE '[0-9]+M->[0-9]+M' "$work/gc.log" | sed 's/.*->//; s/M//' | sort -n | tail -1)
  printf 'import %-6s %6d ms  (%d lines/s)  exit %s  peak RSS %d MB  largest heap after GC %s MB  skipped lines on stderr: %d\n' \
    "${mode:-(lis)}" "$ms" $(( lines * 1000 / (ms > 0 ? ms : 1) )) "${code:-0}" $(( $(tail -1 "$work/rss") / 1024 )) \
    "${heap:-?}" "$(grep -c 'skipped:' "$work/err" || true)"
  unset code
done
