package org.socketinspector.macos;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.socketinspector.exec.ToolCommand;
import org.socketinspector.model.HostInfo;
import org.socketinspector.model.Scan;
import org.socketinspector.model.SocketRecord;

/** The macOS runner on published macOS output (test resources captures/macos), standing in for the tools. */
class MacToolScannerTest {

    private static final HostInfo HOST = new HostInfo("mac", "macos", "14.2", null, null);

    @Test
    void netstatGivesThePidAndLsofTheProcessName() throws Exception {
        // the published lsof row was taken without -P ("us-cli"); 8082 is the port it names (same row in netstat)
        String lsof = text("lsof-i-tcp-8082-docker.txt").replace("*:us-cli", "*:8082");
        ToolCommand tools = command -> switch (String.join(" ", command)) {
            case "netstat -anv -p tcp" -> bytes(text("netstat-vanp-tcp-docker-listener.txt"));
            case "netstat -anv -p udp" -> new byte[0];
            case "lsof -nP -iTCP -iUDP" -> bytes(lsof);
            default -> throw new IOException("unexpected command " + command);
        };

        Scan scan = new MacToolScanner(tools, true, () -> HOST).scan(false);

        assertThat(scan.sources()).containsExactly("netstat+lsof");
        SocketRecord docker = scan.sockets().get(0);
        assertThat(docker.localEndpoint()).isEqualTo("[::]:8082");
        assertThat(docker.pid()).isEqualTo(70902);
        assertThat(docker.process().name()).isEqualTo("com.docke");
        assertThat(docker.process().user()).isEqualTo("bingoobjca");
        assertThat(docker.options().ipv6Only()).isFalse();
    }

    @Test
    void unreadableLsofLeavesPidsAndSaysSo() throws Exception {
        ToolCommand tools = command -> switch (command.get(0)) {
            case "netstat" -> bytes(command.contains("tcp") ? text("netstat-vnp-tcp-mojave.txt") : "");
            // without -P, and a service name in neither embedded table (us-cli, the real one, is in IANA's): not readable
            default -> bytes(text("lsof-i-tcp-8082-docker.txt").replace("*:us-cli", "*:corp-admin"));
        };

        Scan scan = new MacToolScanner(tools, false, () -> HOST).scan(true);

        assertThat(scan.sockets()).hasSize(7).allMatch(s -> s.pid() == 9811 && s.process() == null);
        assertThat(scan.limitations()).anyMatch(l -> l.startsWith("not root"))
                .anyMatch(l -> l.startsWith("lsof could not be read"));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(String name) {
        try (InputStream in = MacToolScannerTest.class.getResourceAsStream("/captures/macos/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
