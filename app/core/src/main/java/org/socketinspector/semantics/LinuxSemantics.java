package org.socketinspector.semantics;

import java.util.ArrayList;
import java.util.List;
import org.socketinspector.model.Family;
import org.socketinspector.model.Protocol;

/**
 * Linux bind semantics (kernel 3.9+, checked against 6.18). Who may bind is the kernel's conflict check; who
 * receives is the kernel's socket lookup. Every cell of {@link LinuxQuestionSpace} agrees with the measured
 * matrix in docs/measurements/linux-bind-matrix.jsonl (see LinuxSemanticsMeasuredTest).
 *
 * <p>Assumes {@code net.ipv6.bindv6only=0} (the default): an IPv6 socket with neither option is dual-stack.
 */
final class LinuxSemantics implements BindSemantics {

    @Override
    public OsFamily os() {
        return OsFamily.LINUX;
    }

    @Override
    public boolean v6OnlyByDefault() {
        return false;
    }

    @Override
    public BindAnswer answer(BindQuestion q) {
        BindEndpoint first = q.first();
        BindEndpoint second = q.second();
        boolean tcp = q.protocol() == Protocol.TCP;
        BindState state = first.state();
        boolean firstListens = tcp && state == BindState.LISTEN;
        // TIME_WAIT connections and a connected UDP socket sit on a specific address (BoundAddress.held).
        BoundAddress a = BoundAddress.held(q, v6OnlyByDefault());
        BoundAddress b = BoundAddress.of(second, v6OnlyByDefault());
        List<String> sources = new ArrayList<>();
        sources.add(tcp ? Sources.LINUX_TCP_CONFLICT : Sources.LINUX_UDP_CONFLICT);
        Boolean firstCanListen = tcp && state == BindState.BOUND ? Boolean.TRUE : null;

        if (q.privilegedPort() && !second.user().equals("root")) {
            // inet_bind checks the port before any conflict, so EACCES wins over EADDRINUSE (measured).
            sources.set(0, Sources.LINUX_PRIVILEGED_PORT);
            sources.add(Sources.LINUX_PRIVILEGED_MEASURED);
            return new BindAnswer(Outcome.REFUSED, "EACCES", firstCanListen, "Port " + q.port() + " is below "
                    + BindQuestion.UNPRIVILEGED_PORT_START + " (net.ipv4.ip_unprivileged_port_start, default): only"
                    + " root or a process with CAP_NET_BIND_SERVICE may bind it, so " + second.user()
                    + "'s bind fails with EACCES.", sources);
        }
        if (b.mappedOnV6Only()) {
            sources.set(0, Sources.LINUX_MAPPED_BIND);
            sources.add(Sources.LINUX_MEASURED_V2);
            return new BindAnswer(Outcome.REFUSED, "EINVAL", firstCanListen, "An IPv6-only socket (IPV6_V6ONLY on)"
                    + " cannot bind the IPv4-mapped address " + second.address() + ": the kernel refuses the bind with"
                    + " EINVAL before it looks at the port.", sources);
        }
        if (a.mapped() || b.mapped()) {
            sources.add(Sources.LINUX_MAPPED_BIND);
        }
        if (!a.overlaps(b)) {
            sources.add(Sources.LINUX_ADDRESS_MATCH);
            sources.add(a.mapped() || b.mapped() || state == BindState.TIME_WAIT || state == BindState.CONNECTED
                    ? Sources.LINUX_MEASURED_V2 : Sources.LINUX_MEASURED);
            return new BindAnswer(Outcome.SEPARATE, null, firstCanListen,
                    b.describe() + " and " + heldText(a, state) + " do not overlap, so the bind succeeds with any"
                            + " options and any user, and receives none of the first socket's traffic.", sources);
        }
        if (state == BindState.TIME_WAIT) {
            return timeWait(first, second, a, sources);
        }
        boolean sameUser = first.user().equals(second.user());
        boolean bothReuseAddr = first.has(BindOption.REUSEADDR) && second.has(BindOption.REUSEADDR);
        boolean bothReusePort = first.has(BindOption.REUSEPORT) && second.has(BindOption.REUSEPORT);
        boolean reuseAddrPath = bothReuseAddr && !firstListens;
        boolean reusePortPath = bothReusePort && sameUser;
        sources.add(a.mapped() || b.mapped() || state == BindState.CONNECTED ? Sources.LINUX_MEASURED_V2
                : Sources.LINUX_MEASURED);
        if (!reuseAddrPath && !reusePortPath) {
            return new BindAnswer(Outcome.REFUSED, "EADDRINUSE", firstCanListen,
                    refusalReason(first, second, firstListens, sameUser, bothReuseAddr, bothReusePort, tcp), sources);
        }

        // Who receives: the sockets in the order they entered the lookup table (TCP: listen order; UDP: bind order).
        List<Receiver> order = new ArrayList<>();
        StringBuilder why = new StringBuilder();
        why.append(reusePortPath
                ? "Both sockets set SO_REUSEPORT and belong to the same user (" + first.user() + "), so the bind is allowed"
                : "Both sockets set SO_REUSEADDR and the first one is not listening, so the bind is allowed for any user");
        why.append(". ");
        if (tcp && !firstListens) {
            // The newcomer listens at once; the first socket's listen() is checked against a listener now,
            // where SO_REUSEADDR no longer helps: only a same-user SO_REUSEPORT pair may both listen.
            firstCanListen = reusePortPath;
            order.add(new Receiver(second, b, false));
            if (reusePortPath) {
                order.add(new Receiver(first, a, true));
                why.append("Both can listen. ");
            } else {
                why.append("If the second socket listens first, the first one's listen() fails with EADDRINUSE. ");
            }
        } else {
            order.add(new Receiver(first, a, true));
            order.add(new Receiver(second, b, false));
        }
        String target = target(q);
        if (state == BindState.CONNECTED) {
            // udp4_lib_lookup2/compute_score: a connected socket scores 4 each for the matching source address and
            // port, and a reuseport group with a connected member falls back to scoring: it gets its peer's datagrams.
            sources.add(Sources.LINUX_UDP_LOOKUP);
            return new BindAnswer(Outcome.SEPARATE, null, null, why + "The first socket is connected to its peer: the"
                    + " kernel prefers it for datagrams of its own 4-tuple, so the peer's datagrams to " + target
                    + " keep reaching it.", sources);
        }
        boolean grouped = bothReusePort && sameUser && a.socketFamily() == b.socketFamily()
                && a.isV6Only() == b.isV6Only() && a.family() == b.family() && a.address().equals(b.address());
        List<Receiver> receivers = lookup(order, target, grouped);
        sources.add(tcp ? Sources.LINUX_TCP_LOOKUP : Sources.LINUX_UDP_LOOKUP);
        boolean firstGets = receivers.stream().anyMatch(Receiver::isFirst);
        boolean secondGets = receivers.stream().anyMatch(r -> !r.isFirst());
        String traffic = tcp ? "new connections" : "datagrams";
        Outcome outcome;
        if (secondGets && firstGets) {
            outcome = Outcome.SHARES;
            sources.add(Sources.LINUX_REUSEPORT_GROUP);
            why.append("They form one SO_REUSEPORT group: ").append(traffic).append(" to ").append(target)
                    .append(" are spread over both by a hash of the source address and port.");
        } else if (secondGets) {
            outcome = Outcome.STEALS;
            why.append("The second socket receives all ").append(traffic).append(" to ").append(target)
                    .append(stealReason(a, b, target, tcp, firstCanListen)).append('.');
        } else {
            outcome = Outcome.SEPARATE;
            why.append("The first socket keeps receiving ").append(traffic).append(" to ").append(target)
                    .append(keepReason(a, b, target, firstCanListen)).append('.');
        }
        return new BindAnswer(outcome, null, firstCanListen, why.toString(), sources);
    }

    /**
     * The kernel's lookup: sockets bound to exactly the target beat wildcard ones; for IPv4 traffic an IPv4
     * socket beats a dual-stack IPv6 one; otherwise the first socket in the table's chain wins, and a
     * SO_REUSEPORT socket hands the choice to its group. A new socket goes to the head of the chain, except an
     * IPv6 socket with SO_REUSEPORT, which goes to the tail (__inet_hash, udp_lib_get_port).
     */
    private static List<Receiver> lookup(List<Receiver> insertionOrder, String target, boolean grouped) {
        List<Receiver> chain = new ArrayList<>();
        for (Receiver r : insertionOrder) {
            if (r.address().socketFamily() == Family.IPV6 && r.endpoint().has(BindOption.REUSEPORT)) {
                chain.add(r);
            } else {
                chain.add(0, r);
            }
        }
        boolean exactExists = chain.stream().anyMatch(r -> !r.address().wildcard() && r.address().covers(target));
        boolean ipv4Target = Family.ofAddress(target) == Family.IPV4;
        Receiver best = null;
        int bestScore = 0;
        for (Receiver r : chain) {
            if (!r.address().covers(target) || r.address().wildcard() == exactExists) {
                continue;
            }
            int score = ipv4Target && r.address().socketFamily() == Family.IPV4 ? 2 : 1;
            if (score > bestScore) {
                if (r.endpoint().has(BindOption.REUSEPORT)) {
                    return grouped && insertionOrder.size() == 2 ? insertionOrder : List.of(r);
                }
                best = r;
                bestScore = score;
            }
        }
        return best == null ? List.of() : List.of(best);
    }

    /**
     * A restart (or a takeover) over TIME_WAIT connections left by a server that closed them first. They keep the
     * listener's SO_REUSEADDR, SO_REUSEPORT and user; inet_bind_conflict lets a bind through when both set
     * SO_REUSEADDR (a TIME_WAIT socket never listens) or both set SO_REUSEPORT, and for TIME_WAIT it skips the
     * same-user check of SO_REUSEPORT: any user may then take the port (measured).
     */
    private static BindAnswer timeWait(BindEndpoint first, BindEndpoint second, BoundAddress a, List<String> sources) {
        sources.add(Sources.LINUX_TIME_WAIT);
        sources.add(Sources.LINUX_MEASURED_V2);
        boolean bothReuseAddr = first.has(BindOption.REUSEADDR) && second.has(BindOption.REUSEADDR);
        boolean bothReusePort = first.has(BindOption.REUSEPORT) && second.has(BindOption.REUSEPORT);
        String where = "TIME_WAIT connections on " + a.address();
        if (!bothReuseAddr && !bothReusePort) {
            return new BindAnswer(Outcome.REFUSED, "EADDRINUSE", null, "The " + where + " still hold the port: a new"
                    + " bind needs SO_REUSEADDR on both the new socket and the server that left them (they keep its"
                    + " options), or SO_REUSEPORT on both. The second bind fails with EADDRINUSE until they expire"
                    + " (60 s).", sources);
        }
        String user = first.user().equals(second.user()) ? "" : " It works for another user (" + second.user()
                + ") as well: for TIME_WAIT the kernel skips SO_REUSEPORT's same-user check, and SO_REUSEADDR has none.";
        return new BindAnswer(Outcome.STEALS, null, null, "Both the server that left the " + where + " and the new"
                + " socket set " + (bothReuseAddr ? "SO_REUSEADDR" : "SO_REUSEPORT") + ", so the bind is allowed and the"
                + " new socket receives every new connection to " + a.address() + " (the old server is gone)." + user,
                sources);
    }

    /** The first socket as the kernel holds it, in words. */
    private static String heldText(BoundAddress a, BindState state) {
        return switch (state) {
            case TIME_WAIT -> "the TIME_WAIT connections on " + a.describe();
            case CONNECTED -> "the connected socket on " + a.describe();
            default -> a.describe();
        };
    }

    private static String refusalReason(BindEndpoint first, BindEndpoint second, boolean firstListens, boolean sameUser,
                                        boolean bothReuseAddr, boolean bothReusePort, boolean tcp) {
        StringBuilder s = new StringBuilder("The addresses overlap and no reuse rule applies: ");
        if (bothReusePort && !sameUser) {
            s.append("SO_REUSEPORT only joins sockets of the same user (").append(first.user()).append(" vs ")
                    .append(second.user()).append("; root gets no exemption)");
        } else if (bothReuseAddr && firstListens) {
            s.append("SO_REUSEADDR on both does not allow a bind next to a listening TCP socket");
        } else if (first.has(BindOption.REUSEPORT) || second.has(BindOption.REUSEPORT)) {
            s.append("SO_REUSEPORT must be set on both sockets");
        } else if (first.has(BindOption.REUSEADDR) || second.has(BindOption.REUSEADDR)) {
            s.append("SO_REUSEADDR must be set on both sockets").append(tcp ? " (and the first must not listen)" : "");
        } else {
            s.append("neither SO_REUSEADDR nor SO_REUSEPORT is set on both sockets");
        }
        return s.append(". The second bind fails with EADDRINUSE.").toString();
    }

    private static String stealReason(BoundAddress a, BoundAddress b, String target, boolean tcp, Boolean firstCanListen) {
        if (Boolean.FALSE.equals(firstCanListen)) {
            return ": it listens first and the first socket can no longer listen";
        }
        if (!b.wildcard() && a.wildcard()) {
            return ": a socket bound to exactly the destination address wins over a wildcard one";
        }
        if (Family.ofAddress(target) == Family.IPV4 && b.socketFamily() == Family.IPV4 && a.socketFamily() == Family.IPV6) {
            return ": for IPv4 traffic an IPv4 socket wins over an IPv6 one (dual-stack or IPv4-mapped)";
        }
        return tcp ? ": the kernel finds it first in its listener table (it listened first)"
                : ": the kernel finds the most recently bound socket first (measured)";
    }

    private static String keepReason(BoundAddress a, BoundAddress b, String target, Boolean firstCanListen) {
        if (!b.covers(target)) {
            return Boolean.FALSE.equals(firstCanListen)
                    ? " only if nothing else listened first: its own listen() now fails with EADDRINUSE" : "";
        }
        if (!a.wildcard() && b.wildcard()) {
            return ": a socket bound to exactly the destination address wins over a wildcard one";
        }
        if (Family.ofAddress(target) == Family.IPV4 && a.socketFamily() == Family.IPV4 && b.socketFamily() == Family.IPV6) {
            return ": for IPv4 traffic an IPv4 socket wins over an IPv6 one (dual-stack or IPv4-mapped)";
        }
        return ": an IPv6 SO_REUSEPORT socket is added behind the sockets already there, and the first one found wins (measured)";
    }

    private record Receiver(BindEndpoint endpoint, BoundAddress address, boolean isFirst) {
    }
}
