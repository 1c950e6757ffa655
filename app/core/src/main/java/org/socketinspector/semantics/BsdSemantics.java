package org.socketinspector.semantics;

import java.util.ArrayList;
import java.util.List;

/**
 * macOS and FreeBSD bind semantics from the BSD in_pcbbind rules (reference section 3). Not measured by this
 * project (no BSD machine): every answer says so.
 *
 * <ul>
 *   <li>A bind without SO_REUSEADDR/SO_REUSEPORT conflicts with any overlapping bind (wildcard lookup).</li>
 *   <li>With SO_REUSEADDR or SO_REUSEPORT only an exactly equal address conflicts, and even that is allowed when
 *       both set SO_REUSEPORT.</li>
 *   <li>A non-root second socket of another user is refused on an overlapping address unless both are wildcard
 *       binds and the first set SO_REUSEPORT (FreeBSD in_pcbbind_setup / XNU in_pcbbind cred checks).</li>
 *   <li>Delivery: the most specific local address wins; among exact duplicates the last bound socket receives
 *       unicast (FreeBSD's SO_REUSEPORT_LB load balancing is not modelled).</li>
 *   <li>IPV6_V6ONLY default: on for FreeBSD (net.inet6.ip6.v6only=1), off for macOS.</li>
 * </ul>
 */
final class BsdSemantics implements BindSemantics {

    private final OsFamily os;

    BsdSemantics(OsFamily os) {
        this.os = os;
    }

    @Override
    public OsFamily os() {
        return os;
    }

    /** net.inet6.ip6.v6only: 1 on FreeBSD, 0 on macOS. */
    @Override
    public boolean v6OnlyByDefault() {
        return os == OsFamily.FREEBSD;
    }

    @Override
    public BindAnswer answer(BindQuestion q) {
        BindEndpoint first = q.first();
        BindEndpoint second = q.second();
        BoundAddress a = BoundAddress.held(q, v6OnlyByDefault());
        BoundAddress b = BoundAddress.of(second, v6OnlyByDefault());
        List<String> sources = new ArrayList<>(List.of(Sources.BSD_BIND));
        String unmeasured = " (BSD rules from source reading, not measured by this project.)";
        Boolean firstCanListen = first.state() == BindState.BOUND ? Boolean.TRUE : null;
        if (os == OsFamily.FREEBSD && q.privilegedPort() && !second.user().equals("root")) {
            return new BindAnswer(Outcome.REFUSED, "EACCES", firstCanListen, "Port " + q.port() + " is a reserved"
                    + " port (1023 and below by default): only root may bind it." + unmeasured,
                    List.of(Sources.BSD_RESERVED_PORT));
        }
        if (b.mappedOnV6Only()) {
            return new BindAnswer(Outcome.REFUSED, "EINVAL", firstCanListen, "An IPv6-only socket cannot bind the"
                    + " IPv4-mapped address " + second.address() + " (FreeBSD converts a mapped address to an IPv4 bind"
                    + " only when IPV6_V6ONLY is off; the error is Linux's, unverified here)." + unmeasured,
                    List.of(Sources.BSD_MAPPED));
        }
        if (a.mapped() || b.mapped()) {
            sources.add(Sources.BSD_MAPPED);
        }
        if (!a.overlaps(b)) {
            return new BindAnswer(Outcome.SEPARATE, null, firstCanListen, b.describe() + " and " + a.describe()
                    + " do not overlap, so the bind succeeds and receives none of the first socket's traffic."
                    + unmeasured, sources);
        }
        boolean secondReuses = second.has(BindOption.REUSEADDR) || second.has(BindOption.REUSEPORT);
        if (first.state() == BindState.TIME_WAIT) {
            sources.add(Sources.BSD_TIME_WAIT);
            if (!secondReuses) {
                return new BindAnswer(Outcome.REFUSED, "EADDRINUSE", null, "The TIME_WAIT connections on " + a.address()
                        + " still hold the port: without SO_REUSEADDR or SO_REUSEPORT the new bind's wildcard lookup"
                        + " finds them and fails with EADDRINUSE until they expire." + unmeasured, sources);
            }
            return new BindAnswer(Outcome.STEALS, null, null, "The new socket set "
                    + (second.has(BindOption.REUSEADDR) ? "SO_REUSEADDR" : "SO_REUSEPORT") + ": its exact lookup"
                    + " skips connections, so TIME_WAIT connections on " + a.address() + " do not block the bind, for"
                    + " any user (the cross-user check skips connected TCP PCBs); the old server is gone, so the new"
                    + " socket receives every new connection." + unmeasured, sources);
        }
        boolean exact = a.address().equals(b.address()) && a.family() == b.family();
        // (a.family() is the compared family: an IPv4-mapped bind is an IPv4 one, FreeBSD tcp6_usr_bind/udp6_bind.)
        boolean bothReusePort = first.has(BindOption.REUSEPORT) && second.has(BindOption.REUSEPORT);
        boolean secondIsRoot = second.user().equals("root");
        if (!secondIsRoot && !first.user().equals(second.user())
                && (!a.wildcard() || !b.wildcard() || !first.has(BindOption.REUSEPORT))) {
            return new BindAnswer(Outcome.REFUSED, "EADDRINUSE", firstCanListen, "The port is bound by another user ("
                    + first.user() + ") on an overlapping address; a non-root user may only co-bind two wildcard"
                    + " binds when the first set SO_REUSEPORT." + unmeasured, sources);
        }
        if (!secondReuses || (exact && !bothReusePort)) {
            return new BindAnswer(Outcome.REFUSED, "EADDRINUSE", firstCanListen, (secondReuses
                    ? "The exact same address and port need SO_REUSEPORT on both sockets."
                    : "Without SO_REUSEADDR or SO_REUSEPORT the second bind conflicts with any overlapping bind.")
                    + unmeasured, sources);
        }
        sources.add(Sources.BSD_DELIVERY);
        firstCanListen = null; // not documented
        if (first.state() == BindState.CONNECTED) {
            return new BindAnswer(Outcome.SEPARATE, null, null, "The bind succeeds, but the first socket is connected:"
                    + " in_pcblookup_hash matches connected PCBs by their full 4-tuple before any bound one, so its"
                    + " peer's datagrams keep reaching it." + unmeasured, sources);
        }
        if (exact) {
            return new BindAnswer(Outcome.STEALS, null, firstCanListen, "Both set SO_REUSEPORT on the same address: the"
                    + " bind succeeds and the last bound socket receives unicast traffic (multicast goes to both)."
                    + unmeasured, sources);
        }
        if (a.wildcard() && !b.wildcard()) {
            return new BindAnswer(Outcome.STEALS, null, firstCanListen, "The bind on the specific address " + b.address()
                    + " succeeds next to the wildcard one, and BSD delivers to the most specific local address, so the"
                    + " second socket takes that address's traffic." + unmeasured, sources);
        }
        return new BindAnswer(Outcome.SEPARATE, null, firstCanListen, "The bind succeeds, but traffic to "
                + a.address() + " still goes to the first, more specific socket." + unmeasured, sources);
    }
}
