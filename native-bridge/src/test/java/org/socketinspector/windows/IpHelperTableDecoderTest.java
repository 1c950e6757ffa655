package org.socketinspector.windows;

import org.junit.jupiter.api.Test;
import org.socketinspector.model.Family;
import org.socketinspector.model.Protocol;
import org.socketinspector.model.SocketRecord;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.socketinspector.windows.Fixtures.LINUX_ONLY;
import static org.socketinspector.windows.Fixtures.WITH_WINE;

/** Every expected row of the fixtures' README, decoded from the real Wine buffers. */
class IpHelperTableDecoderTest {

    @Test
    void tcp4AllWithLinuxSocketsOnly() {
        assertThat(rows(LINUX_ONLY, TableKind.TCP4_ALL)).containsExactly(
                "LISTEN 0.0.0.0:45112 pid=0",
                "ESTABLISHED 127.0.0.1:36154 -> 127.0.0.1:45111 pid=0",
                "LISTEN 127.0.0.1:45111 pid=0",
                "ESTABLISHED 127.0.0.1:45111 -> 127.0.0.1:36154 pid=0");
    }

    @Test
    void tcp4ListenerWithLinuxSocketsOnly() {
        assertThat(rows(LINUX_ONLY, TableKind.TCP4_LISTENER)).containsExactly(
                "LISTEN 0.0.0.0:45112 pid=0",
                "LISTEN 127.0.0.1:45111 pid=0");
    }

    @Test
    void tcp6AllWithLinuxSocketsOnly() {
        assertThat(rows(LINUX_ONLY, TableKind.TCP6_ALL)).containsExactly(
                "LISTEN [::]:45114 pid=0",
                "LISTEN [::1]:45113 pid=0",
                "ESTABLISHED [::1]:45113 -> [::1]:45200 pid=0",
                "ESTABLISHED [::1]:45200 -> [::1]:45113 pid=0");
    }

    @Test
    void tcp6ListenerWithLinuxSocketsOnly() {
        assertThat(rows(LINUX_ONLY, TableKind.TCP6_LISTENER)).containsExactly(
                "LISTEN [::]:45114 pid=0",
                "LISTEN [::1]:45113 pid=0");
    }

    @Test
    void udpWithLinuxSocketsOnly() {
        assertThat(rows(LINUX_ONLY, TableKind.UDP4)).containsExactly("127.0.0.1:45115 pid=0");
        assertThat(rows(LINUX_ONLY, TableKind.UDP6)).containsExactly("[::]:45116 pid=0");
    }

    @Test
    void tcp4AllWithWineSockets() {
        assertThat(rows(WITH_WINE, TableKind.TCP4_ALL)).containsExactly(
                "LISTEN 0.0.0.0:45112 pid=0",
                "LISTEN 0.0.0.0:45122 pid=252",
                "ESTABLISHED 127.0.0.1:36154 -> 127.0.0.1:45111 pid=0",
                "ESTABLISHED 127.0.0.1:39984 -> 127.0.0.1:45121 pid=252",
                "LISTEN 127.0.0.1:45111 pid=0",
                "ESTABLISHED 127.0.0.1:45111 -> 127.0.0.1:36154 pid=0",
                "LISTEN 127.0.0.1:45121 pid=252",
                "ESTABLISHED 127.0.0.1:45121 -> 127.0.0.1:39984 pid=0");
    }

    @Test
    void tcp4ListenerWithWineSockets() {
        assertThat(rows(WITH_WINE, TableKind.TCP4_LISTENER)).containsExactly(
                "LISTEN 0.0.0.0:45112 pid=0",
                "LISTEN 0.0.0.0:45122 pid=252",
                "LISTEN 127.0.0.1:45111 pid=0",
                "LISTEN 127.0.0.1:45121 pid=252");
    }

    @Test
    void tcp6WithWineSockets() {
        assertThat(rows(WITH_WINE, TableKind.TCP6_ALL)).containsExactly(
                "LISTEN [::]:45114 pid=0",
                "LISTEN [::1]:45113 pid=0",
                "ESTABLISHED [::1]:45113 -> [::1]:45200 pid=0",
                "LISTEN [::1]:45123 pid=0",
                "ESTABLISHED [::1]:45200 -> [::1]:45113 pid=0");
        assertThat(rows(WITH_WINE, TableKind.TCP6_LISTENER)).containsExactly(
                "LISTEN [::]:45114 pid=0",
                "LISTEN [::1]:45113 pid=0",
                "LISTEN [::1]:45123 pid=0");
    }

    @Test
    void udpWithWineSockets() {
        assertThat(rows(WITH_WINE, TableKind.UDP4)).containsExactly(
                "127.0.0.1:45115 pid=0",
                "127.0.0.1:45125 pid=252");
        assertThat(rows(WITH_WINE, TableKind.UDP6)).containsExactly(
                "[::]:45116 pid=0",
                "[::]:45126 pid=252");
    }

    @Test
    void listenerTablesHoldExactlyTheListenRowsOfTheAllTables() {
        for (String dump : List.of(LINUX_ONLY, WITH_WINE)) {
            assertThat(decode(dump, TableKind.TCP4_LISTENER))
                    .isEqualTo(decode(dump, TableKind.TCP4_ALL).stream().filter(SocketRecord::isListening).toList());
            assertThat(decode(dump, TableKind.TCP6_LISTENER))
                    .isEqualTo(decode(dump, TableKind.TCP6_ALL).stream().filter(SocketRecord::isListening).toList());
        }
    }

    @Test
    void recordsCarryProtocolFamilyAndBothStateNames() {
        SocketRecord listener = decode(LINUX_ONLY, TableKind.TCP6_ALL).get(1);
        assertThat(listener.protocol()).isEqualTo(Protocol.TCP);
        assertThat(listener.family()).isEqualTo(Family.IPV6);
        assertThat(listener.state()).isEqualTo("LISTEN");
        assertThat(listener.nativeState()).isEqualTo("MIB_TCP_STATE_LISTEN");
        assertThat(listener.remoteAddress()).isNull();
        assertThat(listener.remotePort()).isNull();
        assertThat(listener.options().isUnknown()).isTrue();

        SocketRecord connection = decode(LINUX_ONLY, TableKind.TCP4_ALL).get(1);
        assertThat(connection.state()).isEqualTo("ESTABLISHED");
        assertThat(connection.nativeState()).isEqualTo("MIB_TCP_STATE_ESTAB");

        SocketRecord udp = decode(LINUX_ONLY, TableKind.UDP6).get(0);
        assertThat(udp.protocol()).isEqualTo(Protocol.UDP);
        assertThat(udp.state()).isNull();
        assertThat(udp.nativeState()).isNull();
        assertThat(udp.isListening()).isTrue();
    }

    @Test
    void wineLoopbackScopeIdIsInTheBufferButNotInTheAddress() {
        byte[] buffer = Fixtures.table(LINUX_ONLY, TableKind.TCP6_LISTENER);
        int row1 = TableKind.HEADER_SIZE + TableKind.TCP6_LISTENER.rowSize();
        assertThat(le(buffer).getInt(row1 + 16)).as("dwLocalScopeId of [::1]:45113").isEqualTo(4096);
        assertThat(decode(LINUX_ONLY, TableKind.TCP6_LISTENER).get(1).localAddress()).isEqualTo("::1");
    }

    @Test
    void linkLocalAddressesKeepTheirScopeIdAsZone() {
        byte[] buffer = Fixtures.table(LINUX_ONLY, TableKind.UDP6);
        ByteBuffer b = le(buffer);
        b.put(4, (byte) 0xfe).put(5, (byte) 0x80).put(19, (byte) 0x01); // fe80::1
        b.putInt(4 + 16, 12);
        assertThat(IpHelperTableDecoder.decode(TableKind.UDP6, buffer).get(0).localEndpoint())
                .isEqualTo("[fe80::1%12]:45116");

        b.put(4, (byte) 0x20).put(5, (byte) 0x01); // 2001::1 is global: a scope id there is not a zone
        assertThat(IpHelperTableDecoder.decode(TableKind.UDP6, buffer).get(0).localAddress()).isEqualTo("2001::1");
    }

    @Test
    void portsAreMaskedToTheirLowSixteenBits() {
        byte[] buffer = Fixtures.table(LINUX_ONLY, TableKind.UDP4);
        le(buffer).put(4 + 4 + 2, (byte) 0xAB).put(4 + 4 + 3, (byte) 0xCD); // garbage in the upper half of dwLocalPort
        assertThat(IpHelperTableDecoder.decode(TableKind.UDP4, buffer).get(0).localPort()).isEqualTo(45115);
    }

    @Test
    void remoteFieldsOfListenRowsAreIgnored() {
        byte[] buffer = Fixtures.table(LINUX_ONLY, TableKind.TCP4_LISTENER);
        le(buffer).putInt(4 + 12, 0x0100007f).putInt(4 + 16, 0x5000); // 127.0.0.1:80 as remote of a listener
        SocketRecord listener = IpHelperTableDecoder.decode(TableKind.TCP4_LISTENER, buffer).get(0);
        assertThat(listener.remoteAddress()).isNull();
        assertThat(listener.remotePort()).isNull();
    }

    @Test
    void slackAfterTheLastRowIsIgnored() {
        byte[] exact = Fixtures.table(WITH_WINE, TableKind.TCP6_ALL);
        byte[] withSlack = java.util.Arrays.copyOf(exact, exact.length + 16 * TableKind.TCP6_ALL.rowSize());
        assertThat(IpHelperTableDecoder.decode(TableKind.TCP6_ALL, withSlack))
                .isEqualTo(IpHelperTableDecoder.decode(TableKind.TCP6_ALL, exact));
    }

    @Test
    void badBuffersGetAnErrorNamingTableRowAndField() {
        byte[] buffer = Fixtures.table(LINUX_ONLY, TableKind.TCP4_ALL);
        assertThatThrownBy(() -> IpHelperTableDecoder.decode(TableKind.TCP4_ALL, java.util.Arrays.copyOf(buffer, 50)))
                .hasMessage("tcp4_owner_pid_all: dwNumEntries 4 rows of 24 bytes need 100 bytes, the buffer has 50");
        assertThatThrownBy(() -> IpHelperTableDecoder.decode(TableKind.UDP4, new byte[2]))
                .hasMessage("udp4_owner_pid: buffer of 2 bytes has no dwNumEntries (needs 4)");
        le(buffer).putInt(4 + 24, 13);
        assertThatThrownBy(() -> IpHelperTableDecoder.decode(TableKind.TCP4_ALL, buffer))
                .hasMessage("tcp4_owner_pid_all row 1 (byte 28): dwState 13 is not a MIB_TCP_STATE (1..12)");
    }

    static List<SocketRecord> decode(String dump, TableKind kind) {
        return IpHelperTableDecoder.decode(kind, Fixtures.table(dump, kind));
    }

    private static List<String> rows(String dump, TableKind kind) {
        return decode(dump, kind).stream().map(IpHelperTableDecoderTest::describe).toList();
    }

    private static String describe(SocketRecord r) {
        String remote = r.remoteAddress() == null ? "" : " -> " + org.socketinspector.model.Endpoints.format(r.remoteAddress(), r.remotePort());
        String state = r.state() == null ? "" : r.state() + " ";
        return state + r.localEndpoint() + remote + " pid=" + r.pid();
    }

    private static ByteBuffer le(byte[] buffer) {
        return ByteBuffer.wrap(buffer).order(ByteOrder.LITTLE_ENDIAN);
    }
}
