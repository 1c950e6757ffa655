#!/usr/bin/env python3
"""Measures who may bind a port below net.ipv4.ip_unprivileged_port_start (root required; reads, never changes,
the sysctl). For TCP and UDP, IPv4 and IPv6, it binds a free low port as root and as uid 65534 (seteuid, which
also drops the capabilities), and a low port that root already uses, as uid 65534 (which error wins?).
Usage: sudo python3 bench/privileged_port.py > docs/measurements/linux-privileged-port.txt"""
import errno
import os
import platform
import socket
import time

NOBODY = 65534


def bind(family, kind, address, port, user):
    if user != "root":
        os.setegid(NOBODY)
        os.seteuid(NOBODY)
    s = socket.socket(family, kind)
    try:
        if family == socket.AF_INET6:
            s.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 1)
        s.bind((address, port))
        return s, "ok"
    except OSError as e:
        s.close()
        return None, errno.errorcode.get(e.errno, str(e.errno))
    finally:
        if user != "root":
            os.seteuid(0)
            os.setegid(0)


def free_low_port(family, kind, address):
    for port in range(1023, 900, -1):
        s, result = bind(family, kind, address, port, "root")
        if s is not None:
            s.close()
            return port
    raise SystemExit("no free port between 901 and 1023")


def main():
    start = open("/proc/sys/net/ipv4/ip_unprivileged_port_start").read().strip()
    print(f"# Linux {platform.release()}, {time.strftime('%Y-%m-%dT%H:%M:%SZ', time.gmtime())}, "
          f"ip_unprivileged_port_start={start}")
    for kind, proto in ((socket.SOCK_STREAM, "tcp"), (socket.SOCK_DGRAM, "udp")):
        for family, address in ((socket.AF_INET, "127.0.0.1"), (socket.AF_INET6, "::1")):
            port = free_low_port(family, kind, address)
            for user in ("root", "nobody"):
                s, result = bind(family, kind, address, port, user)
                print(f"{proto} {address} port {port} free, bind as {user}: {result}")
                if s is not None:
                    s.close()
            holder, _ = bind(family, kind, address, port, "root")
            _, result = bind(family, kind, address, port, "nobody")
            print(f"{proto} {address} port {port} held by root, bind as nobody: {result}")
            holder.close()


if __name__ == "__main__":
    main()
