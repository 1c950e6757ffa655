package org.socketinspector.ui.experiments;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.socketinspector.collect.Platforms;
import org.socketinspector.model.OsKind;
import org.socketinspector.experiment.BindMatrix;
import org.socketinspector.experiment.HelperLauncher;
import org.socketinspector.experiment.MatrixCell;
import org.socketinspector.experiment.MatrixResult;
import org.socketinspector.semantics.BindAnswer;
import org.socketinspector.semantics.BindQuestion;
import org.socketinspector.semantics.BindSemantics;
import org.socketinspector.semantics.Outcome;
import org.socketinspector.semantics.OsFamily;
import org.socketinspector.semantics.QuestionSpace;
import org.socketinspector.store.HistoryFilter;
import org.socketinspector.ui.Fixtures;
import org.socketinspector.ui.experiments.ExperimentsViewModel.State;

/** The bind-matrix part of the Experiments view without a window: real cells on loopback, a real history file. */
class MatrixViewModelTest extends RunFixture {

    private static void awaitEnd(MatrixViewModel model, Runnable start) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        model.stateProperty().addListener((o, was, now) -> {
            if (now != State.RUNNING) {
                done.countDown();
            }
        });
        start.run();
        assertThat(done.await(120, TimeUnit.SECONDS)).isTrue();
        assertThat(model.stateProperty().get()).as(model.messageProperty().get()).isEqualTo(State.FINISHED);
    }

    @Test
    void theDefaultsAreTheCommandLinesAndTheWholeSpaceIsCounted() {
        MatrixViewModel model = new MatrixViewModel(Fixtures.realMatrix(QuestionSpace.linux()), this::history, OsFamily.LINUX);
        assertThat(model.total()).isEqualTo(6912);
        assertThat(model.attemptsProperty().get()).isEqualTo(BindMatrix.DEFAULT_ATTEMPTS);
        assertThat(model.parallelismProperty().get()).isEqualTo(4);
        assertThat(model.description()).startsWith("6,912 cells for linux");
        assertThat(model.confirmation()).contains("4 cells run at once").contains("up to 16 connections or datagrams").contains("Nothing leaves loopback")
                .contains("never a running service's port");

        MatrixViewModel none = new MatrixViewModel(Fixtures.realMatrix(List.of()), this::history, OsFamily.MACOS);
        assertThat(none.description()).isEqualTo("The bind matrix runs on Linux and Windows; this machine's regime is macos.");
        assertThat(none.start(BACKGROUND, Runnable::run)).isFalse();
    }

    @Test
    void aSliceRunsWithLiveCountsAgreesEverywhereAndIsStored() throws Exception {
        Assumptions.assumeTrue(Platforms.thisOs() == OsKind.LINUX, "the Linux matrix needs Linux sockets");
        List<BindQuestion> slice = QuestionSpace.linux().subList(0, 48);
        MatrixViewModel model = new MatrixViewModel(Fixtures.realMatrix(slice), this::history, OsFamily.LINUX);
        model.attemptsProperty().set(4);
        List<Integer> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        model.doneProperty().addListener((o, was, now) -> seen.add(now.intValue()));

        awaitEnd(model, () -> assertThat(model.start(BACKGROUND, fx)).isTrue());

        MatrixResult r = model.resultProperty().get();
        assertThat(seen).as("the progress moved cell by cell").contains(1, 24, 48);
        assertThat(model.doneProperty().get()).isEqualTo(48);
        assertThat(model.notMeasuredProperty().get()).isZero();
        assertThat(model.agreeProperty().get() + model.disagreeProperty().get() + model.skippedProperty().get()).isEqualTo(48);
        assertThat(model.agreeProperty().get()).isEqualTo(r.agreements());
        assertThat(r.stopped()).isNull();
        // As root every cell runs; as another user the cells as nobody are skipped, and say why.
        if (org.socketinspector.ui.Fixtures.SELF_UID == 0) {
            assertThat(model.skipReasons()).isEmpty();
        } else {
            assertThat(model.skipReasons()).isNotEmpty().allMatch(s -> s.contains("needs root"));
        }
        assertThat(model.disagreeing()).extracting(MatrixCell::summary).isEmpty();
        assertThat(model.verdict()).isEqualTo("Disagreements: none. All " + r.ran() + " measured cells agree with the model.");
        assertThat(model.messageProperty().get()).contains("48 cells measured").contains("stored in the history as E");
        assertThat(history().count(HistoryFilter.experiments().withKind("matrix"))).isEqualTo(1);
    }

    @Test
    void aModelThatIsWrongShowsEveryMeasuredCellAsADisagreement() throws Exception {
        Assumptions.assumeTrue(Platforms.thisOs() == OsKind.LINUX, "the Linux matrix needs Linux sockets");
        // TCP 0.0.0.0 against 0.0.0.0, same user, no options: the kernel refuses; this model says the newcomer steals.
        BindSemantics wrong = new BindSemantics() {
            @Override
            public OsFamily os() {
                return OsFamily.LINUX;
            }

            @Override
            public BindAnswer answer(BindQuestion q) {
                return new BindAnswer(Outcome.STEALS, null, null, "always steals", List.of());
            }
        };
        List<BindQuestion> slice = QuestionSpace.linux().subList(0, 12);
        MatrixViewModel model = new MatrixViewModel(MatrixRunner.of(org.socketinspector.ui.Fixtures.PLATFORM.sockets(), org.socketinspector.ui.Fixtures.PLATFORM.processes(), slice, wrong), this::history, OsFamily.LINUX);
        model.attemptsProperty().set(2);

        awaitEnd(model, () -> model.start(BACKGROUND, fx));

        MatrixResult r = model.resultProperty().get();
        assertThat(r.disagreements()).isPositive();
        assertThat(model.disagreeProperty().get()).isEqualTo(r.disagreements());
        assertThat(model.disagreeing()).hasSize(r.disagreements())
                .allSatisfy(c -> assertThat(c.predicted().outcome()).isEqualTo(Outcome.STEALS));
        assertThat(model.verdict()).isEqualTo(r.disagreements() + " of " + r.ran() + " measured cells disagree with the model:");
    }

    @Test
    void cancellingMidRunStoresThePartialRunAsStopped() throws Exception {
        Assumptions.assumeTrue(Platforms.thisOs() == OsKind.LINUX, "the Linux matrix needs Linux sockets");
        MatrixViewModel model = new MatrixViewModel(Fixtures.realMatrix(QuestionSpace.linux().subList(0, 480)),
                this::history, OsFamily.LINUX);
        model.attemptsProperty().set(4);
        model.doneProperty().addListener((o, was, now) -> {
            if (now.intValue() == 10) {
                model.cancel();
            }
        });

        awaitEnd(model, () -> model.start(BACKGROUND, fx));

        MatrixResult r = model.resultProperty().get();
        assertThat(r.stopped()).isEqualTo("cancelled: cancelled by the user");
        assertThat(r.ran()).isBetween(10, 479);
        // The cells it did not reach are "not measured", apart from the skipped ones; the progress stays where it stopped.
        long cut = r.cells().stream().filter(c -> r.stopped().equals(c.skipped())).count();
        assertThat(model.notMeasuredProperty().get()).isEqualTo(cut).isGreaterThan(0);
        assertThat(model.doneProperty().get()).isEqualTo(480 - cut);
        assertThat(model.skippedProperty().get()).isEqualTo(r.skipped() - cut);
        assertThat(model.agreeProperty().get() + model.disagreeProperty().get()).isEqualTo(r.ran());
        assertThat(model.skipReasons()).anyMatch(s -> s.endsWith("cells: cancelled: cancelled by the user"));
        assertThat(model.messageProperty().get()).startsWith("stopped early (cancelled: cancelled by the user)")
                .contains("stored in the history as E");
        assertThat(history().count(HistoryFilter.experiments().withKind("matrix"))).isEqualTo(1);
        assertThat(HelperLauncher.livePids()).isEmpty();
    }
}
