package org.socketinspector.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.socketinspector.model.OsKind;
import org.socketinspector.rules.Rule;
import org.socketinspector.semantics.OsFamily;
import org.socketinspector.semantics.Outcome;

/**
 * Every rule that describes an attack is shown both ways (issue 12 item 5): its preset's replay shows the attack,
 * and the same attacker against the victim as the rule's remediation makes it fails while the service is still
 * reached on every address it served before. Linux cases run live; Windows cases are the model's prediction from
 * Microsoft's tables (labelled so in the record) until they run on Windows.
 */
class RuleProvenBothWaysTest {

    /** Rules that describe no attack of their own to replay (docs/rules.md lists them, with why). */
    static final Set<String> NOT_ATTACKS = Set.of("OPTIONS-UNKNOWN", "REUSE-GROUP-OBSERVED",
            "LOW-PRIVILEGED-PORT-START");

    private final int self = ThisMachine.PLATFORM.processes().effectiveUid();

    static List<ReplayPreset> linuxCases() {
        return ReplayPreset.ALL.stream().filter(p -> p.rule() != null && p.os() == OsFamily.LINUX).toList();
    }

    static List<ReplayPreset> windowsCases() {
        return ReplayPreset.ALL.stream().filter(p -> p.rule() != null && p.os() == OsFamily.WINDOWS).toList();
    }

    @Test
    void everyAttackRuleHasAPresetWithARemedy() {
        Set<String> covered = ReplayPreset.ALL.stream().filter(p -> p.rule() != null && p.remedy() != null)
                .map(ReplayPreset::rule).collect(Collectors.toSet());
        Set<String> attacks = java.util.Arrays.stream(Rule.values()).map(Rule::id)
                .filter(id -> !NOT_ATTACKS.contains(id)).collect(Collectors.toSet());
        assertThat(covered).containsAll(attacks);
        assertThat(ReplayPreset.ALL).filteredOn(p -> p.rule() == null).allSatisfy(p -> assertThat(p.remedy()).isNull());
        // A remedy never widens: a loopback victim's fixed sockets stay on loopback addresses.
        for (ReplayPreset p : ReplayPreset.ALL) {
            if (p.remedy() != null && !p.victim().address().equals("0.0.0.0") && !p.victim().address().equals("::")) {
                assertThat(p.remedy().victim()).as(p.name()).allSatisfy(s -> assertThat(s.address())
                        .isIn("127.0.0.1", "::1"));
            }
        }
    }

    @ParameterizedTest
    @MethodSource("linuxCases")
    void onLinuxTheAttackWorksAndTheFixStopsIt(ReplayPreset preset) throws Exception {
        Assumptions.assumeTrue(OsKind.current() == OsKind.LINUX, "the Linux presets run on Linux");
        boolean otherUser = preset.attacker().uid() == ReplayPreset.OTHER_USER;
        Assumptions.assumeTrue(!otherUser || self == 0, "needs root: the attacker runs as uid 65534");
        ReplayResult attack = new LabReplay(ThisMachine.PLATFORM.sockets(), ThisMachine.PLATFORM.processes())
                .run(ReplayRequest.of(preset, 10, 0, false, self), new CancelToken());
        assertThat(attack.demonstrates()).as(attack.result().timeline().toString()).isTrue();
        assertThat(attack.agrees()).isTrue();

        RemedyResult fixed = new RemediatedReplay(ThisMachine.PLATFORM.sockets(), ThisMachine.PLATFORM.processes())
                .run(preset, 10, new CancelToken());
        assertThat(fixed.predicted()).isFalse();
        assertThat(fixed.toAttacker()).as(fixed.timeline().toString()).isZero();
        assertThat(fixed.attackerBindError()).as("the same attacker is refused").isEqualTo("EADDRINUSE");
        assertThat(fixed.reachedBefore().keySet()).containsExactlyInAnyOrderElementsOf(preset.remedy().servedBefore());
        assertThat(fixed.reachedBefore().values()).allSatisfy(n -> assertThat(n).isEqualTo(10));
        assertThat(fixed.fixed()).isTrue();
        assertThat(fixed.outcomeLine()).endsWith("the fix works");
        assertThat(HelperLauncher.livePids()).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("windowsCases")
    void onWindowsTheTablesPredictTheAttackAndTheFix(ReplayPreset preset) throws Exception {
        Assumptions.assumeTrue(OsKind.current() != OsKind.WINDOWS, "on Windows the live test runs them");
        ReplayRequest r = ReplayRequest.of(preset, 10, 0, false, 1001);
        var model = org.socketinspector.semantics.BindSemantics.forOs(OsFamily.WINDOWS);
        var q = Prediction.question(OsFamily.WINDOWS, r.protocol(), r.victim(), r.attacker(), 1001, null);
        Outcome attack = model.outcomeAt(q, model.answer(q), r.target() != null ? r.target() : model.target(q));
        assertThat(attack).as(preset.name()).isIn(Outcome.SHARES, Outcome.STEALS);

        RemedyResult fixed = new RemediatedReplay(ThisMachine.PLATFORM.sockets(), ThisMachine.PLATFORM.processes())
                .run(preset, 10, new CancelToken());
        assertThat(fixed.predicted()).isTrue();
        assertThat(fixed.outcomeLine()).startsWith("predicted from Microsoft's tables (not run here)");
        assertThat(fixed.fixed()).as(preset.name() + ": " + fixed.outcomeLine()).isTrue();
    }
}
