package org.socketinspector.model;

/**
 * Canonical text of raw IP addresses as the scan contract wants it: dotted IPv4, RFC 5952 IPv6 (lower case,
 * leading zeros dropped, the longest run of two or more zero groups as "::", IPv4-mapped as ::ffff:a.b.c.d),
 * never brackets, an optional zone as "%eth0". {@code InetAddress.getHostAddress()} does not compress IPv6.
 */
public final class AddressText {
    private AddressText() {
    }

    /** Formats 4 or 16 bytes in network order, starting at {@code offset} of {@code bytes}. */
    public static String format(byte[] bytes, int offset, Family family) {
        return family == Family.IPV4 ? ipv4(bytes, offset) : ipv6(bytes, offset);
    }

    public static String withZone(String address, String zone) {
        return zone == null || zone.isEmpty() ? address : address + "%" + zone;
    }

    private static String ipv4(byte[] b, int o) {
        return (b[o] & 0xff) + "." + (b[o + 1] & 0xff) + "." + (b[o + 2] & 0xff) + "." + (b[o + 3] & 0xff);
    }

    private static String ipv6(byte[] b, int o) {
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = ((b[o + 2 * i] & 0xff) << 8) | (b[o + 2 * i + 1] & 0xff);
        }
        if (groups[0] == 0 && groups[1] == 0 && groups[2] == 0 && groups[3] == 0 && groups[4] == 0
                && groups[5] == 0xffff) {
            return "::ffff:" + ipv4(b, o + 12);
        }
        int bestStart = -1;
        int bestLength = 1; // RFC 5952 4.2.2: a single zero group is not compressed
        for (int i = 0; i < 8; ) {
            if (groups[i] != 0) {
                i++;
                continue;
            }
            int start = i;
            while (i < 8 && groups[i] == 0) {
                i++;
            }
            if (i - start > bestLength) {
                bestStart = start;
                bestLength = i - start;
            }
        }
        StringBuilder text = new StringBuilder(39);
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                text.append("::");
                i += bestLength - 1;
                continue;
            }
            if (text.length() > 0 && text.charAt(text.length() - 1) != ':') {
                text.append(':');
            }
            text.append(Integer.toHexString(groups[i]));
        }
        return text.toString();
    }
}
