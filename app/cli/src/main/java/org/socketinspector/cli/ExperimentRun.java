package org.socketinspector.cli;

import org.socketinspector.text.TerminalText;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.socketinspector.experiment.CancelToken;
import org.socketinspector.history.ExperimentRecord;
import org.socketinspector.experiment.HelperLauncher;
import org.socketinspector.experiment.Limits;
import org.socketinspector.json.Json;
import org.socketinspector.nativeio.ProcessControl;
import org.socketinspector.store.ExperimentEntry;
import org.socketinspector.history.HistoryId;
import org.socketinspector.store.HistoryStore;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** What every experiment subcommand shares: --json, --db, storing the run, and Ctrl-C cancelling it. */
public final class ExperimentRun {

    @Option(names = "--json", description = "Print the run's record as JSON.")
    boolean json;

    @Option(names = "--max-seconds", paramLabel = "1..600", converter = Args.SecondsArg.class, description = "Stop the experiment after this many seconds (default 60, matrix 300;"
            + " at most 600). As on Ctrl-C, a matrix or a replay past its binds is stored with what it measured so far.")
    Integer maxSeconds;

    @Mixin
    DbOption db;

    /** This run's helpers: the shutdown hook ends any left by PID. */
    private HelperLauncher helpers;

    /** The launcher the run's experiment starts its helpers with (one per run, made on first use). */
    synchronized HelperLauncher helpers(ProcessControl processes) {
        if (helpers == null) {
            helpers = new HelperLauncher(processes);
        }
        return helpers;
    }

    private synchronized void endHelpers() {
        if (helpers != null) {
            helpers.endAll();
        }
    }

    /** A body that runs with a cancel token. */
    interface Body<R> {
        R run(CancelToken cancel) throws Exception;
    }

    /**
     * Runs the body, stores its record and prints it. Ctrl-C (the JVM's shutdown) cancels the token; the hook then
     * waits (bounded) until the partial run is stored and its helpers are ended, and ends any helper left by PID.
     * A run that stopped early (cancel, time limit) is stored and printed like any other, and says so on stderr;
     * its command exits with {@link SocketInspectorCommand#EXIT_FAILURE}.
     */
    <R extends ExperimentRecord> R runAndStore(Duration defaultLimit, Body<R> body, Function<R, String> text,
                                               CommandSpec spec) throws Exception {
        CancelToken cancel = new CancelToken().withDeadline(
                Limits.duration(maxSeconds == null ? defaultLimit : Duration.ofSeconds(maxSeconds)));
        CountDownLatch done = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            cancel.cancel("Ctrl-C");
            try {
                // Usually over in well under a second; on a loaded machine ending the helpers and the first
                // SQLite open alone took more than 5 s, and a shorter bound lost the partial run.
                done.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            endHelpers();
        }, "experiment-ctrl-c");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            R record = body.run(cancel);
            storeAndPrint(record, text.apply(record), spec.commandLine().getOut(), spec.commandLine().getErr());
            return record;
        } finally {
            done.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // the JVM is already shutting down: the hook runs and finds the latch open
            }
        }
    }

    /** Stores the run in the history and prints it (JSON alone on stdout with --json; the note on stderr). */
    private void storeAndPrint(ExperimentRecord record, String text, PrintWriter out, PrintWriter err) throws JsonProcessingException {
        HistoryId id;
        try (HistoryStore history = db.open()) {
            id = history.saveExperiment(ExperimentEntry.of(record));
        }
        if (json) {
            out.println(Json.pretty().writeValueAsString(record));
            err.println("stored as " + id + " in " + db.file());
        } else {
            out.print(TerminalText.escapeKeepingLines(text)); // the record quotes kernel errors and user input
            out.println("stored as " + id + " in " + db.file());
        }
        if (record.stopped() != null) {
            err.println("socket-inspector: " + record.stopped() + " (the partial run was stored)");
        }
        out.flush();
        err.flush();
    }
}
