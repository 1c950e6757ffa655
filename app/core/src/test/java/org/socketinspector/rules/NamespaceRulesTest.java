package org.socketinspector.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.socketinspector.rules.Scans.linux;
import static org.socketinspector.rules.Scans.scan;
import static org.socketinspector.rules.Scans.tcp;
import static org.socketinspector.rules.Scans.udp;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.socketinspector.model.NamespaceInfo;
import org.socketinspector.model.NetNs;
import org.socketinspector.model.Scan;
import org.socketinspector.model.SocketRecord;

/**
 * The rules reason within one network namespace (issue 19, item 4): sockets of two namespaces never pair, and each
 * namespace's own facts (unprivileged port start, ::1, localhost) decide its findings.
 */
class NamespaceRulesTest {

    private static final NetNs HOST = new NetNs(4026531840L, null);
    private static final NetNs WEB = new NetNs(4026532301L, "web");

    private static List<Finding> findings(Scan scan) {
        return RuleEngine.audit(scan).findings();
    }

    private static List<String> rules(Scan scan, int port) {
        return findings(scan).stream().filter(f -> f.socket().localPort() != null && f.socket().localPort() == port)
                .map(Finding::rule).sorted().toList();
    }

    @Test
    void twoNamespacesThatReuseOnePortNeverConflict() {
        // One process per namespace on 127.0.0.1:8080 and ::1:8080, no reuse options: in one namespace that would be a
        // reuse group (two processes own the same endpoint); in two it is two separate services, each served on both
        // loopback families.
        SocketRecord[] sockets = {
            tcp("127.0.0.1", 8080, 100, "app", "alice", 1000, 1, linux(false, false, null)).withNetns(HOST),
            tcp("::1", 8080, 100, "app", "alice", 1000, 2, linux(false, false, true)).withNetns(HOST),
            tcp("127.0.0.1", 8080, 200, "app", "bob", 1001, 3, linux(false, false, null)).withNetns(WEB),
            tcp("::1", 8080, 200, "app", "bob", 1001, 4, linux(false, false, true)).withNetns(WEB)};
        assertThat(findings(scan(Scans.LINUX, sockets))).isEmpty();
        // the same four sockets in one namespace: a reuse group, and bob's sockets beside alice's
        SocketRecord[] oneNamespace = java.util.Arrays.stream(sockets).map(s -> s.withNetns(HOST))
                .toArray(SocketRecord[]::new);
        assertThat(rules(scan(Scans.LINUX, oneNamespace), 8080)).contains("REUSE-GROUP-OBSERVED");
    }

    @Test
    void aListenerServesOnlyItsOwnNamespaceSoTheOtherFamilyElsewhereDoesNotCoverIt() {
        // alice serves 127.0.0.1:9000 in the host namespace; [::1]:9000 is held in netns web only: in the host, ::1
        // stays free (a possible shadow), and web's socket is no attack on alice (it cannot receive her clients).
        Scan scan = scan(Scans.LINUX,
                tcp("127.0.0.1", 9000, 100, "app", "alice", 1000, 1, linux(false, false, null)).withNetns(HOST),
                tcp("::1", 9000, 300, "nc", "nobody", 65534, 2, linux(false, false, true)).withNetns(WEB),
                tcp("127.0.0.1", 9000, 301, "app", "nobody", 65534, 3, linux(false, false, null)).withNetns(WEB));
        List<Finding> shadows = findings(scan).stream().filter(f -> f.rule().startsWith("LOCALHOST-FAMILY")).toList();
        assertThat(shadows).extracting(Finding::rule).containsExactly("LOCALHOST-FAMILY-SHADOW");
        assertThat(shadows.get(0).socket().pid()).isEqualTo(100);
        assertThat(shadows.get(0).socket().netns()).as("a scan of two namespaces names each finding's").isEqualTo(HOST);
    }

    @Test
    void eachNamespaceHasItsOwnFacts() {
        // The host (collector's namespace): port start 1024, ::1 exists. netns web: port start 80, no ::1.
        NamespaceInfo web = new NamespaceInfo(WEB, 80, false, List.of("127.0.0.1"), false);
        Scan scan = scan(Scans.LINUX,
                udp("127.0.0.1", 5353, 100, "mdns", "alice", 1000, 1, linux(false, false, null)).withNetns(HOST),
                udp("127.0.0.1", 5353, 200, "mdns", "bob", 1001, 2, linux(false, false, null)).withNetns(WEB))
                .withNamespaces(List.of(web));
        List<Finding> all = findings(scan);
        // web has no ::1: nobody can take it there; the host has one
        assertThat(all).filteredOn(f -> f.rule().equals("LOCALHOST-FAMILY-SHADOW"))
                .extracting(f -> f.socket().pid()).containsExactly(100);
        // web's low port start is web's finding, named; the host's 1024 raises nothing
        List<Finding> low = all.stream().filter(f -> f.rule().equals("LOW-PRIVILEGED-PORT-START")).toList();
        assertThat(low).hasSize(1);
        assertThat(low.get(0).socket().isHost()).isTrue();
        assertThat(low.get(0).socket().netns()).isEqualTo(WEB);
        assertThat(low.get(0).title()).contains("netns web");
    }

    @Test
    void aScanOfOneNamespacePrintsItsFindingsAsBefore() {
        Scan scan = scan(Scans.LINUX,
                tcp("127.0.0.1", 9000, 100, "app", "alice", 1000, 1, linux(false, false, null)).withNetns(HOST));
        assertThat(findings(scan)).extracting(f -> f.socket().netns()).containsOnlyNulls().isNotEmpty();
    }

    @Test
    void aFindingIsAboutTheSocketOfItsOwnNamespace() {
        SocketRecord inHost = tcp("127.0.0.1", 9000, 100, "app", "alice", 1000, 1, linux(false, false, null))
                .withNetns(HOST);
        SocketRecord inWeb = inHost.withNetns(WEB);
        Finding f = findings(scan(Scans.LINUX, inHost, inWeb)).stream()
                .filter(x -> WEB.equals(x.socket().netns())).findFirst().orElseThrow();
        assertThat(f.socket().isAbout(inWeb)).isTrue();
        assertThat(f.socket().isAbout(inHost)).isFalse();
    }
}
