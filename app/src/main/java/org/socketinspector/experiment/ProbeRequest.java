package org.socketinspector.experiment;

import java.util.Set;
import org.socketinspector.model.Protocol;
import org.socketinspector.sockets.SockOpt;

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
 */
public record ProbeRequest(Protocol protocol, String listenerAddress, int port, String probeAddress,
                           Set<SockOpt> options, int uid, boolean udpOptIn, Set<SockOpt> victimOptions,
                           String victimUser) {

    public ProbeRequest {
        options = Set.copyOf(options);
        victimOptions = victimOptions == null ? null : Set.copyOf(victimOptions);
        probeAddress = probeAddress == null ? listenerAddress : probeAddress;
    }
}
