package org.socketinspector.model;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import java.util.StringJoiner;

/**
 * The reuse-relevant options of a socket as they were read from the owner's socket.
 * Every field is {@code null} when it was not or could not be read: null means "unknown", never "false".
 *
 * @param reuseAddress        SO_REUSEADDR
 * @param reusePort           SO_REUSEPORT (Linux, BSD)
 * @param exclusiveAddressUse SO_EXCLUSIVEADDRUSE (Windows; learned by the safe bind probe)
 * @param ipv6Only            IPV6_V6ONLY (IPv6 sockets only)
 */
public record SocketOptions(Boolean reuseAddress, Boolean reusePort, Boolean exclusiveAddressUse, Boolean ipv6Only) {

    public static final SocketOptions UNKNOWN = new SocketOptions(null, null, null, null);

    /** The text {@link #text} writes when none of the options that matter is known. */
    public static final String UNKNOWN_TEXT = "unknown";

    /** Exactly these options on, every other one off (all known): the sockets an experiment makes. */
    public static SocketOptions exactly(Collection<SocketOption> on) {
        return new SocketOptions(on.contains(SocketOption.REUSEADDR), on.contains(SocketOption.REUSEPORT),
                on.contains(SocketOption.EXCLUSIVEADDRUSE), on.contains(SocketOption.V6ONLY));
    }

    public SocketOptions withIpv6Only(Boolean value) {
        return new SocketOptions(reuseAddress, reusePort, exclusiveAddressUse, value);
    }

    public SocketOptions withExclusiveAddressUse(Boolean value) {
        return new SocketOptions(reuseAddress, reusePort, value, ipv6Only);
    }

    /** True when no option is known. */
    public boolean isUnknown() {
        return reuseAddress == null && reusePort == null && exclusiveAddressUse == null && ipv6Only == null;
    }

    /** The option's value: true, false, or null when unknown. */
    public Boolean get(SocketOption option) {
        return option.valueIn(this);
    }

    /** The options known to be on (unknown ones are not in it). */
    public Set<SocketOption> enabled() {
        Set<SocketOption> on = EnumSet.noneOf(SocketOption.class);
        for (SocketOption o : SocketOption.values()) {
            if (Boolean.TRUE.equals(get(o))) {
                on.add(o);
            }
        }
        return on;
    }

    /** Whether every one of these options is known (true or false). */
    public boolean knows(Collection<SocketOption> options) {
        return options.stream().allMatch(o -> get(o) != null);
    }

    /**
     * The one text form of a socket's options, shared by the CLI table, the GUI and the reports, in
     * {@link SocketOption} order: the wire name of each option that is on, "name?" for each option in
     * {@code relevant} that is unknown; "-" when all of those are known and none is on; "unknown" when none of them
     * is known and none is on. An option that is on is always shown, relevant or not. Example: "reuseaddr? v6only".
     *
     * @param relevant the options that exist for this socket (its OS's reuse options, IPV6_V6ONLY for IPv6)
     */
    public String text(Collection<SocketOption> relevant) {
        boolean anyKnown = relevant.stream().anyMatch(o -> get(o) != null);
        Set<SocketOption> on = enabled();
        if (!anyKnown && on.isEmpty()) {
            return UNKNOWN_TEXT;
        }
        StringJoiner text = new StringJoiner(" ");
        for (SocketOption o : SocketOption.values()) {
            if (on.contains(o)) {
                text.add(o.wireName());
            } else if (get(o) == null && relevant.contains(o)) {
                text.add(o.wireName() + "?");
            }
        }
        return text.length() == 0 ? "-" : text.toString();
    }
}
