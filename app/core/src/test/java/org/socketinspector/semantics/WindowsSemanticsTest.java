package org.socketinspector.semantics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.socketinspector.model.Protocol;
import org.socketinspector.semantics.QuestionSpace.WindowsCell;

/** Every cell of Microsoft's three tables (reference 1.2) with its documented answer, plus section 1.3 delivery. */
class WindowsSemanticsTest {

    static Stream<Arguments> documentedCells() {
        return QuestionSpace.windowsTables().stream().map(c -> Arguments.of(
                "table (" + c.table() + ") " + c.question().first().address() + c.question().first().options()
                        + " / " + c.question().second().address() + c.question().second().options(), c));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("documentedCells")
    void answersTheDocumentedCell(String name, WindowsCell cell) {
        BindAnswer answer = BindSemantics.ask(cell.question());
        assertEquals(cell.documented().error(), answer.error(), "error");
        assertEquals(expectedOutcome(cell), answer.outcome(), "outcome");
        assertTrue(answer.sources().get(0).contains("table (" + cell.table() + ")"), answer.sources().toString());
    }

    /** Section 1.3: specific over wildcard steals; wildcard next to specific is separate; same address shares. */
    private static Outcome expectedOutcome(WindowsCell cell) {
        if (cell.documented().error() != null) {
            return Outcome.REFUSED;
        }
        boolean firstWildcard = cell.question().first().address().equals("0.0.0.0");
        boolean secondWildcard = cell.question().second().address().equals("0.0.0.0");
        if (firstWildcard == secondWildcard) {
            return Outcome.SHARES;
        }
        return firstWildcard ? Outcome.STEALS : Outcome.SEPARATE;
    }

    @Test
    void thereAre108DocumentedCells() {
        assertEquals(108, QuestionSpace.windowsTables().size());
    }

    @Test
    void sameUserSpecificBindStealsFromADefaultWildcardListener() {
        BindAnswer a = ask(OsFamily.WINDOWS, "0.0.0.0", Set.of(), "svc", "127.0.0.1", Set.of(), "svc");
        assertEquals(Outcome.STEALS, a.outcome());
        assertTrue(a.explanation().contains("not stated verbatim"), a.explanation());
    }

    @Test
    void otherUserCannotTakeADefaultWildcardListener() {
        BindAnswer a = ask(OsFamily.WINDOWS, "0.0.0.0", Set.of(), "svc", "127.0.0.1", Set.of(BindOption.REUSEADDR), "eve");
        assertEquals(Outcome.REFUSED, a.outcome());
        assertEquals("WSAEACCES", a.error());
    }

    @Test
    void anyUserSharesAReuseAddrListener() {
        BindAnswer a = ask(OsFamily.WINDOWS, "0.0.0.0", Set.of(BindOption.REUSEADDR), "svc", "0.0.0.0",
                Set.of(BindOption.REUSEADDR), "eve");
        assertEquals(Outcome.SHARES, a.outcome());
    }

    @Test
    void ipv6OnlyByDefaultSoTheOtherFamilyIsSeparate() {
        BindAnswer a = ask(OsFamily.WINDOWS, "127.0.0.1", Set.of(BindOption.EXCLUSIVEADDRUSE), "svc", "::1", Set.of(), "eve");
        assertEquals(Outcome.SEPARATE, a.outcome());
        assertNull(a.error());
    }

    @Test
    void aDualStackWildcardIsCheckedInTheIpv4StackToo() {
        BindAnswer a = ask(OsFamily.WINDOWS, "0.0.0.0", Set.of(BindOption.EXCLUSIVEADDRUSE), "svc", "::",
                Set.of(BindOption.DUALSTACK), "svc");
        assertEquals(Outcome.REFUSED, a.outcome());
        assertEquals("WSAEADDRINUSE", a.error());
        BindAnswer v6only = ask(OsFamily.WINDOWS, "0.0.0.0", Set.of(BindOption.EXCLUSIVEADDRUSE), "svc", "::",
                Set.of(), "svc");
        assertEquals(Outcome.SEPARATE, v6only.outcome());
    }

    @Test
    void administratorsAreADifferentAccountAndTheGapIsSaid() {
        BindAnswer a = ask(OsFamily.WINDOWS, "0.0.0.0", Set.of(), "svc", "127.0.0.1", Set.of(), "Administrator");
        assertEquals("WSAEACCES", a.error());
        assertTrue(a.explanation().contains("not documented"), a.explanation());
    }

    @Test
    void onXpANonAdministratorCannotReallySetExclusiveAddrUse() {
        BindAnswer a = ask(OsFamily.WINDOWS_XP, "0.0.0.0", Set.of(BindOption.EXCLUSIVEADDRUSE), "alice", "0.0.0.0",
                Set.of(BindOption.REUSEADDR), "bob");
        assertEquals("WSAEACCES", a.error());
        assertTrue(a.explanation().contains("only administrators"), a.explanation());
    }

    static BindAnswer ask(OsFamily os, String firstAddress, Set<BindOption> firstOptions, String firstUser,
                          String secondAddress, Set<BindOption> secondOptions, String secondUser) {
        return BindSemantics.ask(new BindQuestion(os, Protocol.TCP,
                new BindEndpoint(firstAddress, firstOptions, firstUser, BindState.LISTEN),
                new BindEndpoint(secondAddress, secondOptions, secondUser, BindState.BOUND)));
    }
}
