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
        assertThat(root.get("schema").asText()).isEqualTo("socket-inspector/scan/1");
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
    void aMalformedLineExitsOneWithFileAndLine() throws Exception {
        Path file = dir.resolve("cut.txt");
        Files.writeString(file, "Active Connections\r\n\r\n  Proto  Local Address  Foreign Address  State  PID\r\n"
                + "  TCP    0.0.0.0:135            0.0.0.0:0              LISTENING       1712\r\n"
                + "  TCP    0.0.0.0:445            0.0.0.0:0\r\n", StandardCharsets.UTF_8);

        CliRun run = CliRun.run("import", file.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().strip()).isEqualTo(file + ":5: expected a state after the foreign address of a TCP row, "
                + "found \"TCP    0.0.0.0:445            0.0.0.0:0\"");
        assertThat(run.out()).isEmpty();
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
        assertThat(unknown.err()).startsWith(list + ": not a capture this tool knows");
        assertThat(forced.exitCode()).isEqualTo(1);
        assertThat(forced.err()).contains("en-netstat-ano.txt:5: expected numeric Recv-Q and Send-Q");
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
    void remotePeersKnownOnlyByNameShowAnUnknownPort() {
        CliRun run = CliRun.run("import", "--all", CAPTURES.resolve("windows/ru-netstat-a.txt").toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("a172-226-117-113:?", "2.19.78.144:?")
                .contains("limitation: 2 remote endpoints are host or service names (captured without -n)");
    }

    @Test
    void brokenJsonNamesTheFile() throws Exception {
        Path json = dir.resolve("broken.json");
        Files.writeString(json, "{\"schema\": \"something/else\"}");

        CliRun run = CliRun.run("import", json.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).startsWith(json + ": field \"schema\": expected");
    }
}
