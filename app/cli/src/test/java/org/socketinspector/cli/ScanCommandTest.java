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
        assumeTrue(System.getProperty("os.name").startsWith("Linux"), "live scans run on Linux");
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

    @Test
    void tablePrintsAlignedRowsWithFlags() throws Exception {
        assumeTrue(System.getProperty("os.name").startsWith("Linux"), "live scans run on Linux");
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.INET)) {
            server.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            server.setOption(StandardSocketOptions.SO_REUSEPORT, true);
            server.bind(new InetSocketAddress("127.0.0.1", 0));
            int port = ((InetSocketAddress) server.getLocalAddress()).getPort();

            CliRun run = CliRun.run("scan");

            assertThat(run.exitCode()).as(run.err()).isZero();
            String[] lines = run.out().split("\n");
            assertThat(lines[0]).matches("PROTO +LOCAL +STATE +PID +PROCESS +USER +OPTIONS");
            String row = List.of(lines).stream().filter(l -> l.contains("127.0.0.1:" + port + " ")).findFirst()
                    .orElseThrow();
            assertThat(row).matches("tcp +127\\.0\\.0\\.1:" + port + " +LISTEN +" + ProcessHandle.current().pid()
                    + " +java +" + System.getProperty("user.name") + " +reuseaddr reuseport");
            assertThat(row.indexOf("LISTEN")).isEqualTo(lines[0].indexOf("STATE"));
            assertThat(run.out()).contains("sources: netlink, procfs-fd, pidfd-getsockopt");
        }
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
