package org.socketinspector.parse;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Pure reading of the files that decide where a client of {@code localhost} connects: the hosts file's entries for
 * the name, ordered as getaddrinfo(3) orders them (RFC 6724 destination rule 6, precedence, with glibc's gai.conf(5)
 * able to replace the table), and whether ::1 exists on this host (/proc/net/if_inet6 and disable_ipv6).
 * The collectors read the files (Linux: /etc/hosts, /etc/gai.conf, /proc; Windows: its hosts file) and hand the text
 * here, so this is tested on fixtures on any OS.
 */
public final class LoopbackFacts {

    /** RFC 6724 section 2.1 default policy table: ::1 has precedence 50, IPv4 (::ffff:0:0/96) 35. */
    private static final int DEFAULT_IPV6_LOOPBACK = 50;
    private static final int DEFAULT_IPV4 = 35;

    private LoopbackFacts() {
    }

    /**
     * The loopback addresses the hosts file gives {@code localhost}, in resolver order; empty when the file names no
     * address for it (the name is then resolved elsewhere: systemd-resolved, nss-myhostname or DNS).
     */
    public static List<String> localhost(String hostsFile, String gaiConf) {
        List<String> found = new ArrayList<>();
        for (String raw : hostsFile.split("\\R")) {
            int hash = raw.indexOf('#');
            String[] words = (hash < 0 ? raw : raw.substring(0, hash)).trim().split("\\s+");
            if (words.length < 2) {
                continue;
            }
            for (int i = 1; i < words.length; i++) {
                if (words[i].equalsIgnoreCase("localhost")) {
                    String address = normal(words[0]);
                    if (address != null && !found.contains(address)) {
                        found.add(address);
                    }
                    break;
                }
            }
        }
        int v6 = precedence(gaiConf, true);
        int v4 = precedence(gaiConf, false);
        // A stable sort: addresses of equal precedence keep the file's order, as glibc's qsort-with-index does.
        found.sort(Comparator.comparingInt(a -> -(a.contains(":") ? v6 : v4)));
        return List.copyOf(found);
    }

    /** The address as the rest of the tool writes it: "::1" for any spelling of it, IPv4 as is; null if neither. */
    private static String normal(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        if (w.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
            return w;
        }
        if (w.equals("::1") || w.matches("(0{1,4}:){7}0{0,3}1") || w.equals("0:0:0:0:0:0:0:1")) {
            return "::1";
        }
        return w.contains(":") ? w : null;
    }

    /**
     * The precedence of ::1 (ipv6 true) or of an IPv4 address under gai.conf: its {@code precedence} lines replace
     * the default table when there is at least one (gai.conf(5)); the longest matching prefix wins.
     */
    static int precedence(String gaiConf, boolean ipv6Loopback) {
        int best = -1;
        int value = ipv6Loopback ? DEFAULT_IPV6_LOOPBACK : DEFAULT_IPV4;
        boolean any = false;
        for (String raw : gaiConf.split("\\R")) {
            int hash = raw.indexOf('#');
            String[] words = (hash < 0 ? raw : raw.substring(0, hash)).trim().split("\\s+");
            if (words.length != 3 || !words[0].equals("precedence")) {
                continue;
            }
            int slash = words[1].indexOf('/');
            int length;
            int given;
            try {
                length = slash < 0 ? 128 : Integer.parseInt(words[1].substring(slash + 1));
                given = Integer.parseInt(words[2]);
            } catch (NumberFormatException e) {
                continue;
            }
            if (!any) {
                any = true;
                value = 0; // the default table is replaced: an address no line matches has none
            }
            String prefix = (slash < 0 ? words[1] : words[1].substring(0, slash)).toLowerCase(Locale.ROOT);
            if (matches(prefix, length, ipv6Loopback) && length > best) {
                best = length;
                value = given;
            }
        }
        return value;
    }

    /** Whether ::1 (or an IPv4-mapped loopback address) falls inside prefix/length; the common prefixes only. */
    private static boolean matches(String prefix, int length, boolean ipv6Loopback) {
        if (length == 0) {
            return true; // ::/0
        }
        if (ipv6Loopback) {
            return prefix.equals("::1") && length == 128;
        }
        return prefix.startsWith("::ffff:") && length <= 104 && (length <= 96 || prefix.startsWith("::ffff:127."));
    }

    /**
     * Whether ::1 can be bound: IPv6 not disabled (disable_ipv6 of "all" and of lo, each "0" or absent text null) and
     * the loopback address listed in /proc/net/if_inet6. A missing if_inet6 (no IPv6 in the kernel) means false.
     */
    public static boolean ipv6Loopback(String ifInet6, String disableAll, String disableLo) {
        if ("1".equals(trim(disableAll)) || "1".equals(trim(disableLo)) || ifInet6 == null) {
            return false;
        }
        for (String line : ifInet6.split("\\R")) {
            if (line.trim().startsWith("00000000000000000000000000000001")) {
                return true;
            }
        }
        return false;
    }

    private static String trim(String s) {
        return s == null ? null : s.trim();
    }
}
