package org.socketinspector.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.socketinspector.rules.Scans.boundTcp;
import static org.socketinspector.rules.Scans.linux;
import static org.socketinspector.rules.Scans.scan;
import static org.socketinspector.rules.Scans.tcp;
import static org.socketinspector.rules.Scans.udp;
import static org.socketinspector.rules.Scans.windows;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.socketinspector.model.HostInfo;
import org.socketinspector.model.Scan;
import org.socketinspector.model.SocketRecord;

/**
 * No remediation widens exposure (issue 12 item 4), and the family shadow is told from the scanned host's facts
 * (item 8): its severity, its explanation, UDP too.
 */
class RemediationScopeTest {

    /** A wildcard in any spelling a fix could give: "::" alone, [::], 0.0.0.0, INADDR_ANY, dual-stack. */
    private static final Pattern WILDCARD = Pattern.compile(
            "(?<![0-9A-Fa-f:])::(?![0-9A-Fa-f:])|\\[::]|0\\.0\\.0\\.0|INADDR_ANY|in6addr_any|dual-?stack|dualstack",
            Pattern.CASE_INSENSITIVE);

    private static final HostInfo BOTH_V6_FIRST = Scans.LINUX.withLoopbackFacts(List.of("::1", "127.0.0.1"), true);
    private static final HostInfo V4_ONLY = Scans.LINUX.withLoopbackFacts(List.of("127.0.0.1"), true);
    private static final HostInfo NO_IPV6 = Scans.LINUX.withLoopbackFacts(List.of("127.0.0.1", "::1"), false);

    private static List<Finding> findings(Scan scan) {
        return RuleEngine.audit(scan).findings();
    }

    private static Finding shadow(HostInfo host, SocketRecord s) {
        List<Finding> found = findings(scan(host, s)).stream()
                .filter(f -> f.rule().equals("LOCALHOST-FAMILY-SHADOW")).toList();
        assertEquals(1, found.size(), () -> "one family shadow expected: " + found);
        return found.get(0);
    }

    @Test
    void noRemediationForALoopbackListenerSuggestsAWildcard() {
        // Every rule that can be raised for a loopback socket, on Linux and on Windows.
        Scan linuxScan = scan(BOTH_V6_FIRST,
                tcp("127.0.0.1", 8080, 100, "app", "alice", 1000, 1, linux(true, true, null)),
                tcp("::1", 8081, 101, "api", "alice", 1000, 2, linux(false, true, true)),
                udp("127.0.0.1", 5000, 102, "dns", "bob", 1001, 3, linux(true, false, null)),
                udp("::1", 5001, 103, "dns6", "bob", 1001, 4, linux(true, true, true)),
                boundTcp("127.0.0.1", 8082, 104, "pre", "carol", 1002, 5, linux(true, false, null)),
                tcp("::ffff:127.0.0.1", 8083, 105, "java", "dave", 1003, 6, linux(true, false, false)),
                tcp("127.0.0.1", 8084, 106, "unknown", "erin", 1004, 7, linux(false, false, null)),
                tcp("127.0.0.1", 8084, 107, "other", "frank", 1005, 8, linux(false, false, null)));
        Scan windowsScan = scan(Scans.WINDOWS.withLoopbackFacts(List.of("::1", "127.0.0.1"), null),
                tcp("127.0.0.1", 9000, 200, "py.exe", "alice", null, 0, windows(true, false, null)),
                tcp("::1", 9001, 201, "node.exe", "alice", null, 0, windows(false, false, true)),
                tcp("127.0.0.1", 9002, 202, "java.exe", "alice", null, 0, windows(null, null, null)));
        List<Finding> all = new java.util.ArrayList<>(findings(linuxScan));
        all.addAll(findings(windowsScan));
        List<String> rules = all.stream().map(Finding::rule).distinct().sorted().toList();
        assertTrue(rules.containsAll(List.of("LINUX-REUSEPORT-GROUP", "LINUX-UDP-REUSEADDR", "LOCALHOST-FAMILY-SHADOW",
                "TCP-BOUND-REUSEADDR", "REUSE-GROUP-OBSERVED", "WIN-REUSEADDR-SHARED", "OPTIONS-UNKNOWN")), rules::toString);
        for (Finding f : all) {
            if (f.socket().isHost()) {
                continue;
            }
            assertFalse(WILDCARD.matcher(f.remediation()).find(),
                    () -> f.rule() + " for " + f.socket().localAddress() + " suggests a wildcard: " + f.remediation());
        }
    }

    @Test
    void theFixStaysInTheListenersOwnScope() {
        String v4 = shadow(BOTH_V6_FIRST, tcp("127.0.0.1", 8080, 1, "app", "alice", 1000, 1, linux(true, false, null)))
                .remediation();
        assertTrue(v4.contains("::1 port 8080") && v4.contains("net.Listen(\"tcp\", \"[::1]:8080\")"), v4);
        String v6 = shadow(BOTH_V6_FIRST, tcp("::1", 8080, 1, "app", "alice", 1000, 1, linux(true, false, true)))
                .remediation();
        assertTrue(v6.contains("127.0.0.1 port 8080") && !v6.contains("::1 port"), v6);
        // A wildcard listener's scope in the other family is the other wildcard, with IPV6_V6ONLY on.
        String wild = shadow(BOTH_V6_FIRST, tcp("0.0.0.0", 8080, 1, "app", "alice", 1000, 1, linux(true, false, null)))
                .remediation();
        assertTrue(wild.contains("Also listen on :: port 8080 with IPV6_V6ONLY on"), wild);
        // A Java dual-stack socket bound to 127.0.0.1 (the kernel sees ::ffff:127.0.0.1) serves IPv4 loopback only.
        String mapped = shadow(BOTH_V6_FIRST, tcp("::ffff:127.0.0.1", 8080, 1, "java", "alice", 1000, 1,
                linux(true, false, false))).remediation();
        assertTrue(mapped.contains("::1 port 8080"), mapped);
    }

    @Test
    void severityFollowsWhatLocalhostResolvesToOnTheScannedHost() {
        SocketRecord listener = tcp("127.0.0.1", 8080, 1, "app", "alice", 1000, 1, linux(true, false, null));
        Finding first = shadow(BOTH_V6_FIRST, listener);
        assertEquals(Severity.HIGH, first.severity());
        assertTrue(first.explanation().contains("localhost resolves to ::1, then 127.0.0.1"), first.explanation());
        Finding absent = shadow(V4_ONLY, listener);
        assertEquals(Severity.LOW, absent.severity());
        assertTrue(absent.explanation().contains("just clients that use the literal ::1"), absent.explanation());
        Finding second = shadow(Scans.LINUX.withLoopbackFacts(List.of("127.0.0.1", "::1"), true), listener);
        assertEquals(Severity.MEDIUM, second.severity());
        Finding unknown = shadow(Scans.LINUX, listener);
        assertEquals(Severity.MEDIUM, unknown.severity());
        assertTrue(unknown.explanation().contains("is not recorded"), unknown.explanation());
        // A ::1 listener on a host whose localhost is 127.0.0.1 first: clients go to the free IPv4 address.
        Finding v6 = shadow(Scans.LINUX.withLoopbackFacts(List.of("127.0.0.1", "::1"), true),
                tcp("::1", 8080, 1, "app", "alice", 1000, 1, linux(true, false, true)));
        assertEquals(Severity.HIGH, v6.severity());
    }

    @Test
    void noShadowWhereTheHostHasNoIpv6Loopback() {
        Scan scan = scan(NO_IPV6, tcp("127.0.0.1", 8080, 1, "app", "alice", 1000, 1, linux(true, false, null)),
                udp("127.0.0.1", 5353, 2, "dns", "alice", 1000, 2, linux(false, false, null)));
        assertTrue(findings(scan).stream().noneMatch(f -> f.rule().equals("LOCALHOST-FAMILY-SHADOW")),
                () -> findings(scan).toString());
    }

    @Test
    void udpSocketsAreShadowedToo() {
        Finding f = shadow(BOTH_V6_FIRST, udp("127.0.0.1", 5353, 2, "dns", "alice", 1000, 2, linux(false, false, null)));
        assertTrue(f.explanation().contains("is bound to UDP 127.0.0.1:5353") && f.explanation().contains("datagrams"),
                f.explanation());
        assertTrue(f.remediation().contains("Also bind ::1 port 5353")
                && f.remediation().contains("net.ListenPacket(\"udp\", \"[::1]:5353\")"), f.remediation());
        // Both families bound: nothing to shadow.
        assertTrue(findings(scan(BOTH_V6_FIRST, udp("127.0.0.1", 5353, 2, "dns", "alice", 1000, 2,
                linux(false, false, null)), udp("::1", 5353, 2, "dns", "alice", 1000, 3, linux(false, false, true))))
                .stream().noneMatch(x -> x.rule().equals("LOCALHOST-FAMILY-SHADOW")));
    }
}
