package org.socketinspector.ui.live;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import org.socketinspector.collect.ScanRequest;
import org.socketinspector.error.InspectorException;
import org.socketinspector.rules.Audit;
import org.socketinspector.ui.common.Failures;
import org.socketinspector.ui.sockets.SocketsViewModel;

/**
 * The live view: scans this machine every {@link #PERIOD} on the GUI's background executor and shows each result in
 * place. One scan at a time (a refresh asked for during a scan waits for it).
 * The toggles choose the {@link ScanRequest}; a change rescans at once. A failed scan keeps the last rows and
 * shows the error until a scan succeeds again.
 */
public final class LiveViewModel {

    public static final Duration PERIOD = Duration.ofSeconds(2);

    private final ScanService service;
    private final ScheduledExecutorService background;
    private final Object scanning = new Object();
    private String lastFailure;
    private final SocketsViewModel sockets = new SocketsViewModel();
    private final BooleanProperty allConnections = new SimpleBooleanProperty(this, "allConnections");
    private final BooleanProperty probe = new SimpleBooleanProperty(this, "probe");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error");
    private ScheduledFuture<?> periodic;
    private Executor fxThread = Runnable::run;

    /** @param background where scans run (the GUI's one background executor) */
    public LiveViewModel(ScanService service, ScheduledExecutorService background) {
        this.service = Objects.requireNonNull(service);
        this.background = Objects.requireNonNull(background);
        allConnections.addListener((o, was, now) -> refreshNow());
        probe.addListener((o, was, now) -> refreshNow());
    }

    /** What the toggles ask for. */
    public ScanRequest request() {
        return new ScanRequest(allConnections.get(), probe.get(), false);
    }

    /**
     * Starts scanning every {@link #PERIOD} in the background; results are handed to {@code fxThread}
     * (Platform::runLater in the GUI).
     */
    public synchronized void start(Executor fxThread) {
        if (periodic != null) {
            return;
        }
        this.fxThread = fxThread;
        periodic = background.scheduleWithFixedDelay(this::scanOnce, 0, PERIOD.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Stops the periodic scan (a scan already running finishes; the executor is the application's). */
    public synchronized void stop() {
        if (periodic != null) {
            periodic.cancel(false);
            periodic = null;
        }
    }

    public synchronized boolean isRunning() {
        return periodic != null;
    }

    /** Scans now, in the background, when running; otherwise not at all (tests call {@link #scanOnce}). */
    public synchronized void refreshNow() {
        if (periodic != null) {
            background.execute(this::scanOnce);
        }
    }

    /**
     * One scan on the calling thread, its result handed to the FX thread. A result for toggles the user has
     * changed meanwhile is dropped, so the table never flickers back to the old request.
     */
    public void scanOnce() {
        synchronized (scanning) {
            ScanRequest asked = request();
            try {
                Audit audit = service.scan(asked);
                lastFailure = null;
                fxThread.execute(() -> {
                    if (asked.equals(request())) {
                        show(audit);
                    }
                });
            } catch (Exception | LinkageError e) {
                // The top of a scheduled task: whatever escaped would silently end the periodic scan. The same
                // expected failure every 2 s is logged once.
                String message = e instanceof InspectorException && Objects.equals(e.getMessage(), lastFailure)
                        ? e.getMessage() : Failures.describe("scanning", e);
                lastFailure = e.getMessage();
                fxThread.execute(() -> failed(message));
            }
        }
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
