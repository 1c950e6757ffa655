package org.socketinspector.semantics;

/** The sources the models' answers cite, spelled once. */
final class Sources {

    static final String MS_REUSE = "MS Learn: Using SO_REUSEADDR and SO_EXCLUSIVEADDRUSE";
    static final String MS_TABLE_XP = MS_REUSE + ", table (a) Windows XP and earlier";
    static final String MS_TABLE_SAME_USER = MS_REUSE + ", table (b) Server 2003 and later, same user";
    static final String MS_TABLE_OTHER_USER = MS_REUSE + ", table (c) Server 2003 and later, different users";
    static final String MS_TABLE_NOTE = MS_REUSE + ", note 1 after table (b): wildcard and specific binds coexist";
    static final String MS_DUAL_STACK = MS_REUSE + ", dual-stack sockets; Windows Networking blog (MS Learn archive):"
            + " Dual Stack Sockets on Windows Vista (a dual-stack bind opens an endpoint in both stacks and fails if the"
            + " port is in use in either)";
    static final String MS_IPV6_ONLY_DEFAULT = "MS Learn: Dual-Stack Sockets for IPv6 Winsock Applications (IPV6_V6ONLY is on by default)";

    static final String LINUX_TCP_CONFLICT = "Linux net/ipv4/inet_connection_sock.c inet_csk_bind_conflict";
    static final String LINUX_UDP_CONFLICT = "Linux net/ipv4/udp.c udp_lib_lport_inuse";
    static final String LINUX_TCP_LOOKUP = "Linux net/ipv4/inet_hashtables.c inet_lhash2_lookup, __inet_hash";
    static final String LINUX_UDP_LOOKUP = "Linux net/ipv4/udp.c udp4_lib_lookup2, udp_lib_get_port";
    static final String LINUX_REUSEPORT_GROUP = "Linux net/core/sock_reuseport.c reuseport_select_sock";
    static final String LINUX_ADDRESS_MATCH = "Linux net/ipv4/inet_connection_sock.c inet_rcv_saddr_equal (ipv6_only handling)";
    static final String LINUX_PRIVILEGED_PORT = "Linux net/ipv4/af_inet.c __inet_bind (inet_port_requires_bind_service)";
    static final String LINUX_PRIVILEGED_MEASURED = "measured: Linux 6.18.44, docs/measurements/linux-privileged-port.txt";
    static final String LINUX_MAPPED_BIND = "Linux net/ipv6/af_inet6.c __inet6_bind (IPv4-mapped: EINVAL on an IPV6_V6ONLY"
            + " socket, else an IPv4 bind) and inet_connection_sock.c ipv6_rcv_saddr_equal (mapped compared as IPv4)";
    static final String LINUX_TIME_WAIT = "Linux net/ipv4/inet_connection_sock.c inet_bind_conflict (TIME_WAIT owners keep"
            + " sk_reuse/sk_reuseport of their listener; no same-uid check for TIME_WAIT)";
    static final String LINUX_MEASURED_V2 = "measured: Linux 6.18.44 bind matrix, extension (mapped addresses, time-wait,"
            + " connected UDP), docs/measurements/linux-bind-matrix-v2.jsonl";
    static final String LINUX_MEASURED = "measured: Linux 6.18.44 bind matrix, docs/measurements/linux-bind-matrix.jsonl";

    static final String BSD_BIND = "FreeBSD sys/netinet/in_pcb.c in_pcbbind_setup (XNU bsd/netinet/in_pcb.c in_pcbbind is alike)";
    static final String BSD_RESERVED_PORT = "FreeBSD in_pcbbind_setup: ports up to net.inet.ip.portrange.reservedhigh"
            + " (1023) need PRIV_NETINET_RESERVEDPORT; macOS 10.14+ has no privileged ports (unverified)";
    static final String BSD_DELIVERY = "libuv commit 3d2c820 (on the BSDs only the last binder receives unicast); "
            + "BSD in_pcblookup prefers the exact local address (unverified by measurement)";

    static final String BSD_MAPPED = "FreeBSD sys/netinet6 tcp6_usr_bind / udp6_bind: a mapped address on a socket"
            + " without IPV6_V6ONLY is bound with in_pcbbind as IPv4";
    static final String BSD_TIME_WAIT = "FreeBSD sys/netinet/in_pcb.c in_pcbbind_setup (TIME_WAIT: EADDRINUSE unless the"
            + " new socket's SO_REUSEADDR/SO_REUSEPORT; the uid check skips TIME_WAIT and connected TCP PCBs) and"
            + " in_pcblookup_local (the exact lookup ignores PCBs with a foreign address)";
    static final String MS_TIME_WAIT = "libuv PR joyent/libuv#1360 and Go src/net/sockopt_windows.go: Windows does not"
            + " refuse a bind because of TIME_WAIT connections; " + "MS Learn: Using SO_REUSEADDR and SO_EXCLUSIVEADDRUSE"
            + " (an exclusive socket cannot bind until the connections of a closed exclusive one are inactive)";

    private Sources() {
    }
}
