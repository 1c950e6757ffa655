package org.socketinspector.ui.live;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import org.socketinspector.collect.ScanRequest;
import org.socketinspector.rules.Audit;
import org.socketinspector.ui.ScanService;
import org.socketinspector.ui.sockets.SocketsViewModel;

/**
 * The live view: scans this machine every {@link #PERIOD} on a background thread and shows each result in place.
 * The toggles choose the {@link ScanRequest}; a change rescans at once. A failed scan keeps the last rows and
 * shows the error until a scan succeeds again.
 */
public final class LiveViewModel {

    public static final Duration PERIOD = Duration.ofSeconds(2);

    private final ScanService service;
    private final SocketsViewModel sockets = new SocketsViewModel();
    private final BooleanProperty allConnections = new SimpleBooleanProperty(this, "allConnections");
    private final BooleanProperty probe = new SimpleBooleanProperty(this, "probe");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error");
    private ScheduledExecutorService scanner;
    private ScheduledFuture<?> periodic;
    private Executor fxThread = Runnable::run;

    public LiveViewModel(ScanService service) {
        this.service = Objects.requireNonNull(service);
        allConnections.addListener((o, was, now) -> refreshNow());
        probe.addListener((o, was, now) -> refreshNow());
    }

    /** What the toggles ask for. */
    public ScanRequest request() {
        return new ScanRequest(allConnections.get(), probe.get(), false);
    }

    /**
     * Starts scanning every {@link #PERIOD} on a daemon thread; results are handed to {@code fxThread}
     * (Platform::runLater in the GUI).
     */
    public synchronized void start(Executor fxThread) {
        if (scanner != null) {
            return;
        }
        this.fxThread = fxThread;
        scanner = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "live-scan");
            t.setDaemon(true);
            return t;
        });
        periodic = scanner.scheduleWithFixedDelay(this::scanOnce, 0, PERIOD.toMillis(), TimeUnit.MILLISECONDS);
    }

    public synchronized void stop() {
        if (scanner != null) {
            periodic.cancel(false);
            scanner.shutdownNow();
            scanner = null;
        }
    }

    public synchronized boolean isRunning() {
        return scanner != null;
    }

    /** Scans now (on the scan thread when running; otherwise not at all, tests call {@link #scanOnce}). */
    public synchronized void refreshNow() {
        if (scanner != null) {
            scanner.execute(this::scanOnce);
        }
    }

    /**
     * One scan on the calling thread, its result handed to the FX thread. A result for toggles the user has
     * changed meanwhile is dropped, so the table never flickers back to the old request.
     */
    public void scanOnce() {
        ScanRequest asked = request();
        try {
            Audit audit = service.scan(asked);
            fxThread.execute(() -> {
                if (asked.equals(request())) {
                    show(audit);
                }
            });
        } catch (Exception | LinkageError e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            fxThread.execute(() -> failed(message));
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
