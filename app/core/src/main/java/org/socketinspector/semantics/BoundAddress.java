package org.socketinspector.semantics;

import java.util.Locale;
import org.socketinspector.model.Family;

/**
 * Where one socket of a question is bound, as the kernel sees it: the family of its address, the family of the
 * socket, whether it is the wildcard, and whether an IPv6 socket also receives IPv4 (dual-stack, i.e. IPV6_V6ONLY
 * off). An IPv4-mapped address (::ffff:127.0.0.1, what a Java server on a dual-stack socket binds for "127.0.0.1")
 * is the IPv4 address it maps for conflicts and delivery: {@code address} is then the IPv4 text, {@code family}
 * IPv4 and {@code socketFamily} IPv6. Text only: the model does no I/O.
 *
 * @param address      canonical text (0.0.0.0, 127.0.0.1, ::, ::1 ...; an IPv4-mapped address as its IPv4 text)
 * @param family       the family the kernel compares the address in (IPv4 for a mapped address)
 * @param socketFamily the socket's own family (IPv6 for a mapped address)
 * @param wildcard     0.0.0.0, :: or ::ffff:0.0.0.0
 * @param dualStack    an IPv6 socket with IPV6_V6ONLY off
 */
record BoundAddress(String address, Family family, Family socketFamily, boolean wildcard, boolean dualStack) {

    static final String IPV4_LOOPBACK = "127.0.0.1";
    static final String IPV6_LOOPBACK = "::1";
    private static final String MAPPED_PREFIX = "::ffff:";

    /** @param v6OnlyByDefault the OS default of IPV6_V6ONLY for an IPv6 socket that sets neither option */
    static BoundAddress of(BindEndpoint endpoint, boolean v6OnlyByDefault) {
        String text = endpoint.address().trim();
        Family socketFamily = Family.ofAddress(text);
        boolean v6Only = endpoint.has(BindOption.V6ONLY)
                || (!endpoint.has(BindOption.DUALSTACK) && v6OnlyByDefault);
        boolean dualStack = socketFamily == Family.IPV6 && !v6Only;
        String mapped = socketFamily == Family.IPV6 ? mappedIpv4(text) : null;
        if (mapped != null) {
            return new BoundAddress(mapped, Family.IPV4, Family.IPV6, mapped.equals("0.0.0.0"), dualStack);
        }
        boolean wildcard = text.equals("0.0.0.0") || text.equals("::");
        return new BoundAddress(text, socketFamily, socketFamily, wildcard, dualStack);
    }

    /**
     * The first socket of {@code q} as the kernel holds it when the second binds: TIME_WAIT connections sit on the
     * address their clients had connected to (the question's target); a connected UDP socket bound to a wildcard
     * address took the loopback source address connect() chose (127.0.0.1, or ::1; IPv4-mapped on a dual-stack
     * socket). Otherwise the socket as it was bound.
     */
    static BoundAddress held(BindQuestion q, boolean v6OnlyByDefault) {
        BoundAddress first = of(q.first(), v6OnlyByDefault);
        BoundAddress second = of(q.second(), v6OnlyByDefault);
        return switch (q.first().state()) {
            case TIME_WAIT -> first.at(target(first, second));
            case CONNECTED -> first.wildcard ? first.at(loopbackOf(target(first, second))) : first;
            default -> first;
        };
    }

    private static String loopbackOf(String address) {
        return Family.ofAddress(normalTarget(address)) == Family.IPV4 ? IPV4_LOOPBACK : IPV6_LOOPBACK;
    }

    /** The address a connection or a connected socket has on this side: a specific one, in this socket's family. */
    BoundAddress at(String specific) {
        String ipv4 = Family.ofAddress(specific) == Family.IPV4 ? specific : mappedIpv4(specific);
        if (ipv4 != null) {
            return new BoundAddress(ipv4, Family.IPV4, socketFamily, false, dualStack);
        }
        return new BoundAddress(specific, Family.IPV6, socketFamily, false, dualStack);
    }

    /**
     * The IPv4 address an IPv4-mapped IPv6 address stands for (::ffff:a.b.c.d, 0:0:0:0:0:ffff:a.b.c.d or
     * ::ffff:7f00:1), else null.
     */
    static String mappedIpv4(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.startsWith("0:0:0:0:0:ffff:")) {
            t = MAPPED_PREFIX + t.substring("0:0:0:0:0:ffff:".length());
        }
        if (!t.startsWith(MAPPED_PREFIX)) {
            return null;
        }
        String rest = t.substring(MAPPED_PREFIX.length());
        if (rest.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
            return rest;
        }
        if (rest.matches("[0-9a-f]{1,4}:[0-9a-f]{1,4}")) {
            String[] g = rest.split(":");
            int high = Integer.parseInt(g[0], 16);
            int low = Integer.parseInt(g[1], 16);
            return (high >> 8) + "." + (high & 0xff) + "." + (low >> 8) + "." + (low & 0xff);
        }
        return null;
    }

    /** A traffic destination in the family the kernel compares it in: a mapped destination as its IPv4 text. */
    static String normalTarget(String target) {
        String ipv4 = Family.ofAddress(target) == Family.IPV6 ? mappedIpv4(target) : null;
        return ipv4 != null ? ipv4 : target;
    }

    /** An IPv4-mapped address on an IPv6 socket. */
    boolean mapped() {
        return socketFamily == Family.IPV6 && family == Family.IPV4;
    }

    /** An IPv6-only socket asked to bind an IPv4-mapped address: the bind itself fails (Linux: EINVAL). */
    boolean mappedOnV6Only() {
        return mapped() && !dualStack;
    }

    boolean isV6Only() {
        return socketFamily == Family.IPV6 && !dualStack;
    }

    /** Whether traffic sent to {@code target} can reach this socket. */
    boolean covers(String target) {
        String t = normalTarget(target);
        if (mappedOnV6Only()) {
            return false;
        }
        if (Family.ofAddress(t) == Family.IPV4) {
            return family == Family.IPV4 ? (wildcard || address.equals(t)) : (wildcard && dualStack);
        }
        return family == Family.IPV6 && (wildcard || address.equals(t));
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
        if (mapped()) {
            return MAPPED_PREFIX + address + " (the IPv4 address " + (wildcard ? "0.0.0.0, all IPv4 addresses" : address)
                    + (dualStack ? ", on a dual-stack IPv6 socket)" : ", on an IPv6-only socket)");
        }
        if (!wildcard) {
            return address;
        }
        if (family == Family.IPV4) {
            return "0.0.0.0 (all IPv4 addresses)";
        }
        return dualStack ? ":: dual-stack (all IPv6 and IPv4 addresses)" : ":: IPv6-only (all IPv6 addresses)";
    }
}
