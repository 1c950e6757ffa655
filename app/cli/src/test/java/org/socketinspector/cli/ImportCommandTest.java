package org.socketinspector.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.socketinspector.json.Json;

/** Runs {@code import} on the real captures kept with the parsers (native-bridge test resources). */
class ImportCommandTest {

    private static final Path CAPTURES = Path.of("../../native-bridge/src/test/resources/captures");

    @TempDir
    Path dir;

    @Test
    void windowsCaptureAsTheScanTable() {
        CliRun run = CliRun.run("import", CAPTURES.resolve("windows/en-netstat-anob.txt").toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("PROTO", "0.0.0.0:135", "svchost.exe", "[fe80::244e:2f1e:2096:62b2%9]:1900")
                .contains("sources: import:netstat-windows; imported capture (the capturing user's rights are unknown)")
                .contains("limitation: netstat -b could not obtain the owning executable of 35 sockets")
                .doesNotContain("127.0.0.1:1031"); // a connection: only with --all
        assertThat(CliRun.run("import", "--all", CAPTURES.resolve("windows/en-netstat-anob.txt").toString()).out())
                .contains("127.0.0.1:1031");
    }

    @Test
    void jsonContractWithTheCapturesOsAndUnknownOptions() throws Exception {
        CliRun run = CliRun.run("import", "--json",
                CAPTURES.resolve("windows/en-netstat-ano.txt").toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode root = Json.mapper().readTree(run.out());
        assertThat(root.get("schema").asText()).isEqualTo("socket-inspector/scan/2");
        assertThat(root.get("host").get("os").asText()).isEqualTo("windows");
        assertThat(root.get("host").get("name").asText()).isEqualTo("en-netstat-ano");
        assertThat(root.get("sources").toString()).isEqualTo("[\"import:netstat-windows\"]");
        assertThat(root.get("privileged").asBoolean()).isFalse();
        JsonNode first = root.get("sockets").get(0);
        assertThat(first.get("options").get("exclusiveAddressUse").isNull()).isTrue();
        assertThat(first.get("options").get("reuseAddress").isNull()).isTrue();
        assertThat(first.get("pid").asInt()).isEqualTo(1712);
    }

    /** The German lab report's original bytes: its published "ABH™REN" is CP850 read as Windows-1252. */
    @Test
    void germanOemBytesAreDecodedBeforeParsing() throws Exception {
        String published = Files.readString(CAPTURES.resolve("windows/de-netstat-an-lab-report.txt"));
        Path file = dir.resolve("pc-raum-3.txt");
        Files.write(file, published.getBytes(Charset.forName("windows-1252")));

        CliRun run = CliRun.run("import", "--json", file.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode root = Json.mapper().readTree(run.out());
        JsonNode first = root.get("sockets").get(0);
        assertThat(first.get("state").asText()).isEqualTo("LISTEN");
        assertThat(first.get("nativeState").asText()).isEqualTo("ABHÖREN");
        assertThat(root.get("host").get("name").asText()).isEqualTo("pc-raum-3");
        assertThat(root.get("limitations").toString()).contains("read as IBM850");
    }

    @Test
    void aMalformedLineIsSkippedWithFileAndLineAndStrictRefusesTheFile() throws Exception {
        Path file = dir.resolve("cut.txt");
        Files.writeString(file, "Active Connections\r\n\r\n  Proto  Local Address  Foreign Address  State  PID\r\n"
                + "  TCP    0.0.0.0:135            0.0.0.0:0              LISTENING       1712\r\n"
                + "  TCP    0.0.0.0:445            0.0.0.0:0\r\n", StandardCharsets.UTF_8);

        CliRun run = CliRun.run("import", file.toString());
        assertThat(run.exitCode()).isEqualTo(SocketInspectorCommand.EXIT_SKIPPED_LINES);
        assertThat(run.err().strip()).isEqualTo(file + ":5: skipped: expected a state after the foreign address of a"
                + " TCP row");
        assertThat(run.out()).contains("0.0.0.0:135").doesNotContain("0.0.0.0:445");

        CliRun strict = CliRun.run("import", "--strict", file.toString());
        assertThat(strict.exitCode()).isEqualTo(1);
        assertThat(strict.err().strip()).isEqualTo("socket-inspector: " + file + ":5: expected a state after the foreign address of a TCP row, "
                + "found \"TCP    0.0.0.0:445            0.0.0.0:0\"");
        assertThat(strict.out()).isEmpty();
    }

    @Test
    void aFileOfNoKnownFormatAndAWrongForcedFormat() throws Exception {
        Path list = dir.resolve("list.txt");
        Files.writeString(list, "milk\neggs\n");

        CliRun unknown = CliRun.run("import", list.toString());
        CliRun forced = CliRun.run("import", "--format", "ss",
                CAPTURES.resolve("windows/en-netstat-ano.txt").toString());
        CliRun badFormat = CliRun.run("import", "--format", "csv", list.toString());

        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.err()).startsWith("socket-inspector: " + list + ": not a capture this tool knows");
        assertThat(forced.exitCode()).isEqualTo(1);
        assertThat(forced.err()).contains("en-netstat-ano.txt:5: expected numeric Recv-Q and Send-Q")
                .contains("no socket could be read").contains("is it really ss?");
        assertThat(badFormat.exitCode()).isEqualTo(2);
    }

    @Test
    void aScanJsonFileRoundTrips() throws Exception {
        CliRun first = CliRun.run("import", "--json", "--all",
                CAPTURES.resolve("linux/ss-tuanpe.txt").toString());
        Path json = dir.resolve("vm.json");
        Files.writeString(json, first.out());

        CliRun again = CliRun.run("import", "--json", json.toString());

        assertThat(again.exitCode()).as(again.err()).isZero();
        JsonNode before = Json.mapper().readTree(first.out());
        JsonNode after = Json.mapper().readTree(again.out());
        assertThat(after.get("sockets")).isEqualTo(before.get("sockets"));
        assertThat(after.get("sources").toString()).isEqualTo("[\"import:ss\",\"import:json\"]");
        assertThat(after.get("sockets").size()).isEqualTo(11);
    }

    @Test
    void remotePeersKnownOnlyByNameKeepTheNameAndGetThePortFromTheTable() {
        CliRun run = CliRun.run("import", "--all", CAPTURES.resolve("windows/ru-netstat-a.txt").toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("a172-226-117-113:443", "2.19.78.144:80") // https, http: the services table
                .contains("limitation: 2 remote endpoints are host or service names (captured without -n)");
    }

    @Test
    void brokenJsonNamesTheFile() throws Exception {
        Path json = dir.resolve("broken.json");
        Files.writeString(json, "{\"schema\": \"something/else\"}");

        CliRun run = CliRun.run("import", json.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).startsWith("socket-inspector: " + json + ": field \"schema\": expected");
    }

    @Test
    void aBadLineIsSkippedListedOnStderrAndInTheJsonWithExitCodeFour() throws Exception {
        String file = CAPTURES.resolve("variants/windows-ano-hand-edited-ipv6.txt").toString();
        CliRun run = CliRun.run("import", "--json", file);

        assertThat(run.exitCode()).as(run.err()).isEqualTo(SocketInspectorCommand.EXIT_SKIPPED_LINES);
        assertThat(run.err().strip()).isEqualTo(file + ":7: skipped: expected an IP address or host name in the local"
                + " address (2nd column)");
        JsonNode root = Json.mapper().readTree(run.out());
        JsonNode skipped = root.get("skipped");
        assertThat(skipped).hasSize(1);
        assertThat(skipped.get(0).get("line").asInt()).isEqualTo(7);
        assertThat(skipped.get(0).get("text").asText()).contains("fe80::asda:4124:2096:62b2%9");
        assertThat(root.get("sockets")).hasSize(4); // every other listener of the file

        CliRun strict = CliRun.run("import", "--strict", file);
        assertThat(strict.exitCode()).isEqualTo(SocketInspectorCommand.EXIT_FAILURE);
        assertThat(strict.out()).isEmpty();
        assertThat(strict.err()).startsWith("socket-inspector: " + file + ":7: expected an IP address or host name");
    }

    @Test
    void namesAreResolvedOrMarkedInTheJsonAndAFullImportHasNoSkippedField() throws Exception {
        CliRun run = CliRun.run("import", "--json", CAPTURES.resolve("variants/netstat-tua.txt").toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode root = Json.mapper().readTree(run.out());
        assertThat(root.has("skipped")).isFalse();
        JsonNode web = null;
        JsonNode ssh = null;
        for (JsonNode socket : root.get("sockets")) {
            if (socket.get("localPort").asInt() == 443) {
                web = socket;
            }
            if (socket.get("localPort").asInt() == 22) {
                ssh = socket;
            }
        }
        assertThat(web.get("localAddress").asText()).isEqualTo("web01.example.int");
        assertThat(web.get("names").get("localAddressUnknown").asBoolean()).isTrue();
        assertThat(web.get("names").get("truncated").asBoolean()).isTrue();
        assertThat(web.get("names").get("localService").asText()).isEqualTo("https");
        assertThat(ssh.get("localAddress").asText()).isEqualTo("0.0.0.0");
        assertThat(ssh.get("names").get("localAddressUnknown").asBoolean()).isFalse();
    }

    @Test
    void standardInputIsDash() throws Exception {
        java.io.InputStream saved = System.in;
        try {
            System.setIn(Files.newInputStream(CAPTURES.resolve("variants/ss-tuan.txt")));
            CliRun run = CliRun.run("import", "--json", "-");
            assertThat(run.exitCode()).as(run.err()).isZero();
            JsonNode root = Json.mapper().readTree(run.out());
            assertThat(root.get("sockets")).hasSize(10);
            assertThat(root.get("host").get("name").isNull()).isTrue();
        } finally {
            System.setIn(saved);
        }
    }

    /**
     * Past 10,000 sockets the import spools them to a temporary file: the output must be the same text as the whole
     * scan held in memory, in the capture's order, for the JSON and the table, and the temporary file must be gone.
     */
    @Test
    void aCaptureLargerThanTheInMemorySpoolPrintsExactlyTheWholeScan() throws Exception {
        Path file = dir.resolve("big.txt");
        StringBuilder text = new StringBuilder("Netid State  Recv-Q Send-Q Local Address:Port Peer Address:Port Process\n");
        for (int i = 1; i <= 10_200; i++) {
            text.append(i % 5 == 0 ? "tcp   LISTEN 0      128    10.0." + (i >> 8) + "." + (i & 255) + ":" + (1024 + i)
                    + " 0.0.0.0:* users:((\"svc\",pid=" + i + ",fd=3)) ino:" + i + " sk:1 <->\n"
                    : "tcp   ESTAB  0      0      10.0." + (i >> 8) + "." + (i & 255) + ":" + (1024 + i)
                    + " 10.9.0.1:443 users:((\"curl\",pid=" + i + ",fd=5)) ino:" + i + " sk:2 <->\n");
        }
        text.append("tcp   LISTEN 0      128    10.0.0.1:80x80 0.0.0.0:*\n");
        Files.writeString(file, text);
        java.util.List<org.socketinspector.model.SocketRecord> read = new java.util.ArrayList<>();
        org.socketinspector.model.Scan whole = org.socketinspector.inspect.UserFiles.scan(file, null, true, false,
                org.socketinspector.input.InputLimits.DEFAULT, read::add).withSockets(read);
        assertThat(whole.sockets()).hasSize(10_200);
        long spoolsBefore = spoolFiles();

        CliRun json = CliRun.run("import", "--all", "--json", file.toString());
        CliRun table = CliRun.run("import", "--all", file.toString());

        assertThat(json.exitCode()).as(json.err()).isEqualTo(SocketInspectorCommand.EXIT_SKIPPED_LINES);
        assertThat(json.err().strip()).isEqualTo(file + ":10202: skipped: expected a port number or service name in the local"
                + " address (4th column)");
        assertThat(json.out()).isEqualTo(org.socketinspector.json.ScanJson.write(whole) + System.lineSeparator());
        java.io.StringWriter expected = new java.io.StringWriter();
        ScanOutput.print(whole, false, true, new java.io.PrintWriter(expected));
        assertThat(table.out()).isEqualTo(expected.toString()).contains("10200 sockets;");
        assertThat(spoolFiles()).isEqualTo(spoolsBefore);
    }

    private static long spoolFiles() throws Exception {
        try (java.util.stream.Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(f -> f.getFileName().toString().startsWith("socket-inspector-import-")).count();
        }
    }
}
