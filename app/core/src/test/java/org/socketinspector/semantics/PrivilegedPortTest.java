package org.socketinspector.semantics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.socketinspector.model.Protocol;

/** Ports below 1024 (docs/measurements/linux-privileged-port.txt: EACCES for uid 65534, before any conflict). */
class PrivilegedPortTest {

    private static BindAnswer ask(OsFamily os, String secondUser, Integer port) {
        return BindSemantics.ask(new BindQuestion(os, Protocol.TCP,
                new BindEndpoint("127.0.0.1", Set.of(), "root", BindState.LISTEN),
                new BindEndpoint("127.0.0.1", Set.of(), secondUser, BindState.BOUND), port));
    }

    @Test
    void aNonRootUserGetsEaccesBeforeAnyConflictOnLinux() {
        assertEquals("EACCES", ask(OsFamily.LINUX, "nobody", 1023).error());
        assertEquals("EADDRINUSE", ask(OsFamily.LINUX, "root", 1023).error());
        assertEquals("EADDRINUSE", ask(OsFamily.LINUX, "nobody", 1024).error());
        assertEquals("EADDRINUSE", ask(OsFamily.LINUX, "nobody", null).error());
    }

    @Test
    void freeBsdReservesLowPortsAndWindowsDoesNot() {
        assertEquals("EACCES", ask(OsFamily.FREEBSD, "alice", 80).error());
        assertEquals("WSAEADDRINUSE", ask(OsFamily.WINDOWS, "root", 80).error());
        BindAnswer separate = BindSemantics.ask(new BindQuestion(OsFamily.WINDOWS, Protocol.TCP,
                new BindEndpoint("127.0.0.1", Set.of(), "svc", BindState.LISTEN),
                new BindEndpoint("::1", Set.of(), "eve", BindState.BOUND), 80));
        assertNull(separate.error());
    }
}
