package org.socketinspector.experiment;

import java.util.Set;
import org.socketinspector.model.Protocol;
import org.socketinspector.model.SocketOption;

/**
 * A probe of a live port: a second socket binds it (never listens, sends nothing) and is closed at once.
 *
 * @param protocol        tcp or udp
 * @param listenerAddress the live socket's address
 * @param port            its port
 * @param probeAddress    the address the probe binds: the listener's own, or e.g. ::1 to test a family shadow
 * @param options         the probe's options
 * @param uid             the uid to probe as (-1: the user running it; another uid needs root)
 * @param udpOptIn        a UDP probe must be asked for explicitly: while bound it can receive the service's datagrams
 * @param victimOptions   the listener's options when known (from a scan), for the model's prediction; null if unknown
 * @param victimUser      the listener's owner name when known, else null
 * @param victimBoundOnly the live socket is a TCP socket bound but not listening (state BOUND): the model is asked
 *                        about a bound first socket, and the probe speaks to TCP-BOUND-REUSEADDR
 * @param socketFindings  the rule ids the audit raised for that very socket (from a scan), or null when not known;
 *                        the probe confirms or refutes only one of these, never a rule the socket was not given
 */
public record ProbeRequest(Protocol protocol, String listenerAddress, int port, String probeAddress,
                           Set<SocketOption> options, int uid, boolean udpOptIn, Set<SocketOption> victimOptions,
                           String victimUser, boolean victimBoundOnly, Set<String> socketFindings) {

    /** A probe whose socket's findings are not known. */
    public ProbeRequest(Protocol protocol, String listenerAddress, int port, String probeAddress, Set<SocketOption> options,
                        int uid, boolean udpOptIn, Set<SocketOption> victimOptions, String victimUser,
                        boolean victimBoundOnly) {
        this(protocol, listenerAddress, port, probeAddress, options, uid, udpOptIn, victimOptions, victimUser,
                victimBoundOnly, null);
    }

    /** A probe of a listening socket (or a bound UDP one). */
    public ProbeRequest(Protocol protocol, String listenerAddress, int port, String probeAddress, Set<SocketOption> options,
                        int uid, boolean udpOptIn, Set<SocketOption> victimOptions, String victimUser) {
        this(protocol, listenerAddress, port, probeAddress, options, uid, udpOptIn, victimOptions, victimUser, false,
                null);
    }

    public ProbeRequest {
        options = Set.copyOf(options);
        victimOptions = victimOptions == null ? null : Set.copyOf(victimOptions);
        socketFindings = socketFindings == null ? null : Set.copyOf(socketFindings);
        probeAddress = probeAddress == null ? listenerAddress : probeAddress;
    }
}
