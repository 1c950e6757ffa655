#!/usr/bin/env bash
# Measures `whatif --batch` throughput: N questions (the Linux and Windows question spaces, repeated) answered by
# one JVM. Prints questions, seconds and questions per second; JVM start-up is included, so large N shows the
# steady rate. Usage: bench/whatif-throughput.sh [N]   (default 100000)
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
n="${1:-100000}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

python3 - "$n" > "$work/questions.jsonl" <<'PY'
import itertools, json, sys
n = int(sys.argv[1])
addresses = [("0.0.0.0", []), ("127.0.0.1", []), ("127.0.0.2", []), ("::", ["v6only"]), ("::", ["dualstack"]), ("::1", [])]
option_sets = [[], ["reuseaddr"], ["reuseport"], ["reuseaddr", "reuseport"], ["exclusiveaddruse"]]
users = [("root", "root"), ("root", "nobody"), ("alice", "alice"), ("alice", "bob")]
cells = []
for os_, proto, (a1, o1), (a2, o2), opts1, opts2, (u1, u2), state in itertools.product(
        ["linux", "windows", "windows-xp", "macos"], ["tcp", "udp"], addresses, addresses, option_sets, option_sets,
        users, ["listen", "bound"]):
    if proto == "udp" and state == "listen":
        continue
    cells.append(json.dumps({"os": os_, "protocol": proto,
                             "first": {"address": a1, "options": o1 + opts1, "user": u1, "state": state},
                             "second": {"address": a2, "options": o2 + opts2, "user": u2}}))
for i in range(n):
    print(cells[i % len(cells)])
PY

(cd "$here" && [ -f app/cli/target/socket-inspector-cli.jar ] || ./mvnw -q -B -o -DskipTests package 1>&2)
start=$(date +%s.%N)
java -cp "$here/app/cli/target/socket-inspector-cli.jar:$here/app/cli/target/lib/*" org.socketinspector.cli.CliMain \
  whatif --batch "$work/questions.jsonl" > "$work/answers.jsonl"
end=$(date +%s.%N)
answers=$(wc -l < "$work/answers.jsonl")
errors=$(grep -c '"line"' "$work/answers.jsonl" || true)
python3 -c "import sys; n, s = int(sys.argv[1]), float(sys.argv[3]) - float(sys.argv[2]); print(f'{n} answers ({sys.argv[4]} errors) in {s:.2f} s: {n / s:.0f} questions/s')" \
  "$answers" "$start" "$end" "$errors"
