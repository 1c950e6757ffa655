package org.socketinspector.semantics;

import org.socketinspector.model.Protocol;

/**
 * "If {@code first} is already bound on a port, what happens when {@code second} binds the same port?"
 *
 * @param port the port, when it matters: below 1024 only privileged accounts may bind on Linux and FreeBSD
 *             (the model assumes the default net.ipv4.ip_unprivileged_port_start=1024); null = an unprivileged port
 */
public record BindQuestion(OsFamily os, Protocol protocol, BindEndpoint first, BindEndpoint second, Integer port) {

    /** The first port ordinary users may bind on Linux (the sysctl's default) and FreeBSD (reservedhigh + 1). */
    public static final int UNPRIVILEGED_PORT_START = 1024;

    public BindQuestion {
        if (port != null && (port < 1 || port > 65535)) {
            throw new IllegalArgumentException("port " + port + " is not between 1 and 65535");
        }
        if (!first.state().validFor(protocol == Protocol.TCP)) {
            throw new IllegalArgumentException("first.state: a " + protocol.name() + " socket cannot be "
                    + first.state().wireName() + (protocol == Protocol.TCP ? " (connected applies to UDP)"
                    : " (listen and time-wait apply to TCP)"));
        }
        if (BoundAddress.of(first, BindSemantics.forOs(os).v6OnlyByDefault()).mappedOnV6Only()) {
            throw new IllegalArgumentException("first: an IPv6-only socket cannot bind the IPv4-mapped address "
                    + first.address() + " (its own bind fails with EINVAL), so it cannot be the socket already bound");
        }
    }

    /** A question about an unprivileged port. */
    public BindQuestion(OsFamily os, Protocol protocol, BindEndpoint first, BindEndpoint second) {
        this(os, protocol, first, second, null);
    }

    /** Whether the port is one only privileged accounts may bind (Linux, FreeBSD). */
    public boolean privilegedPort() {
        return port != null && port < UNPRIVILEGED_PORT_START;
    }
}
