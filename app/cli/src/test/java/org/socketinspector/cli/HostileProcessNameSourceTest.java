package org.socketinspector.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.socketinspector.exec.CommandRunner;
import org.socketinspector.json.Json;

/**
 * Issue 18 #13, mounted live: a process (uid 65534 when we are root) names itself {@code a\ntcp LISTEN 0} (its comm,
 * which ss prints) and runs with an argv[0] of {@code a\ntcp 0 0 10.9.9.9:7 0.0.0.0:* LISTEN} (which net-tools
 * netstat prints, cut to its column). Each text source used to exit 1 for everyone. Now every source reads: the
 * real sockets are there, the broken line is joined (ss) or skipped and named (netstat), and the fake row is no
 * socket.
 */
class HostileProcessNameSourceTest {

    private static final String COMM = "a\ntcp LISTEN 0";
    private static final String ARGV0 = "a\ntcp 0 0 10.9.9.9:7 0.0.0.0:* LISTEN";
    private static Process evil;
    private static int port;
    private static boolean asNobody;

    @BeforeAll
    static void startTheHostileProcess() throws Exception {
        assumeTrue(System.getProperty("os.name").startsWith("Linux"), "ss and net-tools are Linux tools");
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/python3")), "needs /usr/bin/python3 to name a process");
        asNobody = (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid") == 0 && CommandRunner.onPath("setpriv");
        String script = "import ctypes,socket,sys\n"
                + "ctypes.CDLL(None).prctl(15, b'" + COMM.replace("\n", "\\n") + "', 0, 0, 0)\n"
                + "s=socket.socket(); s.bind(('127.0.0.1',0)); s.listen()\n"
                + "print(s.getsockname()[1], flush=True); sys.stdin.read()\n";
        List<String> command = new ArrayList<>();
        if (asNobody) {
            command.addAll(List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"));
        }
        command.addAll(List.of("/bin/bash", "-c", "exec -a \"$0\" /usr/bin/python3 -c \"$1\"", ARGV0, script));
        evil = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String line = new BufferedReader(new InputStreamReader(evil.getInputStream(), StandardCharsets.UTF_8)).readLine();
        assertThat(line).as("the hostile process's port").isNotNull().matches("\\d+");
        port = Integer.parseInt(line);
    }

    @AfterAll
    static void stopIt() throws InterruptedException {
        if (evil != null) {
            evil.destroyForcibly();
            evil.waitFor(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void ssReadsTheRowAProcessNameBrokeAsOneRow() throws IOException {
        assumeTrue(CommandRunner.onPath("ss"), "ss is not installed");
        JsonNode scan = scanJson("ss");

        JsonNode socket = ours(scan);
        assertThat(socket.path("process").path("name").asText()).isEqualTo(COMM);
        if (asNobody) {
            assertThat(socket.path("uid").asInt()).isEqualTo(65534);
        }
        assertThat(texts(scan.path("limitations")))
                .anyMatch(l -> l.matches("ss -tuanpe:\\d+: a process name with a line break in it continues on the next line.*"));
        assertNoFakeSocket(scan);
    }

    @Test
    void netstatSkipsAndNamesTheLineAProcessNameBroke() throws IOException {
        assumeTrue(CommandRunner.onPath("netstat"), "net-tools netstat is not installed");
        JsonNode scan = scanJson("netstat");

        ours(scan);
        assertThat(texts(scan.path("limitations")))
                .anyMatch(l -> l.matches("netstat -tuanpeW:\\d+: skipped: .*found \"tcp 0 0 1.*"))
                .anyMatch(l -> l.matches("1 line of netstat -tuanpeW that should have been a socket could not be read.*"));
        assertNoFakeSocket(scan);
    }

    @Test
    void crossCheckAuditAndReportReadTheTextSourcesToo() throws IOException {
        assumeTrue(CommandRunner.onPath("ss") && CommandRunner.onPath("netstat"), "needs ss and net-tools netstat");
        CliRun cross = CliRun.run("scan", "--cross-check");
        assertThat(cross.exitCode()).as(cross.err()).isZero();
        assertThat(cross.out()).contains("127.0.0.1:" + port);

        for (String source : List.of("ss", "netstat")) {
            CliRun audit = CliRun.run("audit", "--source", source, "--json", "--allow-incomplete");
            assertThat(audit.exitCode()).as(source + ": " + audit.err()).isIn(0, SocketInspectorCommand.EXIT_FINDINGS);
            assertThat(audit.err()).isEmpty();
            ours(Json.mapper().readTree(audit.out()));

            CliRun report = CliRun.run("report", "--source", source, "--format", "json", "--output", "-");
            assertThat(report.exitCode()).as(source + ": " + report.err()).isZero();
            assertThat(report.out()).containsPattern("\"localPort\"\\s*:\\s*" + port + "\\b");
        }
    }

    private static JsonNode scanJson(String source) throws IOException {
        CliRun run = CliRun.run("scan", "--source", source, "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        return Json.mapper().readTree(run.out());
    }

    /** The hostile process's real listener. */
    private static JsonNode ours(JsonNode scan) {
        return StreamSupport.stream(scan.path("sockets").spliterator(), false)
                .filter(s -> s.path("localPort").asInt() == port && "127.0.0.1".equals(s.path("localAddress").asText()))
                .findFirst().orElseThrow(() -> new AssertionError("no 127.0.0.1:" + port + " in " + scan.path("sockets")));
    }

    private static void assertNoFakeSocket(JsonNode scan) {
        assertThat(StreamSupport.stream(scan.path("sockets").spliterator(), false))
                .noneMatch(s -> s.path("localAddress").asText().startsWith("10.9"))
                .allMatch(s -> s.path("localPort").isInt());
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
