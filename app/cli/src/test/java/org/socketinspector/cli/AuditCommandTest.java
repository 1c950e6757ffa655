package org.socketinspector.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.socketinspector.json.Json;
import org.socketinspector.json.ScanJson;
import org.socketinspector.model.Family;
import org.socketinspector.model.HostInfo;
import org.socketinspector.model.ProbeResult;
import org.socketinspector.model.ProcessInfo;
import org.socketinspector.model.Protocol;
import org.socketinspector.model.Scan;
import org.socketinspector.model.SocketOptions;
import org.socketinspector.model.SocketRecord;
import org.socketinspector.model.ToolInfo;

/** {@code audit --input} on a saved Windows scan: grouping, JSON contract, --fail-on exit codes, baselines. */
class AuditCommandTest {

    /** A Windows scan as the IP Helper collector plus the safe bind probe would save it. */
    private static Path savedScan(Path dir) throws Exception {
        SocketRecord shared = new SocketRecord(Protocol.TCP, Family.IPV4, "0.0.0.0", 8000, null, null, "LISTEN", "2",
                4242, new ProcessInfo("python.exe", null, null, "PC\\dev", null, List.of()), null, null,
                new SocketOptions(null, null, false, null),
                new ProbeResult("0.0.0.0", "SO_REUSEADDR", true, null, 0));
        SocketRecord exclusive = new SocketRecord(Protocol.TCP, Family.IPV4, "0.0.0.0", 445, null, null, "LISTEN", "2",
                4, new ProcessInfo("System", null, null, "SYSTEM", null, List.of()), null, null,
                new SocketOptions(false, null, true, null), null);
        SocketRecord exclusive6 = new SocketRecord(Protocol.TCP, Family.IPV6, "::", 445, null, null, "LISTEN", "2",
                4, new ProcessInfo("System", null, null, "SYSTEM", null, List.of()), null, null,
                new SocketOptions(false, null, true, true), null);
        Scan scan = new Scan(Scan.SCHEMA, ToolInfo.current(), new HostInfo("pc", "windows", "10.0.19045", null, null),
                Instant.parse("2026-11-25T12:00:00Z"), true, List.of("iphlpapi", "probe"), List.of(),
                List.of(shared, exclusive, exclusive6));
        Path file = dir.resolve("scan.json");
        Files.writeString(file, ScanJson.write(scan));
        return file;
    }

    @Test
    void groupsFindingsBySeverityAndFailsOnThreshold(@TempDir Path dir) throws Exception {
        Path scan = savedScan(dir);

        CliRun text = CliRun.run("audit", "--input", scan.toString());
        assertEquals(0, text.exitCode(), text.err());
        assertTrue(text.out().startsWith("HIGH (1)\n  [WIN-REUSEADDR-SHARED]"), text.out());
        assertTrue(text.out().contains("python.exe (pid 4242, user PC\\dev)"), text.out());
        assertTrue(!text.out().contains(":445"), "the exclusive System listener has no finding:\n" + text.out());

        assertEquals(3, CliRun.run("audit", "--input", scan.toString(), "--fail-on", "high").exitCode());
        assertEquals(3, CliRun.run("audit", "--input", scan.toString(), "--fail-on", "low").exitCode());
        assertEquals(2, CliRun.run("audit", "--input", scan.toString(), "--fail-on", "info").exitCode());
    }

    @Test
    void identicalFindingsOfOneProcessPrintOnceAndTheSavedHostsFactsDecide(@TempDir Path dir) throws Exception {
        // 18 loopback-only listeners of one process, scanned on a host whose localhost resolves to ::1 first (this
        // machine's own /etc/hosts does not matter: the audit reads the saved scan's facts).
        List<SocketRecord> sockets = new java.util.ArrayList<>();
        for (int i = 0; i < 18; i++) {
            sockets.add(new SocketRecord(Protocol.TCP, Family.IPV4, "127.0.0.1", 9100 + i, null, null, "LISTEN", null,
                    777, new ProcessInfo("devserver", null, null, "alice", 1000, List.of()), 1000, 10L + i,
                    new SocketOptions(true, false, null, null), null));
        }
        HostInfo host = new HostInfo("laptop", "linux", "6.18.44", 1024, false, List.of("::1", "127.0.0.1"), true);
        Scan scan = new Scan(Scan.SCHEMA, ToolInfo.current(), host, Instant.parse("2026-11-25T12:00:00Z"), true,
                List.of("netlink"), List.of(), sockets);
        Path file = dir.resolve("laptop.json");
        Files.writeString(file, ScanJson.write(scan));

        CliRun text = CliRun.run("audit", "--input", file.toString());
        assertEquals(0, text.exitCode(), text.err());
        assertTrue(text.out().startsWith("HIGH (18)\n  [LOCALHOST-FAMILY-SHADOW]"), text.out());
        assertTrue(text.out().contains("18 sockets of one process"), text.out());
        assertTrue(text.out().contains("sockets: TCP 127.0.0.1:9100, TCP 127.0.0.1:9101"), text.out());
        assertTrue(text.out().contains("On laptop localhost resolves to ::1, then 127.0.0.1"), text.out());
        assertEquals(1, text.out().split("fix \\(each on its own port\\): ", -1).length - 1, text.out());
        assertTrue(text.out().contains("Also listen on ::1 port <port>"), text.out());

        CliRun json = CliRun.run("audit", "--input", file.toString(), "--json");
        JsonNode findings = Json.mapper().readTree(json.out()).path("findings");
        assertEquals(18, findings.size(), json.out());
        assertTrue(findings.get(0).path("remediation").asText().contains("::1 port 9100"), json.out());
        assertEquals(List.of("::1", "127.0.0.1"),
                List.of(Json.mapper().readTree(json.out()).path("host").path("localhost").get(0).asText(),
                        Json.mapper().readTree(json.out()).path("host").path("localhost").get(1).asText()));
    }

    @Test
    void jsonIsTheAuditContract(@TempDir Path dir) throws Exception {
        CliRun run = CliRun.run("audit", "--json", "--input", savedScan(dir).toString());

        JsonNode root = Json.mapper().readTree(run.out());
        assertEquals("socket-inspector/audit/2", root.get("schema").asText());
        assertEquals(3, root.get("sockets").size());
        JsonNode f = root.get("findings").get(0);
        assertEquals("WIN-REUSEADDR-SHARED", f.get("rule").asText());
        assertEquals("high", f.get("severity").asText());
        assertEquals("any-user", f.get("attacker").asText());
        assertEquals(8000, f.get("socket").get("localPort").asInt());
        assertEquals(4242, f.get("socket").get("pid").asInt());
        assertTrue(f.get("references").size() > 0);
        // An audit can be audited again: --input accepts the audit contract too, and finds the same.
        Path audit = dir.resolve("audit.json");
        Files.writeString(audit, run.out());
        JsonNode again = Json.mapper().readTree(CliRun.run("audit", "--json", "--input", audit.toString()).out());
        assertEquals(root.get("findings"), again.get("findings"));
    }

    @Test
    void aBaselineSuppressesWithoutHiding(@TempDir Path dir) throws Exception {
        Path scan = savedScan(dir);
        Path baseline = dir.resolve("baseline.json");

        assertEquals(0, CliRun.run("audit", "--input", scan.toString(), "--write-baseline",
                baseline.toString()).exitCode());
        JsonNode entries = Json.mapper().readTree(Files.readString(baseline));
        assertEquals("WIN-REUSEADDR-SHARED", entries.get(0).get("rule").asText());
        assertEquals(8000, entries.get(0).get("port").asInt());
        assertEquals("python.exe", entries.get(0).get("process").asText());

        CliRun run = CliRun.run("audit", "--input", scan.toString(), "--baseline",
                baseline.toString(), "--fail-on", "high");
        assertEquals(0, run.exitCode(), run.out());
        assertTrue(run.out().startsWith("SUPPRESSED BY BASELINE (2)"), run.out());
        JsonNode json = Json.mapper().readTree(CliRun.run("audit", "--json", "--input", scan.toString(),
                "--baseline", baseline.toString()).out());
        assertTrue(json.get("findings").get(0).get("suppressed").asBoolean());
    }

    @Test
    void anImportedWindowsNetstatCapture(@TempDir Path dir) throws Exception {
        Path capture = dir.resolve("pc.netstat.txt");
        Files.writeString(capture, String.join("\r\n", "", "Active Connections", "",
                "  Proto  Local Address          Foreign Address        State           PID",
                "  TCP    0.0.0.0:445            0.0.0.0:0              LISTENING       4",
                "  TCP    127.0.0.1:5939         0.0.0.0:0              LISTENING       7340",
                "  TCP    [::]:445               [::]:0                 LISTENING       4",
                "  UDP    0.0.0.0:5353           *:*                                    2208",
                "  UDP    0.0.0.0:5353           *:*                                    3100", ""));

        CliRun run = CliRun.run("audit", "--json", "--input", capture.toString(),
                "--fail-on", "high");

        assertEquals(3, run.exitCode(), run.err());
        List<String> rules = new java.util.ArrayList<>();
        Json.mapper().readTree(run.out()).get("findings").forEach(f -> rules.add(f.get("rule").asText()
                + " " + f.get("socket").get("localPort").asText()));
        // netstat shows no options: no guess about exclusivity, but what the rows alone prove is reported (the two
        // UDP 0.0.0.0:5353 sockets leave [::1]:5353 free as well: the family shadow covers UDP).
        assertEquals(List.of("REUSE-GROUP-OBSERVED 5353", "LOCALHOST-FAMILY-SHADOW 5353", "LOCALHOST-FAMILY-SHADOW 5353",
                "LOCALHOST-FAMILY-SHADOW 5939", "OPTIONS-UNKNOWN 445",
                "OPTIONS-UNKNOWN 445", "OPTIONS-UNKNOWN 5353", "OPTIONS-UNKNOWN 5353", "OPTIONS-UNKNOWN 5939"), rules);
    }

    @Test
    void badInputNamesTheFile(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("capture.txt");
        Files.writeString(bad, "hello world\n");
        CliRun run = CliRun.run("audit", "--input", bad.toString());
        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("capture.txt") && run.err().contains("not a capture"), run.err());
    }
}
