import socket, sys, time, signal
# usage: demo-listener.py tcp|udp ADDRESS PORT [reuseaddr] [reuseport] [v6only] [--password=...]
proto, addr, port = sys.argv[1], sys.argv[2], int(sys.argv[3])
flags = set(sys.argv[4:])
fam = socket.AF_INET6 if ':' in addr else socket.AF_INET
s = socket.socket(fam, socket.SOCK_STREAM if proto == 'tcp' else socket.SOCK_DGRAM)
if 'reuseaddr' in flags: s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
if 'reuseport' in flags: s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
if fam == socket.AF_INET6: s.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 1 if 'v6only' in flags else 0)
s.bind((addr, port))
if proto == 'tcp': s.listen(8)
signal.alarm(900)  # bounded: gone after 15 minutes whatever happens
while True: time.sleep(60)
