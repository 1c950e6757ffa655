package org.socketinspector.parse;

import java.util.Locale;
import java.util.Optional;

/**
 * Numeric IP address text to the model's canonical form (IPv4 dotted quad; IPv6 compressed as RFC 5952 says,
 * lower case, zone kept as {@code %zone}). Never resolves names: captures come from other machines, and a
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
            return zone == null ? ipv4(address).map(IpLiterals::formatIpv4) : Optional.empty();
        }
        return ipv6(address).map(groups -> formatIpv6(groups) + (zone == null ? "" : "%" + zone));
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

    private static String formatIpv4(int[] octets) {
        return octets[0] + "." + octets[1] + "." + octets[2] + "." + octets[3];
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

    /** RFC 5952: the longest run (length >= 2) of zero groups becomes "::", the first one on a tie. */
    private static String formatIpv6(int[] groups) {
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; ) {
            if (groups[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                out.append("::");
                i += bestLength - 1;
                continue;
            }
            if (out.length() > 0 && out.charAt(out.length() - 1) != ':') {
                out.append(':');
            }
            out.append(Integer.toHexString(groups[i]));
        }
        return out.toString();
    }
}
