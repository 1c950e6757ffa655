package org.socketinspector.experiment;

import org.socketinspector.model.Family;
import org.socketinspector.model.Protocol;
import org.socketinspector.sockets.NativeSockets;

/** Ports for tests that need to know one before an experiment binds it. */
final class FreePorts {

    private FreePorts() {
    }

    /** A UDP port free on every address now: a dual-stack wildcard socket binds port 0 and is closed again. */
    static int udp() throws Exception {
        NativeSockets sockets = ThisMachine.PLATFORM.sockets();
        long s = sockets.open(Protocol.UDP, Family.IPV6);
        try {
            sockets.bind(s, "::", 0);
            return sockets.localPort(s);
        } finally {
            sockets.close(s);
        }
    }
}
