package org.socketinspector.sockets;

/** The options an experiment or a probe may set on a native socket before bind. */
public enum SockOpt {
    /** SO_REUSEADDR. */
    REUSEADDR,
    /** SO_REUSEPORT (Linux, BSD). */
    REUSEPORT,
    /** SO_EXCLUSIVEADDRUSE (Windows). */
    EXCLUSIVEADDRUSE,
    /** IPV6_V6ONLY (IPv6 sockets). */
    V6ONLY
}
