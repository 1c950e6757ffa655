#!/usr/bin/env bash
# The GUI's warm rescan through its real path (LiveServices.create(platform).scans(), one collector kept) next to
# a new collector per scan (the GUI before issue 11), with N listening TCP sockets and N/2 loopback connections
# held by bench/socket_farm.py. As root it runs in its own network namespace (the farm's sockets only); the farm
# is ended by PID on exit.
# Usage: bench/gui-rescan.sh [N] [rounds] [runs]   (default 10000 listeners, 5 rounds of 10 scans, 1 run)
# SI_BENCH_CP overrides the classpath (e.g. classes folders when the jars are not packaged); with
# SI_BENCH_BEFORE_CP set too, the same farm serves [runs] interleaved runs of each build (before, after, before,
# ...), so that a change in the machine's load hits both alike: how a change to the live path is compared.
set -euo pipefail

if [ -z "${SI_BENCH_NETNS:-}" ] && [ "$(id -u)" = 0 ] && command -v unshare >/dev/null; then
  exec env SI_BENCH_NETNS=1 unshare --net -- bash -c 'ip link set lo up && exec "$0" "$@"' "$0" "$@"
fi
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
n="${1:-10000}"
rounds="${2:-5}"
runs="${3:-1}"
cp="${SI_BENCH_CP:-$root/app/gui/target/socket-inspector.jar:$root/app/gui/target/lib/*}"
if [ -z "${SI_BENCH_CP:-}" ]; then
  [ -f "$root/app/gui/target/socket-inspector.jar" ] || "$root/socket-inspector" --version >/dev/null  # build once
fi

farm_pid=""
cleanup() {
  if [ -n "$farm_pid" ]; then kill "$farm_pid" 2>/dev/null || true; wait "$farm_pid" 2>/dev/null || true; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

fifo="$(mktemp -u)"; mkfifo "$fifo"
/usr/bin/python3 "$here/socket_farm.py" "$n" < "$fifo" > "$fifo.out" &
farm_pid=$!
exec 3>"$fifo"; rm -f "$fifo"
for _ in $(seq 1 600); do grep -q '^ready' "$fifo.out" 2>/dev/null && break; sleep 0.5; done
grep -q '^ready' "$fifo.out" || { echo "socket farm for N=$n did not get ready" >&2; exit 1; }
rm -f "$fifo.out"
for run in $(seq 1 "$runs"); do
  if [ -n "${SI_BENCH_BEFORE_CP:-}" ]; then
    echo "== run $run: before"
    java -cp "$SI_BENCH_BEFORE_CP" "$here/GuiRescanBench.java" "$rounds"
    echo "== run $run: after"
  fi
  java -cp "$cp" "$here/GuiRescanBench.java" "$rounds"
done
exec 3>&-
