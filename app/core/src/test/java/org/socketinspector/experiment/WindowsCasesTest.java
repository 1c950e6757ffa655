package org.socketinspector.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.socketinspector.lesson.ReplayPreset;
import org.socketinspector.model.Protocol;
import org.socketinspector.model.SocketOption;
import org.socketinspector.semantics.BindAnswer;
import org.socketinspector.semantics.BindQuestion;
import org.socketinspector.semantics.BindSemantics;
import org.socketinspector.semantics.OsFamily;
import org.socketinspector.semantics.Outcome;
import org.socketinspector.semantics.QuestionSpace;

/**
 * What the Windows experiments expect, checked anywhere: each Windows preset's prediction (asked the way a replay
 * asks it), the live Windows matrix's question space, and how a Windows observation is compared. The runs
 * themselves are WindowsExperimentsLiveTest, in CI's Windows job.
 */
class WindowsCasesTest {

    private static final BindSemantics WINDOWS = BindSemantics.forOs(OsFamily.WINDOWS);
    private static final int SELF = 1001;

    private static Outcome expected(String preset) {
        ReplayRequest r = ReplayRequest.of(ReplayPreset.named(preset).orElseThrow(), 10, 0, false, SELF);
        BindQuestion question = Prediction.question(OsFamily.WINDOWS, r.protocol(), r.victim(), r.attacker(), SELF, null);
        String target = r.target() != null ? r.target() : WINDOWS.target(question);
        return WINDOWS.outcomeAt(question, WINDOWS.answer(question), target);
    }

    @Test
    void windowsPresetsPredictTheDocumentedCases() {
        assertThat(expected("windows-specific-over-wildcard")).isEqualTo(Outcome.STEALS);
        assertThat(expected("windows-go-reuseaddr-before-2307")).isEqualTo(Outcome.SHARES);
        assertThat(expected("windows-go-after-2307")).isEqualTo(Outcome.REFUSED);
        // golang/go#45150 reports this bind succeeding; the model follows Microsoft's dual-stack text (see the preset).
        assertThat(expected("windows-ipv4-beside-dualstack")).isEqualTo(Outcome.REFUSED);
        assertThat(expected("windows-exclusive-control")).isEqualTo(Outcome.REFUSED);
        assertThat(expected("windows-reuseaddr-shared")).isEqualTo(Outcome.SHARES);
        assertThat(expected("windows-localhost-family-shadow")).isEqualTo(Outcome.STEALS);
    }

    @Test
    void aDualStackBindIsCheckedInBothStacksInEitherOrderCitingMicrosoftsBlog() {
        // The order Microsoft's Windows Networking blog states (IPv4 first, dual-stack second), and the preset's.
        var v4 = new org.socketinspector.semantics.BindEndpoint("0.0.0.0", java.util.Set.of(), "alice",
                org.socketinspector.semantics.BindState.LISTEN);
        var dual = new org.socketinspector.semantics.BindEndpoint("::",
                java.util.Set.of(org.socketinspector.semantics.BindOption.DUALSTACK), "alice",
                org.socketinspector.semantics.BindState.BOUND);
        BindAnswer stated = WINDOWS.answer(new BindQuestion(OsFamily.WINDOWS, Protocol.TCP, v4, dual));
        assertThat(stated.error()).isEqualTo("WSAEADDRINUSE");
        assertThat(stated.sources()).anyMatch(s -> s.contains("Dual Stack Sockets on Windows Vista"));
        var dualListening = new org.socketinspector.semantics.BindEndpoint("::", dual.options(), "alice",
                org.socketinspector.semantics.BindState.LISTEN);
        var v4Bound = new org.socketinspector.semantics.BindEndpoint("0.0.0.0", java.util.Set.of(), "alice",
                org.socketinspector.semantics.BindState.BOUND);
        assertThat(WINDOWS.answer(new BindQuestion(OsFamily.WINDOWS, Protocol.TCP, dualListening, v4Bound)).error())
                .isEqualTo("WSAEADDRINUSE");
        assertThat(ReplayPreset.named("windows-ipv4-beside-dualstack").orElseThrow())
                .satisfies(p -> assertThat(p.rule()).isNull())
                .satisfies(p -> assertThat(p.description()).startsWith("Open question").contains("golang/go#45150")
                        .contains("drakkan/sftpgo#350"));
    }

    @Test
    void theExclusiveControlIsRefusedWithWsaeacces() {
        ReplayRequest r = ReplayRequest.of(ReplayPreset.named("windows-exclusive-control").orElseThrow(), 10, 0, false, SELF);
        BindAnswer prediction = WINDOWS.answer(Prediction.question(OsFamily.WINDOWS, r.protocol(), r.victim(),
                r.attacker(), SELF, null));
        assertThat(prediction.error()).isEqualTo("WSAEACCES");
    }

    @Test
    void windowsPresetsActAsTheSameUserWhenNotRootOnLinux() {
        ReplayRequest r = ReplayRequest.of(ReplayPreset.named("windows-reuseaddr-shared").orElseThrow(), 10, 0, false, SELF);
        assertThat(r.attacker().uid()).isEqualTo(-1);
        assertThat(ReplayPreset.ALL).filteredOn(p -> p.os() == OsFamily.WINDOWS).hasSize(8)
                .allSatisfy(p -> assertThat(p.victim().options()).doesNotContain(SocketOption.REUSEPORT));
    }

    @Test
    void theLiveWindowsMatrixHas675CellsAllAnswered() throws Exception {
        List<BindQuestion> space = QuestionSpace.windowsLive("alice");
        assertThat(space).hasSize(675);
        assertThat(space).filteredOn(q -> q.protocol() == Protocol.TCP).hasSize(450);
        assertThat(space).doesNotHaveDuplicates();
        for (BindQuestion q : space) {
            assertThat(q.first().user()).isEqualTo(q.second().user());
            BindAnswer a = WINDOWS.answer(q);
            assertThat(a.outcome()).as(q.toString()).isNotNull();
            assertThat(a.error() == null).as(q.toString()).isEqualTo(a.outcome() != Outcome.REFUSED);
        }
        assertThat(space.stream().map(WINDOWS::answer).map(BindAnswer::outcome).distinct())
                .containsExactlyInAnyOrder(Outcome.REFUSED, Outcome.SEPARATE, Outcome.SHARES, Outcome.STEALS);
    }

    @Test
    void onWindowsAnySplitOfASuccessfulCoBindAgreesWithShares() {
        BindAnswer shares = new BindAnswer(Outcome.SHARES, null, null, "indeterminate", List.of());
        assertThat(Prediction.agrees(OsFamily.WINDOWS, shares, Outcome.STEALS, null, null)).isTrue();
        assertThat(Prediction.agrees(OsFamily.WINDOWS, shares, Outcome.SEPARATE, null, null)).isTrue();
        assertThat(Prediction.agrees(OsFamily.WINDOWS, shares, Outcome.REFUSED, "WSAEACCES", null)).isFalse();
        assertThat(Prediction.agrees(OsFamily.LINUX, shares, Outcome.STEALS, null, null)).as("a Linux hash is fair")
                .isFalse();
        BindAnswer steals = new BindAnswer(Outcome.STEALS, null, null, "specific wins", List.of());
        assertThat(Prediction.agrees(OsFamily.WINDOWS, steals, Outcome.SHARES, null, null)).isFalse();
    }

    @Test
    void aWindowsReuseaddrProbeSpeaksToTheWindowsRules() {
        ProbeRequest onDefault = probe(Set.of());
        ProbeRequest onShared = probe(Set.of(SocketOption.REUSEADDR));
        assertThat(LiveProbe.finding(onDefault, OsFamily.WINDOWS)).isEqualTo("WIN-NOT-EXCLUSIVE");
        assertThat(LiveProbe.finding(onShared, OsFamily.WINDOWS)).isEqualTo("WIN-REUSEADDR-SHARED");
        // On Linux a plain SO_REUSEADDR bind of a listener's address tests no finding: REUSE-GROUP-OBSERVED is an
        // observation of sockets that exist, never what a probe confirms or refutes.
        assertThat(LiveProbe.finding(onShared, OsFamily.LINUX)).as("a Linux listener").isNull();
    }

    private static ProbeRequest probe(Set<SocketOption> victimOptions) {
        return new ProbeRequest(Protocol.TCP, "0.0.0.0", 8080, "127.0.0.1", Set.of(SocketOption.REUSEADDR), -1, false,
                victimOptions, "alice");
    }
}
