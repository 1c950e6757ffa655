#!/usr/bin/env python3
"""Holds N listening TCP sockets and N/2 established loopback connections (2N TCP sockets in all), spread over
several worker processes, until its stdin closes or it gets SIGTERM/SIGINT. Everything is on loopback:
listeners on 127.1.<worker>.1 ports 20000+ (below the ephemeral range, away from 127.0.0.1), clients connect
to them from 127.0.0.1. Prints "ready <pid> <pid>..." (the worker pids) once every socket is open.

Usage: socket_farm.py N [processes]
"""
import ctypes
import os
import resource
import select
import signal
import socket
import sys

PR_SET_PDEATHSIG = 1
FIRST_PORT = 20000
MAX_PORT = 32000  # stay below net.ipv4.ip_local_port_range (32768+)


def die_with_parent():
    ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)


def worker(index, listeners, connections, ready_fd):
    die_with_parent()
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    address = f"127.1.{index}.1"
    kept = []
    port = FIRST_PORT
    while len([s for s in kept if s.type == socket.SOCK_STREAM]) < listeners:
        if port > MAX_PORT:
            raise SystemExit(f"worker {index}: ran out of ports on {address}")
        s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        try:
            s.bind((address, port))
            s.listen(8)
            kept.append(s)
        except OSError:
            s.close()  # taken by someone else: skip the port (bounded by MAX_PORT)
        port += 1
    servers = list(kept)
    for i in range(connections):
        server = servers[i % len(servers)]
        client = socket.create_connection(server.getsockname(), timeout=5)
        accepted, _ = server.accept()
        kept += [client, accepted]
    os.write(ready_fd, b"x")
    signal.pause()


def main():
    n = int(sys.argv[1])
    processes = int(sys.argv[2]) if len(sys.argv) > 2 else max(2, min(10, n // 1000))
    read_fd, write_fd = os.pipe()
    pids = []
    for index in range(processes):
        listeners = n // processes + (1 if index < n % processes else 0)
        connections = (n // 2) // processes + (1 if index < (n // 2) % processes else 0)
        pid = os.fork()
        if pid == 0:
            os.close(read_fd)
            try:
                worker(index, listeners, connections, write_fd)
            finally:
                os._exit(1)
        pids.append(pid)
    os.close(write_fd)

    def stop(*_):
        signal.signal(signal.SIGTERM, signal.SIG_IGN)  # a second signal must not re-enter
        for pid in pids:
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        for pid in pids:
            try:
                os.waitpid(pid, 0)
            except ChildProcessError:
                pass
        sys.exit(0)

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    ready = 0
    while ready < processes:
        chunk = os.read(read_fd, 64)
        if not chunk:
            print("a worker failed", file=sys.stderr)
            stop()
        ready += len(chunk)
    print("ready", *pids, flush=True)
    # Wait for stdin to close (the bench script's end), bounded so a lost farm never lingers.
    select.select([sys.stdin], [], [], 3600)
    stop()


if __name__ == "__main__":
    main()
