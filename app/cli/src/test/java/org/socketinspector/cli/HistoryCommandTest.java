package org.socketinspector.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.socketinspector.testing.FakePlatform;
import org.junit.jupiter.api.io.TempDir;
import org.socketinspector.history.HistoryId;
import org.socketinspector.json.Json;
import org.socketinspector.json.ScanJson;
import org.socketinspector.model.Family;
import org.socketinspector.model.HostInfo;
import org.socketinspector.model.ProcessInfo;
import org.socketinspector.model.Protocol;
import org.socketinspector.model.Scan;
import org.socketinspector.model.SocketOptions;
import org.socketinspector.model.SocketRecord;
import org.socketinspector.model.ToolInfo;
import org.socketinspector.rules.Attacker;
import org.socketinspector.rules.Audit;
import org.socketinspector.rules.Finding;
import org.socketinspector.rules.FindingSubject;
import org.socketinspector.rules.RuleEngine;
import org.socketinspector.rules.Severity;
import org.socketinspector.store.ExperimentEntry;
import org.socketinspector.store.HistoryFilter;
import org.socketinspector.store.HistoryStore;

/** {@code history ...} and {@code scan --save} run as the command line does, against a real database file. */
class HistoryCommandTest {

    @TempDir
    Path dir;

    private Path db() {
        return dir.resolve("history.db");
    }

    private CliRun run(String... args) {
        return CliRun.run(withDb(args));
    }

    private String[] withDb(String... args) {
        String[] withDb = new String[args.length + 2];
        System.arraycopy(args, 0, withDb, 0, args.length);
        withDb[args.length] = "--db";
        withDb[args.length + 1] = db().toString();
        return withDb;
    }

    @Test
    void listOnAnEmptyHistorySaysSo() {
        CliRun r = run("history", "list");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("No stored runs in " + db());
    }

    @Test
    void listPagesAndFilters() throws Exception {
        try (HistoryStore history = HistoryStore.open(db())) {
            for (int i = 0; i < 12; i++) {
                history.saveExperiment(experiment(i % 2 == 0 ? "probe" : "replay", i, i != 5));
            }
        }

        CliRun page2 = run("history", "list", "--limit", "5", "--page", "2");
        assertThat(page2.exitCode()).isZero();
        assertThat(page2.out()).contains("E7 ", "E3 ").doesNotContain("E8 ", "E2 ")
                .contains("rows 6-10 of 12 (next: --offset 10)");

        CliRun probes = run("history", "list", "--kind", "probe", "--json");
        JsonNode json = Json.mapper().readTree(probes.out());
        assertThat(json.path("total").asInt()).isEqualTo(6);
        assertThat(json.path("runs").get(0).path("id").asText()).isEqualTo("E11");
        assertThat(json.path("runs").get(0).path("kind").asText()).isEqualTo("probe");

        CliRun disagreeing = run("history", "list", "--disagreeing");
        assertThat(disagreeing.out()).contains("E6 ").contains("rows 1-1 of 1");
    }

    @Test
    void pagingOptionsAreCheckedAsUsageErrors() {
        assertThat(run("history", "list", "--limit", "0").exitCode()).isEqualTo(SocketInspectorCommand.EXIT_USAGE);
        assertThat(run("history", "list", "--page", "1", "--offset", "3").exitCode())
                .isEqualTo(SocketInspectorCommand.EXIT_USAGE);
        assertThat(run("history", "list", "--type", "bogus").err()).contains("expected experiment or snapshot");
    }

    @Test
    void showPrintsTheSummaryAndTheTimeline() throws Exception {
        try (HistoryStore history = HistoryStore.open(db())) {
            history.saveExperiment(experiment("replay", 1, true));
        }

        CliRun r = run("history", "show", "E1");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("E1  replay  replay run 1", "agrees with the prediction: yes",
                "outcome: attacker took 0 of 2", "timeline (2 events):", "{\"at\":0,\"side\":\"victim\"}");

        CliRun json = run("history", "show", "e1", "--json");
        assertThat(Json.mapper().readTree(json.out()).path("counts").path("victim").asInt()).isEqualTo(2);
    }

    @Test
    void unknownAndMalformedIdsFailClearly() {
        CliRun unknown = run("history", "show", "E99");
        assertThat(unknown.exitCode()).isEqualTo(SocketInspectorCommand.EXIT_FAILURE);
        assertThat(unknown.err()).contains("no experiment E99 in " + db());

        CliRun malformed = run("history", "show", "12");
        assertThat(malformed.exitCode()).isEqualTo(SocketInspectorCommand.EXIT_USAGE);
        assertThat(malformed.err()).contains("E<number>");
    }

    @Test
    void deleteRemovesWithoutAskingAndRefusesUnknownIds() {
        try (HistoryStore history = HistoryStore.open(db())) {
            history.saveExperiment(experiment("probe", 1, true));
            history.saveExperiment(experiment("probe", 2, true));
        }

        CliRun deleted = run("history", "delete", "E1");
        assertThat(deleted.exitCode()).isZero();
        assertThat(deleted.out()).contains("deleted E1");

        CliRun again = run("history", "delete", "E1");
        assertThat(again.exitCode()).isEqualTo(SocketInspectorCommand.EXIT_FAILURE);
        assertThat(again.err()).contains("no experiment E1");
        CliRun wrongType = run("history", "delete", "S2");
        assertThat(wrongType.exitCode()).isEqualTo(SocketInspectorCommand.EXIT_FAILURE);
        try (HistoryStore history = HistoryStore.open(db())) {
            assertThat(history.count(HistoryFilter.ALL)).isEqualTo(1);
        }
    }

    @Test
    void diffShowsOpenedClosedAndChangedListeners() throws Exception {
        SocketRecord ssh = listener(22, 100, "sshd");
        SocketRecord web = listener(8080, 300, "java");
        SocketRecord dns = listener(53, 200, "dnsmasq");
        try (HistoryStore history = HistoryStore.open(db())) {
            history.saveSnapshot(audit(ssh, dns));
            history.saveSnapshot(audit(ssh.withOwner(101, ProcessInfo.named("sshd")), web));
            history.saveExperiment(experiment("probe", 1, true));
        }

        CliRun r = run("history", "diff", "S1", "S2");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("+ tcp 0.0.0.0:8080 pid 300 java", "- tcp 0.0.0.0:53 pid 200 dnsmasq",
                "~ tcp 0.0.0.0:22 pid 101 sshd user ? [reuseaddr]: pid 100 -> 101", "1 opened, 1 closed, 1 changed",
                "! raised   HIGH TEST-RULE tcp 0.0.0.0:8080: risk on 8080",
                "  resolved HIGH TEST-RULE tcp 0.0.0.0:53: risk on 53", "1 findings raised, 1 resolved");

        JsonNode json = Json.mapper().readTree(run("history", "diff", "S1", "S2", "--json").out());
        assertThat(json.path("opened").get(0).path("localPort").asInt()).isEqualTo(8080);
        assertThat(json.path("changed").get(0).path("fields").get(0).path("field").asText()).isEqualTo("pid");
        assertThat(json.path("raised").get(0).path("rule").asText()).isEqualTo("TEST-RULE");

        CliRun experiment = run("history", "diff", "S1", "E3");
        assertThat(experiment.exitCode()).isEqualTo(SocketInspectorCommand.EXIT_USAGE);
        assertThat(experiment.err()).contains("E3 is an experiment");
    }

    @Test
    void exportWritesTheAuditDocumentBack() throws Exception {
        Audit audit = audit(listener(22, 100, "sshd"));
        try (HistoryStore history = HistoryStore.open(db())) {
            history.saveSnapshot(audit);
        }

        CliRun r = run("history", "export", "S1", "--json");
        assertThat(r.exitCode()).isZero();
        assertThat(ScanJson.read(r.out())).isEqualTo(audit);

        Path file = dir.resolve("s1.json");
        assertThat(run("history", "export", "S1", "-o", file.toString()).exitCode()).isZero();
        assertThat(ScanJson.read(Files.readString(file))).isEqualTo(audit);
    }

    /** What --save stores is the subject, not this machine: the fake platform's known sockets. */
    @Test
    void scanSaveStoresALiveSnapshot() throws Exception {
        CliRun table = CliRun.onFake(withDb("scan", "--save"));
        assertThat(table.exitCode()).as(table.err()).isZero();
        assertThat(table.out()).contains("saved snapshot S1 to " + db());

        CliRun json = CliRun.onFake(withDb("scan", "--save", "--json"));
        assertThat(json.exitCode()).as(json.err()).isZero();
        assertThat(json.err()).contains("saved snapshot S2");
        Scan printed = ScanJson.read(json.out()).scan();
        assertThat(printed.host().name()).isEqualTo(FakePlatform.HOST);
        assertThat(printed.sockets()).hasSize(2);

        try (HistoryStore history = HistoryStore.open(db())) {
            assertThat(history.count(HistoryFilter.snapshots())).isEqualTo(2);
            Audit stored = history.snapshot(org.socketinspector.history.HistoryId.snapshot(2)).orElseThrow();
            assertThat(stored.scan()).isEqualTo(printed);
            assertThat(stored.findings()).isEqualTo(RuleEngine.audit(printed).findings());
        }
        assertThat(run("history", "diff", "S1", "S2").exitCode()).isZero();
    }

    private static ExperimentEntry experiment(String kind, int i, boolean agrees) {
        Instant start = Instant.parse("2026-11-25T08:00:00Z").plusSeconds(60L * i);
        return new ExperimentEntry(kind, kind + " run " + i, start, start.plusSeconds(1), "lab1", "0.1.0", agrees,
                "attacker took 0 of 2", "{\"counts\":{\"victim\":2,\"attacker\":0},"
                + "\"timeline\":[{\"at\":0,\"side\":\"victim\"},{\"at\":1,\"side\":\"victim\"}]}");
    }

    private static SocketRecord listener(int port, int pid, String process) {
        return new SocketRecord(Protocol.TCP, Family.IPV4, "0.0.0.0", port, null, null, SocketRecord.LISTEN, null,
                pid, ProcessInfo.named(process), null, null, new SocketOptions(true, false, null, null), null);
    }

    /** An audit with one finding on each socket except port 22, so that diffs raise and resolve findings. */
    private static Audit audit(SocketRecord... sockets) {
        Scan scan = new Scan(Scan.SCHEMA, ToolInfo.current(), new HostInfo("lab1", "linux", "6.8", 1024, false),
                Instant.parse("2026-11-25T08:00:00Z"), true, List.of("netlink"), List.of(), List.of(sockets));
        List<Finding> findings = Arrays.stream(sockets).filter(s -> s.localPort() != 22)
                .map(s -> new Finding("TEST-RULE", Severity.HIGH, FindingSubject.of(s), Attacker.SAME_USER,
                        "risk on " + s.localPort(), "explained", "fix", List.of(), false))
                .toList();
        return new Audit(scan, findings);
    }
}
