package org.socketinspector.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.socketinspector.cli.SocketInspectorCommand;
import org.socketinspector.collect.ScanRequest;
import org.socketinspector.collect.Source;
import org.socketinspector.lesson.ReplayPreset;
import org.socketinspector.model.Family;
import org.socketinspector.model.Protocol;
import org.socketinspector.semantics.BindSemantics;
import org.socketinspector.semantics.OsFamily;
import org.socketinspector.semantics.QuestionSpace;
import org.socketinspector.sockets.NativeSocketException;
import org.socketinspector.sockets.NativeSockets;
import org.socketinspector.testing.WindowsTest;
import org.socketinspector.windows.Wine;

/**
 * The Windows experiments for real: every Windows preset replayed with helper processes, a slice of the live
 * Windows bind matrix, a replay stored in the history, and helpers ending with a killed parent. Runs in CI's Windows
 * job, and on the Windows JVM under Wine (WindowsTestsOnWineTest). Wine's bind semantics are not Windows'
 * (docs/windows.md, section 5): there these tests assert the mechanics both share (helpers, calls, every datagram
 * accounted for, helpers and sockets gone after a kill, history written) and print Wine's measured outcomes, which
 * are stored as Wine's (docs/measurements/wine-8.0-bind-matrix.md), not compared with the model of Windows.
 */
@EnabledOnOs(OS.WINDOWS)
@WindowsTest
class WindowsExperimentsLiveTest {

    private static final boolean WINE = Wine.version().isPresent();

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"windows-specific-over-wildcard", "windows-ipv4-beside-dualstack",
            "windows-go-reuseaddr-before-2307", "windows-go-after-2307", "windows-java-exclusive-off",
            "windows-exclusive-control", "windows-reuseaddr-shared", "windows-localhost-family-shadow"})
    void eachWindowsPresetAgreesWithTheModel(String preset) throws Exception {
        int self = ThisMachine.PLATFORM.processes().effectiveUid();
        ReplayResult r = new LabReplay(ThisMachine.PLATFORM.sockets(), ThisMachine.PLATFORM.processes()).run(
                ReplayRequest.of(ReplayPreset.named(preset).orElseThrow(), 10, 0, false, self), new CancelToken());
        if (WINE) {
            System.out.println("wine-replay: " + preset + " agrees=" + r.agrees() + " " + r.outcomeLine());
        } else {
            assertThat(r.agrees()).as("%s: %s", preset, r.result().timeline()).isTrue();
        }
        assertThat(r.result().toVictim() + r.result().toAttacker() + r.result().lost()).isEqualTo(r.result().attempts());
        assertThat(HelperLauncher.livePids()).isEmpty();
    }

    /**
     * The other half of issue 12 item 5 on Windows: each rule's fix applied to the victim, run live (not predicted),
     * the same attacker (same user here). Under Wine only the mechanics are asserted and the outcome printed.
     */
    @ParameterizedTest
    @ValueSource(strings = {"windows-specific-over-wildcard", "windows-java-exclusive-off",
            "windows-go-reuseaddr-before-2307", "windows-reuseaddr-shared", "windows-localhost-family-shadow"})
    void eachWindowsRulesFixStopsTheAttackLive(String preset) throws Exception {
        ReplayPreset p = ReplayPreset.named(preset).orElseThrow();
        RemedyResult fixed = new RemediatedReplay(ThisMachine.PLATFORM.sockets(), ThisMachine.PLATFORM.processes())
                .run(p, 10, new CancelToken());
        assertThat(fixed.predicted()).as("run live on Windows, not predicted").isFalse();
        assertThat(fixed.reachedBefore().keySet()).containsExactlyInAnyOrderElementsOf(p.remedy().servedBefore());
        if (WINE) {
            System.out.println("wine-remedy: " + preset + " fixed=" + fixed.fixed() + " " + fixed.outcomeLine());
        } else {
            assertThat(fixed.fixed()).as("%s: %s", preset, fixed.timeline()).isTrue();
            assertThat(fixed.attackerBindError()).as(fixed.outcomeLine()).isIn("WSAEACCES", "WSAEADDRINUSE");
        }
        assertThat(HelperLauncher.livePids()).isEmpty();
    }

    @Test
    void aSliceOfTheLiveMatrixAgrees() throws Exception {
        List<org.socketinspector.semantics.BindQuestion> slice = QuestionSpace.windowsLive(System.getProperty("user.name"))
                .subList(0, 90);
        MatrixResult m = new BindMatrix(ThisMachine.PLATFORM.sockets(), ThisMachine.PLATFORM.processes(), BindSemantics.forOs(OsFamily.WINDOWS), 6, 2)
                .run(slice, new CancelToken(), null);
        if (WINE) {
            m.cells().forEach(c -> System.out.println("wine-matrix: " + c.summary()));
        }
        assertThat(m.ran()).isEqualTo(90);
        if (WINE) {
            assertThat(m.cells()).allMatch(c -> c.observed() != null && c.skipped() == null);
        } else {
            assertThat(m.disagreeing()).as("disagreements").isEmpty();
        }
        assertThat(HelperLauncher.livePids()).isEmpty();
    }

    @Test
    void aReplayFromTheCommandLineIsStoredInTheHistory() throws Exception {
        String db = dir.resolve("history.db").toString();
        int replay = SocketInspectorCommand.run(ThisMachine.PLATFORM, "experiment", "replay", "--preset",
                "windows-exclusive-control", "--count", "3", "--db", db);
        assertThat(replay).isZero();
        assertThat(SocketInspectorCommand.run(ThisMachine.PLATFORM, "history", "show", "E1", "--db", db)).isZero();
        assertThat(HelperLauncher.livePids()).isEmpty();
    }

    @Test
    void helpersEndWhenTheApplicationIsKilled() throws Exception {
        int port = FreePorts.udp();
        // A long replay: each datagram goes to 127.0.0.2, where nobody listens, and is waited for.
        Process app = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java.exe").toString(),
                "-cp", System.getProperty("java.class.path"), "org.socketinspector.cli.CliMain",
                "experiment", "replay", "--proto", "udp", "--victim-address", "127.0.0.1", "--attacker-address", "::1",
                "--target", "127.0.0.2", "--count", "200", "--port", Integer.toString(port), "--yes",
                "--max-seconds", "60", "--db", dir.resolve("h.db").toString())
                .redirectOutput(dir.resolve("out.txt").toFile()).redirectError(dir.resolve("err.txt").toFile()).start();
        try {
            // Until both helpers are bound (seen in the UDP table, not by binding: that could take the port first).
            Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
            while ((app.descendants().count() < 2 || udpSocketsOn(port) < 2) && app.isAlive()
                    && Instant.now().isBefore(deadline)) {
                Thread.sleep(100);
            }
            assertThat(udpSocketsOn(port)).as("victim and attacker bound on port %d", port).isGreaterThanOrEqualTo(2);
            List<ProcessHandle> helpers = app.descendants().toList();
            assertThat(helpers).as("helpers (stderr: %s)", Files.readString(dir.resolve("err.txt")))
                    .hasSizeGreaterThanOrEqualTo(2);

            app.destroyForcibly(); // TerminateProcess: no shutdown hook runs; only the job object ends the helpers
            app.waitFor();
            Instant gone = Instant.now().plus(Duration.ofSeconds(20)); // at once in fact; late on a loaded machine
            while ((helpers.stream().anyMatch(ProcessHandle::isAlive) || udpSocketsOn(port) > 0)
                    && Instant.now().isBefore(gone)) {
                Thread.sleep(50);
            }

            assertThat(helpers).noneMatch(ProcessHandle::isAlive);
            assertThat(free(port, "127.0.0.1", Family.IPV4)).as("127.0.0.1 port %d is free again", port).isTrue();
            assertThat(free(port, "::1", Family.IPV6)).as("::1 port %d is free again", port).isTrue();
        } finally {
            app.descendants().forEach(ProcessHandle::destroyForcibly);
            app.destroyForcibly();
        }
    }

    /** UDP sockets on the port in the collector's table (IP Helper). */
    private static long udpSocketsOn(int port) throws Exception {
        return ThisMachine.PLATFORM.collector(Source.AUTO).collect(ScanRequest.LISTENERS).sockets().stream()
                .filter(s -> s.protocol() == Protocol.UDP && s.localPort() == port).count();
    }

    /** Whether a plain UDP socket (no reuse option) can bind the address and port: nothing else holds it. */
    private static boolean free(int port, String address, Family family) throws Exception {
        NativeSockets sockets = ThisMachine.PLATFORM.sockets();
        long s = sockets.open(Protocol.UDP, family);
        try {
            sockets.bind(s, address, port);
            return true;
        } catch (NativeSocketException e) {
            return false;
        } finally {
            sockets.close(s);
        }
    }
}
