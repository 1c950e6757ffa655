package org.socketinspector.semantics;

import java.util.EnumSet;
import java.util.Set;
import org.socketinspector.model.Family;
import org.socketinspector.model.SocketOption;
import org.socketinspector.model.SocketOptions;

/**
 * The options of a socket in a bind question: the {@link SocketOption}s set on, plus DUALSTACK for an IPv6 socket
 * whose IPV6_V6ONLY is known to be off (without V6ONLY or DUALSTACK the OS's default applies). Wire names are those
 * of {@code whatif}. This class is the one mapping between scanned or experimental sockets and the model's options.
 */
public enum BindOption {
    REUSEADDR(SocketOption.REUSEADDR), REUSEPORT(SocketOption.REUSEPORT),
    EXCLUSIVEADDRUSE(SocketOption.EXCLUSIVEADDRUSE), V6ONLY(SocketOption.V6ONLY),
    /** IPV6_V6ONLY off: an IPv6 wildcard socket also takes IPv4. */
    DUALSTACK(null);

    private final SocketOption socketOption;

    BindOption(SocketOption socketOption) {
        this.socketOption = socketOption;
    }

    /** The socket option this one sets on; null for DUALSTACK, which sets IPV6_V6ONLY off. */
    public SocketOption socketOption() {
        return socketOption;
    }

    public String wireName() {
        return socketOption == null ? "dualstack" : socketOption.wireName();
    }

    public static BindOption of(SocketOption option) {
        for (BindOption b : values()) {
            if (b.socketOption == option) {
                return b;
            }
        }
        throw new IllegalArgumentException(String.valueOf(option));
    }

    /**
     * A socket's options as the model takes them: those that are on, and for an IPv6 socket V6ONLY or DUALSTACK when
     * IPV6_V6ONLY is known. An unknown reuse option counts as not set.
     */
    public static Set<BindOption> of(SocketOptions options, Family family) {
        Set<BindOption> set = EnumSet.noneOf(BindOption.class);
        for (SocketOption o : options.enabled()) {
            if (o != SocketOption.V6ONLY) {
                set.add(of(o));
            }
        }
        if (family == Family.IPV6 && options.ipv6Only() != null) {
            set.add(options.ipv6Only() ? V6ONLY : DUALSTACK);
        }
        return set;
    }

    /** The socket options to set on, the inverse of {@link #of(SocketOptions, Family)} (DUALSTACK: V6ONLY stays off). */
    public static Set<SocketOption> socketOptions(Set<BindOption> options) {
        Set<SocketOption> set = EnumSet.noneOf(SocketOption.class);
        options.stream().filter(o -> o.socketOption != null).forEach(o -> set.add(o.socketOption));
        return set;
    }

    public static BindOption fromWireName(String text) {
        String t = text == null ? "" : text.trim();
        for (BindOption o : values()) {
            if (o.wireName().equalsIgnoreCase(t)) {
                return o;
            }
        }
        throw new IllegalArgumentException("unknown option '" + text + "' (expected " + SocketOption.expected()
                .replace(" or ", ", ") + " or dualstack)");
    }
}
