package org.socketinspector.wine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.socketinspector.testing.WineTest;

/**
 * The Windows code for real: a Windows Java runtime (Temurin 21, Maven Central) under Wine, through .ci/wine-java.
 * One JVM launch runs every Windows live test class (collector, Winsock, job objects, the experiments); one more runs
 * the command line's {@code scan --json} with no extra flags. Skipped when Wine or the runtime cannot be had; this
 * test never installs Wine (.ci/run does, as root). Costs: docs/windows.md, "Running on Wine".
 */
@WineTest
@EnabledOnOs(value = OS.LINUX, disabledReason = "runs the Windows JVM under Wine from Linux")
class WindowsTestsOnWineTest {

    /** The Windows live test classes; each must pass at least one test under Wine. */
    static final List<String> LIVE_TESTS = List.of(
            "org.socketinspector.windows.WindowsRandomTest",
            "org.socketinspector.windows.WindowsLiveScanTest",
            "org.socketinspector.sockets.windows.WinsockSocketsLiveTest",
            "org.socketinspector.nativeio.windows.WindowsProcessControlLiveTest",
            "org.socketinspector.experiment.WindowsExperimentsLiveTest");

    private static Path script;
    private static Path nativeBridgeTests;
    private static Path logs;

    @BeforeAll
    static void windowsRuntimeUnderWine() throws Exception {
        Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        while (dir != null && !Files.isExecutable(dir.resolve(".ci/wine-java"))) {
            dir = dir.getParent();
        }
        Assumptions.assumeTrue(dir != null, "no .ci/wine-java above " + System.getProperty("user.dir"));
        script = dir.resolve(".ci/wine-java");
        // native-bridge's Windows live tests, by path: a test-jar dependency would break `package -Dmaven.test.skip`.
        nativeBridgeTests = dir.resolve("native-bridge/target/test-classes");
        Assumptions.assumeTrue(Files.isDirectory(nativeBridgeTests.resolve("org/socketinspector/windows")),
                "native-bridge's test classes are not built (" + nativeBridgeTests + ")");
        logs = Path.of("target", "wine").toAbsolutePath();
        Files.createDirectories(logs);
        Process setup = command("--setup").redirectErrorStream(true).redirectOutput(logs.resolve("setup.log").toFile())
                .start();
        Assumptions.assumeTrue(setup.waitFor(10, TimeUnit.MINUTES), "wine-java --setup took over 10 minutes");
        Assumptions.assumeTrue(setup.exitValue() == 0,
                () -> "no Windows Java runtime under Wine: " + read(logs.resolve("setup.log")).strip());
    }

    @AfterAll
    static void endEveryWineProcess() throws Exception {
        if (script != null) {
            command("--stop").start().waitFor(60, TimeUnit.SECONDS);
        }
    }

    @Test
    void theWindowsLiveTestsPassOnTheWindowsRuntime() throws Exception {
        List<String> args = new ArrayList<>(List.of("-cp", windowsClasspath(), "-Dfile.encoding=UTF-8",
                "-Dstdout.encoding=UTF-8", WindowsTestsMain.class.getName()));
        args.addAll(LIVE_TESTS);
        Run run = run(args, "live-tests", 25);

        for (String test : LIVE_TESTS) {
            String line = run.lines().stream().filter(l -> l.startsWith("wine-tests: " + test + " ")).findFirst()
                    .orElseThrow(() -> new AssertionError(test + " did not run:\n" + run.tail()));
            assertThat(line).as(run.tail()).contains("failed=0").doesNotContain("passed=0 ");
        }
        assertThat(run.exit()).as(run.tail()).isZero();
    }

    @Test
    void scanJsonWithNoExtraFlagsListsAListenerOfThisLinuxProcess() throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            Run run = run(List.of("-cp", windowsClasspath(), "org.socketinspector.cli.CliMain", "scan", "--json"),
                    "scan-json", 5);
            assertThat(run.exit()).as(run.tail()).isZero();

            JsonNode scan = new ObjectMapper().readTree(run.stdout());
            assertThat(scan.path("host").path("os").asText()).isEqualTo("windows");
            assertThat(texts(scan.path("sources"))).contains("iphlpapi", "wine");
            JsonNode mine = StreamSupport.stream(scan.path("sockets").spliterator(), false)
                    .filter(s -> s.path("localPort").asInt() == listener.getLocalPort())
                    .findFirst().orElseThrow(() -> new AssertionError("port " + listener.getLocalPort()
                            + " not in the Windows scan:\n" + run.stdout()));
            // Linux's Java listens on a dual-stack IPv6 socket: Wine lists it in the IPv6 table, IPv4-mapped.
            assertThat(mine.path("localAddress").asText()).isIn("127.0.0.1", "::ffff:127.0.0.1");
            assertThat(mine.path("state").asText()).isEqualTo("LISTEN");
            // A Linux process's socket: Wine reports pid 0, which under Wine means "owner unknown".
            assertThat(mine.path("pid").isNull()).as(mine.toString()).isTrue();
            assertThat(texts(scan.path("limitations"))).anyMatch(l -> l.startsWith("owner unknown for "));
        }
    }

    private static List<String> texts(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }

    /** This JVM's test classpath and native-bridge's test classes as Windows paths (Wine maps / to Z:); jars and class folders are portable. */
    private static String windowsClasspath() {
        return Stream.concat(Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator)),
                        Stream.of(nativeBridgeTests.toString()))
                .filter(e -> !e.isBlank())
                .map(e -> "Z:" + Path.of(e).toAbsolutePath().toString().replace('/', '\\'))
                .collect(Collectors.joining(";"));
    }

    private record Run(int exit, String stdout, String stderr) {
        List<String> lines() {
            return stdout.lines().toList();
        }

        String tail() {
            List<String> all = (stdout + "\n" + stderr).lines()
                    .filter(l -> !l.contains("process group affinity")).toList();
            return String.join("\n", all.subList(Math.max(0, all.size() - 60), all.size()));
        }
    }

    private static Run run(List<String> javaArgs, String name, int minutes) throws Exception {
        Path out = logs.resolve(name + ".out");
        Path err = logs.resolve(name + ".err");
        // A crash report goes to target/wine, not into the module folder.
        List<String> cmd = new ArrayList<>(List.of(script.toString(), "-XX:ErrorFile=" + logs.resolve("hs_err_%p.log")));
        cmd.addAll(javaArgs);
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(minutes, TimeUnit.MINUTES)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            throw new AssertionError(name + " under Wine took over " + minutes + " minutes:\n" + read(out));
        }
        return new Run(p.exitValue(), read(out), read(err));
    }

    private static ProcessBuilder command(String option) {
        ProcessBuilder pb = new ProcessBuilder(script.toString(), option);
        pb.environment().put("SI_WINE_NO_INSTALL", "1");
        return pb;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(" + file + " unreadable: " + e.getMessage() + ")";
        }
    }
}
