#!/usr/bin/env bash
# Times `audit --input` on a synthetic Linux scan of N listening sockets (default 30000): loopback and wildcard
# TCP listeners with mixed options, a third of them sharing ports, plus UDP sockets. JVM start-up included.
# Usage: bench/audit-scale.sh [N]
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
n="${1:-30000}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
python3 - "$n" > "$work/scan.json" <<'PY'
import json, sys
n = int(sys.argv[1])
sockets = []
for i in range(n):
    port = 10000 + (i % (2 * n // 3 + 1))
    proto = "udp" if i % 5 == 0 else "tcp"
    address = ["127.0.0.1", "0.0.0.0", "::1", "::"][i % 4]
    sockets.append({"protocol": proto, "family": "ipv6" if ":" in address else "ipv4", "localAddress": address,
                    "localPort": port, "remoteAddress": None, "remotePort": None,
                    "state": "LISTEN" if proto == "tcp" else None, "nativeState": None, "pid": 1000 + i % 97,
                    "process": {"name": "p%d" % (i % 97), "executable": None, "commandLine": None,
                                "user": "u%d" % (i % 7), "uid": 1000 + i % 7, "services": []},
                    "uid": 1000 + i % 7, "inode": i + 1,
                    "options": {"reuseAddress": i % 3 == 0, "reusePort": i % 4 == 1, "exclusiveAddressUse": None,
                                "ipv6Only": (i % 2 == 0) if ":" in address else None},
                    "probe": None})
print(json.dumps({"schema": "socket-inspector/scan/1", "tool": {"name": "socket-inspector", "version": "bench"},
                  "host": {"name": "bench", "os": "linux", "osVersion": "6.18", "unprivilegedPortStart": 1024,
                           "bindV6Only": False},
                  "collectedAt": "2026-11-25T12:00:00Z", "privileged": True, "sources": ["bench"],
                  "limitations": [], "sockets": sockets}))
PY
(cd "$here" && [ -f app/cli/target/socket-inspector-cli.jar ] || ./mvnw -q -B -o -DskipTests package 1>&2)
start=$(date +%s.%N)
java -cp "$here/app/cli/target/socket-inspector-cli.jar:$here/app/cli/target/lib/*" org.socketinspector.cli.CliMain \
  audit --json --input "$work/scan.json" > "$work/audit.json"
end=$(date +%s.%N)
python3 -c "import json, sys; a = json.load(open(sys.argv[1])); print(f'{len(a[\"sockets\"])} sockets, {len(a[\"findings\"])} findings in {float(sys.argv[3]) - float(sys.argv[2]):.2f} s')" \
  "$work/audit.json" "$start" "$end"
