package org.socketinspector.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.socketinspector.json.Json;

/**
 * Issue 18 #15: French Windows {@code netstat -a} (no -n) prints the first label of each resolved peer, and those
 * can be all digits ({@code 25:https}, {@code 124:4070}, {@code 47:https}). Every row of this capture has one; it
 * ended with "no socket could be read", exit 1. A name is a name whatever its characters: it imports, exit 0.
 */
class WindowsDigitHostNamesTest {

    private static final Path CAPTURE = Path.of("../../native-bridge/src/test/resources/captures/variants/"
            + "windows-fr-a-digit-names.txt");

    @Test
    void aCaptureWhosePeersAreAllDigitNamesImports() throws Exception {
        CliRun run = CliRun.run("import", "--all", "--json", CAPTURE.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).isEmpty();
        JsonNode scan = Json.mapper().readTree(run.out());
        assertThat(scan.path("skipped").size()).isZero();
        List<String> peers = new ArrayList<>();
        scan.path("sockets").forEach(s -> peers.add(s.path("remoteAddress").asText() + ":" + s.path("remotePort").asText()
                + " " + s.path("names").path("remoteHost").asText()));
        assertThat(peers).containsExactly("25:443 25", "124:4070 124", "47:443 47", "47:443 47", "104:80 104",
                "2:443 2", "3:443 3");
        assertThat(scan.path("sockets").get(6).path("family").asText()).isEqualTo("ipv6");
    }

    @Test
    void withoutAllItImportsNoListenerAndSaysNothingIsWrong() {
        CliRun run = CliRun.run("import", CAPTURE.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).isEmpty();
    }

    @Test
    void aDottedAllDigitHostIsStillABrokenAddressNotAName() throws Exception {
        Path file = java.nio.file.Files.createTempFile("dotted", ".txt");
        try {
            java.nio.file.Files.writeString(file, "\r\nActive Connections\r\n\r\n  Proto  Local Address          Foreign"
                    + " Address        State\r\n  TCP    0.0.0.0:135            0.0.0.0:0              LISTENING\r\n"
                    + "  TCP    192.168.1.300:49711   25:https               ESTABLISHED\r\n");
            CliRun run = CliRun.run("import", "--all", file.toString());
            assertThat(run.exitCode()).isEqualTo(SocketInspectorCommand.EXIT_SKIPPED_LINES);
            assertThat(run.err()).contains(file + ":6: skipped: expected an IP address or host name in the local address");
        } finally {
            java.nio.file.Files.delete(file);
        }
    }
}
