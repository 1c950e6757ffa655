package org.socketinspector.windows;

import org.socketinspector.model.AddressText;
import org.socketinspector.model.Family;
import org.socketinspector.model.Protocol;
import org.socketinspector.model.SocketOptions;
import org.socketinspector.model.SocketRecord;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the buffer an IP Helper call filled (a MIB_*TABLE_OWNER_PID: a little-endian DWORD dwNumEntries, then the
 * rows) into socket records. Pure: no native call, so it is tested byte-exact on captured buffers on any OS.
 *
 * <p>Field rules, from the iphlpapi.h / tcpmib.h / udpmib.h documentation:
 * <ul>
 *   <li>Addresses are stored in network byte order; ports sit in the low 16 bits of a DWORD in network byte
 *       order, and the upper 16 bits are not guaranteed to be zero, so they are masked off.</li>
 *   <li>The IPv6 scope id becomes a {@code %id} zone only where a zone means something: link-local (fe80::/10)
 *       and site-local addresses. Wine reports 4096 for ::1 where Windows reports 0; a zone on ::1 or :: would
 *       only make the same socket look different across the two, so it is dropped.</li>
 *   <li>Remote fields of LISTEN rows are not guaranteed to be zero on Windows: they are ignored.</li>
 *   <li>Owning pid is kept as reported, 0 included (System Idle on Windows; Wine reports 0 for sockets of
 *       non-Wine processes).</li>
 * </ul>
 * Bytes after the last row are ignored: the collector hands over a buffer with slack.
 */
public final class IpHelperTableDecoder {

    private IpHelperTableDecoder() {
    }

    public static List<SocketRecord> decode(TableKind kind, byte[] buffer) {
        if (buffer.length < TableKind.HEADER_SIZE) {
            throw new IllegalArgumentException(kind.label() + ": buffer of " + buffer.length
                    + " bytes has no dwNumEntries (needs 4)");
        }
        ByteBuffer bytes = ByteBuffer.wrap(buffer).order(ByteOrder.LITTLE_ENDIAN);
        long entries = Integer.toUnsignedLong(bytes.getInt(0));
        long needed = TableKind.HEADER_SIZE + entries * kind.rowSize();
        if (needed > buffer.length) {
            throw new IllegalArgumentException(kind.label() + ": dwNumEntries " + entries + " rows of "
                    + kind.rowSize() + " bytes need " + needed + " bytes, the buffer has " + buffer.length);
        }
        List<SocketRecord> records = new ArrayList<>((int) entries);
        for (int row = 0; row < entries; row++) {
            int offset = TableKind.HEADER_SIZE + row * kind.rowSize();
            try {
                records.add(decodeRow(kind, bytes, offset));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(kind.label() + " row " + row + " (byte " + offset + "): "
                        + e.getMessage(), e);
            }
        }
        return records;
    }

    private static SocketRecord decodeRow(TableKind kind, ByteBuffer b, int at) {
        return switch (kind) {
            // MIB_TCPROW_OWNER_PID: 0 dwState, 4 dwLocalAddr, 8 dwLocalPort, 12 dwRemoteAddr, 16 dwRemotePort, 20 dwOwningPid
            case TCP4_ALL, TCP4_LISTENER -> tcp(Family.IPV4, b.getInt(at),
                    ipv4(b, at + 4), port(b, at + 8), ipv4(b, at + 12), port(b, at + 16), b.getInt(at + 20));
            // MIB_TCP6ROW_OWNER_PID: 0 ucLocalAddr[16], 16 dwLocalScopeId, 20 dwLocalPort, 24 ucRemoteAddr[16],
            // 40 dwRemoteScopeId, 44 dwRemotePort, 48 dwState, 52 dwOwningPid
            case TCP6_ALL, TCP6_LISTENER -> tcp(Family.IPV6, b.getInt(at + 48),
                    ipv6(b, at, b.getInt(at + 16)), port(b, at + 20),
                    ipv6(b, at + 24, b.getInt(at + 40)), port(b, at + 44), b.getInt(at + 52));
            // MIB_UDPROW_OWNER_PID: 0 dwLocalAddr, 4 dwLocalPort, 8 dwOwningPid
            case UDP4 -> udp(Family.IPV4, ipv4(b, at), port(b, at + 4), b.getInt(at + 8));
            // MIB_UDP6ROW_OWNER_PID: 0 ucLocalAddr[16], 16 dwLocalScopeId, 20 dwLocalPort, 24 dwOwningPid
            case UDP6 -> udp(Family.IPV6, ipv6(b, at, b.getInt(at + 16)), port(b, at + 20), b.getInt(at + 24));
        };
    }

    private static SocketRecord tcp(Family family, int dwState, String local, int localPort,
                                    String remote, int remotePort, int pid) {
        MibTcpState state = MibTcpState.ofCode(dwState);
        boolean listening = state == MibTcpState.LISTEN;
        return new SocketRecord(Protocol.TCP, family, local, localPort,
                listening ? null : remote, listening ? null : remotePort,
                state.linuxName(), state.nativeName(), pid, null, null, null, SocketOptions.UNKNOWN, null);
    }

    private static SocketRecord udp(Family family, String local, int localPort, int pid) {
        // The OWNER_PID UDP rows carry no remote end and no state.
        return new SocketRecord(Protocol.UDP, family, local, localPort, null, null, null, null, pid, null,
                null, null, SocketOptions.UNKNOWN, null);
    }

    /** A port DWORD: network byte order in its first two bytes; the rest is not guaranteed to be zero. */
    static int port(ByteBuffer b, int at) {
        return (b.get(at) & 0xFF) << 8 | b.get(at + 1) & 0xFF;
    }

    private static String ipv4(ByteBuffer b, int at) {
        return AddressText.format(b.array(), at, Family.IPV4);
    }

    private static String ipv6(ByteBuffer b, int at, int scopeId) {
        String text = AddressText.format(b.array(), at, Family.IPV6);
        return scopeId != 0 && hasZone(b, at) ? AddressText.withZone(text, Integer.toUnsignedString(scopeId)) : text;
    }

    /** Link-local fe80::/10 and the deprecated site-local fec0::/10: the addresses whose scope is an interface. */
    private static boolean hasZone(ByteBuffer b, int at) {
        return (b.get(at) & 0xFF) == 0xFE && (b.get(at + 1) & 0x80) == 0x80;
    }
}
