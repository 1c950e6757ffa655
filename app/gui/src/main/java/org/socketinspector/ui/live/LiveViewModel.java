package org.socketinspector.ui.live;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import org.socketinspector.collect.ScanRequest;
import org.socketinspector.error.InspectorException;
import org.socketinspector.inspect.Rescanner;
import org.socketinspector.rules.Audit;
import org.socketinspector.ui.common.Failures;
import org.socketinspector.ui.sockets.SocketsViewModel;

/**
 * The live view: a {@link Rescanner} scans this machine every {@link #PERIOD} on the GUI's background executor and
 * each result is shown in place. One scan at a time (a refresh asked for during a scan comes right after it; several
 * coalesce, at most one per {@link #MIN_GAP}). The toggles choose the {@link ScanRequest}; a change rescans at once. A
 * failed scan keeps the last rows and shows the error until a scan succeeds again.
 */
public final class LiveViewModel {

    public static final Duration PERIOD = Duration.ofSeconds(2);
    /** The shortest time between two scans the Refresh button or the toggles cause. */
    public static final Duration MIN_GAP = Duration.ofMillis(250);

    private final ScanService service;
    private final ScheduledExecutorService background;
    private final Object scanning = new Object();
    private String lastFailure;
    private final SocketsViewModel sockets = new SocketsViewModel();
    private final BooleanProperty allConnections = new SimpleBooleanProperty(this, "allConnections");
    private final BooleanProperty probe = new SimpleBooleanProperty(this, "probe");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error");
    private volatile ScanRequest request = new ScanRequest(false, false, false);
    private Rescanner rescanner;
    private Executor fxThread = Runnable::run;

    /** @param background where scans run (the GUI's one background executor) */
    public LiveViewModel(ScanService service, ScheduledExecutorService background) {
        this.service = Objects.requireNonNull(service);
        this.background = Objects.requireNonNull(background);
        allConnections.addListener((o, was, now) -> requestChanged());
        probe.addListener((o, was, now) -> requestChanged());
    }

    /** What the toggles ask for. */
    public ScanRequest request() {
        return new ScanRequest(allConnections.get(), probe.get(), false);
    }

    private void requestChanged() {
        request = request(); // read by the rescanner's thread, which must not touch the properties
        refreshNow();
    }

    /**
     * Starts scanning every {@link #PERIOD} in the background; results are handed to {@code fxThread}
     * (Platform::runLater in the GUI).
     */
    public synchronized void start(Executor fxThread) {
        if (rescanner != null) {
            return;
        }
        this.fxThread = fxThread;
        request = request();
        rescanner = new Rescanner(this::scan, () -> request, PERIOD, MIN_GAP, Rescanner.Scheduler.on(background));
        rescanner.subscribe(this::handle);
        rescanner.start();
    }

    /** Stops the periodic scan: none starts after this (one running ends; the executor is the application's). */
    public synchronized void stop() {
        if (rescanner != null) {
            rescanner.stop();
            rescanner = null;
        }
    }

    public synchronized boolean isRunning() {
        return rescanner != null;
    }

    /** Scans now, in the background, when running; otherwise not at all (tests call {@link #scanOnce}). */
    public synchronized void refreshNow() {
        if (rescanner != null) {
            rescanner.refresh();
        }
    }

    /**
     * One scan on the calling thread, its result handed to the FX thread. A result for toggles the user has
     * changed meanwhile is dropped, so the table never flickers back to the old request.
     */
    public void scanOnce() {
        ScanRequest asked = request();
        Rescanner.Outcome outcome;
        try {
            outcome = new Rescanner.Scanned(asked, scan(asked));
        } catch (Exception | LinkageError e) {
            outcome = new Rescanner.Failed(asked, e);
        }
        handle(outcome);
    }

    /** One scan at a time, whether the rescanner or a test asks. */
    private Audit scan(ScanRequest asked) throws Exception {
        synchronized (scanning) {
            return service.scan(asked);
        }
    }

    private void handle(Rescanner.Outcome outcome) {
        ScanRequest asked = outcome.request();
        if (outcome instanceof Rescanner.Scanned scanned) {
            lastFailure = null;
            fxThread.execute(() -> {
                if (asked.equals(request())) {
                    show(scanned.audit());
                }
            });
            return;
        }
        Throwable e = ((Rescanner.Failed) outcome).error();
        // The same expected failure every 2 s is logged once.
        String message = e instanceof InspectorException && Objects.equals(e.getMessage(), lastFailure)
                ? e.getMessage() : Failures.describe("scanning", e);
        lastFailure = e.getMessage();
        fxThread.execute(() -> failed(message));
    }

    /** Shows a successful scan: rows are updated in place. */
    public void show(Audit audit) {
        error.set(null);
        sockets.show(audit);
    }

    public void failed(String message) {
        error.set("Scan failed: " + message + " — retrying every " + PERIOD.toSeconds() + " s; the table shows the last good scan.");
    }

    public SocketsViewModel sockets() {
        return sockets;
    }

    public BooleanProperty allConnectionsProperty() {
        return allConnections;
    }

    public BooleanProperty probeProperty() {
        return probe;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }
}
