import socket, time, os
socks=[]
def mk(fam, typ, addr, opts=()):
    s=socket.socket(fam, typ)
    for o in opts: s.setsockopt(*o)
    s.bind(addr)
    if typ==socket.SOCK_STREAM: s.listen(5)
    socks.append(s); return s
mk(socket.AF_INET, socket.SOCK_STREAM, ('127.0.0.1', 47101))
mk(socket.AF_INET6, socket.SOCK_STREAM, ('::1', 47102))
mk(socket.AF_INET6, socket.SOCK_STREAM, ('::', 47103), [(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 1)])
mk(socket.AF_INET6, socket.SOCK_STREAM, ('::', 47104), [(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 0)])
mk(socket.AF_INET, socket.SOCK_STREAM, ('127.0.0.1', 47105), [(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)])
mk(socket.AF_INET, socket.SOCK_DGRAM, ('127.0.0.1', 47106))
mk(socket.AF_INET6, socket.SOCK_DGRAM, ('::1', 47107))
l=socks[0]
c=socket.create_connection(('127.0.0.1',47101)); a,_=l.accept(); socks += [c,a]
u=socket.socket(socket.AF_INET, socket.SOCK_DGRAM); u.bind(('127.0.0.1',47108)); u.connect(('127.0.0.1',47106)); socks.append(u)
print(os.getpid(), flush=True)
time.sleep(120)
