package org.socketinspector.semantics;

import org.socketinspector.model.Family;

/**
 * Where one socket of a question is bound, as the kernel sees it: its family, whether it is the wildcard, and
 * whether an IPv6 socket also receives IPv4 (dual-stack, i.e. IPV6_V6ONLY off). Text only: the model does no I/O.
 *
 * @param address   canonical text (0.0.0.0, 127.0.0.1, ::, ::1 ...)
 * @param family    IPv4 or IPv6
 * @param wildcard  0.0.0.0 or ::
 * @param dualStack an IPv6 socket with IPV6_V6ONLY off
 */
record BoundAddress(String address, Family family, boolean wildcard, boolean dualStack) {

    static final String IPV4_LOOPBACK = "127.0.0.1";
    static final String IPV6_LOOPBACK = "::1";

    /** @param v6OnlyByDefault the OS default of IPV6_V6ONLY for an IPv6 socket that sets neither option */
    static BoundAddress of(BindEndpoint endpoint, boolean v6OnlyByDefault) {
        String address = endpoint.address().trim();
        Family family = Family.ofAddress(address);
        boolean wildcard = address.equals("0.0.0.0") || address.equals("::");
        boolean v6Only = endpoint.has(BindOption.V6ONLY)
                || (!endpoint.has(BindOption.DUALSTACK) && v6OnlyByDefault);
        return new BoundAddress(address, family, wildcard, family == Family.IPV6 && !v6Only);
    }

    boolean isV6Only() {
        return family == Family.IPV6 && !dualStack;
    }

    /** Whether traffic sent to {@code target} can reach this socket. */
    boolean covers(String target) {
        if (Family.ofAddress(target) == Family.IPV4) {
            return family == Family.IPV4 ? (wildcard || address.equals(target)) : (wildcard && dualStack);
        }
        return family == Family.IPV6 && (wildcard || address.equals(target));
    }

    /** Whether the two binds claim a common address (the kernels' "match wildcard" address comparison). */
    boolean overlaps(BoundAddress other) {
        return covers(other.sampleAddress()) || other.covers(sampleAddress());
    }

    /** An address this socket covers: itself when specific, a loopback address when it is the wildcard. */
    private String sampleAddress() {
        if (!wildcard) {
            return address;
        }
        return family == Family.IPV4 ? IPV4_LOOPBACK : IPV6_LOOPBACK;
    }

    /** The address whose traffic the question is about: see {@link BindSemantics#target}. */
    static String target(BoundAddress first, BoundAddress second) {
        if (!second.wildcard && first.covers(second.address)) {
            return second.address;
        }
        if (!first.wildcard && second.covers(first.address)) {
            return first.address;
        }
        for (String loopback : new String[] {IPV4_LOOPBACK, IPV6_LOOPBACK}) {
            if (first.covers(loopback) && second.covers(loopback)) {
                return loopback;
            }
        }
        for (String loopback : new String[] {IPV4_LOOPBACK, IPV6_LOOPBACK}) {
            if (first.covers(loopback)) {
                return loopback;
            }
        }
        return first.address;
    }

    String describe() {
        if (!wildcard) {
            return address;
        }
        if (family == Family.IPV4) {
            return "0.0.0.0 (all IPv4 addresses)";
        }
        return dualStack ? ":: dual-stack (all IPv6 and IPv4 addresses)" : ":: IPv6-only (all IPv6 addresses)";
    }
}
