package org.socketinspector.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.socketinspector.model.Family;
import org.socketinspector.model.SocketRecord;

class SsParserTest {

    private final SsParser parser = new SsParser();

    @Test
    void readsEveryRowOfSsTuanpeWithOwnersInodesAndV6only() throws Exception {
        ParsedCapture capture = Captures.parse(parser, "linux/ss-tuanpe.txt");

        assertThat(capture.os()).isEqualTo("linux");
        assertThat(capture.sockets()).hasSize(11);
        SocketRecord listener = Captures.find(capture, "tcp", "127.0.0.1:47101");
        assertThat(listener.state()).isEqualTo("LISTEN");
        assertThat(listener.remoteAddress()).isNull();
        assertThat(listener.pid()).isEqualTo(9143);
        assertThat(listener.process().name()).isEqualTo("python3");
        assertThat(listener.inode()).isEqualTo(13137L);
        assertThat(listener.uid()).isZero(); // -e prints uid only when it is not 0
        assertThat(listener.options().reuseAddress()).isNull();
        assertThat(listener.options().ipv6Only()).isNull();

        SocketRecord v6only = Captures.find(capture, "tcp", "[::]:47103");
        assertThat(v6only.family()).isEqualTo(Family.IPV6);
        assertThat(v6only.options().ipv6Only()).isTrue();
        SocketRecord dualStack = Captures.find(capture, "tcp", "[::]:47104"); // ss prints it as *:47104
        assertThat(dualStack.options().ipv6Only()).isFalse();
        assertThat(Captures.find(capture, "tcp", "[::1]:47102").options().ipv6Only()).isTrue();

        SocketRecord unowned = Captures.find(capture, "tcp", "0.0.0.0:2024");
        assertThat(unowned.pid()).isNull();
        assertThat(unowned.process()).isNull();
    }

    @Test
    void udpStateIsNullUnlessConnected() throws Exception {
        ParsedCapture capture = Captures.parse(parser, "linux/ss-tuanpe.txt");

        SocketRecord bound = Captures.find(capture, "udp", "127.0.0.1:47106");
        assertThat(bound.state()).isNull();
        assertThat(bound.nativeState()).isEqualTo("UNCONN");
        assertThat(bound.isListening()).isTrue();
        SocketRecord connected = Captures.find(capture, "udp", "127.0.0.1:47108");
        assertThat(connected.state()).isEqualTo("ESTABLISHED");
        assertThat(connected.remoteAddress()).isEqualTo("127.0.0.1");
        assertThat(connected.remotePort()).isEqualTo(47106);
        assertThat(Captures.find(capture, "udp", "[::1]:47107").options().ipv6Only()).isTrue();
    }

    @Test
    void aTcpSocketBoundButNotListeningIsBoundAsTheNativeCollectorSaysIt() throws Exception {
        // iproute2 6.8+ (ss -B, or a state filter that includes bound-inactive) on kernel 6.8+: state UNCONN for TCP.
        String text = "Netid State  Recv-Q Send-Q Local Address:Port  Peer Address:Port Process\n"
                + "tcp   UNCONN 0      0          127.0.0.1:18181      0.0.0.0:*     users:((\"python3\",pid=4242,fd=3)) ino:99 sk:1\n";
        SocketRecord bound = parser.parse(text, "bound.txt").sockets().get(0);
        assertThat(bound.protocol()).isEqualTo(org.socketinspector.model.Protocol.TCP);
        assertThat(bound.state()).isEqualTo(SocketRecord.BOUND);
        assertThat(bound.nativeState()).isEqualTo("UNCONN");
        assertThat(bound.isListening()).isTrue();
        assertThat(bound.pid()).isEqualTo(4242);
    }

    @Test
    void plainTanpHasOwnersButNoExtendedDetails() throws Exception {
        ParsedCapture capture = Captures.parse(parser, "linux/ss-tanp.txt");

        assertThat(capture.sockets()).hasSize(8).allMatch(s -> s.protocol().wireName().equals("tcp"));
        SocketRecord established = capture.sockets().stream()
                .filter(s -> s.localPort() == 44788).findFirst().orElseThrow();
        assertThat(established.state()).isEqualTo("ESTABLISHED");
        assertThat(established.remotePort()).isEqualTo(47101);
        assertThat(established.inode()).isNull();
        assertThat(established.uid()).isNull();
        assertThat(capture.sockets()).allMatch(s -> s.options().isUnknown());
        assertThat(capture.limitations()).anyMatch(l -> l.contains("no Netid column"));
    }

    @Test
    void aBrokenRowNamesFileLineAndWhatWasExpected() {
        String text = "Netid State  Recv-Q Send-Q Local Address:Port  Peer Address:Port Process\n"
                + "tcp   LISTEN 0      5          127.0.0.1:47101      0.0.0.0:*\n"
                + "tcp   LISTEN x      5          127.0.0.1:47102      0.0.0.0:*\n";

        assertThatThrownBy(() -> parser.parse(text, "host.txt"))
                .isInstanceOf(CaptureParseException.class)
                .hasMessageStartingWith("host.txt:3: expected numeric Recv-Q and Send-Q");
    }
}
