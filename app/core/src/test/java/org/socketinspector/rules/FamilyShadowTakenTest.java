package org.socketinspector.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.socketinspector.rules.Scans.linux;
import static org.socketinspector.rules.Scans.scan;
import static org.socketinspector.rules.Scans.tcp;
import static org.socketinspector.rules.Scans.udp;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.socketinspector.model.HostInfo;
import org.socketinspector.model.Scan;
import org.socketinspector.model.SocketRecord;

/**
 * Issue 18, defect 7: another user's socket on the other loopback family is the family shadow happening, raised as
 * LOCALHOST-FAMILY-TAKEN above the possibility; the owner's own socket there still covers the port.
 */
class FamilyShadowTakenTest {

    private static final HostInfo HOST = new HostInfo("box", "linux", "6.18.44", 1024, false,
            List.of("::1", "127.0.0.1"), true);

    private static List<Finding> loopbackFindings(Scan scan) {
        return RuleEngine.audit(scan).findings().stream().filter(f -> f.rule().startsWith("LOCALHOST-FAMILY"))
                .toList();
    }

    private static SocketRecord rootOn127(int port) {
        return tcp("127.0.0.1", port, 100, "sshd", "root", 0, 1, linux(true, false, null));
    }

    @Test
    void anotherUsersSocketOnTheOtherFamilyIsTheAttackHappening() {
        Scan scan = scan(HOST, rootOn127(8022),
                tcp("::1", 8022, 4242, "python3", "nobody", 65534, 2, linux(false, false, true)));
        List<Finding> found = loopbackFindings(scan);
        assertThat(found).extracting(Finding::rule).containsExactly("LOCALHOST-FAMILY-TAKEN");
        Finding taken = found.get(0);
        assertThat(taken.severity()).isEqualTo(Severity.HIGH);
        assertThat(taken.socket().pid()).as("about root's socket, the one whose clients go astray").isEqualTo(100);
        assertThat(taken.explanation()).contains("python3 (pid 4242, user nobody) holds TCP [::1]:8022")
                .contains("sshd (pid 100, user root)").contains("2026-11-25T12:00:00Z");
        assertThat(taken.remediation()).contains("python3 (pid 4242, user nobody)").contains("::1 port 8022");
    }

    @Test
    void theAttackIsRankedAboveThePossibility() {
        // localhost → 127.0.0.1 only: the possibility would be low; with ::1 first, high. The attack is high always,
        // above the rule's usual possibility (medium).
        Severity possible = RuleCatalog.byId("LOCALHOST-FAMILY-SHADOW").severity();
        Severity taken = RuleCatalog.byId("LOCALHOST-FAMILY-TAKEN").severity();
        assertThat(taken.atLeast(possible) && taken != possible).isTrue();
        HostInfo v4First = new HostInfo("box", "linux", "6.18.44", 1024, false, List.of("127.0.0.1", "::1"), true);
        Finding alone = loopbackFindings(scan(v4First, rootOn127(8022))).get(0);
        Finding withAttacker = loopbackFindings(scan(v4First, rootOn127(8022),
                tcp("::1", 8022, 4242, "python3", "nobody", 65534, 2, linux(false, false, true)))).get(0);
        assertThat(withAttacker.severity().atLeast(alone.severity()) && withAttacker.severity() != alone.severity())
                .isTrue();
    }

    @Test
    void theOwnersOwnSocketOnTheOtherFamilyStillCovers() {
        assertThat(loopbackFindings(scan(HOST, rootOn127(8022),
                tcp("::1", 8022, 101, "sshd", "root", 0, 2, linux(true, false, true))))).isEmpty();
        // another process of the same user covers too
        assertThat(loopbackFindings(scan(HOST,
                tcp("127.0.0.1", 8080, 200, "app", "alice", 1000, 1, linux(false, false, null)),
                tcp("::1", 8080, 201, "proxy", "alice", 1000, 2, linux(false, false, true))))).isEmpty();
    }

    @Test
    void aHolderWhoseUserIsUnknownOrRootIsNotCalledAnAttacker() {
        SocketRecord unknownOwner = tcp("::1", 8022, 300, "x", null, null, 2, linux(false, false, true));
        assertThat(loopbackFindings(scan(HOST, rootOn127(8022), unknownOwner))).isEmpty();
        // root beside alice: alice's clients of ::1 reach root, which could take any socket anyway; but alice's
        // 127.0.0.1 beside root's ::1 is another user on root's other family
        List<Finding> found = loopbackFindings(scan(HOST,
                tcp("127.0.0.1", 8080, 200, "app", "alice", 1000, 1, linux(false, false, null)),
                tcp("::1", 8080, 1, "systemd", "root", 0, 2, linux(false, false, true))));
        assertThat(found).extracting(Finding::rule).containsExactly("LOCALHOST-FAMILY-TAKEN");
        assertThat(found.get(0).socket().pid()).isEqualTo(1);
        assertThat(found.get(0).explanation()).startsWith("app (pid 200, user alice) holds TCP 127.0.0.1:8080");
    }

    @Test
    void theOtherDirectionAndUdpAndWildcardsToo() {
        // alice on ::1 only, bob on 127.0.0.1: each takes the other's clients of localhost, both are raised
        assertThat(loopbackFindings(scan(HOST,
                tcp("::1", 7000, 200, "app", "alice", 1000, 1, linux(false, false, true)),
                tcp("127.0.0.1", 7000, 300, "evil", "bob", 1001, 2, linux(false, false, null)))))
                .extracting(Finding::rule, f -> f.socket().pid())
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("LOCALHOST-FAMILY-TAKEN", 200),
                        org.assertj.core.groups.Tuple.tuple("LOCALHOST-FAMILY-TAKEN", 300));
        // UDP: root's 0.0.0.0:5353, nobody on [::]:5353 (v6only): ::1's datagrams go to nobody
        assertThat(loopbackFindings(scan(HOST,
                udp("0.0.0.0", 5353, 100, "avahi", "root", 0, 1, linux(false, false, null)),
                udp("::", 5353, 400, "evil", "nobody", 65534, 2, linux(false, false, true)))))
                .extracting(Finding::rule).containsExactly("LOCALHOST-FAMILY-TAKEN");
    }
}
