package org.socketinspector.windows;

import com.sun.jna.Memory;
import com.sun.jna.Structure;
import com.sun.jna.platform.win32.IPHlpAPI.MIB_TCP6ROW_OWNER_PID;
import com.sun.jna.platform.win32.IPHlpAPI.MIB_TCP6TABLE_OWNER_PID;
import com.sun.jna.platform.win32.IPHlpAPI.MIB_TCPROW_OWNER_PID;
import com.sun.jna.platform.win32.IPHlpAPI.MIB_TCPTABLE_OWNER_PID;
import com.sun.jna.platform.win32.IPHlpAPI.MIB_UDP6ROW_OWNER_PID;
import com.sun.jna.platform.win32.IPHlpAPI.MIB_UDPROW_OWNER_PID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.socketinspector.model.AddressText;
import org.socketinspector.model.Family;
import org.socketinspector.model.SocketRecord;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The row layouts the pure decoder assumes are those of jna-platform's structures (as OSHI's IPHlpAPIStructTest
 * checks them): sizes, and the offset of every field, found by writing a marker through the structure.
 */
class IpHelperStructLayoutTest {

    @BeforeAll
    static void letJnaPlatformLoadIpHelperOffWindows() {
        WindowsLibraryStandIn.install("IPHlpAPI");
    }

    @Test
    void rowSizesMatchTheDecodersTableKinds() {
        assertThat(new MIB_TCPROW_OWNER_PID().size()).isEqualTo(24).isEqualTo(TableKind.TCP4_ALL.rowSize());
        assertThat(new MIB_TCP6ROW_OWNER_PID().size()).isEqualTo(56).isEqualTo(TableKind.TCP6_ALL.rowSize());
        assertThat(new MIB_UDPROW_OWNER_PID().size()).isEqualTo(12).isEqualTo(TableKind.UDP4.rowSize());
        assertThat(new MIB_UDP6ROW_OWNER_PID().size()).isEqualTo(28).isEqualTo(TableKind.UDP6.rowSize());
    }

    @Test
    void tcp4RowOffsets() {
        MIB_TCPROW_OWNER_PID row = new MIB_TCPROW_OWNER_PID();
        row.dwState = 1;
        row.dwLocalAddr = 2;
        row.dwLocalPort = 3;
        row.dwRemoteAddr = 4;
        row.dwRemotePort = 5;
        row.dwOwningPid = 6;
        assertThat(intsAt(row, 0, 4, 8, 12, 16, 20)).containsExactly(1, 2, 3, 4, 5, 6);
    }

    @Test
    void tcp6RowOffsets() {
        MIB_TCP6ROW_OWNER_PID row = new MIB_TCP6ROW_OWNER_PID();
        row.LocalAddr[15] = 7;
        row.dwLocalScopeId = 1;
        row.dwLocalPort = 2;
        row.RemoteAddr[15] = 8;
        row.dwRemoteScopeId = 3;
        row.dwRemotePort = 4;
        row.State = 5;
        row.dwOwningPid = 6;
        assertThat(intsAt(row, 16, 20, 40, 44, 48, 52)).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(row.getPointer().getByte(15)).isEqualTo((byte) 7);
        assertThat(row.getPointer().getByte(24 + 15)).isEqualTo((byte) 8);
    }

    @Test
    void udpRowOffsets() {
        MIB_UDPROW_OWNER_PID udp4 = new MIB_UDPROW_OWNER_PID();
        udp4.dwLocalAddr = 1;
        udp4.dwLocalPort = 2;
        udp4.dwOwningPid = 3;
        assertThat(intsAt(udp4, 0, 4, 8)).containsExactly(1, 2, 3);

        MIB_UDP6ROW_OWNER_PID udp6 = new MIB_UDP6ROW_OWNER_PID();
        udp6.ucLocalAddr[15] = 9;
        udp6.dwLocalScopeId = 1;
        udp6.dwLocalPort = 2;
        udp6.dwOwningPid = 3;
        assertThat(intsAt(udp6, 16, 20, 24)).containsExactly(1, 2, 3);
        assertThat(udp6.getPointer().getByte(15)).isEqualTo((byte) 9);
    }

    /** jna-platform's table structures, read from the captured buffers, agree with the pure decoder field by field. */
    @Test
    void jnaPlatformTablesReadTheFixturesLikeTheDecoder() {
        byte[] tcp4 = Fixtures.table(Fixtures.WITH_WINE, TableKind.TCP4_ALL);
        MIB_TCPTABLE_OWNER_PID table4 = new MIB_TCPTABLE_OWNER_PID(memory(tcp4));
        List<SocketRecord> decoded4 = IpHelperTableDecoder.decode(TableKind.TCP4_ALL, tcp4);
        assertThat(table4.dwNumEntries).isEqualTo(decoded4.size()).isEqualTo(8);
        for (int i = 0; i < decoded4.size(); i++) {
            MIB_TCPROW_OWNER_PID row = table4.table[i];
            assertThat(MibTcpState.ofCode(row.dwState).linuxName()).isEqualTo(decoded4.get(i).state());
            assertThat(ntohs(row.dwLocalPort)).isEqualTo(decoded4.get(i).localPort());
            assertThat(row.dwOwningPid).isEqualTo(decoded4.get(i).pid());
        }

        byte[] tcp6 = Fixtures.table(Fixtures.WITH_WINE, TableKind.TCP6_ALL);
        MIB_TCP6TABLE_OWNER_PID table6 = new MIB_TCP6TABLE_OWNER_PID(memory(tcp6));
        List<SocketRecord> decoded6 = IpHelperTableDecoder.decode(TableKind.TCP6_ALL, tcp6);
        assertThat(table6.dwNumEntries).isEqualTo(decoded6.size()).isEqualTo(5);
        for (int i = 0; i < decoded6.size(); i++) {
            MIB_TCP6ROW_OWNER_PID row = table6.table[i];
            assertThat(MibTcpState.ofCode(row.State).linuxName()).isEqualTo(decoded6.get(i).state());
            assertThat(ntohs(row.dwLocalPort)).isEqualTo(decoded6.get(i).localPort());
            assertThat(AddressText.format(row.LocalAddr, 0, Family.IPV6)).isEqualTo(decoded6.get(i).localAddress());
        }
    }

    private static int ntohs(int dwPort) {
        return (dwPort & 0xFF) << 8 | (dwPort >>> 8) & 0xFF;
    }

    private static Memory memory(byte[] bytes) {
        Memory memory = new Memory(bytes.length);
        memory.write(0, bytes, 0, bytes.length);
        return memory;
    }

    private static int[] intsAt(Structure structure, int... offsets) {
        structure.write();
        int[] values = new int[offsets.length];
        for (int i = 0; i < offsets.length; i++) {
            values[i] = structure.getPointer().getInt(offsets[i]);
        }
        return values;
    }
}
