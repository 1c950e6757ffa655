package org.socketinspector.model;

/** Text forms of address:port pairs. */
public final class Endpoints {
    private Endpoints() {
    }

    /** "127.0.0.1:80", "[::1]:80". */
    public static String format(String address, int port) {
        return Family.ofAddress(address) == Family.IPV6 ? "[" + address + "]:" + port : address + ":" + port;
    }

    /**
     * Canonical text of a raw address in network byte order: 4 bytes give "127.0.0.1", 16 bytes give the
     * RFC 5952 form ("::1", "fe80::1", lower case, the longest run of two or more zero groups compressed,
     * IPv4-mapped as "::ffff:127.0.0.1"). {@code InetAddress#getHostAddress} does not compress, hence this.
     */
    public static String address(byte[] raw) {
        if (raw.length == 4) {
            return (raw[0] & 0xFF) + "." + (raw[1] & 0xFF) + "." + (raw[2] & 0xFF) + "." + (raw[3] & 0xFF);
        }
        if (raw.length != 16) {
            throw new IllegalArgumentException("an IP address has 4 or 16 bytes, not " + raw.length);
        }
        if (isIpv4Mapped(raw)) {
            return "::ffff:" + address(java.util.Arrays.copyOfRange(raw, 12, 16));
        }
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = (raw[2 * i] & 0xFF) << 8 | raw[2 * i + 1] & 0xFF;
        }
        int bestStart = -1;
        int bestLength = 1; // RFC 5952 4.2.2: a single zero group is not compressed
        for (int i = 0; i < 8; ) {
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j == i ? i + 1 : j;
        }
        StringBuilder text = new StringBuilder();
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

    private static boolean isIpv4Mapped(byte[] raw) {
        for (int i = 0; i < 10; i++) {
            if (raw[i] != 0) {
                return false;
            }
        }
        return (raw[10] & 0xFF) == 0xFF && (raw[11] & 0xFF) == 0xFF;
    }
}
