#!/usr/bin/env python3
"""Measures the Linux bind matrix on the running kernel (root required).

For every cell: protocol x first address x second address x first options x second options x users x first state,
a first socket is bound (and listens, for TCP LISTEN cells), a second socket binds the same port, and for TCP
listens at once; a first socket that was only bound then tries listen(). Then 20 loopback connections (TCP) or
datagrams (UDP, each from a fresh source port) are sent to the target address and counted per socket.

Sockets of uid 65534 are created and bound under seteuid(65534): the kernel takes a socket's owner uid from the
creator's fsuid (sock_alloc) and drops the effective capabilities with euid 0 -> non-zero, so this is exactly a
process of that user. Every cell uses a fresh port below the ephemeral range, so no cell sees another's history.

Output: one JSON object per line (JSON Lines) on stdout; the Java tests read it as
app/core/src/test/resources/org/socketinspector/semantics/linux-bind-matrix.jsonl.

Usage: sudo python3 bench/bind_matrix.py [FIRST_PORT] > docs/measurements/linux-bind-matrix.jsonl
       sudo python3 bench/bind_matrix.py --extension [FIRST_PORT] > docs/measurements/linux-bind-matrix-v2.jsonl

--extension measures QuestionSpace.linuxExtension() instead: IPv4-mapped addresses on dual-stack sockets (and on
IPv6-only ones, EINVAL), a first socket that is only TIME_WAIT connections (listen, a loopback client connects, the
server closes first, the client closes, the listener closes), and a first UDP socket connected to the client.
"""
import contextlib
import errno
import itertools
import json
import os
import platform
import socket
import sys
import time

NOBODY = 65534
CONNECTIONS = 20
FIRST_PORT = 20000  # below net.ipv4.ip_local_port_range, so no client port collides with a test port

# Address kinds: (address, family, v6only flag or None). "::" appears twice: v6only and dual-stack.
ADDRESSES = {
    "0.0.0.0": ("0.0.0.0", socket.AF_INET, None),
    "127.0.0.1": ("127.0.0.1", socket.AF_INET, None),
    "127.0.0.2": ("127.0.0.2", socket.AF_INET, None),
    "::,v6only": ("::", socket.AF_INET6, 1),
    "::,dualstack": ("::", socket.AF_INET6, 0),
    "::1": ("::1", socket.AF_INET6, None),
}
MAPPED = {
    "::ffff:127.0.0.1,dualstack": ("::ffff:127.0.0.1", socket.AF_INET6, 0),
    "::ffff:0.0.0.0,dualstack": ("::ffff:0.0.0.0", socket.AF_INET6, 0),
}
MAPPED_V6ONLY = {
    "::ffff:127.0.0.1,v6only": ("::ffff:127.0.0.1", socket.AF_INET6, 1),
    "::ffff:0.0.0.0,v6only": ("::ffff:0.0.0.0", socket.AF_INET6, 1),
}
HELD = list(ADDRESSES) + ["::ffff:127.0.0.1,dualstack"]
ADDRESSES.update(MAPPED)
ADDRESSES.update(MAPPED_V6ONLY)
BASE = ["0.0.0.0", "127.0.0.1", "127.0.0.2", "::,v6only", "::,dualstack", "::1"]
TCP_CLOSE = 7
OPTION_SETS = {"none": (), "reuseaddr": ("reuseaddr",), "reuseport": ("reuseport",),
               "both": ("reuseaddr", "reuseport")}
USERS = [("root", "root"), ("root", "nobody"), ("nobody", "root"), ("nobody", "nobody")]


@contextlib.contextmanager
def as_user(user):
    if user == "root":
        yield
        return
    os.setegid(NOBODY)
    os.seteuid(NOBODY)
    try:
        yield
    finally:
        os.seteuid(0)
        os.setegid(0)


def unmapped(address):
    """An IPv4-mapped address as the IPv4 address it maps (the kernel's view), else the address."""
    return address[7:] if address.startswith("::ffff:") and "." in address else address


def covers(kind, target):
    """Whether a socket bound per address kind receives traffic sent to the target address."""
    address, family, v6only = ADDRESSES[kind]
    if address.startswith("::ffff:"):
        return v6only != 1 and ":" not in target and unmapped(address) in ("0.0.0.0", target)
    if ":" not in target:
        return address in ("0.0.0.0", target) or (address == "::" and v6only == 0)
    return address in ("::", target)


def target_for(first, second):
    """The address whose traffic is at stake (the Java model picks the same one, see LinuxSemantics):
    the second's specific address if the first covers it, else the first's specific address if the second
    covers it, else a loopback address both cover, else one the first covers."""
    first_address, second_address = unmapped(ADDRESSES[first][0]), unmapped(ADDRESSES[second][0])
    if second_address not in ("0.0.0.0", "::") and covers(first, second_address):
        return second_address
    if first_address not in ("0.0.0.0", "::") and covers(second, first_address):
        return first_address
    for t in ("127.0.0.1", "::1"):
        if covers(first, t) and covers(second, t):
            return t
    for t in ("127.0.0.1", "::1"):
        if covers(first, t):
            return t
    return first_address


def make(kind, options, proto, user, port):
    address, family, v6only = ADDRESSES[kind]
    with as_user(user):
        s = socket.socket(family, socket.SOCK_STREAM if proto == "tcp" else socket.SOCK_DGRAM)
        try:
            if "reuseaddr" in options:
                s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            if "reuseport" in options:
                s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
            if v6only is not None:
                s.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, v6only)
            s.bind((address, port))
            return s, None
        except OSError as e:
            s.close()
            return None, errno.errorcode.get(e.errno, str(e.errno))


def try_listen(s, user):
    with as_user(user):
        try:
            s.listen(64)
            return None
        except OSError as e:
            return errno.errorcode.get(e.errno, str(e.errno))


def count_tcp(listeners, target, port):
    clients = []
    for _ in range(CONNECTIONS):
        c = socket.socket(socket.AF_INET6 if ":" in target else socket.AF_INET, socket.SOCK_STREAM)
        c.settimeout(1.0)
        try:
            c.connect((target, port))
        except OSError:
            pass
        clients.append(c)
    counts = []
    accepted = []
    for s in listeners:
        n = 0
        if s is not None:
            s.setblocking(False)
            while True:
                try:
                    conn, _ = s.accept()
                    accepted.append(conn)
                    n += 1
                except BlockingIOError:
                    break
        counts.append(n)
    # Clients close first, so TIME_WAIT lands on their ephemeral ports, not on the test port.
    for c in clients:
        c.close()
    for conn in accepted:
        conn.close()
    return counts


def count_udp(sockets, target, port):
    family = socket.AF_INET6 if ":" in target else socket.AF_INET
    for _ in range(CONNECTIONS):
        c = socket.socket(family, socket.SOCK_DGRAM)  # a fresh source port each time, like fresh connections
        c.sendto(b"x", (target, port))
        c.close()
    time.sleep(0.002)
    counts = []
    for s in sockets:
        n = 0
        if s is not None:
            s.setblocking(False)
            while True:
                try:
                    s.recv(16)
                    n += 1
                except BlockingIOError:
                    break
        counts.append(n)
    return counts


def outcome(second_error, counts):
    if second_error is not None:
        return "refused"
    if counts[1] == 0:
        return "separate"
    return "steals" if counts[0] == 0 else "shares"


def cell(proto, first, second, first_opts, second_opts, users, first_state, port):
    first_user, second_user = users
    row = {"protocol": proto, "port": port,
           "first": {"address": first, "options": list(OPTION_SETS[first_opts]), "user": first_user,
                     "state": first_state},
           "second": {"address": second, "options": list(OPTION_SETS[second_opts]), "user": second_user}}
    s1, err1 = make(first, OPTION_SETS[first_opts], proto, first_user, port)
    if s1 is None:
        row["error"] = "first bind failed: " + err1
        return row
    s2 = None
    try:
        if proto == "tcp" and first_state == "listen":
            err = try_listen(s1, first_user)
            if err:
                row["error"] = "first listen failed: " + err
                return row
        s2, err2 = make(second, OPTION_SETS[second_opts], proto, second_user, port)
        row["secondError"] = err2
        row["secondListenError"] = None
        row["firstListenError"] = None
        if s2 is not None and proto == "tcp":
            row["secondListenError"] = try_listen(s2, second_user)
        if proto == "tcp" and first_state == "bound":
            row["firstListenError"] = try_listen(s1, first_user)
        target = target_for(first, second)
        row["target"] = target
        if proto == "tcp":
            listening = [s1 if (first_state == "listen" or row["firstListenError"] is None) else None,
                         s2 if (s2 is not None and row["secondListenError"] is None) else None]
            counts = count_tcp(listening, target, port)
        else:
            counts = count_udp([s1, s2], target, port)
        row["received"] = counts
        row["outcome"] = outcome(err2, counts)
        return row
    finally:
        s1.close()
        if s2 is not None:
            s2.close()


def leave_time_wait(kind, options, user, target, port):
    """A server on kind:port accepts one connection from a loopback client to target, closes it first, then its
    listener: only the server side's TIME_WAIT connection holds the port. Returns an error text or None."""
    s1, err = make(kind, options, "tcp", user, port)
    if s1 is None:
        return "first bind failed: " + err
    try:
        err = try_listen(s1, user)
        if err:
            return "first listen failed: " + err
        c = socket.socket(socket.AF_INET6 if ":" in target else socket.AF_INET, socket.SOCK_STREAM)
        try:
            c.settimeout(1.0)
            c.connect((target, port))
            s1.settimeout(1.0)
            conn, _ = s1.accept()
            conn.close()  # the server closes first: TIME_WAIT lands on its side, on the test port
            if c.recv(16) != b"":
                return "client saw data instead of the server's FIN"
            c.shutdown(socket.SHUT_WR)
            deadline = time.monotonic() + 1.0
            while c.getsockopt(socket.IPPROTO_TCP, socket.TCP_INFO, 8)[0] != TCP_CLOSE:
                if time.monotonic() > deadline:
                    return "the connection did not close within 1 s"
                time.sleep(0.0005)
        finally:
            c.close()
    finally:
        s1.close()
    return None


def connected_cell(row, first, second, first_opts, second_opts, users, port):
    """UDP: the first socket connects to the client; the client sends from that address to the first's own."""
    first_user, second_user = users
    s1, err1 = make(first, OPTION_SETS[first_opts], "udp", first_user, port)
    if s1 is None:
        row["error"] = "first bind failed: " + err1
        return row
    t0 = target_for(first, second)
    peer_family = socket.AF_INET6 if ":" in t0 else socket.AF_INET
    client = socket.socket(peer_family, socket.SOCK_DGRAM)
    s2 = None
    try:
        client.bind(("::1" if peer_family == socket.AF_INET6 else "127.0.0.1", 0))
        peer, peer_port = client.getsockname()[:2]
        if s1.family == socket.AF_INET6 and peer_family == socket.AF_INET:
            peer = "::ffff:" + peer
        s1.connect((peer, peer_port))
        target = unmapped(s1.getsockname()[0])
        row["target"] = target
        s2, err2 = make(second, OPTION_SETS[second_opts], "udp", second_user, port)
        row["secondError"] = err2
        row["secondListenError"] = None
        row["firstListenError"] = None
        for _ in range(CONNECTIONS):
            client.sendto(b"x", (target, port))
        time.sleep(0.002)
        counts = []
        for s in (s1, s2):
            n = 0
            if s is not None:
                s.setblocking(False)
                while True:
                    try:
                        s.recv(16)
                        n += 1
                    except BlockingIOError:
                        break
            counts.append(n)
        row["received"] = counts
        row["outcome"] = outcome(err2, counts)
        return row
    finally:
        client.close()
        s1.close()
        if s2 is not None:
            s2.close()


def extension_cell(proto, first, second, first_opts, second_opts, users, first_state, port):
    if first_state not in ("time-wait", "connected"):
        return cell(proto, first, second, first_opts, second_opts, users, first_state, port)
    row = {"protocol": proto, "port": port,
           "first": {"address": first, "options": list(OPTION_SETS[first_opts]), "user": users[0],
                     "state": first_state},
           "second": {"address": second, "options": list(OPTION_SETS[second_opts]), "user": users[1]}}
    if first_state == "connected":
        return connected_cell(row, first, second, first_opts, second_opts, users, port)
    target = target_for(first, second)
    err = leave_time_wait(first, OPTION_SETS[first_opts], users[0], target, port)
    if err:
        row["error"] = err
        return row
    s2, err2 = make(second, OPTION_SETS[second_opts], proto, users[1], port)
    row["secondError"] = err2
    row["secondListenError"] = try_listen(s2, users[1]) if s2 is not None else None
    row["firstListenError"] = None
    row["target"] = target
    try:
        counts = count_tcp([None, s2 if s2 is not None and row["secondListenError"] is None else None], target, port)
    finally:
        if s2 is not None:
            s2.close()
    row["received"] = counts
    row["outcome"] = outcome(err2, counts)
    return row


def extension_space():
    """QuestionSpace.linuxExtension(), in its order."""
    with_mapped = BASE + list(MAPPED)
    for proto in ("tcp", "udp"):
        states = ("listen", "bound") if proto == "tcp" else ("bound",)
        for first in with_mapped:
            for second in with_mapped:
                if first in MAPPED or second in MAPPED:
                    for o1, o2, users, state in itertools.product(OPTION_SETS, OPTION_SETS, USERS, states):
                        yield proto, first, second, o1, o2, users, state
        for first in with_mapped:
            for second in MAPPED_V6ONLY:
                for o1, o2, state in itertools.product(OPTION_SETS, OPTION_SETS, states):
                    yield proto, first, second, o1, o2, USERS[0], state
    for first, second in itertools.product(HELD, HELD):
        for o1, o2, users in itertools.product(OPTION_SETS, OPTION_SETS, USERS):
            yield "tcp", first, second, o1, o2, users, "time-wait"
    for first, second in itertools.product(HELD, HELD):
        for o1, o2, users in itertools.product(OPTION_SETS, OPTION_SETS, USERS[:2]):
            yield "udp", first, second, o1, o2, users, "connected"


def is_fresh(port):
    """No socket (not even TIME_WAIT) holds the port: a plain dual-stack bind succeeds for TCP and UDP."""
    for kind in (socket.SOCK_STREAM, socket.SOCK_DGRAM):
        s = socket.socket(socket.AF_INET6, kind)
        try:
            s.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 0)
            s.bind(("::", port))
        except OSError:
            return False
        finally:
            s.close()
    return True


def die_with_parent():
    """A test or an experiment that starts this script may die: the kernel then ends the script too."""
    try:
        import ctypes
        import signal
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def main():
    die_with_parent()
    if os.geteuid() != 0:
        sys.exit("bind_matrix.py needs root (it creates sockets as root and as uid 65534)")
    print(json.dumps({"meta": {"kernel": platform.release(), "date": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
                               "bindv6only": open("/proc/sys/net/ipv6/bindv6only").read().strip(),
                               "connections": CONNECTIONS, "users": {"root": 0, "nobody": NOBODY}}}))
    args = [a for a in sys.argv[1:] if a != "--extension"]
    start = int(args[0]) if args else FIRST_PORT
    port = start
    if "--extension" in sys.argv:
        cells = extension_space()
        run = extension_cell
    else:
        cells = ((proto, first, second, o1, o2, users, state)
                 for proto in ("tcp", "udp")
                 for first, second, o1, o2, users, state in itertools.product(
                     BASE, BASE, OPTION_SETS, OPTION_SETS, USERS, ("listen", "bound") if proto == "tcp" else ("bound",)))
        run = cell
    for proto, first, second, o1, o2, users, state in cells:
        tries = 0
        while not is_fresh(port):  # a port freed less than TIME_WAIT ago (or in use) would falsify the cell
            port = start if port + 1 >= 32000 else port + 1
            tries += 1
            if tries > 32000:
                sys.exit("bind_matrix.py: no fresh port between %d and 32000" % start)
        print(json.dumps(run(proto, first, second, o1, o2, users, state, port)), flush=True)
        port = start if port + 1 >= 32000 else port + 1


if __name__ == "__main__":
    main()
