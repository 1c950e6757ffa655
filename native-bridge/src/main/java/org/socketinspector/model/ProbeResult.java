package org.socketinspector.model;

import java.util.Set;

/**
 * The outcome of a safe bind probe on a live port: a second socket was bound to the listener's address
 * (never listened, no traffic) and closed at once.
 *
 * @param address    the address the probe bound
 * @param options    the options the probe socket set as the contract writes them, e.g. "SO_REUSEADDR" or
 *                   "SO_REUSEADDR,IPV6_V6ONLY" ({@link SocketOption#constantNames}); read it with {@link #optionSet()}
 * @param bound      whether the probe's bind succeeded
 * @param error      the OS's error name when it did not (e.g. WSAEACCES, EADDRINUSE), else null
 * @param errorCode  the raw error number, or 0
 * @param specific   for a listener on the wildcard: the follow-up probe of the loopback address on the same port
 *                   (127.0.0.1 or ::1), the path by which a process of the same user can take over traffic to
 *                   that address on Windows; null when none was made
 */
public record ProbeResult(String address, String options, boolean bound, String error, int errorCode,
                          ProbeResult specific) {

    public ProbeResult(String address, String options, boolean bound, String error, int errorCode) {
        this(address, options, bound, error, errorCode, null);
    }

    /** A probe that set exactly these options. */
    public ProbeResult(String address, Set<SocketOption> options, boolean bound, String error, int errorCode) {
        this(address, SocketOption.constantNames(options), bound, error, errorCode, null);
    }

    /** The options the probe socket set. */
    public Set<SocketOption> optionSet() {
        return SocketOption.parseConstantNames(options);
    }

    public ProbeResult withSpecific(ProbeResult followUp) {
        return new ProbeResult(address, options, bound, error, errorCode, followUp);
    }
}
