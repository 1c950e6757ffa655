package org.socketinspector.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.socketinspector.model.Family;
import org.socketinspector.model.HostInfo;
import org.socketinspector.model.Protocol;
import org.socketinspector.model.Scan;
import org.socketinspector.model.SocketOptions;
import org.socketinspector.model.SocketRecord;
import org.socketinspector.model.ToolInfo;

class ProbedListenerTest {

    private static SocketRecord tcp(String state, int pid) {
        return new SocketRecord(Protocol.TCP, Family.IPV4, "127.0.0.1", 8080, null, null, state, null, pid, null, 0,
                (long) pid, SocketOptions.UNKNOWN, null);
    }

    private static Optional<Integer> probedPid(SocketRecord... sockets) {
        Scan scan = new Scan(Scan.SCHEMA, ToolInfo.current(), new HostInfo("box", "linux", "6.18", 1024, false),
                Instant.parse("2026-11-25T12:00:00Z"), true, List.of("test"), List.of(), List.of(sockets));
        return ProbedListener.find(scan, Protocol.TCP, "127.0.0.1", 8080).map(SocketRecord::pid);
    }

    @Test
    void theListenerIsProbedBeforeABoundOnlySocketOnTheSameEndpoint() {
        // Two SO_REUSEADDR sockets: one bound (listed first), one listening: the service is the listener.
        assertEquals(Optional.of(2), probedPid(tcp(SocketRecord.BOUND, 1), tcp(SocketRecord.LISTEN, 2)));
        // Alone, a bound-only socket is the one probed (TCP-BOUND-REUSEADDR); a connection never is.
        assertEquals(Optional.of(1), probedPid(tcp(SocketRecord.BOUND, 1)));
        assertEquals(Optional.empty(), probedPid(tcp("ESTABLISHED", 3)));
    }
}
