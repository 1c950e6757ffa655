package org.socketinspector.experiment;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.socketinspector.model.Protocol;
import org.socketinspector.semantics.OsFamily;
import org.socketinspector.model.SocketOption;

/**
 * The classic cases, ready to replay, each on the OS it is about. Uids: -1 is "the user running the experiment";
 * {@link #OTHER_USER} becomes uid 65534 when the experiment runs as root on Linux (else, and always on Windows, the
 * case is replayed with the same user, and says so).
 *
 * @param target where the client sends; null: the address both sockets claim (see {@link Encounter#target()})
 * @param rule   the finding (rule id) the case demonstrates, or, for a control, whose remediation it shows; null for
 *               the plain control. A report lists the case's runs under every finding of that rule, as lab evidence.
 */
public record ReplayPreset(String name, String description, OsFamily os, Protocol protocol, SocketSpec victim,
                           SocketSpec attacker, String target, String rule) {

    public static final int OTHER_USER = -2;

    private static SocketSpec socket(String address, int uid, SocketOption... options) {
        return new SocketSpec(address, Set.of(options), uid, true);
    }

    public static final List<ReplayPreset> ALL = List.of(
            new ReplayPreset("linux-reuseport-share",
                    "Linux SO_REUSEPORT, same user: a second process joins the listener's group and gets a share of new connections.",
                    OsFamily.LINUX, Protocol.TCP, socket("127.0.0.1", -1, SocketOption.REUSEPORT),
                    socket("127.0.0.1", -1, SocketOption.REUSEPORT), null, "LINUX-REUSEPORT-GROUP"),
            new ReplayPreset("linux-udp-reuseaddr",
                    "Linux UDP SO_REUSEADDR co-bind: another user binds the same address and port and receives the datagrams.",
                    OsFamily.LINUX, Protocol.UDP, socket("127.0.0.1", -1, SocketOption.REUSEADDR),
                    socket("127.0.0.1", OTHER_USER, SocketOption.REUSEADDR), null, "LINUX-UDP-REUSEADDR"),
            new ReplayPreset("localhost-family-shadow",
                    "Family shadow: the service listens on 127.0.0.1 only; another user binds ::1 with no option and gets every client that resolves localhost to ::1.",
                    OsFamily.LINUX, Protocol.TCP, socket("127.0.0.1", -1), socket("::1", OTHER_USER), "::1",
                    "LOCALHOST-FAMILY-SHADOW"),
            new ReplayPreset("specific-over-wildcard",
                    "Specific over wildcard: the service listens on 0.0.0.0; the same user binds 127.0.0.1. Linux refuses (EADDRINUSE); Windows and BSD let the specific bind take 127.0.0.1.",
                    OsFamily.LINUX, Protocol.TCP, socket("0.0.0.0", -1), socket("127.0.0.1", -1), null,
                    "SPECIFIC-OVER-WILDCARD"),
            new ReplayPreset("specific-over-wildcard-reuseport",
                    "Specific over wildcard with SO_REUSEPORT on both (same user): on Linux the more specific socket takes every connection to 127.0.0.1.",
                    OsFamily.LINUX, Protocol.TCP, socket("0.0.0.0", -1, SocketOption.REUSEPORT),
                    socket("127.0.0.1", -1, SocketOption.REUSEPORT), null, "LINUX-REUSEPORT-GROUP"),
            new ReplayPreset("plain-control",
                    "Control: no options on either socket. The second bind must be refused and the service keeps all traffic.",
                    OsFamily.LINUX, Protocol.TCP, socket("127.0.0.1", -1), socket("127.0.0.1", -1), null, null),
            new ReplayPreset("windows-specific-over-wildcard",
                    "Windows, same user: a default wildcard listener does not stop a bind to 127.0.0.1, which takes that address's traffic.",
                    OsFamily.WINDOWS, Protocol.TCP, socket("0.0.0.0", -1), socket("127.0.0.1", -1), null,
                    "WIN-NOT-EXCLUSIVE"),
            new ReplayPreset("windows-reuseaddr-over-wildcard",
                    "Windows, the Go case: a server listens on 0.0.0.0 without SO_EXCLUSIVEADDRUSE; a process of the same user binds 127.0.0.1 with SO_REUSEADDR and takes every local client.",
                    OsFamily.WINDOWS, Protocol.TCP, socket("0.0.0.0", -1), socket("127.0.0.1", -1, SocketOption.REUSEADDR), null,
                    "WIN-NOT-EXCLUSIVE"),
            new ReplayPreset("windows-exclusive-control",
                    "Windows control, the remediation: the server sets SO_EXCLUSIVEADDRUSE on 0.0.0.0; the same bind of 127.0.0.1 with SO_REUSEADDR is refused (WSAEACCES) and the server keeps all traffic.",
                    OsFamily.WINDOWS, Protocol.TCP, socket("0.0.0.0", -1, SocketOption.EXCLUSIVEADDRUSE),
                    socket("127.0.0.1", -1, SocketOption.REUSEADDR), null, "WIN-NOT-EXCLUSIVE"),
            new ReplayPreset("windows-reuseaddr-shared",
                    "Windows: a listener that set SO_REUSEADDR can be co-bound with SO_REUSEADDR (by any user); which socket gets a connection is indeterminate.",
                    OsFamily.WINDOWS, Protocol.TCP, socket("0.0.0.0", -1, SocketOption.REUSEADDR),
                    socket("0.0.0.0", OTHER_USER, SocketOption.REUSEADDR), null, "WIN-REUSEADDR-SHARED"),
            new ReplayPreset("windows-localhost-family-shadow",
                    "Windows family shadow: the service listens on 127.0.0.1 only; another process binds ::1 with no option and gets every client that resolves localhost to ::1 first.",
                    OsFamily.WINDOWS, Protocol.TCP, socket("127.0.0.1", -1), socket("::1", OTHER_USER), "::1",
                    "LOCALHOST-FAMILY-SHADOW"));

    public static Optional<ReplayPreset> named(String name) {
        return ALL.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    public static List<String> names() {
        return ALL.stream().map(ReplayPreset::name).toList();
    }
}
