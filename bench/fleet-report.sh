#!/usr/bin/env bash
# Fleet report benchmark: generates HOSTS audit JSON files of SOCKETS sockets each (synthetic but shaped like
# real audits: listeners, established connections, long command lines, a few findings per host), then runs
# `report merge` once per format and records wall time, peak RSS (/usr/bin/time -v) and output size.
# Usage: bench/fleet-report.sh [HOSTS] [SOCKETS] [FORMATS...]    (defaults: 1000 200 html csv json pdf)
# Env: WORK=dir for inputs/outputs (default: a new temp dir), HEAP=max Java heap (default 512m).
set -euo pipefail

hosts="${1:-1000}"
sockets="${2:-200}"
shift $(( $# > 2 ? 2 : $# ))
formats=("$@")
[ ${#formats[@]} -eq 0 ] && formats=(html csv json pdf)

here="$(cd "$(dirname "$0")/.." && pwd)"
work="${WORK:-$(mktemp -d /tmp/fleet-bench.XXXXXX)}"
heap="${HEAP:-512m}"
mkdir -p "$work/in"

existing="$(find "$work/in" -name '*.json' | wc -l)"
if [ "$existing" -ne "$hosts" ] || [ ! -f "$work/in/.sockets-$sockets" ]; then
rm -f "$work"/in/*.json "$work"/in/.sockets-*
python3 - "$work/in" "$hosts" "$sockets" <<'PY'
import json, random, sys, os
out, hosts, per_host = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
rnd = random.Random(42)
procs = [("nginx", "nginx: worker process", "www-data", 33), ("postgres", "postgres -D /var/lib/postgresql/15/main -c config_file=/etc/postgresql/15/main/postgresql.conf", "postgres", 110),
         ("java", "java -Xmx2g -Dspring.profiles.active=prod -jar /opt/app/service.jar --server.port=8080 --token=abc123", "app", 1001),
         ("redis-server", "redis-server 127.0.0.1:6379", "redis", 112), ("sshd", "sshd: /usr/sbin/sshd -D [listener] 0 of 10-100 startups", "root", 0),
         ("python3", "python3 -m gunicorn app:app --workers 4 --bind 0.0.0.0:8000", "app", 1001), ("dnsmasq", "dnsmasq --keep-in-foreground --port=53", "nobody", 65534),
         ("node", "node /srv/web/server.js --port 3000", "web", 1002), ("chronyd", "/usr/sbin/chronyd -F 1", "_chrony", 105)]
rules = [("LINUX-REUSEPORT-GROUP", "high", "Another process of the same user can join the port"),
         ("LOCALHOST-FAMILY-SHADOW", "medium", "The other localhost family is free"),
         ("UDP-REUSEADDR-SHARE", "low", "UDP port can be shared"),
         ("WILDCARD-SHADOWS-SPECIFIC", "medium", "A specific address can shadow the wildcard listener"),
         ("UNKNOWN-OWNER", "info", "Owner not visible")]
for h in range(hosts):
    name = f"host-{h:04d}.example.internal"
    socks = []
    for i in range(per_host):
        pname, cmd, user, uid = procs[rnd.randrange(len(procs))]
        proto = "tcp" if i % 5 else "udp"
        v6 = i % 7 == 0
        addr = ("::1" if v6 else "127.0.0.1") if i % 3 == 0 else ("::" if v6 else "0.0.0.0")
        established = proto == "tcp" and i % 4 == 0
        socks.append({"protocol": proto, "family": "ipv6" if v6 else "ipv4", "localAddress": addr, "localPort": 1024 + i,
            "remoteAddress": ("::1" if v6 else "127.0.0.1") if established else None,
            "remotePort": 40000 + i if established else None,
            "state": "ESTABLISHED" if established else ("LISTEN" if proto == "tcp" else None), "nativeState": None,
            "pid": 1000 + i, "process": {"name": pname, "executable": "/usr/bin/" + pname, "commandLine": cmd, "user": user, "uid": uid, "services": []},
            "uid": uid, "inode": 100000 + i, "options": {"reuseAddress": True, "reusePort": i % 9 == 0, "exclusiveAddressUse": None, "ipv6Only": v6 or None}, "probe": None})
    findings = []
    for k in range(rnd.randrange(0, 12)):
        s = socks[rnd.randrange(per_host)]
        rule, sev, title = rules[rnd.randrange(len(rules))]
        findings.append({"rule": rule, "severity": sev, "socket": {"protocol": s["protocol"], "family": s["family"], "localAddress": s["localAddress"], "localPort": s["localPort"], "pid": s["pid"]},
            "attacker": "any-user", "title": title, "explanation": f"{s['process']['name']} (pid {s['pid']}) listens on port {s['localPort']} with options another process can use.",
            "remediation": "Set SO_EXCLUSIVEADDRUSE / drop SO_REUSEPORT, or bind below ip_unprivileged_port_start.", "references": ["https://man7.org/linux/man-pages/man7/socket.7.html"], "suppressed": False})
    doc = {"schema": "socket-inspector/audit/1", "tool": {"name": "socket-inspector", "version": "0.1.0"},
           "host": {"name": name, "os": "linux", "osVersion": "6.1.0-28-amd64", "unprivilegedPortStart": 1024, "bindV6Only": False},
           "collectedAt": f"2026-11-25T{h // 60 % 24:02d}:{h % 60:02d}:00Z", "privileged": True, "sources": ["netlink", "procfs-fd"], "limitations": [],
           "sockets": socks, "findings": findings}
    with open(os.path.join(out, f"{name}.json"), "w") as f:
        json.dump(doc, f, indent=2)
PY
touch "$work/in/.sockets-$sockets"
fi
echo "inputs: $hosts hosts x $sockets sockets, $(du -sh "$work/in" | cut -f1) of audit JSON in $work/in" >&2

jar="$here/app/cli/target/socket-inspector-cli.jar"
if [ ! -f "$jar" ] || [ -n "$(find "$here"/app/{core,cli}/src/main "$here/native-bridge/src/main" -newer "$jar" -print -quit)" ]; then
  (cd "$here" && ./mvnw -q -B -o -DskipTests package 1>&2)
fi

printf '| format | hosts | sockets/host | wall time (s) | peak RSS (MiB) | output size |\n|---|---|---|---|---|---|\n'
for format in "${formats[@]}"; do
  case "$format" in csv) output="$work/fleet.zip" ;; *) output="$work/fleet.$format" ;; esac
  rm -f "$output"
  /usr/bin/time -v -o "$work/time-$format.txt" java "-Xmx$heap" -Dfile.encoding=UTF-8 -jar "$jar" \
    report merge "$work"/in/*.json --format "$format" --output "$output" >/dev/null
  wall="$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$work/time-$format.txt")"
  seconds="$(awk -F: '{ if (NF == 3) print $1*3600 + $2*60 + $3; else print $1*60 + $2 }' <<<"$wall")"
  rss_kb="$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$work/time-$format.txt")"
  printf '| %s | %s | %s | %s | %s | %s |\n' "$format" "$hosts" "$sockets" "$seconds" "$(( rss_kb / 1024 ))" \
    "$(du -h "$output" | cut -f1)"
done
echo "outputs in $work" >&2
