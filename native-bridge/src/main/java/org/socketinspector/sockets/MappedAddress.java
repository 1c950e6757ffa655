package org.socketinspector.sockets;

/**
 * IPv4-mapped IPv6 addresses (::ffff:a.b.c.d). Java parses such a literal as an IPv4 address, but an IPv6 socket
 * that binds or connects to it needs the 16 bytes of a sockaddr_in6.
 */
public final class MappedAddress {

    private MappedAddress() {
    }

    /** ::ffff:a.b.c.d as 16 bytes, from the 4 bytes of a.b.c.d. */
    public static byte[] of(byte[] ipv4) {
        byte[] raw = new byte[16];
        raw[10] = (byte) 0xff;
        raw[11] = (byte) 0xff;
        System.arraycopy(ipv4, 0, raw, 12, 4);
        return raw;
    }
}
