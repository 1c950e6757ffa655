package org.socketinspector.experiment;

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
 */
public record ReplayRequest(String preset, OsFamily os, Protocol protocol, SocketSpec victim, SocketSpec attacker,
                            String target, int attempts, int port, boolean namespace) {

    /** The preset with the given count, port and namespace choice; OTHER_USER becomes uid 65534 for root. */
    public static ReplayRequest of(ReplayPreset p, int attempts, int port, boolean namespace, int selfUid) {
        return new ReplayRequest(p.name(), p.os(), p.protocol(), resolve(p.victim(), selfUid),
                resolve(p.attacker(), selfUid), p.target(), attempts, port, namespace);
    }

    /** OTHER_USER as {@link #of} resolves it. */
    static SocketSpec resolve(SocketSpec s, int selfUid) {
        if (s.uid() != ReplayPreset.OTHER_USER) {
            return s;
        }
        return new SocketSpec(s.address(), s.options(), selfUid == 0 ? Users.NOBODY : -1, s.listen());
    }
}
