package org.socketinspector.sockets.windows;

import java.net.InetAddress;
import org.socketinspector.sockets.MappedAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * sockaddr_in / sockaddr_in6 as Winsock expects them (ws2def.h, ws2ipdef.h), built as bytes so the layout is
 * tested anywhere. Family in host (little-endian) order, port in network order; note AF_INET6 is 23 on Windows.
 *
 * <pre>
 * sockaddr_in  (16): 0 sin_family, 2 sin_port, 4 sin_addr[4], 8 sin_zero[8]
 * sockaddr_in6 (28): 0 sin6_family, 2 sin6_port, 4 sin6_flowinfo, 8 sin6_addr[16], 24 sin6_scope_id
 * </pre>
 */
public final class WinSockaddr {

    /** AF_INET, ws2def.h. */
    public static final int AF_INET = 2;
    /** AF_INET6, ws2def.h (10 on Linux, 23 on Windows). */
    public static final int AF_INET6 = 23;
    public static final int SOCKADDR_IN_SIZE = 16;
    public static final int SOCKADDR_IN6_SIZE = 28;

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private WinSockaddr() {
    }

    /** The sockaddr for an address literal ("127.0.0.1", "::1", "fe80::1%12") and port. Never resolves names. */
    public static byte[] of(String address, int port) {
        if (port < 0 || port > 0xFFFF) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        int percent = address.indexOf('%');
        String literal = percent < 0 ? address : address.substring(0, percent);
        boolean v6 = IPV6.matcher(literal).matches();
        if (!v6 && !IPV4.matcher(literal).matches()) {
            throw new IllegalArgumentException("not an IP address literal: " + address);
        }
        byte[] raw = parse(literal);
        byte[] sockaddr = new byte[v6 ? SOCKADDR_IN6_SIZE : SOCKADDR_IN_SIZE];
        int family = v6 ? AF_INET6 : AF_INET;
        sockaddr[0] = (byte) family;
        sockaddr[1] = (byte) (family >>> 8);
        sockaddr[2] = (byte) (port >>> 8);
        sockaddr[3] = (byte) port;
        System.arraycopy(raw, 0, sockaddr, v6 ? 8 : 4, raw.length);
        if (v6 && percent >= 0) {
            int scope = scopeId(address.substring(percent + 1), address);
            for (int i = 0; i < 4; i++) {
                sockaddr[24 + i] = (byte) (scope >>> (8 * i));
            }
        }
        return sockaddr;
    }

    /** sin_port / sin6_port of a sockaddr Winsock filled (getsockname). */
    public static int port(byte[] sockaddr) {
        return (sockaddr[2] & 0xFF) << 8 | sockaddr[3] & 0xFF;
    }

    private static byte[] parse(String literal) {
        try {
            byte[] raw = InetAddress.getByName(literal).getAddress(); // a literal: no name lookup happens
            // Java turns an IPv4-mapped literal (::ffff:127.0.0.1) into an IPv4 address; an IPv6 socket needs the
            // 16 bytes of the mapped address.
            return raw.length == 4 && literal.indexOf(':') >= 0 ? MappedAddress.of(raw) : raw;
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IP address literal: " + literal, e);
        }
    }

    private static int scopeId(String zone, String address) {
        try {
            return Integer.parseUnsignedInt(zone);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Windows zones are numeric interface indexes: " + address, e);
        }
    }
}
