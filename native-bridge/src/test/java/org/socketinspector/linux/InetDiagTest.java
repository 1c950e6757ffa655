package org.socketinspector.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.socketinspector.model.Family;
import org.socketinspector.model.Protocol;
import org.socketinspector.nativeio.Errno;

/**
 * Decodes sock_diag answers captured from a real kernel (capture/capture.py, x86_64 little-endian, Linux 6.18):
 * each socket the capture opened must come out with its address, port, state, uid, inode and v6only.
 */
class InetDiagTest {

    @Test
    void decodesEveryKnownSocketOfTheCapture() throws Exception {
        List<DiagSocket> all = new ArrayList<>();
        for (String file : List.of("tcp4", "tcp6", "udp4", "udp6")) {
            byte[] data = CapturedTables.bytes("inet-diag-" + file + ".bin");
            Protocol protocol = file.startsWith("tcp") ? Protocol.TCP : Protocol.UDP;
            assertThat(InetDiag.parse(data, data.length, protocol, all)).as("%s ends with NLMSG_DONE", file).isTrue();
        }
        for (CapturedTables.Known k : CapturedTables.manifest()) {
            DiagSocket s = all.stream().filter(d -> d.inode() == k.inode()).findFirst().orElseThrow();
            assertThat(s.protocol()).as(k.name()).isEqualTo(k.protocol());
            assertThat(s.family()).as(k.name()).isEqualTo(k.family());
            assertThat(s.localAddress()).as(k.name()).isEqualTo(k.address());
            assertThat(s.localPort()).as(k.name()).isEqualTo(k.port());
            assertThat(s.uid()).as(k.name()).isEqualTo(k.uid());
            assertThat(s.v6only()).as(k.name()).isEqualTo(k.v6only());
        }
        DiagSocket listener = byInode(all, CapturedTables.known("tcp4-listen").inode());
        assertThat(listener.state()).isEqualTo(TcpStates.LISTEN);
        assertThat(listener.remoteAddress()).isNull();
        DiagSocket client = byInode(all, CapturedTables.known("tcp4-client").inode());
        assertThat(client.state()).isEqualTo(TcpStates.ESTABLISHED);
        assertThat(client.remoteAddress()).isEqualTo("127.0.0.1");
        assertThat(client.remotePort()).isEqualTo(CapturedTables.known("tcp4-listen").port());
        assertThat(byInode(all, CapturedTables.known("udp4-bound").inode()).state()).isEqualTo(TcpStates.CLOSE);
        assertThat(all).filteredOn(d -> d.state() == TcpStates.TIME_WAIT).as("TIME_WAIT in the capture").isNotEmpty()
                .allMatch(d -> d.uid() == null && d.inode() == 0);
    }

    @Test
    void decodesTheBoundInactiveDumpOfLinux68() throws Exception {
        // capture.py bound: TCP asked for LISTEN | BOUND_INACTIVE, as the listener scan asks
        List<DiagSocket> all = new ArrayList<>();
        for (String file : List.of("inet-diag-tcp4-bound.bin", "inet-diag-tcp6-bound.bin")) {
            byte[] data = CapturedTables.bytes(file);
            assertThat(InetDiag.parse(data, data.length, Protocol.TCP, all)).as("%s ends with NLMSG_DONE", file).isTrue();
        }
        for (CapturedTables.Known k : CapturedTables.manifest("manifest-bound.txt")) {
            DiagSocket s = byInode(all, k.inode());
            assertThat(s.family()).as(k.name()).isEqualTo(k.family());
            assertThat(s.localAddress()).as(k.name()).isEqualTo(k.address());
            assertThat(s.localPort()).as(k.name()).isEqualTo(k.port());
            assertThat(s.uid()).as(k.name()).isEqualTo(k.uid());
            assertThat(s.v6only()).as(k.name()).isEqualTo(k.v6only());
            assertThat(s.cookie()).as(k.name()).isNotZero();
            if (k.name().contains("-bound-")) {
                // The pseudo-state is only asked for: the kernel answers TCP_CLOSE, with no remote end.
                assertThat(s.state()).as(k.name()).isEqualTo(TcpStates.CLOSE);
                assertThat(TcpStates.tcpName(s.state())).isEqualTo("BOUND");
                assertThat(s.remoteAddress()).as(k.name()).isNull();
                assertThat(s.remotePort()).as(k.name()).isZero();
            } else {
                assertThat(s.state()).as(k.name()).isEqualTo(TcpStates.LISTEN);
            }
        }
        assertThat(all).as("nothing but listeners and bound sockets")
                .allMatch(s -> s.state() == TcpStates.LISTEN || s.state() == TcpStates.CLOSE);
    }

    @Test
    void theListenerScanAsksForBoundInactiveSocketsToo() {
        assertThat(TcpStates.tcpMask(false)).isEqualTo(1 << 10 | 1 << 13);
        assertThat(TcpStates.tcpMask(true)).isEqualTo(0x1ffe | 1 << 13);
        ByteBuffer b = ByteBuffer.wrap(InetDiag.dumpRequest(Family.IPV4, Protocol.TCP, TcpStates.tcpMask(false), 1))
                .order(ByteOrder.nativeOrder());
        assertThat(b.getInt(20)).isEqualTo(0x2400);                     // idiag_states: TCPF_LISTEN | TCPF_BOUND_INACTIVE
    }

    @Test
    void boundInactiveSocketsAreListedFromLinux68On() {
        assertThat(TcpStates.listsBoundInactive("6.18.44-fc-v669")).isTrue();
        assertThat(TcpStates.listsBoundInactive("6.8.0-31-generic")).isTrue();
        assertThat(TcpStates.listsBoundInactive("7.0")).isTrue();
        assertThat(TcpStates.listsBoundInactive("6.7.12")).isFalse();
        assertThat(TcpStates.listsBoundInactive("5.15.0-91-generic")).isFalse();
        assertThat(TcpStates.listsBoundInactive("weird")).isFalse();
        assertThat(TcpStates.listsBoundInactive(null)).isFalse();
    }

    @Test
    void requestHasTheLayoutOfInetDiagReqV2() {
        ByteBuffer b = ByteBuffer.wrap(InetDiag.dumpRequest(Family.IPV6, Protocol.UDP, 0x1ffe, 7))
                .order(ByteOrder.nativeOrder());
        assertThat(b.capacity()).isEqualTo(72);
        assertThat(b.getInt(0)).isEqualTo(72);                          // nlmsg_len
        assertThat(b.getShort(4)).isEqualTo((short) 20);                // SOCK_DIAG_BY_FAMILY
        assertThat(b.getShort(6)).isEqualTo((short) 0x301);             // NLM_F_REQUEST | NLM_F_DUMP
        assertThat(b.getInt(8)).isEqualTo(7);                           // nlmsg_seq
        assertThat(b.get(16)).isEqualTo((byte) 10);                     // AF_INET6
        assertThat(b.get(17)).isEqualTo((byte) 17);                     // IPPROTO_UDP
        assertThat(b.getInt(20)).isEqualTo(0x1ffe);                     // idiag_states
    }

    @Test
    void kernelErrorBecomesNetlinkErrorWithItsErrno() {
        ByteBuffer b = ByteBuffer.allocate(36).order(ByteOrder.nativeOrder());
        b.putInt(36).putShort((short) InetDiag.NLMSG_ERROR).putShort((short) 0).putInt(1).putInt(0);
        b.putInt(-Errno.ENOENT); // udp_diag not loaded, for example
        assertThatThrownBy(() -> InetDiag.parse(b.array(), 36, Protocol.UDP, new ArrayList<>()))
                .isInstanceOf(InetDiag.NetlinkError.class)
                .satisfies(e -> assertThat(((InetDiag.NetlinkError) e).errno).isEqualTo(Errno.ENOENT));
    }

    @Test
    void truncatedMessageIsRejectedWithItsPlace() {
        byte[] data = CapturedTables.bytes("inet-diag-tcp6.bin");
        assertThatThrownBy(() -> InetDiag.parse(data, 40, Protocol.TCP, new ArrayList<>()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("netlink message at byte 0");
    }

    private static DiagSocket byInode(List<DiagSocket> all, long inode) {
        return all.stream().filter(d -> d.inode() == inode).findFirst().orElseThrow();
    }
}
