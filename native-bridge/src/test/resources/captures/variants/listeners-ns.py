# Listeners for the variant captures (run inside a network namespace: capture-variants.sh).
# Well-known ports so that captures without -n print service names; one port without a name (47101).
import socket, time, os
socks = []
def mk(fam, typ, addr, opts=()):
    s = socket.socket(fam, typ)
    for o in opts:
        s.setsockopt(*o)
    s.bind(addr)
    if typ == socket.SOCK_STREAM:
        s.listen(5)
    socks.append(s)
    return s
V6ONLY = socket.IPPROTO_IPV6, socket.IPV6_V6ONLY
ssh = mk(socket.AF_INET, socket.SOCK_STREAM, ('0.0.0.0', 22))
mk(socket.AF_INET, socket.SOCK_STREAM, ('127.0.0.1', 631))
mk(socket.AF_INET6, socket.SOCK_STREAM, ('::1', 631), [V6ONLY + (1,)])
mk(socket.AF_INET6, socket.SOCK_STREAM, ('::', 80), [V6ONLY + (0,)])
mk(socket.AF_INET, socket.SOCK_STREAM, ('127.0.0.1', 25))
mk(socket.AF_INET, socket.SOCK_STREAM, ('192.0.2.5', 443))
mk(socket.AF_INET, socket.SOCK_STREAM, ('127.0.0.1', 47101))
mk(socket.AF_INET, socket.SOCK_DGRAM, ('0.0.0.0', 53))
mk(socket.AF_INET, socket.SOCK_DGRAM, ('127.0.0.1', 5353))
mk(socket.AF_INET6, socket.SOCK_DGRAM, ('::', 123), [V6ONLY + (1,)])
c = socket.create_connection(('127.0.0.1', 22)); a, _ = ssh.accept(); socks += [c, a]
print(os.getpid(), flush=True)
time.sleep(120)
