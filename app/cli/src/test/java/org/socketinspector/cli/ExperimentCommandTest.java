package org.socketinspector.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.socketinspector.collect.Platform;
import org.socketinspector.experiment.HelperLauncher;
import org.socketinspector.experiment.Users;
import org.socketinspector.json.Json;
import org.socketinspector.model.Family;
import org.socketinspector.model.Protocol;
import org.socketinspector.sockets.NativeSockets;
import org.socketinspector.model.SocketOption;
import org.socketinspector.store.HistoryFilter;
import org.socketinspector.store.HistoryStore;
import org.socketinspector.store.Page;
import org.socketinspector.history.RunSummary;
import picocli.CommandLine;

/** The experiment commands as a user runs them: confirmation, JSON, exit codes, every run stored. */
@EnabledOnOs(OS.LINUX)
class ExperimentCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cl = SocketInspectorCommand.commandLine(CliRun.PLATFORM);
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return cl.execute(args);
    }

    private long storedExperiments() {
        try (HistoryStore history = HistoryStore.open(dir.resolve("h.db"))) {
            return history.list(HistoryFilter.experiments(), Page.FIRST).size();
        }
    }

    /** A SO_REUSEPORT listener of this process on 127.0.0.1, a port the kernel chose. */
    private static long reuseportListener(NativeSockets sockets) throws Exception {
        long listener = sockets.open(Protocol.TCP, Family.IPV4);
        sockets.setOption(listener, SocketOption.REUSEPORT, true);
        sockets.bind(listener, "127.0.0.1", 0);
        sockets.listen(listener, 4);
        return listener;
    }

    @Test
    void probeNeedsYesThenRunsAndIsStored() throws Exception {
        NativeSockets sockets = CliRun.PLATFORM.sockets();
        long listener = reuseportListener(sockets);
        try {
            String port = Integer.toString(sockets.localPort(listener));
            String db = dir.resolve("h.db").toString();

            assertThat(run("experiment", "probe", "--address", "127.0.0.1", "--port", port, "--option", "reuseport",
                    "--db", db)).isEqualTo(SocketInspectorCommand.EXIT_USAGE);
            assertThat(err.toString()).contains("binds the live port 127.0.0.1:" + port).contains("--yes");

            assertThat(run("experiment", "probe", "--address", "127.0.0.1", "--port", port, "--option", "reuseport",
                    "--victim-options", "reuseport", "--victim-user", "root", "--yes", "--db", db)).isZero();
            assertThat(out.toString()).contains("confirms LINUX-REUSEPORT-GROUP").contains("stored as E");
            assertThat(storedExperiments()).isEqualTo(1);
        } finally {
            sockets.close(listener);
        }
    }

    @Test
    void aProbeReadsTheListenersOwnerAndOptionsFromALiveScan() throws Exception {
        NativeSockets sockets = CliRun.PLATFORM.sockets();
        long listener = reuseportListener(sockets);
        try {
            String port = Integer.toString(sockets.localPort(listener));
            int self = CliRun.PLATFORM.processes().effectiveUid();

            assertThat(run("experiment", "probe", "--address", "127.0.0.1", "--port", port, "--option", "reuseport",
                    "--as-user", "owner", "--yes", "--json", "--db", dir.resolve("h.db").toString())).isZero();
            JsonNode record = Json.mapper().readTree(out.toString());
            assertThat(record.path("probeUid").asInt()).as("owner: this process's uid").isEqualTo(self);
            assertThat(record.path("request").path("victimUser").asText()).isEqualTo(Users.name(self));
            assertThat(record.path("request").path("victimOptions").toString()).containsIgnoringCase("reuseport");
            assertThat(record.path("prediction").path("outcome").asText()).isEqualTo("shares");
            assertThat(record.path("agrees").asBoolean()).isTrue();
            assertThat(sockets.isListening(listener)).as("the service keeps listening").isTrue();
        } finally {
            sockets.close(listener);
        }
        assertThat(run("experiment", "probe", "--address", "127.0.0.1", "--port", "1", "--as-user", "owner", "--yes",
                "--db", dir.resolve("h.db").toString())).isEqualTo(SocketInspectorCommand.EXIT_USAGE);
        assertThat(err.toString()).contains("no tcp listener on 127.0.0.1 port 1")
                .contains("--as-user owner: the listener's owner is not known");
    }

    @Test
    void replayPresetAsJsonIsStoredWithItsTimeline() throws Exception {
        String db = dir.resolve("h.db").toString();
        assertThat(run("experiment", "replay", "--preset", "plain-control", "--count", "3", "--json", "--db", db)).isZero();
        JsonNode json = Json.mapper().readTree(out.toString());
        assertThat(json.get("kind").asText()).isEqualTo("replay");
        assertThat(json.at("/result/observed").asText()).isEqualTo("refused");
        assertThat(json.at("/result/toAttacker").asInt()).isZero();
        assertThat(json.get("agrees").asBoolean()).isTrue();
        assertThat(json.at("/result/timeline")).isNotEmpty();
        assertThat(err.toString()).contains("stored as E");
        try (HistoryStore history = HistoryStore.open(dir.resolve("h.db"))) {
            String stored = history.json(history.list(HistoryFilter.experiments(), Page.FIRST).get(0).id()).orElseThrow();
            assertThat(Json.mapper().readTree(stored).at("/result/timeline")).isEqualTo(json.at("/result/timeline"));
        }
    }

    @Test
    void replayRemediatedShowsTheFixWorkAndIsStored() throws Exception {
        String db = dir.resolve("h.db").toString();
        assertThat(run("experiment", "replay", "--preset", "linux-reuseport-share", "--remediated", "--count", "5",
                "--db", db)).isZero();
        assertThat(out.toString()).contains("remediated (the listener drops SO_REUSEPORT)")
                .contains("attacker's bind refused (EADDRINUSE); service still reached on 127.0.0.1 5/5: the fix works");
        assertThat(run("experiment", "replay", "--preset", "plain-control", "--remediated", "--db", db))
                .isEqualTo(SocketInspectorCommand.EXIT_USAGE);
        assertThat(err.toString()).contains("is a control");
    }

    @Test
    void theLowPortPresetRunsInItsOwnNamespaceBothWays() throws Exception {
        Assumptions.assumeTrue(CliRun.PLATFORM.processes().effectiveUid() == 0,
                "needs root: the preset sets a sysctl in a network namespace of its own");
        Assumptions.assumeTrue(new ProcessBuilder("ip", "netns", "list").start().waitFor() == 0,
                "needs network namespaces (ip netns)");
        String db = dir.resolve("h.db").toString();
        assertThat(run("experiment", "replay", "--preset", "linux-low-unprivileged-port-start", "--count", "3",
                "--db", db)).as(err.toString()).isZero();
        assertThat(out.toString()).contains("port 80")
                .contains("(net.ipv4.ip_unprivileged_port_start=0 there; the host's unchanged)")
                .contains("attacker took 3 of 3 connections to ::1")
                .contains("demonstrates LOW-PRIVILEGED-PORT-START (in the lab)");
        assertThat(run("experiment", "replay", "--preset", "linux-low-unprivileged-port-start", "--remediated",
                "--count", "3", "--db", db)).as(err.toString()).isZero();
        assertThat(out.toString()).contains("(net.ipv4.ip_unprivileged_port_start=1024 there; the host's unchanged)")
                .contains("attacker's bind refused (EACCES); service still reached on 127.0.0.1 3/3: the fix works");
        assertThat(storedExperiments()).isEqualTo(2);
    }

    @Test
    void aMatrixStoppedAtItsTimeLimitIsStoredPrintedAndListedAsIncomplete() throws Exception {
        int self = CliRun.PLATFORM.processes().effectiveUid();
        Assumptions.assumeTrue(self == 0 || self == Users.NOBODY,
                "the question space's users are root and nobody: another user measures no cell");
        String db = dir.resolve("h.db").toString();
        // 5 s: long enough for cells to be measured on a loaded machine, far below the 20-40 s of the whole matrix.
        CliRun matrix = CliRun.run("experiment", "matrix", "--max-seconds", "5", "--db", db);

        assertThat(matrix.exitCode()).as(matrix.err()).isEqualTo(SocketInspectorCommand.EXIT_FAILURE);
        String limit = "stopped: the experiment reached its time limit";
        assertThat(matrix.err()).contains("socket-inspector: " + limit + " (the partial run was stored)");
        assertThat(matrix.out()).contains("stopped early (" + limit + "): ").contains(" of 17760 cells measured")
                .contains(" cells: " + limit).contains("stored as E");
        assertThat(HelperLauncher.livePids()).isEmpty();
        try (HistoryStore history = HistoryStore.open(dir.resolve("h.db"))) {
            List<RunSummary> rows = history.list(HistoryFilter.experiments(), Page.FIRST);
            assertThat(rows).hasSize(1);
            assertThat(rows.get(0).endedAt()).isNull();
            JsonNode stored = Json.mapper().readTree(history.json(rows.get(0).id()).orElseThrow());
            assertThat(stored.get("stopped").asText()).isEqualTo(limit);
            int ran = stored.get("ran").asInt();
            assertThat(ran).as("cells measured in 5 s").isPositive().isLessThan(17760);
            List<JsonNode> measured = new ArrayList<>();
            stored.get("cells").forEach(c -> {
                if (!c.get("observed").isNull()) {
                    measured.add(c);
                }
            });
            assertThat(measured).hasSize(ran).allSatisfy(c -> assertThat(c.get("agrees").isBoolean()).isTrue());
        }

        CliRun list = CliRun.run("history", "list", "--db", db);
        assertThat(list.out()).contains("matrix").contains("stopped early (" + limit + ")");
        CliRun show = CliRun.run("history", "show", "E1", "--db", db);
        assertThat(show.out()).contains("ended: - (incomplete: cancelled or stopped at its time limit)")
                .contains("outcome: stopped early (" + limit + ")");
    }

    @Test
    void usageErrorsNameTheOption() {
        assertThat(run("experiment", "replay", "--preset", "nope")).isEqualTo(SocketInspectorCommand.EXIT_USAGE);
        assertThat(err.toString()).contains("--preset: unknown preset 'nope'");
        assertThat(run("experiment", "replay", "--port", "8080")).isEqualTo(SocketInspectorCommand.EXIT_USAGE);
        assertThat(err.toString()).contains("add --yes");
        assertThat(run("experiment", "replay", "--attacker-options", "exclusive")).isEqualTo(SocketInspectorCommand.EXIT_USAGE);
        assertThat(err.toString()).contains("'--attacker-options' (OPTION): unknown option 'exclusive'");
        assertThat(run("experiment", "replay", "--preset", "plain-control", "--count", "5000", "--db",
                dir.resolve("h.db").toString())).isEqualTo(SocketInspectorCommand.EXIT_USAGE);
        assertThat(err.toString()).contains("'--count'")
                .contains("expected a count, a whole number from 1 to 1000 but was '5000'");
        assertThat(run("experiment", "replay", "--preset", "plain-control", "--max-seconds", "9999", "--db",
                dir.resolve("h.db").toString())).isEqualTo(SocketInspectorCommand.EXIT_USAGE);
        assertThat(err.toString()).contains("'--max-seconds': expected seconds, a whole number from 1 to 600");
        assertThat(storedExperiments()).as("nothing ran").isZero();
    }

    @Test
    void listsPresets() {
        assertThat(run("experiment", "replay", "--list-presets")).isZero();
        assertThat(out.toString()).contains("linux-reuseport-share (linux)").contains("windows-reuseaddr-shared (windows)");
    }
}
