#!/usr/bin/env python3
"""Captures this machine's raw socket tables as test fixtures for InetDiagTest and ProcNetParserTest.

Run from this folder (any user; root not needed): python3 capture.py [bound]
It opens a few loopback sockets with known options, then writes, while they are open:
  inet-diag-{tcp,udp}{4,6}.bin  the raw recv() buffers of a NETLINK_SOCK_DIAG SOCK_DIAG_BY_FAMILY dump
                                (nlmsghdr + inet_diag_msg + rtattr, host byte order), all TCP states
  proc-net-{tcp,tcp6,udp,udp6}.txt  copies of /proc/net/*
  manifest.txt                  one line per known socket: name proto family address port inode uid v6only
  inet-diag-tcp{4,6}-bound.bin  a TCP dump as the listener scan asks for it, LISTEN | BOUND_INACTIVE (Linux 6.8+),
                                with a listener and TCP sockets that are bound but neither listening nor connected
  manifest-bound.txt            the sockets of that dump, same columns
"bound" writes only the last two kinds (the others keep their fixtures).
Everything stays on loopback; the sockets close when the script ends.
"""
import os
import socket
import struct
import sys

NETLINK_SOCK_DIAG = 4
SOCK_DIAG_BY_FAMILY = 20
NLM_F_REQUEST, NLM_F_DUMP, NLMSG_DONE = 1, 0x300, 3
ALL_STATES = 0x1FFE
# include/net/tcp_states.h: TCP_LISTEN 10, TCP_BOUND_INACTIVE 13 (a request-only pseudo-state, Linux 6.8+)
LISTEN_AND_BOUND_INACTIVE = (1 << 10) | (1 << 13)


def dump(family, protocol, states=ALL_STATES):
    request = struct.pack("=IHHII", 16 + 56, SOCK_DIAG_BY_FAMILY, NLM_F_REQUEST | NLM_F_DUMP, 1, 0)
    request += struct.pack("=BBBBI", family, protocol, 0, 0, states) + bytes(48)
    s = socket.socket(socket.AF_NETLINK, socket.SOCK_RAW, NETLINK_SOCK_DIAG)
    s.settimeout(5)
    s.send(request)
    chunks = []
    while True:
        data = s.recv(65536)
        chunks.append(data)
        if ends_dump(data):
            break
    s.close()
    return b"".join(chunks)


def ends_dump(data):
    at = 0
    while at + 16 <= len(data):
        length, kind = struct.unpack_from("=IH", data, at)
        if kind == NLMSG_DONE:
            return True
        at += (length + 3) & ~3
    return False


def write_manifest(name, known):
    with open(name, "w") as f:
        f.write("# name protocol family address port inode uid v6only(-: not IPv6)\n")
        for row in known:
            f.write(" ".join(str(x) for x in row) + "\n")


def main(bound_only):
    known = []

    def keep(name, sock, proto, family, v6only):
        address, port = sock.getsockname()[:2]
        known.append((name, proto, family, address, port, os.fstat(sock.fileno()).st_ino, os.geteuid(), v6only))
        return sock

    sockets = []

    def bound(name, family, kind, address, proto, fam, v6only=None, listen=False, reuse=False):
        s = socket.socket(family, kind)
        if reuse:
            s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        if v6only is not None:
            s.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, v6only)
        s.bind((address, 0))
        if listen:
            s.listen()
        sockets.append(s)
        keep(name, s, proto, fam, "-" if v6only is None and family == socket.AF_INET else
             str(s.getsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY)))
        return s

    if bound_only:
        bound("tcp4-bound-reuseaddr", socket.AF_INET, socket.SOCK_STREAM, "127.0.0.1", "tcp", "ipv4", reuse=True)
        bound("tcp4-bound-plain", socket.AF_INET, socket.SOCK_STREAM, "127.0.0.1", "tcp", "ipv4")
        bound("tcp6-bound-loopback", socket.AF_INET6, socket.SOCK_STREAM, "::1", "tcp", "ipv6", reuse=True)
        bound("tcp6-bound-wildcard", socket.AF_INET6, socket.SOCK_STREAM, "::", "tcp", "ipv6", v6only=0)
        bound("tcp4-listen", socket.AF_INET, socket.SOCK_STREAM, "127.0.0.1", "tcp", "ipv4", listen=True, reuse=True)
        for suffix, family in (("4", socket.AF_INET), ("6", socket.AF_INET6)):
            with open(f"inet-diag-tcp{suffix}-bound.bin", "wb") as f:
                f.write(dump(family, socket.IPPROTO_TCP, LISTEN_AND_BOUND_INACTIVE))
        write_manifest("manifest-bound.txt", known)
        for s in sockets:
            s.close()
        return

    tcp4 = bound("tcp4-listen", socket.AF_INET, socket.SOCK_STREAM, "127.0.0.1", "tcp", "ipv4", listen=True, reuse=True)
    bound("tcp6-listen-loopback", socket.AF_INET6, socket.SOCK_STREAM, "::1", "tcp", "ipv6", listen=True)
    bound("tcp6-listen-mapped", socket.AF_INET6, socket.SOCK_STREAM, "::ffff:127.0.0.1", "tcp", "ipv6", v6only=0, listen=True)
    bound("udp4-bound", socket.AF_INET, socket.SOCK_DGRAM, "127.0.0.1", "udp", "ipv4")
    bound("udp6-bound", socket.AF_INET6, socket.SOCK_DGRAM, "::1", "udp", "ipv6")
    client = socket.create_connection(("127.0.0.1", tcp4.getsockname()[1]))
    sockets.append(client)
    keep("tcp4-client", client, "tcp", "ipv4", "-")

    for proto_name, proto in (("tcp", socket.IPPROTO_TCP), ("udp", socket.IPPROTO_UDP)):
        for suffix, family in (("4", socket.AF_INET), ("6", socket.AF_INET6)):
            with open(f"inet-diag-{proto_name}{suffix}.bin", "wb") as f:
                f.write(dump(family, proto))
    for name in ("tcp", "tcp6", "udp", "udp6"):
        with open(f"/proc/net/{name}") as src, open(f"proc-net-{name}.txt", "w") as dst:
            dst.write(src.read())
    write_manifest("manifest.txt", known)
    for s in sockets:
        s.close()


if __name__ == "__main__":
    main(sys.argv[1:] == ["bound"])
