package org.socketinspector.ui.common;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Where the GUI's work runs: every file, database and native call on {@link #background()}, every change to the
 * scene on {@link #fx()}. One instance per application, handed to the window, so that tests can put checking
 * executors in its place.
 *
 * @param background the one executor for background work (the live scan's schedule too)
 * @param fx         the FX application thread (Platform::runLater in the application)
 */
public record UiThreads(ScheduledExecutorService background, Executor fx) implements AutoCloseable {

    /**
     * Enough threads for everything that may run at once (a scan, one experiment of each kind, an export, a history
     * query, a capture): a scheduled pool does not grow past its core size. Idle threads end after 30 s; all are
     * daemons, so that work in progress never keeps the application from quitting (experiments end their helpers
     * themselves, and the helpers die with the JVM).
     */
    static final int THREADS = 8;
    private static final System.Logger LOG = System.getLogger(UiThreads.class.getName());
    private static final Duration IDLE = Duration.ofSeconds(30);

    /** The application's threads: a daemon pool and the FX thread. */
    public static UiThreads standard() {
        return new UiThreads(pool("gui-background"), javafx.application.Platform::runLater);
    }

    /** A daemon pool of {@link #THREADS} named threads, e.g. for tests. */
    public static ScheduledExecutorService pool(String name) {
        AtomicInteger n = new AtomicInteger();
        ScheduledThreadPoolExecutor pool = new ScheduledThreadPoolExecutor(THREADS, task -> {
            Thread t = new Thread(task, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        }) {
            // A scheduled pool keeps what a task threw in its Future, where nobody looks: log it instead.
            @Override
            protected void afterExecute(Runnable task, Throwable thrown) {
                super.afterExecute(task, thrown);
                if (task instanceof Future<?> f && f.isDone() && !f.isCancelled()) {
                    try {
                        f.get();
                    } catch (ExecutionException e) {
                        LOG.log(System.Logger.Level.ERROR, "a background task failed", e.getCause());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }
        };
        pool.setKeepAliveTime(IDLE.toMillis(), TimeUnit.MILLISECONDS);
        pool.allowCoreThreadTimeOut(true);
        pool.setRemoveOnCancelPolicy(true);
        return pool;
    }

    /**
     * Runs {@code work} in the background; hands its result to {@code done} on the FX thread, or the reason it
     * failed to {@code failed} (see {@link Failures#describe}).
     */
    public <T> void run(String what, BackgroundWork<T> work, Consumer<? super T> done, Consumer<String> failed) {
        BackgroundWork.run(background, fx, what, work, done, failed);
    }

    /** Ends the background threads (work in progress is interrupted). */
    @Override
    public void close() {
        background.shutdownNow();
    }
}
