package org.socketinspector.ui.experiments;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.socketinspector.experiment.BindMatrix;
import org.socketinspector.experiment.Limits;
import org.socketinspector.experiment.MatrixCell;
import org.socketinspector.experiment.MatrixResult;
import org.socketinspector.semantics.OsFamily;
import org.socketinspector.store.HistoryStore;
import org.socketinspector.ui.experiments.ExperimentsViewModel.State;

/**
 * The bind-matrix part of the Experiments view: this OS's question space, the count and parallelism per cell,
 * live counts while it runs (cells done, agree, disagree, skipped), Cancel, and at the end the disagreeing cells and
 * the reasons cells were skipped. A cancelled run is stored with the cells it measured, like a complete one.
 */
public final class MatrixViewModel {

    /** The CLI's default (experiment matrix --parallel). */
    public static final int DEFAULT_PARALLELISM = 4;

    private final MatrixRunner runner;
    private final OsFamily os;
    private final RunControl run;
    private final IntegerProperty attempts = new SimpleIntegerProperty(this, "attempts", BindMatrix.DEFAULT_ATTEMPTS);
    private final IntegerProperty parallelism = new SimpleIntegerProperty(this, "parallelism", DEFAULT_PARALLELISM);
    private final ReadOnlyIntegerWrapper done = new ReadOnlyIntegerWrapper(this, "done");
    private final ReadOnlyIntegerWrapper agree = new ReadOnlyIntegerWrapper(this, "agree");
    private final ReadOnlyIntegerWrapper disagree = new ReadOnlyIntegerWrapper(this, "disagree");
    private final ReadOnlyIntegerWrapper skipped = new ReadOnlyIntegerWrapper(this, "skipped");
    private final ReadOnlyIntegerWrapper notMeasured = new ReadOnlyIntegerWrapper(this, "notMeasured");
    private final ReadOnlyObjectWrapper<MatrixResult> result = new ReadOnlyObjectWrapper<>(this, "result");
    private final ObservableList<MatrixCell> disagreeing = FXCollections.observableArrayList();
    private final ObservableList<String> skipReasons = FXCollections.observableArrayList();

    public MatrixViewModel(MatrixRunner runner, Supplier<HistoryStore> history, OsFamily os) {
        this.runner = runner;
        this.os = os;
        this.run = new RunControl(history);
    }

    /** Cells in this OS's question space (0: no live matrix here). */
    public int total() {
        return runner.space().size();
    }

    /** What a run does, in words: the header of the section and the confirmation. */
    public String description() {
        if (total() == 0) {
            return "The bind matrix runs on Linux and Windows; this machine's regime is " + os.wireName() + ".";
        }
        String cells = os == OsFamily.WINDOWS ? "TCP and UDP × addresses × option sets × bound or listening, all as"
                + " the user running it" : "TCP and UDP × addresses × option sets × users × bound or listening";
        return String.format(Locale.ROOT, "%,d cells for %s: %s. Each cell binds two sockets on a port the kernel"
                + " chooses (loopback or wildcard, never a running service's port), sends up to %d connections or datagrams over loopback and compares who"
                + " got them with the model's answer; %d cells run at once.", total(), os.wireName(), cells, attempts.get(),
                parallelism.get());
    }

    /** Exactly what a run will do, for the confirmation dialog. */
    public String confirmation() {
        return description() + String.format(Locale.ROOT, "\nCells as another user run in helper processes (root only;"
                + " without root they are skipped and say so), ended by PID at the end."
                + "\nNothing leaves loopback. Cancel stops it at any moment; it also stops after %d minutes. The run,"
                + " complete or not, is stored in the history.", Limits.DEFAULT_MATRIX_DURATION.toMinutes());
    }

    /** Starts the run on {@code background}; the counts follow it on {@code fxThread}. False when it cannot start. */
    public boolean start(Executor background, Executor fxThread) {
        if (total() == 0 || run.stateProperty().get() == State.RUNNING) {
            return false;
        }
        int count = Math.max(1, Math.min(Limits.MAX_ATTEMPTS, attempts.get()));
        int parallel = Math.max(1, Math.min(BindMatrix.MAX_PARALLELISM, parallelism.get()));
        result.set(null);
        done.set(0);
        agree.set(0);
        disagree.set(0);
        skipped.set(0);
        notMeasured.set(0);
        disagreeing.clear();
        skipReasons.clear();
        return run.start(String.format(Locale.ROOT, "Running %,d cells…", total()), Limits.DEFAULT_MATRIX_DURATION,
                background, fxThread,
                cancel -> runner.run(count, parallel, cancel, cell -> fxThread.execute(() -> count(cell))),
                this::finished);
    }

    public void cancel() {
        run.cancel();
    }

    /** One cell ended, on the FX thread. */
    private void count(MatrixCell cell) {
        if (cell.skipped() != null && run.stopping()) {
            return; // cut off by the stop, not measured: the progress bar stays where the run stopped
        }
        done.set(done.get() + 1);
        if (cell.skipped() != null) {
            skipped.set(skipped.get() + 1);
        } else if (Boolean.TRUE.equals(cell.agrees())) {
            agree.set(agree.get() + 1);
        } else if (Boolean.FALSE.equals(cell.agrees())) {
            disagree.set(disagree.get() + 1);
        }
    }

    private void finished(MatrixResult r, String stored) {
        // The result is the truth. A stopped run lists the cells it did not reach as skipped with the stop reason:
        // they are shown as "not measured", apart from cells skipped for a reason of their own (e.g. needs root).
        int cut = r.stopped() == null ? 0 : (int) r.cells().stream().filter(c -> r.stopped().equals(c.skipped())).count();
        done.set(r.cells().size() - cut);
        agree.set(r.agreements());
        disagree.set(r.disagreements());
        skipped.set(r.skipped() - cut);
        notMeasured.set(cut);
        disagreeing.setAll(r.disagreeing());
        skipReasons.setAll(skipReasons(r.cells()));
        result.set(r);
        run.message(r.outcomeLine() + " · " + stored);
    }

    /** "12 cells: needs root to act as uid 65534", one line per reason, most frequent first. */
    static List<String> skipReasons(List<MatrixCell> cells) {
        Map<String, Long> byReason = cells.stream().filter(c -> c.skipped() != null)
                .collect(Collectors.groupingBy(MatrixCell::skipped, LinkedHashMap::new, Collectors.counting()));
        return byReason.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .map(e -> String.format(Locale.ROOT, "%,d %s: %s", e.getValue(), e.getValue() == 1 ? "cell" : "cells",
                        e.getKey()))
                .toList();
    }

    /** The verdict of the finished run in one sentence, "none" said plainly; null before a run ends. */
    public String verdict() {
        MatrixResult r = result.get();
        if (r == null) {
            return null;
        }
        String stopped = r.stopped() == null ? "" : " (the run stopped early)";
        if (r.disagreements() == 0) {
            return String.format(Locale.ROOT, "Disagreements: none. All %,d measured cells agree with the model%s.",
                    r.ran(), stopped);
        }
        return String.format(Locale.ROOT, "%,d of %,d measured cells disagree with the model%s:", r.disagreements(),
                r.ran(), stopped);
    }

    public OsFamily os() {
        return os;
    }

    public IntegerProperty attemptsProperty() {
        return attempts;
    }

    public IntegerProperty parallelismProperty() {
        return parallelism;
    }

    /** Cells a stopped run did not reach (0 for a complete run). */
    public ReadOnlyIntegerProperty notMeasuredProperty() {
        return notMeasured.getReadOnlyProperty();
    }

    /** Cells ended so far (measured, or skipped for a reason of their own). */
    public ReadOnlyIntegerProperty doneProperty() {
        return done.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty agreeProperty() {
        return agree.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty disagreeProperty() {
        return disagree.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty skippedProperty() {
        return skipped.getReadOnlyProperty();
    }

    public ObservableList<MatrixCell> disagreeing() {
        return disagreeing;
    }

    public ObservableList<String> skipReasons() {
        return skipReasons;
    }

    public ReadOnlyObjectProperty<MatrixResult> resultProperty() {
        return result.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return run.stateProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return run.messageProperty();
    }
}
