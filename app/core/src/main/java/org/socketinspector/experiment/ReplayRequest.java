package org.socketinspector.experiment;

import org.socketinspector.lesson.LabNamespace;
import org.socketinspector.lesson.ReplayPreset;
import org.socketinspector.lesson.SocketSpec;
import org.socketinspector.model.Protocol;
import org.socketinspector.semantics.OsFamily;

/**
 * A lab replay to run.
 *
 * @param preset    the preset's name, or "custom"
 * @param os        the OS family the case is about (a Windows case runs only on Windows)
 * @param protocol  tcp or udp
 * @param victim    the victim's socket (uid -1: the user running the experiment)
 * @param attacker  the attacker's socket
 * @param target    where the client sends, null for the address both claim
 * @param attempts  connections or datagrams (1..{@link Limits#MAX_ATTEMPTS})
 * @param port      the port, 0 for a free one chosen by the kernel
 * @param namespace run inside a network namespace created for the replay (root only)
 * @param unprivilegedPortStart {@code net.ipv4.ip_unprivileged_port_start} to set inside that namespace (never on
 *                  the host), null to leave it as a new namespace has it (1024)
 */
public record ReplayRequest(String preset, OsFamily os, Protocol protocol, SocketSpec victim, SocketSpec attacker,
                            String target, int attempts, int port, boolean namespace, Integer unprivilegedPortStart) {

    /** A replay that leaves the sysctls as they are. */
    public ReplayRequest(String preset, OsFamily os, Protocol protocol, SocketSpec victim, SocketSpec attacker,
                         String target, int attempts, int port, boolean namespace) {
        this(preset, os, protocol, victim, attacker, target, attempts, port, namespace, null);
    }

    /**
     * The preset with the given count, port and namespace choice; OTHER_USER becomes uid 65534 for root. A preset
     * with a namespace of its own ({@link ReplayPreset#namespace()}) always runs in one, with its sysctl, on its
     * port unless another is given.
     */
    public static ReplayRequest of(ReplayPreset p, int attempts, int port, boolean namespace, int selfUid) {
        LabNamespace own = p.namespace();
        return new ReplayRequest(p.name(), p.os(), p.protocol(), resolve(p.victim(), selfUid),
                resolve(p.attacker(), selfUid), p.target(), attempts, own != null && port == 0 ? own.port() : port,
                namespace || own != null, own == null ? null : own.unprivilegedPortStart());
    }

    /** This request with another target (null: the address both claim). */
    public ReplayRequest withTarget(String newTarget) {
        return new ReplayRequest(preset, os, protocol, victim, attacker, newTarget, attempts, port, namespace,
                unprivilegedPortStart);
    }

    /** OTHER_USER as {@link #of} resolves it. */
    static SocketSpec resolve(SocketSpec s, int selfUid) {
        if (s.uid() != ReplayPreset.OTHER_USER) {
            return s;
        }
        return new SocketSpec(s.address(), s.options(), selfUid == 0 ? Users.NOBODY : -1, s.listen());
    }
}
