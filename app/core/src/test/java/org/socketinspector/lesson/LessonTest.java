package org.socketinspector.lesson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Collections;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.socketinspector.lesson.LessonStep.Kind;
import org.socketinspector.lesson.LessonStep.Receiver;
import org.socketinspector.lesson.ReplayPreset;
import org.socketinspector.model.Protocol;
import org.socketinspector.semantics.BindEndpoint;
import org.socketinspector.semantics.BindOption;
import org.socketinspector.semantics.BindQuestion;
import org.socketinspector.semantics.BindSemantics;
import org.socketinspector.semantics.BindState;
import org.socketinspector.semantics.OsFamily;
import org.socketinspector.semantics.Outcome;

/** The classroom's lessons, built from the real bind-semantics models of each preset's OS. */
class LessonTest {

    private static Lesson lesson(String preset) {
        ReplayPreset p = ReplayPreset.named(preset).orElseThrow();
        return Lesson.of(ClassroomCase.of(p), BindSemantics.forOs(p.os()), 10);
    }

    private static LessonStep step(Lesson lesson, Kind kind) {
        return lesson.steps().stream().filter(s -> s.kind() == kind).findFirst().orElseThrow();
    }

    @Test
    void linuxReusePortShareAllowsTheAttackerAndSplitsTheConnectionsByHash() {
        Lesson lesson = lesson("linux-reuseport-share");

        assertThat(lesson.steps()).extracting(LessonStep::kind).containsExactly(Kind.VICTIM_BINDS, Kind.VICTIM_LISTENS,
                Kind.ATTACKER_BINDS, Kind.ATTACKER_LISTENS, Kind.CONNECT, Kind.CONCLUSION);
        LessonStep bind = step(lesson, Kind.ATTACKER_BINDS);
        assertThat(bind.attacker().status()).isEqualTo(Party.Status.BOUND);
        assertThat(bind.attacker().error()).isNull();
        assertThat(bind.attacker().options()).isEqualTo("reuseport");
        assertThat(bind.narration()).contains("the bind succeeds").contains(lesson.answer().explanation());
        LessonStep connect = step(lesson, Kind.CONNECT);
        assertThat(connect.deliveries()).hasSize(10).contains(Receiver.VICTIM, Receiver.ATTACKER);
        int toAttacker = Collections.frequency(connect.deliveries(), Receiver.ATTACKER);
        assertThat(connect.attacker().received()).isEqualTo(toAttacker);
        assertThat(connect.victim().received()).isEqualTo(10 - toAttacker);
        assertThat(connect.narration()).contains("a hash decides").contains(toAttacker + " to the attacker");
        assertThat(lesson.atTarget()).isEqualTo(Outcome.SHARES);
        assertThat(lesson.conclusion().ruleId()).isEqualTo("LINUX-REUSEPORT-GROUP");
        assertThat(step(lesson, Kind.CONCLUSION).narration()).contains("LINUX-REUSEPORT-GROUP")
                .contains("Remediation: Drop SO_REUSEPORT unless load balancing is needed");
    }

    @Test
    void thePlainControlIsRefusedWithEaddrinuseAndTheServiceKeepsEveryConnection() {
        Lesson lesson = lesson("plain-control");

        assertThat(lesson.steps()).extracting(LessonStep::kind).containsExactly(Kind.VICTIM_BINDS, Kind.VICTIM_LISTENS,
                Kind.ATTACKER_BINDS, Kind.CONNECT, Kind.CONCLUSION);
        LessonStep bind = step(lesson, Kind.ATTACKER_BINDS);
        assertThat(bind.attacker().status()).isEqualTo(Party.Status.REFUSED);
        assertThat(bind.attacker().error()).isEqualTo("EADDRINUSE");
        assertThat(bind.title()).contains("refused").contains("EADDRINUSE");
        LessonStep connect = step(lesson, Kind.CONNECT);
        assertThat(connect.deliveries()).hasSize(10).containsOnly(Receiver.VICTIM);
        assertThat(connect.victim().received()).isEqualTo(10);
        assertThat(connect.attacker().received()).isZero();
        assertThat(lesson.conclusion().ruleId()).isNull();
        assertThat(step(lesson, Kind.CONCLUSION).narration()).isEqualTo("No risk here: the service keeps all its traffic.");
    }

    @Test
    void windowsExclusiveControlIsRefusedWithWsaeaccesOnTheWindowsModelWhateverOsRunsTheTest() {
        Lesson lesson = lesson("windows-exclusive-control");

        assertThat(lesson.lessonCase().os()).isEqualTo(OsFamily.WINDOWS);
        LessonStep bind = step(lesson, Kind.ATTACKER_BINDS);
        assertThat(bind.attacker().error()).isEqualTo("WSAEACCES");
        assertThat(bind.victim().options()).isEqualTo("exclusiveaddruse");
        assertThat(step(lesson, Kind.CONNECT).deliveries()).containsOnly(Receiver.VICTIM);
        // A control demonstrates no rule; the rule and its fix are told by the case that shows the attack.
        assertThat(step(lesson, Kind.CONCLUSION).narration()).contains("No risk here");
        Lesson attack = lesson("windows-specific-over-wildcard");
        assertThat(step(attack, Kind.CONCLUSION).narration()).contains("WIN-NOT-EXCLUSIVE")
                .contains("Remediation: Set SO_EXCLUSIVEADDRUSE before bind().");
        assertThat(attack.conclusion().remediation()).contains(".NET: Socket.ExclusiveAddressUse = true");
    }

    @Test
    void theGoLessonPutsSoReuseaddrOnGosOwnListener() {
        Lesson before = lesson("windows-go-reuseaddr-before-2307");
        assertThat(step(before, Kind.ATTACKER_BINDS).victim().options()).isEqualTo("reuseaddr");
        assertThat(step(before, Kind.CONCLUSION).narration()).contains("WIN-REUSEADDR-SHARED");
        assertThat(before.lessonCase().description()).contains("golang/go#2307").contains("c1d0f0e76c42");
        Lesson after = lesson("windows-go-after-2307");
        assertThat(step(after, Kind.ATTACKER_BINDS).victim().options()).isEqualTo("no options");
        assertThat(step(after, Kind.ATTACKER_BINDS).attacker().error()).isEqualTo("WSAEACCES");
    }

    @Test
    void aFamilyShadowSendsEveryConnectionToIpv6LoopbackToTheAttacker() {
        Lesson lesson = lesson("localhost-family-shadow");

        assertThat(lesson.target()).isEqualTo("::1");
        assertThat(lesson.answer().outcome()).as("the model: the two binds do not conflict").isEqualTo(Outcome.SEPARATE);
        assertThat(lesson.atTarget()).isEqualTo(Outcome.STEALS);
        LessonStep bind = step(lesson, Kind.ATTACKER_BINDS);
        assertThat(bind.attacker().user()).isEqualTo(ClassroomCase.OTHER_USER);
        assertThat(bind.victim().user()).isEqualTo(ClassroomCase.SERVICE_USER);
        assertThat(bind.attacker().address()).isEqualTo("[::1]:8080");
        LessonStep connect = step(lesson, Kind.CONNECT);
        assertThat(connect.title()).isEqualTo("Clients connect to [::1]:8080");
        assertThat(connect.deliveries()).hasSize(10).containsOnly(Receiver.ATTACKER);
        assertThat(connect.narration()).contains("the service does not listen on ::1");
        assertThat(step(lesson, Kind.CONCLUSION).narration()).contains("LOCALHOST-FAMILY-SHADOW")
                .startsWith("Risk: the attacker takes every client of the service at [::1]:8080.");
    }

    @Test
    void aWindowsShareIsLabelledIndeterminate() {
        LessonStep connect = step(lesson("windows-reuseaddr-shared"), Kind.CONNECT);

        assertThat(connect.narration()).contains("indeterminate");
        assertThat(connect.deliveries()).contains(Receiver.VICTIM, Receiver.ATTACKER);
    }

    @Test
    void udpHasNoListenStepsAndTalksOfDatagrams() {
        Lesson lesson = lesson("linux-udp-reuseaddr");

        assertThat(lesson.steps()).extracting(LessonStep::kind)
                .containsExactly(Kind.VICTIM_BINDS, Kind.ATTACKER_BINDS, Kind.CONNECT, Kind.CONCLUSION);
        assertThat(step(lesson, Kind.CONNECT).title()).startsWith("Clients send to 127.0.0.1:8080");
        assertThat(step(lesson, Kind.CONNECT).narration()).contains("datagrams");
    }

    @Test
    void everyPresetMakesALessonOnItsOwnOsWhoseCountersAddUpAndWhoseEndNamesItsRule() {
        for (ReplayPreset p : ReplayPreset.ALL) {
            Lesson lesson = Lesson.of(ClassroomCase.of(p), BindSemantics.forOs(p.os()), 7);
            LessonStep last = lesson.steps().get(lesson.size() - 1);
            assertThat(lesson.size()).as(p.name()).isBetween(4, 6);
            assertThat(last.kind()).isEqualTo(Kind.CONCLUSION);
            assertThat(last.victim().received() + last.attacker().received()).as(p.name()).isEqualTo(7);
            assertThat(lesson.steps().get(0).attacker().status()).as(p.name()).isEqualTo(Party.Status.ABSENT);
            if (p.rule() != null) {
                assertThat(last.narration()).as(p.name()).contains(p.rule());
            }
            boolean attackerGetsTraffic = last.attacker().received() > 0;
            assertThat(attackerGetsTraffic).as(p.name()).isEqualTo(lesson.atTarget().takesTraffic());
        }
    }

    @Test
    void theSameCaseTaughtTwiceSplitsTheSameWay() {
        assertThat(step(lesson("linux-reuseport-share"), Kind.CONNECT).deliveries())
                .isEqualTo(step(lesson("linux-reuseport-share"), Kind.CONNECT).deliveries());
    }

    @Test
    void aWhatIfQuestionBecomesALessonWithItsOwnUsersAndNoRule() {
        BindQuestion q = new BindQuestion(OsFamily.WINDOWS, Protocol.TCP,
                new BindEndpoint("0.0.0.0", Set.of(), "svc", BindState.LISTEN),
                new BindEndpoint("127.0.0.1", Set.of(BindOption.REUSEADDR), "svc", BindState.BOUND));
        Lesson lesson = Lesson.of(ClassroomCase.of(q), BindSemantics.forOs(OsFamily.WINDOWS), 10);

        assertThat(lesson.lessonCase().description()).contains("svc binds 127.0.0.1 reuseaddr");
        assertThat(lesson.target()).isEqualTo("127.0.0.1");
        assertThat(step(lesson, Kind.ATTACKER_BINDS).narration()).startsWith("Another process of svc binds 127.0.0.1:8080 with reuseaddr: the bind succeeds.");
        assertThat(step(lesson, Kind.CONNECT).deliveries()).containsOnly(Receiver.ATTACKER);
        assertThat(lesson.conclusion().ruleId()).isNull();
    }

    @Test
    void aRestartOverTimeWaitIsToldWithTheServiceGone() {
        ClassroomCase c = ClassroomCase.MODEL_CASES.stream().filter(x -> x.name().equals("linux-restart-over-time-wait"))
                .findFirst().orElseThrow();
        Lesson lesson = Lesson.of(c, BindSemantics.forOs(OsFamily.LINUX), 10);

        assertThat(lesson.steps()).extracting(LessonStep::kind).containsExactly(Kind.VICTIM_BINDS, Kind.VICTIM_LISTENS,
                Kind.VICTIM_EXITS, Kind.ATTACKER_BINDS, Kind.ATTACKER_LISTENS, Kind.CONNECT, Kind.CONCLUSION);
        assertThat(step(lesson, Kind.VICTIM_EXITS).victim().status()).isEqualTo(Party.Status.TIME_WAIT);
        assertThat(lesson.atTarget()).isEqualTo(Outcome.STEALS);
        LessonStep connect = step(lesson, Kind.CONNECT);
        assertThat(connect.victim().received()).isZero();
        assertThat(connect.attacker().received()).isEqualTo(10);
        assertThat(connect.narration()).contains("the service is gone");

        // Without SO_REUSEADDR on the new socket the restart is refused and nobody takes the clients.
        BindQuestion q = c.question();
        Lesson refused = Lesson.of(ClassroomCase.of(new BindQuestion(q.os(), q.protocol(), q.first(),
                new BindEndpoint("0.0.0.0", Set.of(), "mallory", BindState.BOUND))), BindSemantics.forOs(OsFamily.LINUX), 10);
        assertThat(refused.answer().error()).isEqualTo("EADDRINUSE");
        LessonStep none = step(refused, Kind.CONNECT);
        assertThat(none.deliveries()).isEmpty();
        assertThat(none.victim().received() + none.attacker().received()).isZero();
        assertThat(none.narration()).contains("No one accepts");
    }

    @Test
    void aJavaServerOnAMappedLoopbackIsShadowedLikeAnIpv4One() {
        ClassroomCase c = ClassroomCase.MODEL_CASES.stream().filter(x -> x.name().equals("linux-java-mapped-loopback"))
                .findFirst().orElseThrow();
        Lesson lesson = Lesson.of(c, BindSemantics.forOs(OsFamily.LINUX), 10);
        assertThat(lesson.target()).isEqualTo("127.0.0.1");
        assertThat(lesson.atTarget()).isEqualTo(Outcome.STEALS);
        assertThat(step(lesson, Kind.CONNECT).attacker().received()).isEqualTo(10);
    }

    @Test
    void aLessonNeedsABoundedNumberOfConnections() {
        ClassroomCase c = ClassroomCase.of(ReplayPreset.ALL.get(0));
        assertThatThrownBy(() -> Lesson.of(c, BindSemantics.forOs(c.os()), 0)).hasMessageContaining("between 1 and 100");
    }

    @Test
    void theFirstSentenceOfARemediationStopsBeforeTheLanguageNotes() {
        assertThat(Lesson.firstSentence("Set X before bind(). .NET: Y. Go: Z.")).isEqualTo("Set X before bind().");
        assertThat(Lesson.firstSentence("Bind to e.g. 127.0.0.1 only")).isEqualTo("Bind to e.g. 127.0.0.1 only");
    }
}
