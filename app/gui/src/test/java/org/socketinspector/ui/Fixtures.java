package org.socketinspector.ui;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.socketinspector.json.ScanJson;
import org.socketinspector.model.Family;
import org.socketinspector.model.HostInfo;
import org.socketinspector.model.ProcessInfo;
import org.socketinspector.model.Protocol;
import org.socketinspector.model.Scan;
import org.socketinspector.model.SocketOptions;
import org.socketinspector.model.SocketRecord;
import org.socketinspector.model.ToolInfo;
import org.socketinspector.rules.Audit;
import org.socketinspector.ui.common.UiThreads;

/** Scans for GUI tests: the lab audit JSON (a realistic host with findings) and generated scans of any size. */
public final class Fixtures {

    private Fixtures() {
    }

    /** The audit in src/test/resources/org/socketinspector/ui/lab-audit.json, read through the JSON contract. */
    public static Audit labAudit() {
        try (InputStream in = Fixtures.class.getResourceAsStream("lab-audit.json")) {
            return ScanJson.read(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException | ScanJson.InvalidJsonException e) {
            throw new IllegalStateException("lab-audit.json: " + e.getMessage(), e);
        }
    }

    /** The tests' platform, as GuiMain makes it: one for the whole test run. */
    public static final org.socketinspector.collect.Platform PLATFORM = org.socketinspector.collect.Platform.forThisMachine();
    /** The GUI's threads in the tests, as GuiMain makes them: one daemon pool for the whole test run. */
    public static final UiThreads THREADS = new UiThreads(UiThreads.pool("test-background"),
            javafx.application.Platform::runLater);
    /** Waits up to 15 s for {@code condition} (polled, checked on the FX thread); fails naming {@code what}. */
    public static void waitUntil(String what, java.util.function.BooleanSupplier condition) {
        try {
            org.testfx.util.WaitForAsyncUtils.waitFor(15, java.util.concurrent.TimeUnit.SECONDS, () -> {
                java.util.concurrent.CompletableFuture<Boolean> met = new java.util.concurrent.CompletableFuture<>();
                javafx.application.Platform.runLater(() -> met.complete(condition.getAsBoolean()));
                return met.get();
            });
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("no " + what + " within 15 s", e);
        }
    }

    /** The effective uid the tests run as. */
    public static final int SELF_UID = PLATFORM.processes().effectiveUid();

    /** This machine's regime, as the GUI's services name it. */
    public static final org.socketinspector.semantics.OsFamily HOST_OS = org.socketinspector.semantics.OsFamily.of(PLATFORM.os());

    /** The real lab replay (helpers on loopback), as the application runs it. */
    public static org.socketinspector.ui.experiments.ReplayRunner realReplays() {
        return (request, cancel, progress) -> new org.socketinspector.experiment.LabReplay(
                PLATFORM.sockets(), PLATFORM.processes()).run(request, cancel, progress);
    }

    /** The real probe of a live port, as the application runs it. */
    public static org.socketinspector.ui.experiments.ProbeRunner realProbes() {
        return (request, cancel) -> new org.socketinspector.experiment.LiveProbe(
                PLATFORM.sockets(), PLATFORM.processes()).run(request, cancel);
    }

    /** The real bind matrix with this OS's model, over {@code space} (a slice keeps a test short). */
    public static org.socketinspector.ui.experiments.MatrixRunner realMatrix(
            List<org.socketinspector.semantics.BindQuestion> space) {
        return org.socketinspector.ui.experiments.MatrixRunner.of(PLATFORM.sockets(), PLATFORM.processes(), space, org.socketinspector.semantics.BindSemantics
                .forOs(HOST_OS));
    }

    /** A scan of {@code count} TCP listeners on 127.0.0.1 ports 10000.., owned by pid 5000 + i, in state {@code state}. */
    public static Audit listeners(int count, String state) {
        List<SocketRecord> sockets = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            sockets.add(listener(10000 + i, 5000 + i, state));
        }
        return new Audit(scan(sockets), List.of());
    }

    public static SocketRecord listener(int port, int pid, String state) {
        return new SocketRecord(Protocol.TCP, Family.IPV4, "127.0.0.1", port, null, null, state, null, pid,
                new ProcessInfo("svc" + pid, "/usr/bin/svc", "svc --port " + port, "alice", 1000, List.of()),
                1000, (long) (900000 + port), new SocketOptions(false, false, null, null), null);
    }

    public static Scan scan(List<SocketRecord> sockets) {
        return new Scan(Scan.SCHEMA, ToolInfo.current(), new HostInfo("test-host", "linux", "6.1", 1024, false),
                Instant.parse("2026-11-25T12:00:00Z"), true, List.of("netlink"), List.of(), sockets);
    }
}
