package org.socketinspector.experiment;

import java.util.Comparator;
import java.util.Optional;
import java.util.Set;
import org.socketinspector.model.Protocol;
import org.socketinspector.model.Scan;
import org.socketinspector.model.SocketOption;
import org.socketinspector.model.SocketRecord;
import org.socketinspector.semantics.OsFamily;

/**
 * What a probe's prediction needs to know about the live listener it probes, read from a scan: its owner and its
 * reuse options. The CLI's {@code experiment probe} and the GUI's "Probe this port…" both read it here.
 */
public final class ProbedListener {

    private ProbedListener() {
    }

    /**
     * The live socket of the scan on exactly this protocol, address and port: a TCP listener or a TCP socket bound but
     * not listening yet (see {@code ProbeRequest.victimBoundOnly}), or a bound UDP socket. Where a listener and a
     * bound-only socket share the endpoint, the listener (the service) is the one probed.
     */
    public static Optional<SocketRecord> find(Scan scan, Protocol protocol, String address, int port) {
        return scan.sockets().stream()
                .filter(s -> s.protocol() == protocol && s.localPort() == port && s.localAddress().equals(address))
                .filter(SocketRecord::isListening)
                .min(Comparator.comparing(SocketRecord::isBoundOnly));
    }

    /**
     * The rule ids among an audit's findings that are about this socket (or, for a reuse group, its endpoint): a
     * probe confirms or refutes only these. The audit comes from the inspection service (the CLI) or the live view.
     */
    public static Set<String> findings(java.util.List<org.socketinspector.rules.Finding> findings, SocketRecord s) {
        Set<String> rules = new java.util.TreeSet<>();
        findings.stream()
                .filter(f -> f.socket().isAbout(s) || (f.rule().equals("REUSE-GROUP-OBSERVED")
                        && f.socket().localAddress() != null && f.socket().localAddress().equals(s.localAddress())
                        && f.socket().localPort() == s.localPort() && f.socket().protocol() == s.protocol()))
                .forEach(f -> rules.add(f.rule()));
        return rules;
    }

    /** The owner as the model names users: its name, else its uid's name, else null. */
    public static String owner(SocketRecord s) {
        if (s == null) {
            return null;
        }
        if (s.process() != null && s.process().user() != null) {
            return s.process().user();
        }
        Integer uid = ownerUid(s);
        return uid == null ? null : Users.name(uid);
    }

    /** The owner's uid, or null when unknown. */
    public static Integer ownerUid(SocketRecord s) {
        return s.process() != null && s.process().uid() != null ? s.process().uid() : s.uid();
    }

    /**
     * The listener's options for the model, or null when one that matters on {@code os} could not be read
     * (SO_REUSEADDR; SO_EXCLUSIVEADDRUSE on Windows, SO_REUSEPORT elsewhere; IPV6_V6ONLY on an IPv6 socket).
     */
    public static Set<SocketOption> knownOptions(SocketRecord s, OsFamily os) {
        return s.options().knows(os.options(s.family())) ? s.options().enabled() : null;
    }
}
