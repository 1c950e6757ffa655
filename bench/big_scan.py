#!/usr/bin/env python3
"""Writes a scan JSON (socket-inspector/scan/1) in which ONE process of uid 65534 holds N listening sockets
(default 20,000), the shape of issue 18 defect 8 (one user's 19,936 listeners made reports unusable).

Usage: bench/big_scan.py [N] > scan.json
Half the sockets set SO_REUSEPORT, every third IPv6, a few UDP, so the rule engine raises findings on many of
them; the process name and command line carry a CSV-injection payload (defect 9) to keep that path exercised.
"""
import json
import sys

n = int(sys.argv[1]) if len(sys.argv) > 1 else 20000
process = {"name": "x;=cmd|' /C calc'!A0;", "executable": "/tmp/.x/listener",
           "commandLine": "/tmp/.x/listener --many x;=cmd|' /C calc'!A0; --port-range 20000-60000",
           "user": "nobody", "uid": 65534, "services": []}
sockets = []
for i in range(n):
    udp = i % 10 == 9
    v6 = i % 3 == 0
    sockets.append({
        "protocol": "udp" if udp else "tcp", "family": "ipv6" if v6 else "ipv4",
        "localAddress": ("::1" if i % 2 else "::") if v6 else ("127.0.0.1" if i % 2 else "0.0.0.0"),
        "localPort": 20000 + i, "remoteAddress": None, "remotePort": None,
        "state": None if udp else "LISTEN", "nativeState": None, "pid": 4242, "process": process,
        "uid": 65534, "inode": 5000000 + i,
        "options": {"reuseAddress": True, "reusePort": i % 2 == 0, "exclusiveAddressUse": None,
                    "ipv6Only": True if v6 else None},
        "probe": None})
doc = {"schema": "socket-inspector/scan/1", "tool": {"name": "socket-inspector", "version": "0.1.0"},
       "host": {"name": "crowded-host", "os": "linux", "osVersion": "6.1.0-28-amd64",
                "unprivilegedPortStart": 1024, "bindV6Only": False},
       "collectedAt": "2026-12-07T12:00:00Z", "privileged": True, "sources": ["netlink", "procfs-fd"],
       "limitations": [], "sockets": sockets}
json.dump(doc, sys.stdout, indent=1)
sys.stdout.write("\n")
