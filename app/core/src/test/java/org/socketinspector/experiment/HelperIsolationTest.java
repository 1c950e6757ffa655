package org.socketinspector.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.socketinspector.model.Family;
import org.socketinspector.model.Protocol;
import org.socketinspector.model.SocketOption;
import org.socketinspector.sockets.NativeSockets;
import org.socketinspector.testing.RootTest;

/**
 * Issue 18, defect 5: a helper under another uid belongs to nobody but its parent. The attacks are mounted as uid
 * 65534 against a helper of uid 65534 started by a root parent that holds secrets in its environment.
 */
@EnabledOnOs(OS.LINUX)
class HelperIsolationTest {

    private static final String SECRET = "si-test-secret-7f3a9c";
    private static final String[] AS_NOBODY = {"setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"};

    @Test
    void aHelperGetsOnlyThePathAndTheLocaleOfItsParentsEnvironment() {
        Map<String, String> env = HelperLauncher.environment(Map.of("PATH", "/usr/bin:/bin", "LANG", "C.UTF-8",
                "AWS_SECRET_ACCESS_KEY", SECRET, "PGPASSWORD", SECRET, "JAVA_TOOL_OPTIONS", "-javaagent:/tmp/x.jar",
                "LD_PRELOAD", "/tmp/x.so", "LC_ALL", "C\nX=1"));
        assertThat(env).containsExactlyInAnyOrderEntriesOf(Map.of("PATH", "/usr/bin:/bin", "LANG", "C.UTF-8"));
    }

    @RootTest
    @Test
    void itsUidCanNeitherReadItsEnvironmentNorAttachToIt() throws Exception {
        Assumptions.assumeTrue(ThisMachine.SELF_UID == 0, "needs root to start a helper as uid 65534");
        Process holder = holder();
        try {
            long pid = helperPid(holder);
            Path proc = Path.of("/proc", Long.toString(pid));
            assertThat(Files.readString(proc.resolve("status"))).as("the helper runs as uid 65534")
                    .containsPattern("(?m)^Uid:\\s+65534\\s+65534\\s+65534\\s+65534$");
            String environ = new String(Files.readAllBytes(proc.resolve("environ")), StandardCharsets.ISO_8859_1);
            assertThat(environ).as("root reads the helper's environment: none of the parent's secrets")
                    .doesNotContain(SECRET).doesNotContain("PGPASSWORD").contains("PATH=");

            Result read = asNobody("cat", proc.resolve("environ").toString());
            assertThat(read.exit()).as("uid 65534 reading /proc/%d/environ: %s", pid, read.output()).isNotZero();
            assertThat(read.output()).contains("Permission denied").doesNotContain("PATH=");

            Result mem = asNobody("cat", proc.resolve("mem").toString());
            assertThat(mem.output()).as("opening /proc/PID/mem needs ptrace access (exit %d)", mem.exit())
                    .contains("Permission denied");

            Path python = Path.of("/usr/bin/python3");
            if (Files.isExecutable(python)) {
                Result attach = asNobody(python.toString(), "-c", "import ctypes,sys\n"
                        + "libc = ctypes.CDLL(None, use_errno=True)\n"
                        + "r = libc.ptrace(16, int(sys.argv[1]), None, None)\n" // PTRACE_ATTACH
                        + "print('attach', r, ctypes.get_errno())", Long.toString(pid));
                assertThat(attach.output()).as("PTRACE_ATTACH as uid 65534").contains("attach -1 1"); // EPERM
            } else {
                System.out.println("HelperIsolationTest: no /usr/bin/python3, PTRACE_ATTACH itself not tried"
                        + " (the /proc/PID/mem open above makes the same ptrace access check)");
            }
            assertThat(Files.readString(proc.resolve("status"))).as("nobody traces it")
                    .containsPattern("(?m)^TracerPid:\\s+0$");
        } finally {
            holder.getOutputStream().close();
            if (!holder.waitFor(30, TimeUnit.SECONDS)) {
                holder.destroyForcibly();
            }
        }
    }

    @Test
    void aHelperThatNeverSaysReadyIsEndedByPidAtTheRunsDeadline() throws Exception {
        // A process that never writes "ready", as a helper stopped before it does.
        Process silent = new ProcessBuilder("sleep", "600").start();
        HelperLauncher launcher = new HelperLauncher(ThisMachine.PLATFORM.processes());
        CancelToken deadline = new CancelToken().withDeadline(Duration.ofSeconds(1));
        long started = System.nanoTime();
        assertThatThrownBy(() -> new HelperSide(silent, launcher, deadline))
                .isInstanceOf(CancelToken.CancelledException.class)
                .hasMessage("stopped: the experiment reached its time limit (helper " + silent.pid()
                        + " had not said ready; ended it)");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(4));
        assertThat(silent.isAlive()).as("ended by PID").isFalse();
    }

    @RootTest
    @Test
    void aProbeWhoseHelperIsStoppedBeforeReadyEndsWithinItsLimitInOneLine() throws Exception {
        Assumptions.assumeTrue(ThisMachine.SELF_UID == 0, "needs root to probe as uid 65534");
        NativeSockets sockets = ThisMachine.PLATFORM.sockets();
        long listener = sockets.open(Protocol.TCP, Family.IPV4);
        AtomicBoolean watching = new AtomicBoolean(true);
        AtomicLong stopped = new AtomicLong(-1);
        Thread stopper = new Thread(() -> {
            // SIGSTOP each helper of this process as soon as it exists, long before its JVM can say "ready".
            while (watching.get()) {
                for (long pid : HelperLauncher.livePids()) {
                    if (stopped.compareAndSet(-1, pid)) {
                        ProcessHandle.of(pid).ifPresent(p -> run("kill", "-STOP", Long.toString(pid)));
                    }
                }
                Thread.onSpinWait();
            }
        }, "sigstop-helpers");
        try {
            sockets.bind(listener, "127.0.0.1", 0);
            sockets.listen(listener, 8);
            int port = sockets.localPort(listener);
            stopper.start();
            int limit = 4;
            LiveProbe probe = new LiveProbe(sockets, new HelperLauncher(ThisMachine.PLATFORM.processes()));
            ProbeRequest request = new ProbeRequest(Protocol.TCP, "127.0.0.1", port, null, Set.of(SocketOption.REUSEADDR),
                    65534, false, null, null);
            long started = System.nanoTime();
            assertThatThrownBy(() -> probe.run(request, new CancelToken().withDeadline(Duration.ofSeconds(limit))))
                    .isInstanceOf(ExperimentException.class)
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n")
                            .startsWith("stopped: the experiment reached its time limit (helper " + stopped.get() + " had not"));
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertThat(took).as("the probe ends at its limit (%d s), plus the kill", limit)
                    .isLessThan(Duration.ofSeconds(limit + 3));
            assertThat(stopped.get()).as("a helper was stopped").isPositive();
            assertThat(ProcessHandle.of(stopped.get()).map(ProcessHandle::isAlive).orElse(false))
                    .as("the stopped helper was ended by PID").isFalse();
        } finally {
            watching.set(false);
            stopper.join(5000);
            sockets.close(listener);
        }
        assertThat(HelperLauncher.livePids()).isEmpty();
    }

    private record Result(int exit, String output) {
    }

    private static Result asNobody(String... command) throws Exception {
        List<String> all = new ArrayList<>(List.of(AS_NOBODY));
        all.addAll(List.of(command));
        return run(all.toArray(String[]::new));
    }

    private static Result run(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> {
                try {
                    return new String(p.getInputStream().readNBytes(64 * 1024), StandardCharsets.ISO_8859_1);
                } catch (IOException e) {
                    return e.toString();
                }
            });
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
            return new Result(p.exitValue(), output.get(30, TimeUnit.SECONDS));
        } catch (Exception e) {
            throw new IllegalStateException(String.join(" ", command), e);
        }
    }

    /** A root JVM with secrets in its environment that starts a helper as uid 65534. */
    private static Process holder() throws IOException {
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), HelperHolder.class.getName(), "65534")
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        pb.environment().put("AWS_SECRET_ACCESS_KEY", SECRET);
        pb.environment().put("PGPASSWORD", SECRET);
        return pb.start();
    }

    private static long helperPid(Process holder) throws Exception {
        BufferedReader lines = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.US_ASCII));
        String line = CompletableFuture.supplyAsync(() -> {
            try {
                return lines.readLine();
            } catch (IOException e) {
                return null;
            }
        }).get(90, TimeUnit.SECONDS);
        assertThat(line).startsWith("helper ");
        return Long.parseLong(line.substring("helper ".length()));
    }
}
