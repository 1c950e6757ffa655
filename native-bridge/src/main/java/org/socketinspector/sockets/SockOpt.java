package org.socketinspector.sockets;

import java.util.Locale;

/** The options an experiment or a probe may set on a native socket before bind. */
public enum SockOpt {
    /** SO_REUSEADDR. */
    REUSEADDR,
    /** SO_REUSEPORT (Linux, BSD). */
    REUSEPORT,
    /** SO_EXCLUSIVEADDRUSE (Windows). */
    EXCLUSIVEADDRUSE,
    /** IPV6_V6ONLY (IPv6 sockets). */
    V6ONLY;

    /** reuseaddr, reuseport, exclusiveaddruse, v6only: the names the CLI, the helper protocol and JSON use. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static SockOpt fromWireName(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown option '" + text
                    + "' (expected reuseaddr, reuseport, exclusiveaddruse or v6only)");
        }
    }
}
