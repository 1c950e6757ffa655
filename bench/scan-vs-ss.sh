#!/usr/bin/env bash
# Times `socket-inspector scan --json --all` against ss, netstat, lsof and psutil with N listening TCP sockets
# and N/2 established loopback connections (2N TCP sockets), for each N given (default 1000 10000 30000), and
# the warm in-process rescan. Everything is on loopback; the socket farm is ended by PID on exit.
# Usage: bench/scan-vs-ss.sh [N...]     (run as root to compare like with like: ss -p needs root to see all;
#                                       as root it runs in its own network namespace)
set -euo pipefail

if [ -z "${SI_BENCH_NETNS:-}" ] && [ "$(id -u)" = 0 ] && command -v unshare >/dev/null; then
  # Measure in a private network namespace: the tools then see the farm's sockets only, not the churn of
  # whatever else runs on this machine (which also defeats the scanner's reuse of its last /proc pass).
  exec env SI_BENCH_NETNS=1 unshare --net -- bash -c 'ip link set lo up && exec "$0" "$@"' "$0" "$@"
fi
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
py=/usr/bin/python3   # the system python has psutil (python3-psutil)
sizes=("${@:-1000 10000 30000}")
read -r -a sizes <<< "${sizes[*]}"

"$root/socket-inspector" scan --json >/dev/null   # build (and write the CLI class archive) outside the timings
cp="$root/app/cli/target/socket-inspector-cli.jar:$root/app/cli/target/lib/*"

where="the machine's"; [ -n "${SI_BENCH_NETNS:-}" ] && where="the benchmark's own"
farm_pid=""
cleanup() {
  if [ -n "$farm_pid" ]; then kill "$farm_pid" 2>/dev/null || true; wait "$farm_pid" 2>/dev/null || true; fi
  exec 3>&- 2>/dev/null || true
}
trap cleanup EXIT
trap 'exit 130' INT TERM  # exit, so that the EXIT trap ends the farm

for _ in $(seq 1 70); do [ "$(ss -tan state time-wait | tail -n +2 | wc -l)" -lt 1000 ] && break; sleep 1; done
for n in "${sizes[@]}"; do
  rounds=5; [ "$n" -ge 30000 ] && rounds=3
  fifo="$(mktemp -u)"; mkfifo "$fifo"
  # The farm waits on its stdin (fd 3 here) and exits when it closes; trap kills it by PID otherwise.
  "$py" "$here/socket_farm.py" "$n" < "$fifo" > "$fifo.out" &
  farm_pid=$!
  exec 3>"$fifo"; rm -f "$fifo"
  for _ in $(seq 1 600); do grep -q '^ready' "$fifo.out" 2>/dev/null && break; sleep 0.5; done
  grep -q '^ready' "$fifo.out" || { echo "socket farm for N=$n did not get ready" >&2; exit 1; }
  total="$(ss -tan | tail -n +2 | wc -l)"
  echo "== N=$n listeners + $((n / 2)) connections: $total TCP sockets in $where network namespace, $rounds rounds"
  "$py" "$here/time_tools.py" "$rounds" \
    "socket-inspector scan --json --all=$root/socket-inspector scan --json --all" \
    "ss -tanp=ss -tanp" \
    "netstat -tanp=netstat -tanp" \
    "lsof -nP -iTCP=lsof -nP -iTCP" \
    "psutil net_connections(tcp)=$py -c 'import psutil; psutil.net_connections(\"tcp\")'"
  java -cp "$cp" "$here/WarmRescan.java"
  exec 3>&-
  kill "$farm_pid" 2>/dev/null || true; wait "$farm_pid" 2>/dev/null || true; farm_pid=""
  rm -f "$fifo.out"
  # The closed connections sit in TIME_WAIT for 60 s; let them drain so the next size measures its own sockets.
  for _ in $(seq 1 70); do [ "$(ss -tan state time-wait | tail -n +2 | wc -l)" -lt 1000 ] && break; sleep 1; done
done
