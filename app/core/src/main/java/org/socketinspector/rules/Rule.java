package org.socketinspector.rules;

import java.util.List;

/**
 * The catalog of rules: stable id, title, why it matters, usual severity and attacker, remediation and references.
 * Reports print it as an appendix; docs/rules.md describes the conditions.
 */
public enum Rule {
    WIN_REUSEADDR_SHARED("WIN-REUSEADDR-SHARED", Severity.HIGH, Attacker.ANY_USER,
            "Windows socket shareable by any local user (SO_REUSEADDR)",
            "On Windows a socket bound with SO_REUSEADDR can be co-bound by any local user with SO_REUSEADDR; "
                    + "which socket then receives a connection or datagram is indeterminate.",
            "Do not set SO_REUSEADDR on Windows; set SO_EXCLUSIVEADDRUSE before bind(). .NET: "
                    + "Socket.ExclusiveAddressUse = true (TcpListener.ExclusiveAddressUse) and no ReuseAddress. "
                    + "Java: remove setReuseAddress(true) so the JDK's exclusive bind stays on. Python: "
                    + "socketserver.TCPServer.allow_reuse_address = False (http.server turns it on). Node: "
                    + "dgram.createSocket({reuseAddr: false}) (the default). Go: do not set SO_REUSEADDR in "
                    + "ListenConfig.Control. C/C++: setsockopt(SOL_SOCKET, SO_EXCLUSIVEADDRUSE, 1) before bind().",
            List.of("MS Learn: Using SO_REUSEADDR and SO_EXCLUSIVEADDRUSE, tables (b) and (c)")),
    WIN_NOT_EXCLUSIVE("WIN-NOT-EXCLUSIVE", Severity.MEDIUM, Attacker.SAME_USER,
            "Windows wildcard listener without SO_EXCLUSIVEADDRUSE",
            "A process of the same user can bind a more specific address (e.g. 127.0.0.1) on the same port and "
                    + "receive the traffic sent to that address.",
            "Set SO_EXCLUSIVEADDRUSE before bind(). .NET: Socket.ExclusiveAddressUse = true. Java: keep the default "
                    + "exclusive bind (do not run with -Dsun.net.useExclusiveBind=false, do not setReuseAddress(true)). "
                    + "Go: set SO_EXCLUSIVEADDRUSE in net.ListenConfig.Control (golang.org/x/sys/windows). Python: "
                    + "sock.setsockopt(socket.SOL_SOCKET, socket.SO_EXCLUSIVEADDRUSE, 1) before bind(). Node/libuv "
                    + "offer no option: run the service under its own account. C/C++: setsockopt(SO_EXCLUSIVEADDRUSE).",
            List.of("MS Learn: Using SO_REUSEADDR and SO_EXCLUSIVEADDRUSE, table (b) and note 1",
                    "OpenJDK sun/nio/ch/Net.java (sun.net.useExclusiveBind)")),
    LINUX_REUSEPORT_GROUP("LINUX-REUSEPORT-GROUP", Severity.MEDIUM, Attacker.SAME_USER,
            "Linux socket with SO_REUSEPORT: same-user processes can join its group",
            "Any process of the owner's user can bind the same address with SO_REUSEPORT and receive a share of new "
                    + "connections or datagrams (or all of them for a more specific address); a shared account such as "
                    + "nobody makes that every service running as nobody.",
            "Drop SO_REUSEPORT unless load balancing is needed, and run the service under a dedicated account (never "
                    + "nobody). Go: do not set SO_REUSEPORT in ListenConfig.Control. Python: no reuse_port=True. Java: "
                    + "do not set StandardSocketOptions.SO_REUSEPORT. Node: no reusePort in server.listen(). nginx: "
                    + "remove 'reuseport' from listen or use its own user.",
            List.of("Linux net/ipv4/inet_connection_sock.c inet_csk_bind_conflict (same-uid rule)",
                    "measured: Linux 6.18.44 bind matrix, docs/measurements/linux-bind-matrix.jsonl")),
    LINUX_UDP_REUSEADDR("LINUX-UDP-REUSEADDR", Severity.HIGH, Attacker.ANY_USER,
            "Linux UDP socket with SO_REUSEADDR: any user can co-bind it",
            "On Linux two UDP sockets that both set SO_REUSEADDR may bind the same address and port whatever their "
                    + "users; unicast datagrams then go to one of them (the reason CPython removed reuse_address from "
                    + "asyncio's create_datagram_endpoint, bpo-37228).",
            "Do not set SO_REUSEADDR on unicast UDP sockets; if several sockets must share a port use SO_REUSEPORT "
                    + "(same user only). Python: asyncio rejects reuse_address for datagram endpoints; do not set it "
                    + "by hand. Node: dgram.createSocket({type, reuseAddr: false}). Go: no SO_REUSEADDR in "
                    + "ListenConfig.Control. Java: DatagramChannel.setOption(SO_REUSEADDR, false) (MulticastSocket "
                    + "turns it on).",
            List.of("Linux net/ipv4/udp.c udp_lib_lport_inuse", "bpo-37228 (python/cpython#81409)",
                    "measured: Linux 6.18.44 bind matrix, docs/measurements/linux-bind-matrix.jsonl")),
    LOCALHOST_FAMILY_SHADOW("LOCALHOST-FAMILY-SHADOW", Severity.MEDIUM, Attacker.ANY_USER,
            "Listener on one loopback family only: the other family's port is free",
            "Another user can bind the same port on the other loopback family (127.0.0.1 vs ::1) without any option, "
                    + "and catch the connections (TCP) or datagrams (UDP) of clients that resolve 'localhost' to that "
                    + "family; how many do depends on the host's resolver (/etc/hosts, gai.conf) and on whether it "
                    + "has ::1 at all.",
            "Also listen on the listener's own scope in the other family, never wider: 127.0.0.1 also on ::1, ::1 "
                    + "also on 127.0.0.1, 0.0.0.0 also on :: (IPV6_V6ONLY on), :: v6only also on 0.0.0.0; or make "
                    + "clients use the literal address. A loopback service moved to a wildcard or dual-stack socket "
                    + "would be open to every network. Each finding names the address, port and calls per runtime "
                    + "(Go, Node, Python, Java) for its socket.",
            List.of("Linux ipv6_rcv_saddr_equal / inet_rcv_saddr_equal (families do not conflict)",
                    "MS Learn: Dual-Stack Sockets for IPv6 Winsock Applications",
                    "measured: Linux 6.18.44 bind matrix, docs/measurements/linux-bind-matrix.jsonl")),
    LOCALHOST_FAMILY_TAKEN("LOCALHOST-FAMILY-TAKEN", Severity.HIGH, Attacker.ANY_USER,
            "Another user holds the other loopback family of this port",
            "A listener serves one loopback family (127.0.0.1 or ::1) and a process of a different user already holds "
                    + "the same port on the other family: the family shadow is not a possibility but happening, and "
                    + "clients that resolve 'localhost' to that family talk to the other user's process now. Raised "
                    + "instead of LOCALHOST-FAMILY-SHADOW, always high; a socket of the listener's own user (or "
                    + "root's) on the other family covers it as before.",
            "Find the process named in the finding (ss -ltnpue 'sport = :PORT', or its pid); unless it belongs to "
                    + "the service, stop it and treat what clients sent to it as disclosed. Then make the service "
                    + "also listen on its own scope in the other family (127.0.0.1 also on ::1, ::1 also on "
                    + "127.0.0.1, 0.0.0.0 also on :: with IPV6_V6ONLY) and start it before other users' processes, "
                    + "or make clients use the literal address. Each finding names the calls per runtime.",
            List.of("Linux ipv6_rcv_saddr_equal / inet_rcv_saddr_equal (families do not conflict)",
                    "measured: Linux 6.18.44 bind matrix, docs/measurements/linux-bind-matrix.jsonl")),
    SPECIFIC_OVER_WILDCARD("SPECIFIC-OVER-WILDCARD", Severity.HIGH, Attacker.SAME_USER,
            "A more specific bind takes traffic from a wildcard listener",
            "Where a more specific bind wins over a wildcard one (Windows, macOS/BSD), a socket bound to a specific "
                    + "address on the wildcard listener's port receives the traffic sent to that address.",
            "Check the process bound to the specific address. Linux: such a bind beside a listening wildcard needs "
                    + "SO_REUSEPORT on both sockets (same user): drop SO_REUSEPORT from the wildcard listener. Windows: "
                    + "set SO_EXCLUSIVEADDRUSE on the wildcard listener. macOS/BSD: bind the service to each specific address it serves instead of the "
                    + "wildcard, and do not run untrusted code under its user.",
            List.of("MS Learn: Using SO_REUSEADDR and SO_EXCLUSIVEADDRUSE, note 1",
                    "FreeBSD sys/netinet/in_pcb.c in_pcbbind_setup")),
    REUSE_GROUP_OBSERVED("REUSE-GROUP-OBSERVED", Severity.HIGH, Attacker.SAME_USER,
            "Several processes already share one port",
            "Two or more processes have their own socket on the same protocol, address and port: the port is "
                    + "shared (or hijacked) right now.",
            "Check that every process in the group belongs to the service; stop any that does not and restart the "
                    + "service with exclusive options (see the other findings of this port).",
            List.of("Reference 7: duplicate rows in the socket table")),
    LOW_PRIVILEGED_PORT_START("LOW-PRIVILEGED-PORT-START", Severity.MEDIUM, Attacker.ANY_USER,
            "Unprivileged users may bind well-known ports",
            "net.ipv4.ip_unprivileged_port_start below 1024 lets any user bind ports that clients trust (53, 80, "
                    + "443...) when they are free, including the free family of a service bound to one family only.",
            "Set net.ipv4.ip_unprivileged_port_start=1024 (sysctl -w, and persist it in /etc/sysctl.d/); give the "
                    + "services that need a low port CAP_NET_BIND_SERVICE instead (setcap, or systemd "
                    + "AmbientCapabilities=CAP_NET_BIND_SERVICE).",
            List.of("Linux commit 4548b683b781 (ip_unprivileged_port_start)", "Documentation/networking/ip-sysctl.rst")),
    JAVA_EXCLUSIVE_OFF("JAVA-EXCLUSIVE-OFF", Severity.LOW, Attacker.SAME_USER,
            "Java on Windows started with exclusive bind turned off",
            "The JDK binds with SO_EXCLUSIVEADDRUSE on Windows by default; -Dsun.net.useExclusiveBind=false turns that "
                    + "off, so the process's listeners are not exclusive (a same-user process can bind a more specific "
                    + "address on their ports).",
            "Remove -Dsun.net.useExclusiveBind=false from the launch script or JAVA_TOOL_OPTIONS, and do not call "
                    + "setReuseAddress(true) on its server sockets.",
            List.of("OpenJDK sun/nio/ch/Net.java (sun.net.useExclusiveBind)",
                    "MS Learn: Using SO_REUSEADDR and SO_EXCLUSIVEADDRUSE, table (b)")),
    TCP_BOUND_REUSEADDR("TCP-BOUND-REUSEADDR", Severity.MEDIUM, Attacker.ANY_USER,
            "Linux TCP socket bound with SO_REUSEADDR but not listening: any user can listen first",
            "While a TCP socket with SO_REUSEADDR is only bound, a process of any user that sets SO_REUSEADDR may bind "
                    + "the same address and port; whichever socket listens first gets the port and its connections, "
                    + "and the other one's listen() fails with EADDRINUSE.",
            "Call listen() right after bind(), or bind and listen in one call, and do not keep a socket with "
                    + "SO_REUSEADDR bound for long before it listens (SO_REUSEADDR is safe once it listens). A socket "
                    + "bound only to pick a source port for connect() needs no SO_REUSEADDR. Java: "
                    + "ServerSocketChannel.bind() binds and listens at once; do not setReuseAddress(true) on a "
                    + "SocketChannel bound long before use. Python: socket.create_server() or "
                    + "asyncio.start_server() (bind and listen together); with socketserver keep "
                    + "bind_and_activate=True. Go: net.Listen / ListenConfig.Listen bind and listen in one call. "
                    + "Node: server.listen() does both. C/C++: call listen() directly after bind(); for a hand-over "
                    + "between processes pass the listening descriptor (systemd socket activation) instead of "
                    + "re-binding.",
            List.of("Linux net/ipv4/inet_connection_sock.c inet_csk_bind_conflict (SO_REUSEADDR waives the "
                            + "conflict only while the first socket does not listen)",
                    "Linux commit 91051f003948 (sock_diag lists bound-inactive TCP sockets, 6.8+)",
                    "measured: Linux 6.18.44 bind matrix, docs/measurements/linux-bind-matrix.jsonl")),
    OPTIONS_UNKNOWN("OPTIONS-UNKNOWN", Severity.INFO, Attacker.ADMIN,
            "Socket options could not be read",
            "Without the socket's reuse options the audit cannot say whether another process could take its port.",
            "Run elevated: 'sudo socket-inspector audit' on Linux (root reads the options with pidfd_getfd), or from "
                    + "an Administrator prompt on Windows (so the safe bind probe can classify exclusivity). If the "
                    + "audit already ran elevated, the owner lives in another PID namespace (a container): run the "
                    + "audit inside that container.",
            List.of("pidfd_getfd(2)", "Reference 5.2: safe bind probe"));

    private final String id;
    private final Severity severity;
    private final Attacker attacker;
    private final String title;
    private final String why;
    private final String remediation;
    private final List<String> references;

    Rule(String id, Severity severity, Attacker attacker, String title, String why, String remediation,
         List<String> references) {
        this.id = id;
        this.severity = severity;
        this.attacker = attacker;
        this.title = title;
        this.why = why;
        this.remediation = remediation;
        this.references = references;
    }

    public String id() {
        return id;
    }

    /** The usual severity; a finding may raise or lower it (e.g. a shared account, a root-only attacker). */
    public Severity severity() {
        return severity;
    }

    public Attacker attacker() {
        return attacker;
    }

    public String title() {
        return title;
    }

    public String why() {
        return why;
    }

    public String remediation() {
        return remediation;
    }

    public List<String> references() {
        return references;
    }
}
