#!/bin/sh
# Takes the Linux variant captures of this folder in a network namespace of its own (run as root).
# /etc/netns/$NS/hosts gives the namespace names for its addresses, so that captures without -n print names:
# localhost.localdomain is longer than net-tools' column and gets cut (localhost.localdoma:ssh).
set -e
NS=si-import-capture
cd "$(dirname "$0")"
mkdir -p /etc/netns/$NS
printf '127.0.0.1\tlocalhost.localdomain localhost\n::1\tip6-localhost ip6-loopback\n192.0.2.5\tweb01.example.internal web01\n' > /etc/netns/$NS/hosts
ip netns add $NS
trap 'set +e; [ -n "$PID" ] && kill $PID; ip netns delete $NS; rm -rf /etc/netns/$NS' EXIT
ip netns exec $NS ip link set lo up
ip netns exec $NS ip addr add 192.0.2.5/32 dev lo
ip netns exec $NS python3 listeners-ns.py > /tmp/$NS.pid &
while [ ! -s /tmp/$NS.pid ]; do sleep 0.1; done
PID=$(cat /tmp/$NS.pid)
run() { out=$1; shift; ip netns exec $NS "$@" > "$out" 2>&1 || true; }
run netstat-tua.txt netstat -tua
run netstat-tuan.txt netstat -tuan
run netstat-tul.txt netstat -tul
run netstat-tuap.txt netstat -tuap
run netstat-tuae.txt netstat -tuae
run netstat-tuaee.txt netstat -tuaee
run netstat-tuanpeeW.txt netstat -tuanpeeW
run netstat-tuaW.txt netstat -tuaW
run ss-tua.txt ss -tua
run ss-tuar.txt ss -tuar
run ss-tuan.txt ss -tuan
run ss-tl.txt ss -tl
run ss-t.txt ss -t
run ss-tuanpeO.txt ss -tuanpeO
run ss-tuap.txt ss -tuap
run ss-tuane.txt ss -tuane
run lsof-i.txt lsof -i
run lsof-i-n.txt lsof -i -n
run lsof-i-P.txt lsof -i -P
run lsof-i-nP.txt lsof -i -nP
# netstat output followed by lsof output in one file, as pasted into a ticket
{ ip netns exec $NS netstat -tuan; ip netns exec $NS lsof -i -nP; } > mixed-netstat-then-lsof.txt
rm -f /tmp/$NS.pid
