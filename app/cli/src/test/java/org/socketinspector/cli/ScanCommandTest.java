package org.socketinspector.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.channels.ServerSocketChannel;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.socketinspector.json.Json;

/** Runs {@code scan} as the command line does, with captured output, against a listener this JVM opens. */
class ScanCommandTest {

    private static final List<String> SOCKET_FIELDS = List.of("protocol", "family", "localAddress", "localPort",
            "remoteAddress", "remotePort", "state", "nativeState", "pid", "process", "uid", "inode", "options", "probe");


    @Test
    void jsonHasEveryContractFieldWithNullsKept() throws Exception {
        assumeTrue(CliRun.PLATFORM.os() == org.socketinspector.model.OsKind.LINUX, "live scans run on Linux");
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.INET)) {
            server.setOption(StandardSocketOptions.SO_REUSEPORT, true);
            server.bind(new InetSocketAddress("127.0.0.1", 0));
            int port = ((InetSocketAddress) server.getLocalAddress()).getPort();

            CliRun run = CliRun.run("scan", "--json");

            assertThat(run.exitCode()).as(run.err()).isZero();
            JsonNode root = Json.mapper().readTree(run.out());
            assertThat(root.get("schema").asText()).isEqualTo("socket-inspector/scan/2");
            assertThat(root.get("tool").get("name").asText()).isEqualTo("socket-inspector");
            assertThat(root.get("host").get("os").asText()).isEqualTo("linux");
            assertThat(root.get("collectedAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
            assertThat(root.get("privileged").isBoolean()).isTrue();
            assertThat(root.get("sources").isArray()).isTrue();
            assertThat(root.get("limitations").isArray()).isTrue();
            JsonNode mine = null;
            for (JsonNode socket : root.get("sockets")) {
                assertThat(names(socket)).containsAll(SOCKET_FIELDS);
                if (socket.get("localPort").asInt() == port && socket.get("protocol").asText().equals("tcp")) {
                    mine = socket;
                }
            }
            assertThat(mine).as("the test's listener on port %d", port).isNotNull();
            assertThat(mine.get("family").asText()).isEqualTo("ipv4");
            assertThat(mine.get("localAddress").asText()).isEqualTo("127.0.0.1");
            assertThat(mine.get("remoteAddress").isNull()).isTrue();
            assertThat(mine.get("remotePort").isNull()).isTrue();
            assertThat(mine.get("state").asText()).isEqualTo("LISTEN");
            assertThat(mine.get("pid").asLong()).isEqualTo(ProcessHandle.current().pid());
            assertThat(names(mine.get("process"))).contains("name", "executable", "commandLine", "user", "uid");
            assertThat(mine.get("options").get("reusePort").asBoolean()).isTrue();
            assertThat(mine.get("options").get("reuseAddress").isBoolean()).isTrue();
            assertThat(mine.get("options").get("exclusiveAddressUse").isNull()).isTrue();
            assertThat(mine.get("options").get("ipv6Only").isNull()).isTrue();
        }
    }

    /** The table's layout is the subject, not this machine: the fake platform's two known listeners. */
    @Test
    void tablePrintsAlignedRowsWithFlags() {
        CliRun run = CliRun.onFake("scan");

        assertThat(run.exitCode()).as(run.err()).isZero();
        String[] lines = run.out().split("\n");
        assertThat(lines[0]).matches("PROTO +LOCAL +STATE +PID +PROCESS +USER +OPTIONS");
        String web = List.of(lines).stream().filter(l -> l.contains("127.0.0.1:" + CliRun.FAKE_WEB_PORT + " "))
                .findFirst().orElseThrow();
        assertThat(web).matches("tcp +127\\.0\\.0\\.1:" + CliRun.FAKE_WEB_PORT
                + " +LISTEN +4242 +web +alice +reuseaddr reuseport");
        assertThat(web.indexOf("LISTEN")).isEqualTo(lines[0].indexOf("STATE"));
        String db = List.of(lines).stream().filter(l -> l.contains("0.0.0.0:" + CliRun.FAKE_DB_PORT + " "))
                .findFirst().orElseThrow();
        assertThat(db).matches("tcp +0\\.0\\.0\\.0:" + CliRun.FAKE_DB_PORT + " +LISTEN +4343 +db +alice +-");
        assertThat(run.out()).contains("sources: fake");
        assertThat(CliRun.FAKE.sourcesAsked()).contains(org.socketinspector.collect.Source.AUTO);
    }

    @Test
    void unknownSourceIsAUsageError() {
        CliRun run = CliRun.run("scan", "--source", "telepathy");
        assertThat(run.exitCode()).isEqualTo(SocketInspectorCommand.EXIT_USAGE);
        assertThat(run.err()).contains("expected native, ss, netstat or auto but was 'telepathy'");
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
