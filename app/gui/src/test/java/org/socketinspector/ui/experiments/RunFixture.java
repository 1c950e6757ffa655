package org.socketinspector.ui.experiments;

import java.nio.file.Path;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.socketinspector.store.HistoryStore;

/**
 * What the experiment view-model tests share: a history file in a temporary folder, opened on first use and closed
 * after each test, a background thread per run, and one thread standing in for the FX thread (the models' live
 * updates expect them in order, on one thread).
 */
abstract class RunFixture {

    static final Executor BACKGROUND = task -> new Thread(task, "test-run").start();

    final ExecutorService fx = Executors.newSingleThreadExecutor(task -> new Thread(task, "test-fx"));

    @TempDir
    Path dir;
    private HistoryStore history;

    HistoryStore history() {
        if (history == null) {
            history = HistoryStore.open(dir.resolve("history.db"));
        }
        return history;
    }

    @AfterEach
    void closeRunFixture() {
        fx.shutdownNow();
        if (history != null) {
            history.close();
        }
    }
}
