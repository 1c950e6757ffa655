"""Loopback-only demo listeners for the user-guide screenshots (run as root; ends by itself after 10 minutes).

Prints one PID per line; end them with `kill PID`. Each process renames itself (prctl PR_SET_NAME) so the
table shows a service name instead of python3.
"""
import ctypes, os, socket, sys, time

LIFETIME = 600
libc = ctypes.CDLL(None)

def service(name, uid, sockets):
    pid = os.fork()
    if pid:
        return pid
    libc.prctl(15, name.encode(), 0, 0, 0)  # PR_SET_NAME
    os.setsid()
    if uid is not None:
        os.setgid(uid); os.setuid(uid)
    keep = []
    for family, kind, address, opts in sockets:
        s = socket.socket(family, kind)
        for level, opt, value in opts:
            s.setsockopt(level, opt, value)
        s.bind(address)
        if kind == socket.SOCK_STREAM:
            s.listen(16)
        keep.append(s)
    time.sleep(LIFETIME)
    os._exit(0)

TCP, UDP, V4, V6 = socket.SOCK_STREAM, socket.SOCK_DGRAM, socket.AF_INET, socket.AF_INET6
REUSEPORT = (socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
REUSEADDR = (socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
V6ONLY = (socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 1)
NOBODY = 65534

pids = [
    service("api-worker", NOBODY, [(V4, TCP, ("127.0.0.1", 28080), [REUSEADDR, REUSEPORT])]),
    service("api-worker", NOBODY, [(V4, TCP, ("127.0.0.1", 28080), [REUSEADDR, REUSEPORT])]),
    service("pg-lite", None, [(V4, TCP, ("127.0.0.1", 25432), [REUSEADDR])]),
    service("mdns-lite", NOBODY, [(V4, UDP, ("127.0.0.1", 25353), [REUSEADDR])]),
    service("cache", None, [(V4, TCP, ("127.0.0.1", 26379), []), (V6, TCP, ("::1", 26379), [V6ONLY])]),
    service("web", None, [(V6, TCP, ("::1", 28443), [V6ONLY]), (V4, TCP, ("127.0.0.1", 28443), [])]),
]
for p in pids:
    print(p, flush=True)
