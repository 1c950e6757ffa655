package org.socketinspector.ui.classroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.socketinspector.experiment.Users;
import org.socketinspector.lesson.ClassroomCase;
import org.socketinspector.lesson.LessonStep;
import org.socketinspector.lesson.ReplayPreset;
import org.socketinspector.model.Protocol;
import org.socketinspector.semantics.BindEndpoint;
import org.socketinspector.semantics.BindQuestion;
import org.socketinspector.semantics.BindSemantics;
import org.socketinspector.semantics.BindState;
import org.socketinspector.semantics.OsFamily;

/** The classroom's state without a window. */
class ClassroomViewModelTest {

    private final ClassroomViewModel model = new ClassroomViewModel(os -> Optional.of(BindSemantics.forOs(os)), 10,
            OsFamily.LINUX, 0);

    private void pick(String preset) {
        model.selectedProperty().set(model.cases().stream().filter(c -> c.name().equals(preset)).findFirst().orElseThrow());
    }

    @Test
    void everyPresetOfEveryOsIsOfferedAndTheFirstIsTaughtFromItsFirstStep() {
        java.util.List<String> names = new java.util.ArrayList<>(ReplayPreset.names());
        ClassroomCase.MODEL_CASES.forEach(c -> names.add(c.name()));
        assertThat(model.cases()).extracting(ClassroomCase::name).isEqualTo(names);
        assertThat(model.progressText()).isEqualTo("Step 1 of 6");
        assertThat(model.stepProperty().get().kind()).isEqualTo(LessonStep.Kind.VICTIM_BINDS);
    }

    @Test
    void previousAndNextStopAtTheEndsAndAnotherCaseStartsAgain() {
        pick("plain-control");
        assertThat(model.previous()).isFalse();
        for (int i = 1; i < 5; i++) {
            assertThat(model.next()).isTrue();
        }
        assertThat(model.atEnd()).isTrue();
        assertThat(model.next()).isFalse();
        assertThat(model.progressText()).isEqualTo("Step 5 of 5");
        assertThat(model.stepProperty().get().kind()).isEqualTo(LessonStep.Kind.CONCLUSION);

        pick("linux-udp-reuseaddr");
        assertThat(model.progressText()).isEqualTo("Step 1 of 4");
        model.next();
        model.restart();
        assertThat(model.indexProperty().get()).isZero();
    }

    @Test
    void aWhatIfCaseIsAddedOnceAndTaughtFromItsStart() {
        ClassroomCase c = ClassroomCase.of(new BindQuestion(OsFamily.FREEBSD, Protocol.UDP,
                new BindEndpoint("0.0.0.0", Set.of(), "www", BindState.BOUND),
                new BindEndpoint("127.0.0.1", Set.of(), "www", BindState.BOUND)));
        model.show(c);
        model.next();
        model.show(c);

        assertThat(model.cases()).hasSize(ReplayPreset.ALL.size() + ClassroomCase.MODEL_CASES.size() + 1).last().isEqualTo(c);
        assertThat(model.selectedProperty().get()).isEqualTo(c);
        assertThat(model.indexProperty().get()).isZero();
        assertThat(model.lessonProperty().get().lessonCase().os()).isEqualTo(OsFamily.FREEBSD);
    }

    @Test
    void onlyAPresetOfThisMachinesOsCanBeReplayedForReal() {
        pick("linux-udp-reuseaddr");
        assertThat(model.replayHere()).hasValueSatisfying(r -> {
            assertThat(r.preset()).isEqualTo("linux-udp-reuseaddr");
            assertThat(r.attacker().uid()).as("root runs the other user as nobody").isEqualTo(Users.NOBODY);
            assertThat(r.port()).isZero();
        });
        pick("windows-exclusive-control");
        assertThat(model.replayHere()).isEmpty();
        model.show(ClassroomCase.of(model.lessonProperty().get().lessonCase().question()));
        assertThat(model.replayHere()).as("a what-if case").isEmpty();
    }

    @Test
    void withoutAModelForTheCasesOsThereIsNoLessonAndTheReasonIsShown() {
        ClassroomViewModel linuxOnly = new ClassroomViewModel(
                os -> os == OsFamily.LINUX ? Optional.of(BindSemantics.forOs(os)) : Optional.empty(), 10, OsFamily.LINUX, 0);
        linuxOnly.selectedProperty().set(linuxOnly.cases().stream().filter(c -> c.os() == OsFamily.WINDOWS)
                .findFirst().orElseThrow());

        assertThat(linuxOnly.lessonProperty().get()).isNull();
        assertThat(linuxOnly.stepProperty().get()).isNull();
        assertThat(linuxOnly.problemProperty().get()).isEqualTo("No bind-semantics model for windows in this build.");
        assertThat(linuxOnly.next()).isFalse();
        assertThat(linuxOnly.progressText()).isEmpty();
    }
}
