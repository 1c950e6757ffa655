#!/usr/bin/env bash
# Times the history listing on a history of N experiments (default 10000): in-process open + count + first page
# of 50 (the CLI's) and of 100 (what the History view pays; HistoryViewModelTest checks its paging, this its time),
# a deep page and a filtered page; then the CLI end to end, JVM start included.
# The database is a temporary file, removed on exit.
# Usage: bench/history-list.sh [N]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
n="${1:-10000}"

"$root/socket-inspector" --version >/dev/null   # build once, outside the timings
cp="$root/app/cli/target/socket-inspector-cli.jar:$root/app/cli/target/lib/*"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT INT TERM
db="$work/history.db"

java -cp "$cp" "$here/HistoryListBench.java" "$db" "$n"

echo "CLI, JVM start included (5 runs each):"
for args in "history list --db $db" "history list --db $db --page 100 --limit 50" "history list --db $db --kind probe --json"; do
  best=""
  for _ in 1 2 3 4 5; do
    start=$(date +%s%N)
    # shellcheck disable=SC2086
    "$root/socket-inspector" $args >/dev/null
    ms=$(( ($(date +%s%N) - start) / 1000000 ))
    if [ -z "$best" ] || [ "$ms" -lt "$best" ]; then best=$ms; fi
  done
  echo "  socket-inspector $args: best ${best} ms"
done
