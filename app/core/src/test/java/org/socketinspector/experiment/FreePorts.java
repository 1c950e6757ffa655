package org.socketinspector.experiment;

import org.socketinspector.model.Family;
import org.socketinspector.model.Protocol;
import org.socketinspector.sockets.NativeSockets;

/**
 * Ports for tests that need to know one before an experiment binds it: free on every address of both families now
 * (a dual-stack wildcard socket binds port 0 and is closed again). A test that binds one family and probes the other
 * needs this: an ephemeral port free on 127.0.0.1 may be in use on ::1 by whatever else runs on the machine.
 */
final class FreePorts {

    private FreePorts() {
    }

    static int udp() throws Exception {
        return free(Protocol.UDP);
    }

    static int tcp() throws Exception {
        return free(Protocol.TCP);
    }

    private static int free(Protocol protocol) throws Exception {
        NativeSockets sockets = ThisMachine.PLATFORM.sockets();
        long s = sockets.open(protocol, Family.IPV6);
        try {
            sockets.bind(s, "::", 0);
            return sockets.localPort(s);
        } finally {
            sockets.close(s);
        }
    }
}
