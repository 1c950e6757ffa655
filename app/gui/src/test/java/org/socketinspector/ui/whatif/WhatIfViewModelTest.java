package org.socketinspector.ui.whatif;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.socketinspector.model.Protocol;
import org.socketinspector.model.SocketRecord;
import org.socketinspector.semantics.BindAnswer;
import org.socketinspector.semantics.BindOption;
import org.socketinspector.semantics.BindQuestion;
import org.socketinspector.semantics.BindSemantics;
import org.socketinspector.semantics.BindState;
import org.socketinspector.semantics.OsFamily;
import org.socketinspector.semantics.Outcome;
import org.socketinspector.ui.Fixtures;

/** The what-if dialog's state without a window: prefill, validation, and the question handed to the model. */
class WhatIfViewModelTest {

    /** Records the questions it is asked; answers every one "shares" (the model itself is tested elsewhere). */
    private final List<BindQuestion> asked = new ArrayList<>();
    private final BindSemantics recorder = new BindSemantics() {
        @Override
        public OsFamily os() {
            return OsFamily.LINUX;
        }

        @Override
        public BindAnswer answer(BindQuestion question) {
            asked.add(question);
            return new BindAnswer(Outcome.SHARES, null, null, "recorded", List.of("test"));
        }
    };
    private final WhatIfViewModel model = new WhatIfViewModel(os -> Optional.of(recorder), Fixtures.HOST_OS);

    @Test
    void aSocketFromTheTablePrefillsTheFirstSide() {
        SocketRecord nobody = Fixtures.labAudit().scan().sockets().get(0);
        model.prefill(nobody, Fixtures.HOST_OS);

        BindQuestion q = model.question();
        assertThat(q.os()).isEqualTo(Fixtures.HOST_OS);
        assertThat(q.protocol()).isEqualTo(Protocol.TCP);
        assertThat(q.first().address()).isEqualTo("0.0.0.0");
        assertThat(q.first().options()).containsExactlyInAnyOrder(BindOption.REUSEADDR, BindOption.REUSEPORT);
        assertThat(q.first().user()).isEqualTo("nobody");
        assertThat(q.first().state()).isEqualTo(BindState.LISTEN);
        assertThat(q.second().address()).isEqualTo("0.0.0.0");
        assertThat(q.second().state()).isEqualTo(BindState.BOUND);
        assertThat(model.problems()).isEmpty();
    }

    @Test
    void aSocketOfACaptureFromAnotherOsIsAskedAboutThatOsAndIsNotReplayedHere() {
        OsFamily other = Fixtures.HOST_OS == OsFamily.WINDOWS ? OsFamily.LINUX : OsFamily.WINDOWS;
        model.onRunExperiment(request -> { });
        model.prefill(Fixtures.labAudit().scan().sockets().get(0), other);

        assertThat(model.question().os()).isEqualTo(other);
        assertThat(model.canRunExperiment()).as("only this machine's cases run for real").isFalse();
        model.prefill(Fixtures.labAudit().scan().sockets().get(0), Fixtures.HOST_OS);
        assertThat(model.canRunExperiment()).isTrue();
    }

    @Test
    void statesThatDoNotFitTheProtocolAndImpossibleFirstSocketsAreProblems() {
        model.osProperty().set(OsFamily.LINUX);
        model.protocolProperty().set(Protocol.UDP);
        model.firstStateProperty().set(BindState.TIME_WAIT);
        assertThat(model.problems()).anyMatch(p -> p.contains("time-wait") && p.contains("TCP"));
        assertThat(model.answerProperty().get()).isNull();

        model.protocolProperty().set(Protocol.TCP);
        assertThat(model.problems()).isEmpty();
        assertThat(model.question().first().state()).isEqualTo(BindState.TIME_WAIT);
        assertThat(model.experiment()).isEmpty(); // a replay starts from a live service; the matrix measures this
        assertThat(model.experimentProblemProperty().get()).contains("experiment matrix");

        model.firstStateProperty().set(BindState.LISTEN);
        model.first().addressProperty().set("::ffff:127.0.0.1");
        model.first().options().add(BindOption.V6ONLY);
        assertThat(model.problems()).anyMatch(p -> p.contains("EINVAL"));
    }

    @Test
    void everyEditAsksTheModelAgain() {
        model.second().options().add(BindOption.REUSEPORT);
        model.second().userProperty().set("nobody");

        assertThat(model.answerProperty().get().outcome()).isEqualTo(Outcome.SHARES);
        BindQuestion last = asked.get(asked.size() - 1);
        assertThat(last.second().options()).containsExactly(BindOption.REUSEPORT);
        assertThat(last.second().user()).isEqualTo("nobody");
    }

    @Test
    void invalidInputIsExplainedAndNotAsked() {
        int before = asked.size();
        model.second().addressProperty().set("localhost");
        assertThat(model.problems()).anyMatch(p -> p.contains("“localhost” is not an IPv4 or IPv6 address"));
        assertThat(model.answerProperty().get()).isNull();
        assertThat(asked).hasSize(before);

        model.second().addressProperty().set("127.0.0.1");
        model.protocolProperty().set(Protocol.UDP);
        assertThat(model.problems()).anyMatch(p -> p.contains("UDP socket does not listen"));
        model.firstStateProperty().set(BindState.BOUND);
        model.first().options().add(BindOption.V6ONLY);
        assertThat(model.problems()).containsExactly("First socket: v6only and dualstack apply to IPv6 addresses only.");

        model.first().options().remove(BindOption.V6ONLY);
        model.osProperty().set(OsFamily.WINDOWS);
        model.second().options().add(BindOption.REUSEPORT);
        assertThat(model.problems()).containsExactly("Second socket: Windows has no SO_REUSEPORT.");
        model.second().options().clear();
        model.second().userProperty().set(" ");
        assertThat(model.problems()).anyMatch(p -> p.startsWith("Second socket: name its user"));
    }

    @Test
    void onlyACaseOfThisOsCanRunForRealAndItsUsersMustExistHere() {
        List<org.socketinspector.experiment.ReplayRequest> handed = new ArrayList<>();
        model.onRunExperiment(handed::add);
        model.osProperty().set(Fixtures.HOST_OS == OsFamily.WINDOWS ? OsFamily.LINUX : OsFamily.WINDOWS);
        assertThat(model.canRunExperiment()).isFalse();
        assertThat(model.runExperiment()).isFalse();

        model.osProperty().set(Fixtures.HOST_OS);
        model.first().userProperty().set("root");
        model.second().userProperty().set("no-such-account-here");
        assertThat(model.runExperiment()).isFalse();
        assertThat(model.experimentProblemProperty().get()).contains("unknown user 'no-such-account-here'");

        model.second().userProperty().set("nobody");
        model.second().options().add(BindOption.REUSEADDR);
        assertThat(model.runExperiment()).isTrue();
        assertThat(handed).singleElement().satisfies(r -> {
            assertThat(r.victim().address()).isEqualTo("0.0.0.0");
            assertThat(r.victim().uid()).isZero();
            assertThat(r.attacker().address()).isEqualTo("127.0.0.1");
            assertThat(r.attacker().uid()).isEqualTo(65534);
            assertThat(r.port()).as("a free port, never a live one").isZero();
        });
    }

    @Test
    void withoutAModelForTheOsTheDialogSaysSo() {
        WhatIfViewModel none = new WhatIfViewModel(os -> Optional.empty(), Fixtures.HOST_OS);
        assertThat(none.problems()).anyMatch(p -> p.contains("No bind-semantics model"));
        assertThat(none.answerProperty().get()).isNull();
    }
}
