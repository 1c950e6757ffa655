package org.socketinspector.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.socketinspector.model.Family;
import org.socketinspector.model.SocketRecord;

class LinuxNetstatParserTest {

    private final LinuxNetstatParser parser = new LinuxNetstatParser();

    @Test
    void readsNetstatTuanpeWithUsersInodesAndPrograms() throws Exception {
        ParsedCapture capture = Captures.parse(parser, "linux/netstat-tuanpe.txt");

        assertThat(capture.sockets()).hasSize(11);
        SocketRecord v6 = Captures.find(capture, "tcp", "[::]:47103");
        assertThat(v6.family()).isEqualTo(Family.IPV6);
        assertThat(v6.state()).isEqualTo("LISTEN");
        assertThat(v6.uid()).isZero();
        assertThat(v6.inode()).isEqualTo(13139L);
        assertThat(v6.pid()).isEqualTo(9143);
        assertThat(v6.process().name()).isEqualTo("python3");
        assertThat(v6.options().isUnknown()).isTrue();

        SocketRecord udp6 = Captures.find(capture, "udp", "[::1]:47107");
        assertThat(udp6.state()).isNull();
        assertThat(udp6.remoteAddress()).isNull();
        SocketRecord connectedUdp = Captures.find(capture, "udp", "127.0.0.1:47108");
        assertThat(connectedUdp.state()).isEqualTo("ESTABLISHED");
        assertThat(Captures.find(capture, "tcp", "0.0.0.0:2024").pid()).isNull();
    }

    @Test
    void seesTheSameSocketsAsSsTakenAtTheSameMoment() throws Exception {
        List<String> netstat = keys(Captures.parse(parser, "linux/netstat-tuanpe.txt"));
        List<String> ss = keys(Captures.parse(new SsParser(), "linux/ss-tuanpe.txt"));

        assertThat(netstat).containsExactlyInAnyOrderElementsOf(ss);
    }

    @Test
    void tanpHasNoUserColumns() throws Exception {
        ParsedCapture capture = Captures.parse(parser, "linux/netstat-tanp.txt");

        assertThat(capture.sockets()).hasSize(8).allMatch(s -> s.uid() == null && s.inode() == null);
        assertThat(Captures.find(capture, "tcp", "127.0.0.1:47105").pid()).isEqualTo(9143);
    }

    @Test
    void ipv6RowsAsWideAsTheCutColumnAreFlagged() throws Exception {
        String text = "Proto Recv-Q Send-Q Local Address           Foreign Address         State\n"
                + "tcp6       0      0 2001:db8:85a3::8d3:1:22 2001:db8::1:51234       ESTABLISHED\n";

        ParsedCapture capture = parser.parse(text, "wide.txt");

        assertThat(capture.limitations()).anyMatch(l -> l.startsWith("1 IPv6 rows fill net-tools' 23-character"));
    }

    @Test
    void aTcpRowWithoutStateNamesItsLine() {
        String text = "Proto Recv-Q Send-Q Local Address           Foreign Address         State\n"
                + "tcp        0      0 127.0.0.1:47101         0.0.0.0:*\n";

        assertThatThrownBy(() -> parser.parse(text, "cut.txt"))
                .isInstanceOf(CaptureParseException.class)
                .hasMessageStartingWith("cut.txt:2: expected a TCP state");
    }

    static List<String> keys(ParsedCapture capture) {
        return capture.sockets().stream()
                .map(s -> s.protocol() + " " + s.family() + " " + s.localEndpoint() + " " + s.remoteAddress() + " "
                        + s.remotePort() + " " + s.state() + " " + s.pid() + " " + s.inode())
                .toList();
    }
}
