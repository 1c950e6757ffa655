package org.socketinspector.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.socketinspector.model.Family;
import org.socketinspector.model.SocketRecord;

class LsofParserTest {

    private final LsofParser parser = new LsofParser();

    @Test
    void readsLinuxLsofWithInodesFromTheDeviceColumn() throws Exception {
        ParsedCapture capture = Captures.parse(parser, "linux/lsof-nP-iTCP-iUDP.txt");

        assertThat(capture.os()).isEqualTo("linux");
        assertThat(capture.sockets()).hasSize(10);
        SocketRecord wildcard = Captures.find(capture, "tcp", "[::]:47103");
        assertThat(wildcard.family()).isEqualTo(Family.IPV6);
        assertThat(wildcard.state()).isEqualTo("LISTEN");
        assertThat(wildcard.inode()).isEqualTo(13139L);
        assertThat(wildcard.process().name()).isEqualTo("python3");
        assertThat(wildcard.process().user()).isEqualTo("root");
        SocketRecord connected = Captures.find(capture, "tcp", "127.0.0.1:44788");
        assertThat(connected.remoteAddress()).isEqualTo("127.0.0.1");
        assertThat(connected.remotePort()).isEqualTo(47101);
        assertThat(connected.state()).isEqualTo("ESTABLISHED");
        assertThat(Captures.find(capture, "udp", "127.0.0.1:47108").state()).isEqualTo("ESTABLISHED");
        assertThat(Captures.find(capture, "udp", "[::1]:47107").state()).isNull();
    }

    @Test
    void seesTheSameOwnedListenersAsSs() throws Exception {
        ParsedCapture lsof = Captures.parse(parser, "linux/lsof-nP-iTCP-iUDP.txt");
        ParsedCapture ss = Captures.parse(new SsParser(), "linux/ss-tuanpe.txt");

        // lsof only lists sockets that belong to a process: ss's ownerless 0.0.0.0:2024 is the one difference
        assertThat(lsof.sockets().stream().map(SocketRecord::inode))
                .containsExactlyInAnyOrderElementsOf(ss.sockets().stream()
                        .filter(s -> s.pid() != null).map(SocketRecord::inode).toList());
    }

    @Test
    void aServiceNameOnlyIanaKnowsIsResolvedAndANameInNeitherTableIsNamedInTheError() throws Exception {
        // macOS's /etc/services names 8082 us-cli; Debian netbase does not, IANA's registry does
        SocketRecord docker = Captures.parse(parser, "macos/lsof-i-tcp-8082-docker.txt").sockets().get(0);
        assertThat(docker.localPort()).isEqualTo(8082);
        assertThat(docker.names().localService()).isEqualTo("us-cli");

        // a name the capturing machine's administrator added to its own /etc/services
        String text = Captures.text("macos/lsof-i-tcp-8082-docker.txt").replace("*:us-cli", "*:corp-admin");
        assertThatThrownBy(() -> parser.parse(text, "docker.txt"))
                .isInstanceOf(CaptureParseException.class)
                .hasMessageContaining("docker.txt:2: unknown service name \"corp-admin\"");
    }

    @Test
    void macosKernelAddressesInTheDeviceColumnMeanMacos() throws Exception {
        // the published macOS row, with the port number lsof -P would have printed for "us-cli" (8082)
        String text = Captures.text("macos/lsof-i-tcp-8082-docker.txt").replace("*:us-cli", "*:8082");

        ParsedCapture capture = parser.parse(text, "docker.txt");

        assertThat(capture.os()).isEqualTo("macos");
        SocketRecord listener = capture.sockets().get(0);
        assertThat(listener.localEndpoint()).isEqualTo("[::]:8082");
        assertThat(listener.pid()).isEqualTo(70902);
        assertThat(listener.inode()).isNull();
        assertThat(listener.process().user()).isEqualTo("bingoobjca");
    }

    /** lsof prints a socket once per descriptor: nginx's master and worker hold one listener, listed once. */
    @Test
    void aSocketSharedByTwoProcessesIsListedOnceForItsFirstOwner() throws Exception {
        String text = "COMMAND  PID USER   FD   TYPE  DEVICE SIZE/OFF NODE NAME\n"
                + "nginx    100 root    6u  IPv4 2200001      0t0  TCP *:80 (LISTEN)\n"
                + "nginx    100 root    7u  IPv4 2200002      0t0  TCP *:443 (LISTEN)\n"
                + "nginx    101 www     6u  IPv4 2200001      0t0  TCP *:80 (LISTEN)\n"
                + "nginx    102 www     6u  IPv4 2200001      0t0  TCP *:80 (LISTEN)\n"
                + "nginx    102 www     8u  IPv4 2200003      0t0  TCP *:80 (LISTEN)\n";

        ParsedCapture capture = parser.parse(text, "nginx.txt");

        assertThat(capture.sockets()).extracting(SocketRecord::inode, SocketRecord::pid).containsExactly(
                org.assertj.core.groups.Tuple.tuple(2200001L, 100), org.assertj.core.groups.Tuple.tuple(2200002L, 100),
                org.assertj.core.groups.Tuple.tuple(2200003L, 102)); // another socket on :80 (SO_REUSEPORT)
        assertThat(capture.limitations()).contains("2 more descriptors of sockets already listed (shared by several"
                + " processes) were merged into the first owner");
    }
}
