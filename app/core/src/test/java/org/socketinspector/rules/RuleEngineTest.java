package org.socketinspector.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.socketinspector.rules.Scans.boundTcp;
import static org.socketinspector.rules.Scans.linux;
import static org.socketinspector.rules.Scans.scan;
import static org.socketinspector.rules.Scans.tcp;
import static org.socketinspector.rules.Scans.udp;
import static org.socketinspector.rules.Scans.windows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.socketinspector.model.Family;
import org.socketinspector.model.HostInfo;
import org.socketinspector.model.ProcessInfo;
import org.socketinspector.model.Protocol;
import org.socketinspector.model.Scan;
import org.socketinspector.model.SocketOptions;
import org.socketinspector.model.SocketRecord;

/** The rules on scans built from records (Linux as the native collector reports them, Windows as the probe does). */
class RuleEngineTest {

    private static List<String> rules(Scan scan) {
        return RuleEngine.audit(scan).findings().stream().map(Finding::rule).toList();
    }

    private static Finding only(Scan scan, String rule) {
        List<Finding> found = RuleEngine.audit(scan).findings().stream().filter(f -> f.rule().equals(rule)).toList();
        assertEquals(1, found.size(), () -> "expected one " + rule + " in " + RuleEngine.audit(scan).findings());
        return found.get(0);
    }

    @Test
    void controlSocketsWithoutReuseRiskGetNoFinding() {
        // A Linux TCP listener with SO_REUSEADDR (the JDK and Go default) is not co-bindable while it listens;
        // served on both loopback families; a dual-stack [::] listener covers both families.
        assertEquals(List.of(), rules(scan(Scans.LINUX,
                tcp("127.0.0.1", 8080, 100, "app", "alice", 1000, 1, linux(true, false, null)),
                tcp("::1", 8080, 100, "app", "alice", 1000, 2, linux(true, false, true)),
                tcp("::", 9090, 101, "api", "alice", 1000, 3, linux(false, false, false)),
                udp("127.0.0.1", 5000, 102, "dns", "alice", 1000, 4, linux(false, false, null)),
                udp("::1", 5000, 102, "dns", "alice", 1000, 5, linux(false, false, true)))));
        // A Windows exclusive wildcard listener on both families.
        assertEquals(List.of(), rules(scan(Scans.WINDOWS,
                tcp("0.0.0.0", 445, 4, "System", "SYSTEM", null, 0, windows(false, true, null)),
                tcp("::", 445, 4, "System", "SYSTEM", null, 0, windows(false, true, true)))));
    }

    @Test
    void reusePortNamesTheUserAndASharedAccountIsWorse() {
        Finding alice = only(scan(Scans.LINUX, tcp("0.0.0.0", 8443, 200, "envoy", "alice", 1000, 1,
                linux(true, true, null))), "LINUX-REUSEPORT-GROUP");
        assertEquals(Severity.MEDIUM, alice.severity());
        assertEquals(Attacker.SAME_USER, alice.attacker());
        assertTrue(alice.explanation().contains("alice") && alice.explanation().contains("envoy"), alice.explanation());
        Finding nobody = only(scan(Scans.LINUX, tcp("0.0.0.0", 8443, 200, "envoy", "nobody", 65534, 1,
                linux(false, true, null))), "LINUX-REUSEPORT-GROUP");
        assertEquals(Severity.HIGH, nobody.severity());
        assertTrue(nobody.explanation().contains("shared account nobody"), nobody.explanation());
    }

    @Test
    void udpReuseAddrSaysWhoReceivesUnicast() {
        Finding f = only(scan(Scans.LINUX, udp("0.0.0.0", 5353, 300, "avahi-daemon", "avahi", 107, 1,
                linux(true, false, null))), "LINUX-UDP-REUSEADDR");
        assertEquals(Attacker.ANY_USER, f.attacker());
        assertTrue(f.explanation().contains("most recently bound"), f.explanation());
        assertTrue(f.references().stream().anyMatch(r -> r.startsWith("measured:")), f.references().toString());
    }

    @Test
    void aTcpSocketBoundWithReuseAddrButNotListeningCanBeTakenByAnyUser() {
        Finding f = only(scan(Scans.LINUX, boundTcp("127.0.0.1", 8080, 600, "app", "alice", 1000, 1,
                linux(true, false, null))), "TCP-BOUND-REUSEADDR");
        assertEquals(Severity.MEDIUM, f.severity());
        assertEquals(Attacker.ANY_USER, f.attacker());
        assertTrue(f.explanation().contains("app (pid 600, user alice)") && f.explanation().contains("TCP 127.0.0.1:8080"),
                f.explanation());
        // The model's answer: the other user's bind succeeds, and the owner can still listen only if it listens first.
        assertTrue(f.explanation().contains("make this socket's listen() fail"), f.explanation());
        assertTrue(f.explanation().contains("If the second socket listens first, the first one's listen() fails"),
                f.explanation());
        assertTrue(f.remediation().contains("listen() right after bind()"), f.remediation());
        assertTrue(f.references().stream().anyMatch(r -> r.contains("inet_csk_bind_conflict")), f.references().toString());
        // A socket that only bound serves nobody yet: no family-shadow finding next to it.
        assertEquals(List.of("TCP-BOUND-REUSEADDR"), rules(scan(Scans.LINUX, boundTcp("127.0.0.1", 8080, 600, "app",
                "alice", 1000, 1, linux(true, false, null)))));
    }

    @Test
    void aBoundTcpSocketWithoutReuseAddrOrOnAPrivilegedPortGetsNoFinding() {
        // Without SO_REUSEADDR on the first socket nobody can co-bind it, whatever their options.
        assertEquals(List.of(), rules(scan(Scans.LINUX,
                boundTcp("127.0.0.1", 8080, 600, "app", "alice", 1000, 1, linux(false, false, null)),
                boundTcp("::", 8081, 601, "app", "alice", 1000, 2, linux(false, false, false)))));
        // Below ip_unprivileged_port_start another user cannot bind at all; with the sysctl lowered they can.
        assertEquals(List.of(), rules(scan(Scans.LINUX,
                boundTcp("0.0.0.0", 80, 602, "httpd", "root", 0, 3, linux(true, false, null)))));
        assertEquals(List.of("LOW-PRIVILEGED-PORT-START", "TCP-BOUND-REUSEADDR"),
                rules(scan(new HostInfo("box", "linux", "6.18", 0, false),
                        boundTcp("0.0.0.0", 80, 602, "httpd", "root", 0, 3, linux(true, false, null)))));
        // Unknown options are not a guess.
        assertEquals(List.of("OPTIONS-UNKNOWN"), rules(scan(Scans.LINUX,
                boundTcp("127.0.0.1", 8082, 603, "app", "alice", 1000, 4, SocketOptions.UNKNOWN))));
        // Once it listens (here dual-stack, serving both families), SO_REUSEADDR alone is safe on Linux.
        assertEquals(List.of(), rules(scan(Scans.LINUX,
                tcp("::", 8083, 604, "app", "alice", 1000, 5, linux(true, false, false)))));
    }

    @Test
    void localhostOnOneFamilyWithTheOtherFree() {
        Finding f = only(scan(Scans.LINUX, tcp("127.0.0.1", 6463, 400, "discord", "alice", 1000, 1,
                linux(false, false, null))), "LOCALHOST-FAMILY-SHADOW");
        assertTrue(f.explanation().contains("::1"), f.explanation());
        // A privileged port needs root on Linux: no finding; with the port start lowered, a host finding and this one.
        assertEquals(List.of(), rules(scan(Scans.LINUX, tcp("127.0.0.1", 631, 401, "cupsd", "root", 0, 1,
                linux(true, false, null)))));
        HostInfo lowered = new HostInfo("box", "linux", "6.18", 0, false);
        assertEquals(List.of("LOW-PRIVILEGED-PORT-START", "LOCALHOST-FAMILY-SHADOW"),
                rules(scan(lowered, tcp("127.0.0.1", 631, 401, "cupsd", "root", 0, 1, linux(true, false, null)))));
        // An IPv6 wildcard whose V6ONLY is unknown may cover 127.0.0.1: no guess, no finding.
        assertEquals(List.of(), rules(scan(Scans.LINUX,
                tcp("127.0.0.1", 7000, 402, "a", "alice", 1000, 1, linux(false, false, null)),
                tcp("::", 7000, 403, "b", "alice", 1000, 2, new SocketOptions(false, false, null, null)))));
    }

    @Test
    void windowsReuseAddrSeenByTheProbeIsSharedByAnyUser() {
        Finding f = only(scan(Scans.WINDOWS, Scans.withProbe(tcp("0.0.0.0", 5000, 500, "python.exe", "PC\\dev",
                null, 0, windows(null, false, null)), true, null)), "WIN-REUSEADDR-SHARED");
        assertEquals(Severity.HIGH, f.severity());
        assertTrue(f.remediation().contains("allow_reuse_address"), f.remediation());
    }

    @Test
    void windowsDefaultWildcardListenerIsNotExclusive() {
        Finding f = only(scan(Scans.WINDOWS, tcp("0.0.0.0", 3000, 600, "node.exe", "PC\\dev", null, 0,
                windows(false, false, null))), "WIN-NOT-EXCLUSIVE");
        assertEquals(Attacker.SAME_USER, f.attacker());
        assertTrue(f.explanation().contains("node.exe") && f.explanation().contains("3000"), f.explanation());
        assertTrue(f.remediation().contains("ExclusiveAddressUse"), f.remediation());
    }

    @Test
    void unknownOptionsAreInfoNotAGuess() {
        Finding f = only(scan(Scans.WINDOWS, tcp("0.0.0.0", 135, 900, "svchost.exe", null, null, 0,
                SocketOptions.UNKNOWN)), "OPTIONS-UNKNOWN");
        assertEquals(Severity.INFO, f.severity());
        assertTrue(f.remediation().contains("Administrator"), f.remediation());
    }

    @Test
    void severalProcessesOnOnePortAreShownTogether() {
        Finding f = only(scan(Scans.LINUX,
                tcp("0.0.0.0", 8080, 700, "nginx", "www-data", 33, 1, linux(true, true, null)),
                tcp("0.0.0.0", 8080, 701, "evil", "www-data", 33, 2, linux(true, true, null))), "REUSE-GROUP-OBSERVED");
        assertEquals(Severity.HIGH, f.severity());
        assertTrue(f.explanation().contains("nginx (pid 700") && f.explanation().contains("evil (pid 701"),
                f.explanation());
        // One socket inherited by workers (same inode) is not a group.
        assertTrue(rules(scan(Scans.LINUX,
                tcp("0.0.0.0", 80, 700, "nginx", "root", 0, 1, linux(true, false, null)),
                tcp("0.0.0.0", 80, 701, "nginx", "root", 0, 1, linux(true, false, null)))).isEmpty());
    }

    @Test
    void aSpecificBindNextToAWildcardListenerIsReported() {
        Finding f = only(scan(Scans.WINDOWS,
                tcp("0.0.0.0", 8000, 800, "server.exe", "PC\\svc", null, 0, windows(false, true, null)),
                tcp("127.0.0.1", 8000, 801, "other.exe", "PC\\svc", null, 0, windows(false, false, null))),
                "SPECIFIC-OVER-WILDCARD");
        assertTrue(f.explanation().contains("other.exe"), f.explanation());
    }

    @Test
    void javaWithExclusiveBindOffIsNamedFromItsCommandLine() {
        SocketRecord java = new SocketRecord(Protocol.TCP, Family.IPV4, "0.0.0.0", 8080, null, null, "LISTEN", "2", 1200,
                new ProcessInfo("java.exe", null,
                        "java -Dsun.net.useExclusiveBind=false -jar app.jar", "PC\\dev", null, List.of()),
                null, null, SocketOptions.UNKNOWN, null);
        assertEquals(List.of("JAVA-EXCLUSIVE-OFF", "OPTIONS-UNKNOWN"), rules(scan(Scans.WINDOWS, java)).stream()
                .filter(r -> !r.equals("LOCALHOST-FAMILY-SHADOW")).toList());
        SocketRecord plain = java.withOwner(1200, ProcessInfo.named("java.exe"));
        assertEquals(List.of("OPTIONS-UNKNOWN"), rules(scan(Scans.WINDOWS, plain)).stream()
                .filter(r -> !r.equals("LOCALHOST-FAMILY-SHADOW")).toList());
    }

    @Test
    void aSocketListedTwiceIsOneSocket() {
        SocketRecord s = tcp("0.0.0.0", 8443, 200, "envoy", "alice", 1000, 1, linux(true, true, null));
        assertEquals(List.of("LINUX-REUSEPORT-GROUP"), rules(scan(Scans.LINUX, s, s)).stream()
                .filter(r -> !r.equals("LOCALHOST-FAMILY-SHADOW")).toList());
    }

    @Test
    void everyRuleIdIsInTheCatalog() {
        assertEquals(12, RuleCatalog.all().size());
        RuleCatalog.all().forEach(r -> assertEquals(r, RuleCatalog.byId(r.id())));
    }

    @Test
    void aNameInACaptureMayBeAnyAddressSoTheFindingIsRaisedAndMarkedUncertain() {
        SocketRecord wildcard = tcp("0.0.0.0", 443, 300, "nginx", "www-data", 33, 1, SocketOptions.UNKNOWN);
        SocketRecord named = tcp("web01.example.int", 443, 301, "other", "bob", 1001, 2, SocketOptions.UNKNOWN)
                .withNames(new org.socketinspector.model.EndpointNames("web01.example.int", "https", null, null, true,
                        true));
        Finding f = only(scan(Scans.LINUX, wildcard, named), "SPECIFIC-OVER-WILDCARD");
        assertTrue(f.title().endsWith("(address unknown)"), f.title());
        assertTrue(f.explanation().contains("Address unknown (name in capture)")
                && f.explanation().contains("Uncertain") && f.explanation().contains("cut it"), f.explanation());
        // the same pair with a numeric address that the wildcard does not cover raises nothing
        SocketRecord v6 = tcp("::1", 443, 301, "other", "bob", 1001, 2, SocketOptions.UNKNOWN);
        assertTrue(RuleEngine.audit(scan(Scans.LINUX, wildcard, v6)).findings().stream()
                .noneMatch(x -> x.rule().equals("SPECIFIC-OVER-WILDCARD")));
    }
}
