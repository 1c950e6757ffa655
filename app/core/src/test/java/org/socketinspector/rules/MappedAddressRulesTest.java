package org.socketinspector.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.socketinspector.rules.Scans.linux;
import static org.socketinspector.rules.Scans.scan;
import static org.socketinspector.rules.Scans.tcp;
import static org.socketinspector.rules.Scans.udp;
import static org.socketinspector.rules.Scans.windows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.socketinspector.model.Scan;
import org.socketinspector.semantics.BindOption;

/**
 * A socket bound to an IPv4-mapped address (a Java dual-stack socket bound to "127.0.0.1") as the rules see it: they
 * ask the model about the socket as bound, and the model, which knows mapped addresses, answers for the IPv4
 * address it maps (issue 12: mapped addresses fixed in the model, once). Findings name the socket as bound.
 */
class MappedAddressRulesTest {

    private static final String MAPPED_VIEW = "::ffff:127.0.0.1 (the IPv4 address 127.0.0.1, on a dual-stack IPv6 socket)";

    private static Finding only(Scan scan, String rule) {
        List<Finding> found = RuleEngine.audit(scan).findings().stream().filter(f -> f.rule().equals(rule)).toList();
        assertEquals(1, found.size(), () -> "expected one " + rule + " in " + RuleEngine.audit(scan).findings());
        return found.get(0);
    }

    @Test
    void theQuestionsFirstSocketIsTheSocketAsBoundAndDualStack() {
        // IPV6_V6ONLY unknown (e.g. an import): a socket bound to a mapped address is dual-stack all the same.
        var endpoint = SocketView.endpoint(tcp("::ffff:127.0.0.1", 8080, 1, "java", "alice", 1000, 1,
                linux(true, true, null)));
        assertEquals("::ffff:127.0.0.1", endpoint.address());
        assertTrue(endpoint.has(BindOption.DUALSTACK), endpoint::toString);
        assertTrue(endpoint.has(BindOption.REUSEPORT), endpoint::toString);
        // The model's comparison, also for the hex form and with a zone on a link-local address.
        assertEquals("127.0.0.1", SocketView.comparedAddress("::ffff:7f00:1"));
        assertEquals("127.0.0.1", SocketView.comparedAddress("::FFFF:127.0.0.1"));
        assertEquals("fe80::1", SocketView.comparedAddress("fe80::1%eth0"));
        assertEquals("::1", SocketView.comparedAddress("::1"));
    }

    @Test
    void aReusePortGroupOnAMappedAddressNamesTheSocketAsBoundAndQuotesTheModelsMappedView() {
        Finding f = only(scan(Scans.LINUX, tcp("::ffff:127.0.0.1", 8080, 300, "java", "alice", 1000, 1,
                linux(true, true, false))), "LINUX-REUSEPORT-GROUP");
        assertEquals("::ffff:127.0.0.1", f.socket().localAddress());
        assertTrue(f.title().contains("[::ffff:127.0.0.1]:8080"), f.title());
        // Asked as bound, the model answers for the mapped socket: an IPv4 joiner on 127.0.0.1 does not share the
        // group, it takes every connection (flattened to 127.0.0.1 the question was a plain share).
        assertTrue(f.explanation().contains("The second socket receives all new connections to 127.0.0.1: for IPv4"
                + " traffic an IPv4 socket wins over an IPv6 one (dual-stack or IPv4-mapped)"), f.explanation());
    }

    @Test
    void aUdpCoBindOnAMappedAddressIsTheSameRiskAsOn127001AndTheModelSaysWhoReceives() {
        Finding mapped = only(scan(Scans.LINUX, udp("::ffff:127.0.0.1", 5000, 301, "java", "bob", 1001, 1,
                linux(true, false, false))), "LINUX-UDP-REUSEADDR");
        Finding plain = only(scan(Scans.LINUX, udp("127.0.0.1", 5000, 301, "java", "bob", 1001, 1,
                linux(true, false, null))), "LINUX-UDP-REUSEADDR");
        assertEquals(plain.severity(), mapped.severity());
        assertEquals("::ffff:127.0.0.1", mapped.socket().localAddress());
        assertTrue(mapped.explanation().contains("[::ffff:127.0.0.1]:5000"), mapped.explanation());
        assertTrue(mapped.explanation().contains("an IPv4 socket wins over an IPv6 one (dual-stack or IPv4-mapped)"),
                mapped.explanation());
    }

    @Test
    void theFamilyShadowOfAMappedListenerQuotesTheModelAboutTheMappedSocket() {
        Finding f = only(scan(Scans.LINUX, tcp("::ffff:127.0.0.1", 8080, 302, "java", "carol", 1002, 1,
                linux(true, false, false))), "LOCALHOST-FAMILY-SHADOW");
        assertEquals("::ffff:127.0.0.1", f.socket().localAddress());
        assertTrue(f.explanation().contains("nothing is bound to ::1 port 8080"), f.explanation());
        assertTrue(f.explanation().contains("Kernel view: ::1 and " + MAPPED_VIEW + " do not overlap"),
                f.explanation());
        // A ::1 socket beside it covers the other family: no finding.
        assertFalse(RuleEngine.audit(scan(Scans.LINUX,
                tcp("::ffff:127.0.0.1", 8080, 302, "java", "carol", 1002, 1, linux(true, false, false)),
                tcp("::1", 8080, 302, "java", "carol", 1002, 2, linux(true, false, true)))).findings().stream()
                .anyMatch(x -> x.rule().equals("LOCALHOST-FAMILY-SHADOW")));
    }

    @Test
    void onWindowsAMappedSocketWithUnknownV6OnlyIsStillAskedAboutAndSharedWithReuseAddr() {
        // Windows IPv6 sockets are IPv6-only by default; the rules must not turn the mapped bind into an
        // impossible question (an IPv6-only socket on a mapped address), and the attacker binds 127.0.0.1.
        Finding f = only(scan(Scans.WINDOWS, tcp("::ffff:127.0.0.1", 9000, 400, "java.exe", "alice", null, 0,
                windows(true, false, null))), "WIN-REUSEADDR-SHARED");
        assertEquals("::ffff:127.0.0.1", f.socket().localAddress());
        assertTrue(f.explanation().contains("[::ffff:127.0.0.1]:9000"), f.explanation());
    }
}
