package org.socketinspector.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.socketinspector.collect.CollectionException;
import org.socketinspector.collect.ScanRequest;
import org.socketinspector.model.HostInfo;
import org.socketinspector.model.Scan;
import org.socketinspector.model.ToolInfo;
import org.socketinspector.rules.Audit;

/**
 * The rescanner without JavaFX, driven by a hand-made clock and scheduler (every task runs on the test's thread when
 * the clock is advanced past it), and, for the stop, on its own thread with latches: no fixed sleeps.
 */
class RescannerTest {

    private static final Duration INTERVAL = Duration.ofSeconds(2);
    private static final Duration GAP = Duration.ofMillis(250);

    /** Time and tasks under the test's control. */
    static final class ManualScheduler implements Rescanner.Scheduler {
        private record Task(long due, long order, Runnable run, boolean[] cancelled) { }

        private final PriorityQueue<Task> tasks = new PriorityQueue<>((a, b) -> a.due != b.due
                ? Long.compare(a.due, b.due) : Long.compare(a.order, b.order));
        private long now;
        private long order;

        @Override
        public long nanoTime() {
            return now;
        }

        @Override
        public Runnable schedule(Runnable task, long delayNanos) {
            boolean[] cancelled = {false};
            tasks.add(new Task(now + delayNanos, order++, task, cancelled));
            return () -> cancelled[0] = true;
        }

        /** Moves the clock forward, running each task that falls due, in order, at its own time. */
        void advance(Duration by) {
            long until = now + by.toNanos();
            while (!tasks.isEmpty() && tasks.peek().due <= until) {
                Task t = tasks.poll();
                if (!t.cancelled[0]) {
                    now = Math.max(now, t.due);
                    t.run.run();
                }
            }
            now = until;
        }

        long waiting() {
            return tasks.stream().filter(t -> !t.cancelled[0]).count();
        }
    }

    private final ManualScheduler clock = new ManualScheduler();
    private final List<ScanRequest> asked = Collections.synchronizedList(new ArrayList<>());
    private final List<Rescanner.Outcome> seen = Collections.synchronizedList(new ArrayList<>());
    private volatile ScanRequest request = ScanRequest.LISTENERS;

    private static Audit audit(int n) {
        return new Audit(new Scan(Scan.SCHEMA, ToolInfo.current(), new HostInfo("h" + n, "linux", "6", 1024, false),
                Instant.EPOCH, true, List.of("test"), List.of(), List.of()), List.of());
    }

    private Rescanner rescanner(Rescanner.Scanner scanner) {
        Rescanner r = new Rescanner(scanner, () -> request, INTERVAL, GAP, clock);
        r.subscribe(seen::add);
        return r;
    }

    private Rescanner counting() {
        return rescanner(req -> {
            asked.add(req);
            return audit(asked.size());
        });
    }

    @Test
    void scansAtOnceThenEveryIntervalAfterTheLastScan() {
        Rescanner r = counting();
        r.start();
        clock.advance(Duration.ZERO);
        assertThat(asked).hasSize(1);
        clock.advance(INTERVAL.minusNanos(1));
        assertThat(asked).hasSize(1);
        clock.advance(Duration.ofNanos(1));
        assertThat(asked).hasSize(2);
        clock.advance(INTERVAL.multipliedBy(3));
        assertThat(asked).hasSize(5);
        assertThat(seen).hasSize(5).allMatch(o -> o instanceof Rescanner.Scanned);
        assertThat(r.latest()).hasValueSatisfying(a -> assertThat(a.scan().host().name()).isEqualTo("h5"));
    }

    @Test
    void refreshesBetweenTicksCoalesceIntoOneScan() {
        Rescanner r = counting();
        r.start();
        clock.advance(Duration.ofSeconds(1)); // the first scan, then half way to the next tick
        r.refresh();
        r.refresh();
        r.refresh();
        clock.advance(Duration.ZERO);
        assertThat(asked).as("three requests, one scan").hasSize(2);
        clock.advance(INTERVAL.minusNanos(1));
        assertThat(asked).as("the tick moved: the interval counts from the refresh's scan").hasSize(2);
        clock.advance(Duration.ofNanos(1));
        assertThat(asked).hasSize(3);
        assertThat(clock.waiting()).as("one schedule, never two").isEqualTo(1);
    }

    @Test
    void refreshesAreRateLimitedToOneScanPerGap() {
        Rescanner r = counting();
        r.start();
        clock.advance(Duration.ZERO);
        r.refresh(); // right after the first scan
        clock.advance(GAP.minusNanos(1));
        assertThat(asked).as("not before the gap has passed").hasSize(1);
        r.refresh(); // part of the one that waits
        clock.advance(Duration.ofNanos(1));
        assertThat(asked).hasSize(2);
        for (int i = 0; i < 100; i++) { // a user hammering Refresh for 1 s gets at most 1 s / gap scans
            r.refresh();
            clock.advance(Duration.ofMillis(10));
        }
        assertThat(asked.size() - 2).isBetween(3, 4);
    }

    @Test
    void aRefreshDuringAScanComesRightAfterItOnce() {
        List<Rescanner> self = new ArrayList<>();
        Rescanner r = rescanner(req -> {
            asked.add(req);
            if (asked.size() == 1) {
                request = ScanRequest.ALL; // the user changes a toggle while the first scan runs
                self.get(0).refresh();
                self.get(0).refresh();
            }
            return audit(asked.size());
        });
        self.add(r);
        r.start();
        clock.advance(Duration.ZERO);
        assertThat(asked).containsExactly(ScanRequest.LISTENERS);
        clock.advance(GAP);
        assertThat(asked).as("one more scan, with the new request").containsExactly(ScanRequest.LISTENERS, ScanRequest.ALL);
        assertThat(seen).extracting(Rescanner.Outcome::request).containsExactly(ScanRequest.LISTENERS, ScanRequest.ALL);
    }

    @Test
    void aFailedScanIsPublishedAndTheScheduleGoesOn() {
        List<Object> answers = new ArrayList<>(List.of(audit(1), new CollectionException("netlink: permission denied"),
                new UnsatisfiedLinkError("no libc"), audit(4)));
        Rescanner r = rescanner(req -> {
            Object next = answers.remove(0);
            if (next instanceof CollectionException e) {
                throw e;
            }
            if (next instanceof Error e) {
                throw e;
            }
            return (Audit) next;
        });
        r.start();
        clock.advance(INTERVAL.multipliedBy(2));
        assertThat(seen).hasSize(3);
        assertThat(seen.get(1)).isInstanceOfSatisfying(Rescanner.Failed.class,
                f -> assertThat(f.error()).hasMessage("netlink: permission denied"));
        assertThat(seen.get(2)).isInstanceOfSatisfying(Rescanner.Failed.class,
                f -> assertThat(f.error()).isInstanceOf(UnsatisfiedLinkError.class));
        assertThat(r.latest()).as("the last good audit").hasValueSatisfying(a -> assertThat(a.scan().host().name())
                .isEqualTo("h1"));
        clock.advance(INTERVAL);
        assertThat(seen).hasSize(4).last().isInstanceOf(Rescanner.Scanned.class);
        assertThat(r.scans()).isEqualTo(4);
    }

    @Test
    void aFailingSubscriberKeepsTheOutcomeFromNeitherTheOthersNorTheSchedule() {
        Rescanner r = counting();
        List<Rescanner.Outcome> second = new ArrayList<>();
        r.subscribe(o -> {
            throw new IllegalStateException("a subscriber's bug");
        });
        r.subscribe(second::add);
        Runnable unsubscribe = r.subscribe(o -> {
            throw new IllegalStateException("removed");
        });
        unsubscribe.run();
        r.start();
        clock.advance(INTERVAL);
        assertThat(seen).hasSize(2);
        assertThat(second).hasSize(2);
        assertThat(asked).hasSize(2);
    }

    @Test
    void noScanStartsAfterStop() {
        Rescanner r = counting();
        r.start();
        clock.advance(Duration.ZERO);
        r.stop();
        r.refresh();
        r.start();
        clock.advance(INTERVAL.multipliedBy(10));
        assertThat(asked).hasSize(1);
        assertThat(clock.waiting()).isZero();
    }

    @Test
    void aScanThatEndsAfterStopIsNotPublished() {
        List<Rescanner> self = new ArrayList<>();
        Rescanner r = rescanner(req -> {
            self.get(0).stop(); // stopped while this scan runs
            return audit(1);
        });
        self.add(r);
        r.start();
        clock.advance(INTERVAL.multipliedBy(3));
        assertThat(seen).isEmpty();
        assertThat(r.scans()).isEqualTo(1);
    }

    /** On its own thread: close waits for the scan in progress and for the thread to end; nothing scans after it. */
    @Test
    void closeJoinsTheScanInProgressAndTheThread() throws Exception {
        CountDownLatch inScan = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicReference<Thread> scanThread = new AtomicReference<>();
        List<String> events = Collections.synchronizedList(new ArrayList<>());
        Rescanner r = Rescanner.withOwnThread(req -> {
            scanThread.set(Thread.currentThread());
            events.add("scan");
            inScan.countDown();
            release.await();
            events.add("scan ended");
            return audit(1);
        }, () -> request, Duration.ofMillis(1), Duration.ZERO, "test-rescanner");
        r.start();
        assertThat(inScan.await(60, TimeUnit.SECONDS)).isTrue();
        Thread closer = new Thread(() -> {
            r.close();
            events.add("closed");
        });
        closer.start();
        waitUntil("close waits for the scan", () -> closer.getState() == Thread.State.WAITING
                || closer.getState() == Thread.State.TIMED_WAITING);
        release.countDown();
        closer.join(TimeUnit.SECONDS.toMillis(60));
        assertThat(closer.isAlive()).isFalse();
        assertThat(events).containsExactly("scan", "scan ended", "closed");
        waitUntil("the rescanner's thread ends", () -> !scanThread.get().isAlive());
        assertThat(r.scans()).isEqualTo(1);
    }

    @Test
    void aSubscriberMayCloseItsRescanner() throws Exception {
        CountDownLatch closed = new CountDownLatch(1);
        List<Rescanner> self = new ArrayList<>();
        Rescanner r = Rescanner.withOwnThread(req -> audit(1), () -> request, Duration.ofMillis(1), Duration.ZERO,
                "test-rescanner-self");
        self.add(r);
        r.subscribe(o -> {
            self.get(0).close(); // on the rescanner's own thread: must not wait for itself
            closed.countDown();
        });
        r.start();
        assertThat(closed.await(60, TimeUnit.SECONDS)).isTrue();
        r.close();
        assertThat(r.scans()).isEqualTo(1);
    }

    private static void waitUntil(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + ": not within 60 s");
            }
            Thread.sleep(5);
        }
    }
}
