package org.socketinspector.inspect;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.socketinspector.collect.ScanRequest;
import org.socketinspector.collect.Source;
import org.socketinspector.rules.Audit;

/**
 * Scans this machine again and again: one scanner (the platform's one collector through the {@link Inspector}), every
 * {@code interval} after the previous scan ended, and at once on {@link #refresh()}, at most once per
 * {@code minGap} (refreshes asked for during a scan or before the gap has passed coalesce into one scan). Each
 * outcome (the audit, or the error: published, never thrown) goes to every subscriber; {@link #latest()} keeps the
 * last good audit. No JavaFX: the GUI's live view runs on it, and so can a headless exporter.
 *
 * <p>One scan at a time. {@link #stop()} starts no scan after it returns; {@link #close()} also waits for a scan in
 * progress to end (and, for a rescanner with its own thread, for that thread to end). Where the work runs and what
 * time it is come from a {@link Scheduler}: an executor in production, a hand-driven one in tests.
 */
public final class Rescanner implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(Rescanner.class.getName());

    /** One scan for a request, on the rescanner's thread. */
    @FunctionalInterface
    public interface Scanner {
        Audit scan(ScanRequest request) throws Exception;
    }

    /** What a scan gave: an audit, or why there is none. */
    public sealed interface Outcome permits Scanned, Failed {
        /** The request the scan was made for (the toggles may have changed since). */
        ScanRequest request();
    }

    public record Scanned(ScanRequest request, Audit audit) implements Outcome {
    }

    /** @param error an expected failure (a {@code CollectionException}) or anything else a scan threw */
    public record Failed(ScanRequest request, Throwable error) implements Outcome {
    }

    /** Where the work runs and what time it is. */
    public interface Scheduler {
        long nanoTime();

        /** Runs {@code task} once after {@code delayNanos}; the handle cancels it if it has not begun. */
        Runnable schedule(Runnable task, long delayNanos);

        /** The real one: tasks on {@code executor} (the GUI's background pool, or the rescanner's own thread). */
        static Scheduler on(ScheduledExecutorService executor) {
            return new Scheduler() {
                @Override
                public long nanoTime() {
                    return System.nanoTime();
                }

                @Override
                public Runnable schedule(Runnable task, long delayNanos) {
                    ScheduledFuture<?> f = executor.schedule(task, delayNanos, TimeUnit.NANOSECONDS);
                    return () -> f.cancel(false);
                }
            };
        }
    }

    private final Scanner scanner;
    private final Supplier<ScanRequest> request;
    private final long intervalNanos;
    private final long minGapNanos;
    private final Scheduler scheduler;
    private final ScheduledExecutorService ownThread; // null when the executor is someone else's
    private final List<Consumer<? super Outcome>> subscribers = new CopyOnWriteArrayList<>();
    private final Object lock = new Object();

    // guarded by lock
    private boolean started;
    private boolean stopped;
    private boolean scanning;
    private Thread scanThread;
    private boolean pending;
    private boolean scannedYet;
    private long lastStart;
    private long generation;
    private Runnable cancelNext;
    private long nextDue;
    private long scans;
    private volatile Audit latest;

    /**
     * @param request  read before each scan (the GUI's toggles)
     * @param interval the wait after a scan before the next one
     * @param minGap   the shortest time between the starts of two scans a refresh may cause
     */
    public Rescanner(Scanner scanner, Supplier<ScanRequest> request, Duration interval, Duration minGap,
                     Scheduler scheduler) {
        this(scanner, request, interval, minGap, scheduler, null);
    }

    private Rescanner(Scanner scanner, Supplier<ScanRequest> request, Duration interval, Duration minGap,
                      Scheduler scheduler, ScheduledExecutorService ownThread) {
        this.scanner = Objects.requireNonNull(scanner, "scanner");
        this.request = Objects.requireNonNull(request, "request");
        if (interval.isNegative() || interval.isZero() || minGap.isNegative()) {
            throw new IllegalArgumentException("interval must be positive and minGap not negative: " + interval
                    + ", " + minGap);
        }
        this.intervalNanos = interval.toNanos();
        this.minGapNanos = minGap.toNanos();
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.ownThread = ownThread;
    }

    /** A rescanner on a daemon thread of its own ({@code name}), ended by {@link #close()}: for a headless process. */
    public static Rescanner withOwnThread(Scanner scanner, Supplier<ScanRequest> request, Duration interval,
                                          Duration minGap, String name) {
        ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
        return new Rescanner(scanner, request, interval, minGap, Scheduler.on(thread), thread);
    }

    /** The scanner of this machine through the inspector: {@code source}'s one collector, then the rules. */
    public static Scanner thisMachine(Inspector inspector, Source source) {
        return request -> inspector.inspect(new Target.ThisMachine(source, request)).audit();
    }

    /** Adds a subscriber, called on the rescanner's thread after each scan; the handle removes it. */
    public Runnable subscribe(Consumer<? super Outcome> subscriber) {
        subscribers.add(Objects.requireNonNull(subscriber));
        return () -> subscribers.remove(subscriber);
    }

    /** The last audit a scan gave, if any. */
    public Optional<Audit> latest() {
        return Optional.ofNullable(latest);
    }

    /** Scans made so far (failed ones included). */
    public long scans() {
        synchronized (lock) {
            return scans;
        }
    }

    /** Starts the schedule with a scan at once; a second call does nothing, nor one after {@link #stop()}. */
    public void start() {
        synchronized (lock) {
            if (started || stopped) {
                return;
            }
            started = true;
            scheduleLocked(0);
        }
    }

    /**
     * Asks for a scan now: it starts at once unless a scan is running (then right after it) or one started less than
     * {@code minGap} ago (then when the gap has passed). Requests before that scan starts are one request.
     */
    public void refresh() {
        synchronized (lock) {
            if (!started || stopped) {
                return;
            }
            if (scanning) {
                pending = true;
                return;
            }
            long now = scheduler.nanoTime();
            long due = scannedYet ? Math.max(now, lastStart + minGapNanos) : now;
            if (cancelNext != null && nextDue - due <= 0) {
                return; // the next scan comes as soon: this request is part of it
            }
            scheduleLocked(due - now);
        }
    }

    /** No scan starts after this returns (one in progress ends on its own; its outcome is not published). */
    public void stop() {
        synchronized (lock) {
            stopped = true;
            generation++;
            if (cancelNext != null) {
                cancelNext.run();
                cancelNext = null;
            }
            lock.notifyAll();
        }
    }

    /**
     * Stops, then waits for a scan in progress to end and, with a thread of its own, for that thread to end. Called
     * by a subscriber (on the rescanner's thread), it does not wait for itself.
     */
    @Override
    public void close() {
        stop();
        boolean interrupted = false;
        synchronized (lock) {
            while (scanning && scanThread != Thread.currentThread()) {
                try {
                    lock.wait();
                } catch (InterruptedException e) {
                    interrupted = true;
                    break;
                }
            }
        }
        if (ownThread != null) {
            ownThread.shutdownNow();
            try {
                if (!interrupted && !onOwnThread()) {
                    ownThread.awaitTermination(1, TimeUnit.DAYS);
                }
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean onOwnThread() {
        synchronized (lock) {
            return scanThread == Thread.currentThread();
        }
    }

    private void scheduleLocked(long delayNanos) {
        if (cancelNext != null) {
            cancelNext.run();
        }
        long token = ++generation;
        nextDue = scheduler.nanoTime() + delayNanos;
        try {
            cancelNext = scheduler.schedule(() -> tick(token), delayNanos);
        } catch (RejectedExecutionException e) {
            // the executor has ended (the application is closing): there is nothing left to scan for
            cancelNext = null;
            stopped = true;
        }
    }

    private void tick(long token) {
        ScanRequest asked;
        synchronized (lock) {
            if (stopped || token != generation || scanning) {
                return; // cancelled, replaced by a refresh, or stopped
            }
            scanning = true;
            scanThread = Thread.currentThread();
            cancelNext = null;
            pending = false;
            lastStart = scheduler.nanoTime();
            scannedYet = true;
        }
        try {
            asked = request.get();
            Outcome outcome;
            try {
                Audit audit = scanner.scan(asked);
                latest = audit;
                outcome = new Scanned(asked, audit);
            } catch (Exception | LinkageError e) {
                // published, never thrown: an exception escaping a scheduled task would end the schedule silently
                outcome = new Failed(asked, e);
            }
            publish(outcome);
        } finally {
            synchronized (lock) {
                scanning = false;
                scanThread = null;
                scans++;
                if (!stopped) {
                    long now = scheduler.nanoTime();
                    scheduleLocked(pending ? Math.max(0, lastStart + minGapNanos - now) : intervalNanos);
                    pending = false;
                }
                lock.notifyAll();
            }
        }
    }

    private void publish(Outcome outcome) {
        for (Consumer<? super Outcome> subscriber : subscribers) {
            synchronized (lock) {
                if (stopped) {
                    return;
                }
            }
            try {
                subscriber.accept(outcome);
            } catch (RuntimeException e) {
                // one subscriber's bug neither stops the schedule nor keeps the outcome from the others
                LOG.log(System.Logger.Level.WARNING, "a rescan subscriber failed", e);
            }
        }
    }
}
