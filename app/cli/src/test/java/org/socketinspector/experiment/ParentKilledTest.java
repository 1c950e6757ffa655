package org.socketinspector.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.socketinspector.testing.RootTest;

/**
 * kill -9 of the application mid-experiment: its helpers (one of them another uid) die with it and nothing of
 * the experiment stays bound (polled for up to 20 s: the kernel does it at once, a loaded machine shows it late).
 * Ctrl-C (SIGTERM here) stores the partial run and ends the helpers.
 */
@EnabledOnOs(OS.LINUX)
@RootTest
class ParentKilledTest {

    @TempDir
    Path dir;

    @Test
    void helpersDieWithTheirParentAndLeaveNoSocket() throws Exception {
        Assumptions.assumeTrue(ThisMachine.PLATFORM.processes().effectiveUid() == 0, "needs root: the attacker helper runs as uid 65534");
        int port = FreePorts.udp();
        // A replay that takes long: each datagram goes to 127.0.0.2, where nobody listens, and is waited for.
        Process app = startLongReplay(port);
        try {
            List<ProcessHandle> helpers = awaitHelpersBound(app, port);

            app.toHandle().destroyForcibly(); // SIGKILL: no shutdown hook runs
            app.waitFor();
            // The kernel ends the helpers (PR_SET_PDEATHSIG) and closes their sockets; without it they would live on.
            awaitGone(helpers, port);

            assertThat(helpers).noneMatch(ProcessHandle::isAlive);
            assertThat(boundSockets(port)).as("sockets on port " + port + " 20 s after kill -9").isZero();
        } finally {
            app.descendants().forEach(ProcessHandle::destroyForcibly);
            app.destroyForcibly();
        }
    }

    @Test
    void ctrlCCancelsStoresThePartialRunAndEndsTheHelpers() throws Exception {
        Assumptions.assumeTrue(ThisMachine.PLATFORM.processes().effectiveUid() == 0, "needs root: the attacker helper runs as uid 65534");
        int port = FreePorts.udp();
        Process app = startLongReplay(port);
        try {
            List<ProcessHandle> helpers = awaitHelpersBound(app, port);
            app.toHandle().destroy(); // SIGTERM: the JVM runs its shutdown hooks, as on Ctrl-C (SIGINT)
            assertThat(app.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue(); // the hook waits up to 30 s
            awaitGone(helpers, port);
            assertThat(helpers).noneMatch(ProcessHandle::isAlive);
            assertThat(boundSockets(port)).isZero();
            try (org.socketinspector.store.HistoryStore history =
                         org.socketinspector.store.HistoryStore.open(dir.resolve("h.db"))) {
                var runs = history.list(org.socketinspector.store.HistoryFilter.experiments(),
                        org.socketinspector.store.Page.FIRST);
                assertThat(runs).hasSize(1);
                assertThat(history.json(runs.get(0).id()).orElseThrow()).contains("cancelled: Ctrl-C");
            }
        } finally {
            app.descendants().forEach(ProcessHandle::destroyForcibly);
            app.destroyForcibly();
        }
    }

    @Test
    void ctrlCStoresTheCellsTheMatrixMeasuredAndEndsItsHelpers() throws Exception {
        Assumptions.assumeTrue(ThisMachine.PLATFORM.processes().effectiveUid() == 0, "needs root: the matrix's helpers run as uid 65534");
        Process app = startApp("experiment", "matrix", "--max-seconds", "60", "--db", dir.resolve("h.db").toString());
        try {
            // Helpers (uid 65534) start with the first cells that need them (seconds each on a loaded machine).
            // Every step of a cell is a command the helper answers with one write on its stdout: 1000 writes (a JVM's
            // start makes under 200; about 100 cells measured, as seen) say that cells ran, however slow the machine.
            Instant measured = Instant.now().plus(Duration.ofSeconds(120));
            while (writes(app.descendants().toList()) < 1000 && app.isAlive() && Instant.now().isBefore(measured)) {
                Thread.sleep(50);
            }
            assertThat(writes(app.descendants().toList())).as("writes of the helpers (stderr: %s)",
                    Files.readString(dir.resolve("err.txt"))).isGreaterThanOrEqualTo(1000);
            List<ProcessHandle> helpers = app.descendants().toList();

            app.toHandle().destroy(); // SIGTERM: the JVM runs its shutdown hooks, as on Ctrl-C (SIGINT)
            assertThat(app.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue(); // the hook waits up to 30 s
            awaitGone(helpers, -1);
            assertThat(helpers).noneMatch(ProcessHandle::isAlive);
            try (org.socketinspector.store.HistoryStore history =
                         org.socketinspector.store.HistoryStore.open(dir.resolve("h.db"))) {
                var runs = history.list(org.socketinspector.store.HistoryFilter.experiments(),
                        org.socketinspector.store.Page.FIRST);
                assertThat(runs).as("stored runs (stderr: %s)", Files.readString(dir.resolve("err.txt"))).hasSize(1);
                assertThat(runs.get(0).endedAt()).isNull();
                var record = org.socketinspector.json.Json.mapper().readTree(history.json(runs.get(0).id()).orElseThrow());
                assertThat(record.get("kind").asText()).isEqualTo("matrix");
                assertThat(record.get("stopped").asText()).isEqualTo("cancelled: Ctrl-C");
                assertThat(record.get("ran").asInt()).isPositive().isLessThan(record.get("cells").size());
                assertThat(record.get("agreements").asInt() + record.get("disagreements").asInt())
                        .isEqualTo(record.get("ran").asInt());
            }
        } finally {
            app.descendants().forEach(ProcessHandle::destroyForcibly);
            app.destroyForcibly();
        }
    }

    /** Waits until the victim and the attacker are bound on the port; returns the app's helper processes. */
    private List<ProcessHandle> awaitHelpersBound(Process app, int port) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90)); // 12 s seen at a load average of 18
        while (boundSockets(port) < 2 && Instant.now().isBefore(deadline) && app.isAlive()) {
            Thread.sleep(100);
        }
        assertThat(boundSockets(port)).as("victim and attacker bound (stderr: %s)", Files.readString(dir.resolve("err.txt")))
                .isEqualTo(2);
        List<ProcessHandle> helpers = app.descendants().toList();
        assertThat(helpers).hasSizeGreaterThanOrEqualTo(2);
        return helpers;
    }

    /** Polls (up to 20 s) until no helper is alive and, for a port above 0, nothing is bound on it. */
    private static void awaitGone(List<ProcessHandle> helpers, int port) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while ((helpers.stream().anyMatch(ProcessHandle::isAlive) || port > 0 && boundSockets(port) > 0)
                && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
        }
    }

    /** Write calls the processes have made so far (/proc/PID/io syscw); a process already gone counts 0. */
    private static long writes(List<ProcessHandle> processes) {
        long total = 0;
        for (ProcessHandle p : processes) {
            try {
                for (String line : Files.readAllLines(Path.of("/proc", Long.toString(p.pid()), "io"))) {
                    if (line.startsWith("syscw:")) {
                        total += Long.parseLong(line.substring("syscw:".length()).trim());
                    }
                }
            } catch (IOException gone) {
                // ended meanwhile
            }
        }
        return total;
    }

    private Process startLongReplay(int port) throws IOException {
        return startApp("experiment", "replay", "--proto", "udp", "--victim-address", "127.0.0.1", "--attacker-address",
                "::1", "--attacker-user", "nobody", "--target", "127.0.0.2", "--count", "200", "--port",
                Integer.toString(port), "--yes", "--max-seconds", "60", "--db", dir.resolve("h.db").toString());
    }

    /** The application in a JVM of its own (this test's classpath), output in out.txt and err.txt. */
    private Process startApp(String... args) throws IOException {
        List<String> command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), "org.socketinspector.cli.CliMain"));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectOutput(dir.resolve("out.txt").toFile())
                .redirectError(dir.resolve("err.txt").toFile()).start();
    }

    /**
     * UDP sockets on the port, from /proc/net/{udp,udp6} (local address column "ADDR:PORT"). The replay is UDP;
     * TCP is not counted because other programs' connections may use the same port number.
     */
    private static long boundSockets(int port) throws IOException {
        String suffix = ":" + String.format(Locale.ROOT, "%04X", port);
        long n = 0;
        for (String table : List.of("udp", "udp6")) {
            n += Files.readAllLines(Path.of("/proc/net", table)).stream().skip(1)
                    .map(line -> line.trim().split("\\s+")[1]).filter(local -> local.endsWith(suffix)).count();
        }
        return n;
    }
}
