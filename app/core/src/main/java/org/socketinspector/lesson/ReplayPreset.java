package org.socketinspector.lesson;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.socketinspector.model.Protocol;
import org.socketinspector.model.SocketOption;
import org.socketinspector.semantics.OsFamily;

/**
 * The classic cases, ready to replay, each on the OS it is about. Uids: -1 is "the user running the experiment";
 * {@link #OTHER_USER} becomes uid 65534 when the experiment runs as root on Linux (else, and always on Windows, the
 * case is replayed with the same user, and says so).
 *
 * @param target where the client sends; null: the address both sockets claim (see {@link Encounter#target()})
 * @param rule   the finding (rule id) the case demonstrates; null for a control. A report lists the case's runs
 *               under every finding of that rule as a lab demonstration (never as a confirmation of that finding)
 * @param remedy the rule's remediation applied to the victim ({@code experiment replay --remediated}); null for a
 *               control
 * @param namespace the network namespace the case always runs in, with its port and sysctl (a case about a host
 *                  setting changes it only there); null: loopback, or a namespace only when asked ({@code --netns})
 */
public record ReplayPreset(String name, String description, OsFamily os, Protocol protocol, SocketSpec victim,
                           SocketSpec attacker, String target, String rule, Remedy remedy, LabNamespace namespace) {

    public static final int OTHER_USER = -2;

    /** A case that runs on loopback (or in a plain namespace with {@code --netns}). */
    public ReplayPreset(String name, String description, OsFamily os, Protocol protocol, SocketSpec victim,
                        SocketSpec attacker, String target, String rule, Remedy remedy) {
        this(name, description, os, protocol, victim, attacker, target, rule, remedy, null);
    }

    private static SocketSpec socket(String address, int uid, SocketOption... options) {
        return new SocketSpec(address, Set.of(options), uid, true);
    }

    private static SocketSpec boundOnly(String address, int uid, SocketOption... options) {
        return new SocketSpec(address, Set.of(options), uid, false);
    }

    private static Remedy fix(String description, List<String> servedBefore, SocketSpec... victim) {
        return new Remedy(description, List.of(victim), servedBefore);
    }

    private static final List<String> V4_LOOPBACK = List.of("127.0.0.1");

    /** The port of the low-port case: a root service's (HTTP), free in the namespace made for the run. */
    public static final int LOW_PORT = 80;

    public static final List<ReplayPreset> ALL = List.of(
            new ReplayPreset("linux-reuseport-share",
                    "Linux SO_REUSEPORT, same user: a second process joins the listener's group and gets a share of new connections.",
                    OsFamily.LINUX, Protocol.TCP, socket("127.0.0.1", -1, SocketOption.REUSEPORT),
                    socket("127.0.0.1", -1, SocketOption.REUSEPORT), null, "LINUX-REUSEPORT-GROUP",
                    fix("the listener drops SO_REUSEPORT", V4_LOOPBACK, socket("127.0.0.1", -1))),
            new ReplayPreset("linux-udp-reuseaddr",
                    "Linux UDP SO_REUSEADDR co-bind: another user binds the same address and port and receives the datagrams.",
                    OsFamily.LINUX, Protocol.UDP, socket("127.0.0.1", -1, SocketOption.REUSEADDR),
                    socket("127.0.0.1", OTHER_USER, SocketOption.REUSEADDR), null, "LINUX-UDP-REUSEADDR",
                    fix("the UDP socket drops SO_REUSEADDR", V4_LOOPBACK, socket("127.0.0.1", -1))),
            new ReplayPreset("linux-tcp-bound-reuseaddr",
                    "Linux TCP socket bound with SO_REUSEADDR that does not listen yet: another user binds the same address with SO_REUSEADDR, listens first and takes the port; the owner's listen() fails.",
                    OsFamily.LINUX, Protocol.TCP, boundOnly("127.0.0.1", -1, SocketOption.REUSEADDR),
                    socket("127.0.0.1", OTHER_USER, SocketOption.REUSEADDR), null, "TCP-BOUND-REUSEADDR",
                    fix("the socket listens right after bind()", V4_LOOPBACK,
                            socket("127.0.0.1", -1, SocketOption.REUSEADDR))),
            new ReplayPreset("localhost-family-shadow",
                    "Family shadow: the service listens on 127.0.0.1 only; another user binds ::1 with no option and gets every client that resolves localhost to ::1.",
                    OsFamily.LINUX, Protocol.TCP, socket("127.0.0.1", -1), socket("::1", OTHER_USER), "::1",
                    "LOCALHOST-FAMILY-SHADOW", fix("the service also listens on ::1 (never on a wildcard)", V4_LOOPBACK,
                            socket("127.0.0.1", -1), socket("::1", -1, SocketOption.V6ONLY))),
            new ReplayPreset("localhost-family-shadow-udp",
                    "UDP family shadow: the service is bound to 127.0.0.1 only; another user binds ::1 with no option and gets every datagram sent to localhost as ::1.",
                    OsFamily.LINUX, Protocol.UDP, socket("127.0.0.1", -1), socket("::1", OTHER_USER), "::1",
                    "LOCALHOST-FAMILY-SHADOW", fix("the service also binds ::1 (never a wildcard)", V4_LOOPBACK,
                            socket("127.0.0.1", -1), socket("::1", -1, SocketOption.V6ONLY))),
            new ReplayPreset("linux-low-unprivileged-port-start",
                    "Linux, net.ipv4.ip_unprivileged_port_start=0 (Docker's and Podman's default inside containers, moby/moby#41030): a root service listens on 127.0.0.1 port " + LOW_PORT + "; uid 65534 binds ::1 port " + LOW_PORT + " with no option and gets every client of localhost that tries ::1. Runs in a network namespace made for it (the sysctl is per namespace; the host's is never changed).",
                    OsFamily.LINUX, Protocol.TCP, socket("127.0.0.1", -1), socket("::1", OTHER_USER), "::1",
                    "LOW-PRIVILEGED-PORT-START",
                    new Remedy("net.ipv4.ip_unprivileged_port_start set back to 1024", List.of(socket("127.0.0.1", -1)),
                            V4_LOOPBACK, new LabNamespace(LOW_PORT, 1024)),
                    new LabNamespace(LOW_PORT, 0)),
            new ReplayPreset("specific-over-wildcard",
                    "Control: the service listens on 0.0.0.0; the same user binds 127.0.0.1 without options. Linux refuses (EADDRINUSE): it has no \"more specific wins\" without SO_REUSEPORT (Windows and BSD do, see windows-specific-over-wildcard).",
                    OsFamily.LINUX, Protocol.TCP, socket("0.0.0.0", -1), socket("127.0.0.1", -1), null, null, null),
            new ReplayPreset("specific-over-wildcard-reuseport",
                    "Specific over wildcard with SO_REUSEPORT on both (same user): on Linux the more specific socket takes every connection to 127.0.0.1.",
                    OsFamily.LINUX, Protocol.TCP, socket("0.0.0.0", -1, SocketOption.REUSEPORT),
                    socket("127.0.0.1", -1, SocketOption.REUSEPORT), null, "SPECIFIC-OVER-WILDCARD",
                    fix("the wildcard listener drops SO_REUSEPORT", List.of("127.0.0.1", "127.0.0.2"),
                            socket("0.0.0.0", -1))),
            new ReplayPreset("plain-control",
                    "Control: no options on either socket. The second bind must be refused and the service keeps all traffic.",
                    OsFamily.LINUX, Protocol.TCP, socket("127.0.0.1", -1), socket("127.0.0.1", -1), null, null, null),
            new ReplayPreset("windows-specific-over-wildcard",
                    "Windows, same user, no option on either socket: a default wildcard listener does not stop a bind of 127.0.0.1 on its port, which takes that address's traffic (what golang/go#30291 reported of Go listeners: net.Listen on 0.0.0.0:1080 and on 127.0.0.1:1080 both succeed). Only SO_EXCLUSIVEADDRUSE prevents it.",
                    OsFamily.WINDOWS, Protocol.TCP, socket("0.0.0.0", -1), socket("127.0.0.1", -1), null,
                    "WIN-NOT-EXCLUSIVE", fix("the listener sets SO_EXCLUSIVEADDRUSE before bind()",
                            V4_LOOPBACK, socket("0.0.0.0", -1, SocketOption.EXCLUSIVEADDRUSE))),
            new ReplayPreset("windows-java-exclusive-off",
                    "Windows, Java started with -Dsun.net.useExclusiveBind=false: its 0.0.0.0 listener is bound without SO_EXCLUSIVEADDRUSE, so a process of the same user binds 127.0.0.1 on the port and takes that address's connections.",
                    OsFamily.WINDOWS, Protocol.TCP, socket("0.0.0.0", -1), socket("127.0.0.1", -1), null,
                    "JAVA-EXCLUSIVE-OFF", fix("the flag removed: the JDK binds with SO_EXCLUSIVEADDRUSE again",
                            V4_LOOPBACK, socket("0.0.0.0", -1, SocketOption.EXCLUSIVEADDRUSE))),
            new ReplayPreset("windows-ipv4-beside-dualstack",
                    "Open question, Windows, same user, no option on either socket: a default dual-stack [::] listener (Go's net.Listen(\"tcp\", \":port\")) and an IPv4 0.0.0.0 bind of the same port (net.Listen(\"tcp4\", ...)). Microsoft's Windows Networking blog says a dual-stack bind opens an endpoint in both stacks and fails if the port is in use in either, so the model predicts WSAEADDRINUSE; golang/go#45150 (Go 1.16.2) and drakkan/sftpgo#350 (netstat: two 0.0.0.0:21 listeners, another FTP server's and Go's) report both binds succeeding, with the first program's options unknown. A run on Windows decides; until then it demonstrates no rule.",
                    OsFamily.WINDOWS, Protocol.TCP, socket("::", -1), socket("0.0.0.0", -1), "127.0.0.1", null, null),
            new ReplayPreset("windows-go-reuseaddr-before-2307",
                    "Windows, Go before golang/go#2307 was fixed: Go's own listener set SO_REUSEADDR, so a second program that also set it (another Go server) bound the same 0.0.0.0 port and shared its connections. Commit c1d0f0e76c42 stopped setting it; SO_EXCLUSIVEADDRUSE is the rule's full fix.",
                    OsFamily.WINDOWS, Protocol.TCP, socket("0.0.0.0", -1, SocketOption.REUSEADDR),
                    socket("0.0.0.0", OTHER_USER, SocketOption.REUSEADDR), null, "WIN-REUSEADDR-SHARED",
                    fix("the listener drops SO_REUSEADDR and sets SO_EXCLUSIVEADDRUSE", V4_LOOPBACK,
                            socket("0.0.0.0", -1, SocketOption.EXCLUSIVEADDRUSE))),
            new ReplayPreset("windows-go-after-2307",
                    "Control, Windows, Go after commit c1d0f0e76c42 (golang/go#2307): the listener sets no option, so the same SO_REUSEADDR bind of 0.0.0.0 is refused (WSAEACCES); what remains open is a bind of a more specific address or of the other family, see windows-specific-over-wildcard and windows-ipv4-beside-dualstack.",
                    OsFamily.WINDOWS, Protocol.TCP, socket("0.0.0.0", -1),
                    socket("0.0.0.0", OTHER_USER, SocketOption.REUSEADDR), null, null, null),
            new ReplayPreset("windows-exclusive-control",
                    "Windows control: the server sets SO_EXCLUSIVEADDRUSE on 0.0.0.0; a same-user bind of 127.0.0.1 with SO_REUSEADDR is refused (WSAEACCES) and the server keeps all traffic.",
                    OsFamily.WINDOWS, Protocol.TCP, socket("0.0.0.0", -1, SocketOption.EXCLUSIVEADDRUSE),
                    socket("127.0.0.1", -1, SocketOption.REUSEADDR), null, null, null),
            new ReplayPreset("windows-reuseaddr-shared",
                    "Windows: a listener that set SO_REUSEADDR can be co-bound with SO_REUSEADDR (by any user); which socket gets a connection is indeterminate.",
                    OsFamily.WINDOWS, Protocol.TCP, socket("0.0.0.0", -1, SocketOption.REUSEADDR),
                    socket("0.0.0.0", OTHER_USER, SocketOption.REUSEADDR), null, "WIN-REUSEADDR-SHARED",
                    fix("the listener drops SO_REUSEADDR and sets SO_EXCLUSIVEADDRUSE", V4_LOOPBACK,
                            socket("0.0.0.0", -1, SocketOption.EXCLUSIVEADDRUSE))),
            new ReplayPreset("windows-localhost-family-shadow",
                    "Windows family shadow: the service listens on 127.0.0.1 only; another process binds ::1 with no option and gets every client that resolves localhost to ::1 first.",
                    OsFamily.WINDOWS, Protocol.TCP, socket("127.0.0.1", -1), socket("::1", OTHER_USER), "::1",
                    "LOCALHOST-FAMILY-SHADOW", fix("the service also listens on ::1 (never on a wildcard)", V4_LOOPBACK,
                            socket("127.0.0.1", -1), socket("::1", -1, SocketOption.V6ONLY))));

    public static Optional<ReplayPreset> named(String name) {
        return ALL.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    public static List<String> names() {
        return ALL.stream().map(ReplayPreset::name).toList();
    }
}
