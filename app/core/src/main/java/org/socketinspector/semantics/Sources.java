package org.socketinspector.semantics;

/** The sources the models' answers cite, spelled once. */
final class Sources {

    static final String MS_REUSE = "MS Learn: Using SO_REUSEADDR and SO_EXCLUSIVEADDRUSE";
    static final String MS_TABLE_XP = MS_REUSE + ", table (a) Windows XP and earlier";
    static final String MS_TABLE_SAME_USER = MS_REUSE + ", table (b) Server 2003 and later, same user";
    static final String MS_TABLE_OTHER_USER = MS_REUSE + ", table (c) Server 2003 and later, different users";
    static final String MS_TABLE_NOTE = MS_REUSE + ", note 1 after table (b): wildcard and specific binds coexist";
    static final String MS_DUAL_STACK = MS_REUSE + ", dual-stack sockets";
    static final String MS_IPV6_ONLY_DEFAULT = "MS Learn: Dual-Stack Sockets for IPv6 Winsock Applications (IPV6_V6ONLY is on by default)";

    static final String LINUX_TCP_CONFLICT = "Linux net/ipv4/inet_connection_sock.c inet_csk_bind_conflict";
    static final String LINUX_UDP_CONFLICT = "Linux net/ipv4/udp.c udp_lib_lport_inuse";
    static final String LINUX_TCP_LOOKUP = "Linux net/ipv4/inet_hashtables.c inet_lhash2_lookup, __inet_hash";
    static final String LINUX_UDP_LOOKUP = "Linux net/ipv4/udp.c udp4_lib_lookup2, udp_lib_get_port";
    static final String LINUX_REUSEPORT_GROUP = "Linux net/core/sock_reuseport.c reuseport_select_sock";
    static final String LINUX_ADDRESS_MATCH = "Linux net/ipv4/inet_connection_sock.c inet_rcv_saddr_equal (ipv6_only handling)";
    static final String LINUX_PRIVILEGED_PORT = "Linux net/ipv4/af_inet.c __inet_bind (inet_port_requires_bind_service)";
    static final String LINUX_PRIVILEGED_MEASURED = "measured: Linux 6.18.44, docs/measurements/linux-privileged-port.txt";
    static final String LINUX_MEASURED = "measured: Linux 6.18.44 bind matrix, docs/measurements/linux-bind-matrix.jsonl";

    static final String BSD_BIND = "FreeBSD sys/netinet/in_pcb.c in_pcbbind_setup (XNU bsd/netinet/in_pcb.c in_pcbbind is alike)";
    static final String BSD_RESERVED_PORT = "FreeBSD in_pcbbind_setup: ports up to net.inet.ip.portrange.reservedhigh"
            + " (1023) need PRIV_NETINET_RESERVEDPORT; macOS 10.14+ has no privileged ports (unverified)";
    static final String BSD_DELIVERY = "libuv commit 3d2c820 (on the BSDs only the last binder receives unicast); "
            + "BSD in_pcblookup prefers the exact local address (unverified by measurement)";

    private Sources() {
    }
}
