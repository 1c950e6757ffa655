package org.socketinspector.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.socketinspector.json.ScanJson;
import org.socketinspector.model.ProcessInfo;
import org.socketinspector.model.Protocol;
import org.socketinspector.model.Scan;
import org.socketinspector.model.SocketOptions;
import org.socketinspector.model.SocketRecord;
import org.socketinspector.model.HostInfo;
import org.socketinspector.model.ToolInfo;
import org.socketinspector.model.Family;
import org.socketinspector.rules.Audit;
import org.socketinspector.store.ExperimentEntry;
import org.socketinspector.store.HistoryStore;
import picocli.CommandLine;

class ReportCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return run(CliRun.PLATFORM, args);
    }

    private int run(org.socketinspector.collect.Platform platform, String... args) {
        CommandLine cl = SocketInspectorCommand.commandLine(platform);
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    private Path auditFile(String host) throws Exception {
        SocketRecord s = new SocketRecord(Protocol.TCP, Family.IPV4, "127.0.0.1", 8080, null, null, "LISTEN", null,
                42, new ProcessInfo("app", "/usr/bin/app", "app --password=hunter2", "alice", 1000, java.util.List.of()),
                1000, 1L, new SocketOptions(true, true, null, null), null);
        Scan scan = new Scan(Scan.SCHEMA, new ToolInfo("socket-inspector", "0.1.0"),
                new HostInfo(host, "linux", "6.1", 1024, false), java.time.Instant.parse("2026-11-25T12:00:00Z"), true,
                java.util.List.of("netlink"), java.util.List.of(), java.util.List.of(s));
        Path file = dir.resolve(host + ".json");
        Files.writeString(file, ScanJson.write(new Audit(scan, java.util.List.of())));
        return file;
    }

    @Test
    void writesEachFormatFromAnInputFile() throws Exception {
        Path input = auditFile("web-1");
        for (String format : new String[] {"html", "pdf", "json"}) {
            Path output = dir.resolve("r." + format);
            assertThat(run("report", "--format", format, "--input", input.toString(), "--output", output.toString()))
                    .as(err.toString()).isZero();
            assertThat(Files.size(output)).isPositive();
        }
        assertThat(run("report", "--format", "csv", "--input", input.toString(), "--output", dir.resolve("r.csv").toString()))
                .isZero();
        assertThat(dir.resolve("r-sockets.csv")).exists();
        assertThat(dir.resolve("r-findings.csv")).exists();
        assertThat(out.toString()).contains("r-sockets.csv").contains("r.pdf");
    }

    @Test
    void redactMasksSecretsInTheOutput() throws Exception {
        Path output = dir.resolve("r.json");
        assertThat(run("report", "--format", "json", "--redact-users", "--input", auditFile("h").toString(),
                "--output", output.toString())).isZero();
        assertThat(Files.readString(output)).contains("--password=***").doesNotContain("hunter2").doesNotContain("alice");
    }

    /** Scanning the platform it is given is the subject, not this machine: the fake platform's known sockets. */
    @Test
    void withoutInputItScansAndAuditsItsPlatform() throws Exception {
        Path output = dir.resolve("live.json");
        int scansBefore = CliRun.FAKE.scans();
        assertThat(run(CliRun.FAKE, "report", "--format", "json", "--output", output.toString())).as(err.toString())
                .isZero();
        Audit audit = ScanJson.read(Files.readString(output));
        assertThat(CliRun.FAKE.scans()).isEqualTo(scansBefore + 1);
        assertThat(audit.scan().host().name()).isEqualTo(org.socketinspector.testing.FakePlatform.HOST);
        assertThat(audit.scan().collectedAt()).isEqualTo(org.socketinspector.testing.FakePlatform.COLLECTED_AT);
        assertThat(audit.scan().sockets()).extracting(s -> s.localPort())
                .containsExactlyInAnyOrder(CliRun.FAKE_WEB_PORT, CliRun.FAKE_DB_PORT);
        assertThat(audit.findings()).as("the shared web port is audited").isNotEmpty();
    }

    @Test
    void aScanInputIsAuditedFirstAndAnAuditIsReportedAsSaved() throws Exception {
        Path audit = auditFile("saved");
        Path scan = dir.resolve("scan.json");
        Files.writeString(scan, ScanJson.write(ScanJson.read(Files.readString(audit)).scan()));
        Path fromScan = dir.resolve("from-scan.json");
        Path fromAudit = dir.resolve("from-audit.json");
        assertThat(run("report", "--format", "json", "--input", scan.toString(), "--output", fromScan.toString())).isZero();
        assertThat(run("report", "--format", "json", "--input", audit.toString(), "--output", fromAudit.toString())).isZero();
        // The saved audit had no findings and stays so; the scan's SO_REUSEPORT listener gets the engine's findings.
        assertThat(ScanJson.read(Files.readString(fromAudit)).findings()).isEmpty();
        assertThat(ScanJson.read(Files.readString(fromScan)).findings()).isNotEmpty();
    }

    @Test
    void historySnapshotWithTheExperimentsThatConfirmedItsFindings() throws Exception {
        Audit saved = ScanJson.read(Files.readString(auditFile("db-host")));
        org.socketinspector.rules.Finding finding = new org.socketinspector.rules.Finding("LINUX-REUSEPORT-GROUP",
                org.socketinspector.rules.Severity.MEDIUM,
                org.socketinspector.rules.FindingSubject.of(saved.scan().sockets().get(0)),
                org.socketinspector.rules.Attacker.SAME_USER, "Port 8080 can be joined", "app listens with SO_REUSEPORT.",
                "Drop SO_REUSEPORT.", java.util.List.of(), false);
        Path db = dir.resolve("history.db");
        String snapshot;
        try (HistoryStore store = HistoryStore.open(db)) {
            snapshot = store.saveSnapshot(new Audit(saved.scan(), java.util.List.of(finding))).toString();
            java.time.Instant t = java.time.Instant.parse("2026-11-25T12:30:00Z");
            store.saveExperiment(new ExperimentEntry("probe", "probe tcp 127.0.0.1:8080 with SO_REUSEPORT as alice",
                    t, t.plusSeconds(1), "db-host", "0.1.0", true, "bound: confirms LINUX-REUSEPORT-GROUP",
                    "{\"kind\":\"probe\",\"finding\":\"LINUX-REUSEPORT-GROUP\",\"confirms\":true,"
                            + "\"request\":{\"protocol\":\"tcp\",\"listenerAddress\":\"127.0.0.1\",\"port\":8080}}"));
            store.saveExperiment(new ExperimentEntry("probe", "probe on another host", t, t, "elsewhere", "0.1.0", true,
                    "x", "{\"finding\":\"LINUX-REUSEPORT-GROUP\",\"confirms\":false,"
                            + "\"request\":{\"protocol\":\"tcp\",\"listenerAddress\":\"127.0.0.1\",\"port\":8080}}"));
        }
        Path output = dir.resolve("history.html");
        assertThat(run("report", "--format", "html", "--history", snapshot, "--db", db.toString(),
                "--include-experiments", "--output", output.toString())).as(err.toString()).isZero();
        String html = Files.readString(output);
        assertThat(html).contains("Port 8080 can be joined")
                .contains("<span class=\"verdict-confirmed\">confirmed</span>: probe tcp 127.0.0.1:8080 with SO_REUSEPORT as alice")
                .contains("history E").doesNotContain("probe on another host");

        assertThat(run("report", "--format", "html", "--history", "E2", "--db", db.toString(),
                "--output", output.toString())).isEqualTo(SocketInspectorCommand.EXIT_USAGE);
        assertThat(err.toString()).contains("--history: E2 is an experiment");
    }

    @Test
    void badInputNamesTheFileAndBadFormatIsAUsageError() throws Exception {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"schema\": \"something/else\"}");
        assertThat(run("report", "--format", "html", "--input", bad.toString(), "--output", dir.resolve("x.html").toString()))
                .isEqualTo(SocketInspectorCommand.EXIT_FAILURE);
        assertThat(err.toString()).contains("bad.json").contains("schema");
        assertThat(run("report", "--format", "docx", "--input", bad.toString(), "--output", "x"))
                .isEqualTo(SocketInspectorCommand.EXIT_USAGE);
    }

    @Test
    void mergeWritesAFleetReport() throws Exception {
        Path a = auditFile("alpha");
        Path b = auditFile("beta");
        Path output = dir.resolve("fleet.html");
        assertThat(run("report", "merge", a.toString(), b.toString(), "--format", "html", "--output", output.toString()))
                .as(err.toString()).isZero();
        assertThat(Files.readString(output)).contains("2 hosts").contains("alpha").contains("beta");
    }
}
