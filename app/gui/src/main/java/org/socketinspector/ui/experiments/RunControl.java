package org.socketinspector.ui.experiments;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.socketinspector.error.InspectorException;
import org.socketinspector.experiment.CancelToken;
import org.socketinspector.history.ExperimentRecord;
import org.socketinspector.history.HistoryId;
import org.socketinspector.store.ExperimentEntry;
import org.socketinspector.store.HistoryStore;
import org.socketinspector.ui.common.Failures;
import org.socketinspector.ui.experiments.ExperimentsViewModel.State;

/**
 * One experiment at a time on a background thread, as every kind of experiment runs it: its state and message,
 * the cancel token behind the Cancel button, and storing the record it returns (complete or stopped early) in the
 * history.
 */
final class RunControl {

    /** The experiment itself, run on the background thread. */
    interface Body<R extends ExperimentRecord> {
        R run(CancelToken cancel) throws Exception;
    }

    private final Supplier<HistoryStore> history;
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(this, "state", State.READY);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private volatile CancelToken running;

    RunControl(Supplier<HistoryStore> history) {
        this.history = history;
    }

    /**
     * Runs {@code body} on {@code background} with a token that also stops it after {@code limit}; on {@code fxThread}
     * hands its record and where it was stored to {@code finished}, then sets the state. False when a run is going.
     */
    <R extends ExperimentRecord> boolean start(String startMessage, Duration limit, Executor background,
                                               Executor fxThread, Body<R> body, BiConsumer<R, String> finished) {
        if (state.get() == State.RUNNING) {
            return false;
        }
        CancelToken cancel = new CancelToken().withDeadline(limit);
        running = cancel;
        state.set(State.RUNNING);
        message.set(startMessage);
        background.execute(() -> {
            try {
                R record = body.run(cancel);
                String stored = store(record);
                fxThread.execute(() -> {
                    running = null;
                    finished.accept(record, stored);
                    state.set(State.FINISHED);
                });
            } catch (Exception | LinkageError e) {
                // The top of the run's task: an expected failure says why, a bug is logged and said to be one.
                String why = Failures.describe("running the experiment", e);
                fxThread.execute(() -> {
                    running = null;
                    message.set(cancel.isCancelled() ? "Cancelled: " + why : why);
                    state.set(State.FAILED);
                });
            }
        });
        return true;
    }

    /** Stops the running experiment; it ends its sockets and helpers itself within one bounded step. */
    void cancel() {
        CancelToken token = running;
        if (token != null) {
            token.cancel("cancelled by the user");
        }
    }

    /** Whether the running experiment has been told to stop (Cancel, or its time limit). */
    boolean stopping() {
        CancelToken token = running;
        return token != null && token.isCancelled();
    }

    private String store(ExperimentRecord record) {
        try {
            HistoryId id = history.get().saveExperiment(ExperimentEntry.of(record));
            return "stored in the history as " + id;
        } catch (InspectorException | JsonProcessingException e) {
            return "not stored in the history: " + e.getMessage();
        }
    }

    void message(String text) {
        message.set(text);
    }

    ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
