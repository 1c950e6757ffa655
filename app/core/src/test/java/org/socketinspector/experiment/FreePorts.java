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

    /**
     * A TCP port free on every address now (both families: a dual-stack wildcard socket binds port 0 and is closed
     * again), for a test that binds it on one family and probes the other: an ephemeral port free on 127.0.0.1 may be
     * in use on ::1 by whatever else runs on the machine.
     */
    static int tcp() throws Exception {
        NativeSockets sockets = ThisMachine.PLATFORM.sockets();
        long s = sockets.open(Protocol.TCP, Family.IPV6);
        try {
            sockets.bind(s, "::", 0);
            return sockets.localPort(s);
        } finally {
            sockets.close(s);
        }
    }
}
