package org.socketinspector.parse;

import java.util.Locale;
import java.util.Optional;
import org.socketinspector.model.AddressText;
import org.socketinspector.model.Family;

/**
 * Numeric IP address text to the model's canonical form ({@link AddressText}: dotted IPv4, RFC 5952 IPv6, zone
 * kept as {@code %zone}), so that an imported address compares equal to the native collector's. Never resolves names: captures come from other machines, and a
 * lookup would both leak and lie.
 */
final class IpLiterals {

    private IpLiterals() {
    }

    /** The canonical form of a numeric IPv4 or IPv6 address (with optional %zone), or empty if it is not one. */
    static Optional<String> canonical(String text) {
        if (text == null || text.isEmpty() || text.length() > 80) {
            return Optional.empty();
        }
        int percent = text.indexOf('%');
        String address = percent >= 0 ? text.substring(0, percent) : text;
        String zone = percent >= 0 ? text.substring(percent + 1) : null;
        if (zone != null && (zone.isEmpty() || !zone.chars().allMatch(c -> c > 0x20 && c < 0x7f))) {
            return Optional.empty();
        }
        if (address.indexOf(':') < 0) {
            return zone == null ? ipv4(address).map(octets -> AddressText.format(bytes(octets, 1), 0, Family.IPV4))
                    : Optional.empty();
        }
        return ipv6(address).map(groups -> AddressText.withZone(AddressText.format(bytes(groups, 2), 0, Family.IPV6), zone));
    }

    static boolean isIpv4(String canonical) {
        return canonical.indexOf(':') < 0;
    }

    private static Optional<int[]> ipv4(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return Optional.empty();
        }
        int[] octets = new int[4];
        for (int i = 0; i < 4; i++) {
            if (parts[i].isEmpty() || parts[i].length() > 3 || !parts[i].chars().allMatch(Character::isDigit)) {
                return Optional.empty();
            }
            octets[i] = Integer.parseInt(parts[i]);
            if (octets[i] > 255) {
                return Optional.empty();
            }
        }
        return Optional.of(octets);
    }

    /** Big-endian bytes of 8- or 16-bit values. */
    private static byte[] bytes(int[] values, int width) {
        byte[] out = new byte[values.length * width];
        for (int i = 0; i < values.length; i++) {
            for (int b = 0; b < width; b++) {
                out[i * width + b] = (byte) (values[i] >>> (8 * (width - 1 - b)));
            }
        }
        return out;
    }

    /** Eight 16-bit groups, or empty. Accepts "::" once and a trailing dotted IPv4 part. */
    private static Optional<int[]> ipv6(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        int doubleColon = lower.indexOf("::");
        if (doubleColon >= 0 && lower.indexOf("::", doubleColon + 1) >= 0) {
            return Optional.empty();
        }
        String head = doubleColon >= 0 ? lower.substring(0, doubleColon) : lower;
        String tail = doubleColon >= 0 ? lower.substring(doubleColon + 2) : "";
        Optional<int[]> headGroups = groups(head);
        Optional<int[]> tailGroups = groups(tail);
        if (headGroups.isEmpty() || tailGroups.isEmpty()) {
            return Optional.empty();
        }
        int count = headGroups.get().length + tailGroups.get().length;
        if (doubleColon < 0 ? count != 8 : count > 7) {
            return Optional.empty();
        }
        int[] result = new int[8];
        System.arraycopy(headGroups.get(), 0, result, 0, headGroups.get().length);
        System.arraycopy(tailGroups.get(), 0, result, 8 - tailGroups.get().length, tailGroups.get().length);
        return Optional.of(result);
    }

    private static Optional<int[]> groups(String text) {
        if (text.isEmpty()) {
            return Optional.of(new int[0]);
        }
        String[] parts = text.split(":", -1);
        int last = parts.length - 1;
        boolean embeddedIpv4 = parts[last].indexOf('.') >= 0;
        int[] result = new int[parts.length + (embeddedIpv4 ? 1 : 0)];
        for (int i = 0; i < parts.length; i++) {
            if (i == last && embeddedIpv4) {
                Optional<int[]> v4 = ipv4(parts[i]);
                if (v4.isEmpty()) {
                    return Optional.empty();
                }
                result[i] = v4.get()[0] << 8 | v4.get()[1];
                result[i + 1] = v4.get()[2] << 8 | v4.get()[3];
            } else {
                if (parts[i].isEmpty() || parts[i].length() > 4
                        || !parts[i].chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
                    return Optional.empty();
                }
                result[i] = Integer.parseInt(parts[i], 16);
            }
        }
        return Optional.of(result);
    }
}
