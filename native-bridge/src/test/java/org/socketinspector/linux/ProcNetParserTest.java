package org.socketinspector.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.socketinspector.model.Family;
import org.socketinspector.model.Protocol;

/** Parses /proc/net files captured on an x86_64 (little-endian) machine with capture/capture.py. */
class ProcNetParserTest {

    private final ProcNetParser parser = new ProcNetParser(ByteOrder.LITTLE_ENDIAN);

    @Test
    void findsEveryKnownSocketOfTheCapture() {
        List<DiagSocket> all = new ArrayList<>();
        all.addAll(parser.parse("proc-net-tcp.txt", CapturedTables.text("proc-net-tcp.txt"), Protocol.TCP, Family.IPV4));
        all.addAll(parser.parse("proc-net-tcp6.txt", CapturedTables.text("proc-net-tcp6.txt"), Protocol.TCP, Family.IPV6));
        all.addAll(parser.parse("proc-net-udp.txt", CapturedTables.text("proc-net-udp.txt"), Protocol.UDP, Family.IPV4));
        all.addAll(parser.parse("proc-net-udp6.txt", CapturedTables.text("proc-net-udp6.txt"), Protocol.UDP, Family.IPV6));

        for (CapturedTables.Known k : CapturedTables.manifest()) {
            DiagSocket s = all.stream().filter(d -> d.inode() == k.inode()).findFirst().orElseThrow();
            assertThat(s.protocol()).as(k.name()).isEqualTo(k.protocol());
            assertThat(s.family()).as(k.name()).isEqualTo(k.family());
            assertThat(s.localAddress()).as(k.name()).isEqualTo(k.address());
            assertThat(s.localPort()).as(k.name()).isEqualTo(k.port());
            assertThat(s.uid()).as(k.name()).isEqualTo(k.uid());
            assertThat(s.v6only()).as("/proc/net has no v6only column").isNull();
        }
        DiagSocket client = all.stream().filter(d -> d.inode() == CapturedTables.known("tcp4-client").inode())
                .findFirst().orElseThrow();
        assertThat(client.state()).isEqualTo(TcpStates.ESTABLISHED);
        assertThat(client.remoteAddress()).isEqualTo("127.0.0.1");
        assertThat(client.remotePort()).isEqualTo(CapturedTables.known("tcp4-listen").port());
        // sockets nobody holds (TIME_WAIT, not yet accepted) have inode 0; TIME_WAIT's uid 0 means nothing
        assertThat(all).anyMatch(d -> d.inode() == 0);
        assertThat(all).filteredOn(d -> d.state() == TcpStates.TIME_WAIT).isNotEmpty()
                .allMatch(d -> d.uid() == null && d.inode() == 0);
    }

    @Test
    void bigEndianHostsPrintAddressWordsInNetworkOrder() {
        String text = "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n"
                + "   0: 7F000001:0050 00000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 4242 1\n";
        DiagSocket s = new ProcNetParser(ByteOrder.BIG_ENDIAN).parse("tcp", text, Protocol.TCP, Family.IPV4).get(0);
        assertThat(s.localAddress()).isEqualTo("127.0.0.1");
        assertThat(s.localPort()).isEqualTo(80);
        assertThat(s.uid()).isEqualTo(1000L);
        assertThat(s.inode()).isEqualTo(4242);
    }

    @Test
    void badLineNamesFileAndLine() {
        String text = "header\n   0: 0100007F:0050 00000000:0000 0A\n";
        assertThatThrownBy(() -> parser.parse("/proc/net/tcp", text, Protocol.TCP, Family.IPV4))
                .hasMessageStartingWith("/proc/net/tcp line 2: cannot parse");
    }
}
