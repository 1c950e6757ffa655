package org.socketinspector.linux;

import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.socketinspector.model.AddressText;
import org.socketinspector.model.Family;
import org.socketinspector.model.Protocol;

/**
 * Parses /proc/net/{tcp,tcp6,udp,udp6} (the fallback when sock_diag is unavailable). Format from
 * net/ipv4/tcp_ipv4.c get_tcp4_sock and net/ipv4/udp.c udp4_format_sock: addresses are the kernel's 32-bit words
 * printed as hex in host byte order, ports and state in hex, uid and inode in decimal. These files carry no
 * v6only flag and no socket cookie, so {@link DiagSocket#v6only()} stays null and the cookie 0.
 */
final class ProcNetParser {

    private final ByteOrder hostOrder;

    ProcNetParser(ByteOrder hostOrder) {
        this.hostOrder = hostOrder;
    }

    /** @param file the file's name, used in error messages */
    List<DiagSocket> parse(String file, String text, Protocol protocol, Family family) {
        List<DiagSocket> sockets = new ArrayList<>();
        String[] lines = text.split("\n");
        for (int i = 1; i < lines.length; i++) { // line 1 is the column header
            String line = lines[i].trim();
            if (!line.isEmpty()) {
                sockets.add(parseLine(file, i + 1, line, protocol, family));
            }
        }
        return sockets;
    }

    private DiagSocket parseLine(String file, int lineNumber, String line, Protocol protocol, Family family) {
        String[] f = line.split("\\s+");
        try {
            if (f.length < 10) {
                throw new IllegalArgumentException("expected at least 10 columns, found " + f.length);
            }
            String[] local = f[1].split(":");
            String[] remote = f[2].split(":");
            int state = Integer.parseInt(f[3], 16);
            int localPort = Integer.parseInt(local[1], 16);
            int remotePort = Integer.parseInt(remote[1], 16);
            boolean unconnected = remotePort == 0 && (state == TcpStates.LISTEN || state == TcpStates.CLOSE);
            String remoteAddress = unconnected ? null : address(remote[0], family);
            return new DiagSocket(protocol, family, state, address(local[0], family), localPort, remoteAddress,
                    unconnected ? 0 : remotePort, 0, state == TcpStates.TIME_WAIT ? null : Long.valueOf(f[7]),
                    Long.parseLong(f[9]), null, 0);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(file + " line " + lineNumber + ": cannot parse '" + line + "': "
                    + e.getMessage(), e);
        }
    }

    private String address(String hex, Family family) {
        int words = family == Family.IPV4 ? 1 : 4;
        if (hex.length() != words * 8) {
            throw new IllegalArgumentException("address '" + hex + "' is not " + words * 8 + " hex digits");
        }
        byte[] bytes = new byte[words * 4];
        for (int w = 0; w < words; w++) {
            long word = Long.parseLong(hex.substring(w * 8, w * 8 + 8), 16);
            for (int i = 0; i < 4; i++) {
                // The word was printed as a host-order integer; network byte i is its i-th byte in memory.
                int shift = hostOrder == ByteOrder.LITTLE_ENDIAN ? 8 * i : 8 * (3 - i);
                bytes[w * 4 + i] = (byte) (word >>> shift);
            }
        }
        return AddressText.format(bytes, 0, family);
    }
}
