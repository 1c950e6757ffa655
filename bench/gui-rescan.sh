#!/usr/bin/env bash
# The GUI's warm rescan through its real path (LiveServices.create(platform).scans(), one collector kept) next to
# a new collector per scan (the GUI before issue 11), with N listening TCP sockets and N/2 loopback connections
# held by bench/socket_farm.py. As root it runs in its own network namespace (the farm's sockets only); the farm
# is ended by PID on exit.
# Usage: bench/gui-rescan.sh [N] [rounds]     (default 10000 listeners, 5 rounds of 10 scans)
set -euo pipefail

if [ -z "${SI_BENCH_NETNS:-}" ] && [ "$(id -u)" = 0 ] && command -v unshare >/dev/null; then
  exec env SI_BENCH_NETNS=1 unshare --net -- bash -c 'ip link set lo up && exec "$0" "$@"' "$0" "$@"
fi
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
n="${1:-10000}"
rounds="${2:-5}"
cp="$root/app/gui/target/socket-inspector.jar:$root/app/gui/target/lib/*"
[ -f "$root/app/gui/target/socket-inspector.jar" ] || "$root/socket-inspector" --version >/dev/null  # build once

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
java -cp "$cp" "$here/GuiRescanBench.java" "$rounds"
exec 3>&-
