package org.socketinspector.semantics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.socketinspector.model.Protocol;

/** The BSD rules of reference section 3 (source reading; no BSD host to measure on). */
class BsdSemanticsTest {

    private static BindAnswer ask(OsFamily os, String firstAddress, Set<BindOption> firstOptions, String firstUser,
                                  String secondAddress, Set<BindOption> secondOptions, String secondUser) {
        return BindSemantics.ask(new BindQuestion(os, Protocol.TCP,
                new BindEndpoint(firstAddress, firstOptions, firstUser, BindState.LISTEN),
                new BindEndpoint(secondAddress, secondOptions, secondUser, BindState.BOUND)));
    }

    @Test
    void aSameUserSpecificBindWithReuseAddrStealsFromAWildcardListener() {
        BindAnswer a = ask(OsFamily.MACOS, "0.0.0.0", Set.of(), "alice", "127.0.0.1", Set.of(BindOption.REUSEADDR), "alice");
        assertEquals(Outcome.STEALS, a.outcome());
        assertTrue(a.explanation().contains("not measured"), a.explanation());
    }

    @Test
    void withoutReuseOptionsAnOverlappingBindIsRefused() {
        assertEquals("EADDRINUSE", ask(OsFamily.FREEBSD, "0.0.0.0", Set.of(), "alice", "127.0.0.1", Set.of(), "alice").error());
    }

    @Test
    void anotherNonRootUserIsRefusedUnlessBothAreWildcardAndTheFirstSetReusePort() {
        assertEquals(Outcome.REFUSED, ask(OsFamily.FREEBSD, "0.0.0.0", Set.of(), "alice", "127.0.0.1",
                Set.of(BindOption.REUSEADDR), "eve").outcome());
        assertEquals(Outcome.STEALS, ask(OsFamily.FREEBSD, "0.0.0.0", Set.of(BindOption.REUSEPORT), "alice", "0.0.0.0",
                Set.of(BindOption.REUSEPORT), "eve").outcome());
        assertEquals(Outcome.STEALS, ask(OsFamily.FREEBSD, "0.0.0.0", Set.of(), "alice", "127.0.0.1",
                Set.of(BindOption.REUSEADDR), "root").outcome());
    }

    @Test
    void ipv6OnlyDefaultDiffersBetweenFreeBsdAndMacos() {
        assertEquals(Outcome.SEPARATE, ask(OsFamily.FREEBSD, "0.0.0.0", Set.of(), "alice", "::", Set.of(), "eve").outcome());
        assertEquals(Outcome.REFUSED, ask(OsFamily.MACOS, "0.0.0.0", Set.of(), "alice", "::", Set.of(), "eve").outcome());
    }
}
