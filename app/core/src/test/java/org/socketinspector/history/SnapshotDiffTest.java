package org.socketinspector.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.socketinspector.history.ListenerChange.FieldChange;
import org.socketinspector.model.Family;
import org.socketinspector.model.HostInfo;
import org.socketinspector.model.ProcessInfo;
import org.socketinspector.model.Protocol;
import org.socketinspector.model.Scan;
import org.socketinspector.model.SocketOptions;
import org.socketinspector.model.SocketRecord;
import org.socketinspector.model.ToolInfo;

class SnapshotDiffTest {

    private static final SocketOptions PLAIN = new SocketOptions(false, false, null, null);

    @Test
    void sameListenersMeanNoDifference() {
        Scan scan = scan(tcp("0.0.0.0", 22, 100, "sshd", "root", PLAIN), udp("127.0.0.1", 53, 200, "dnsmasq"));
        assertThat(SnapshotDiff.between(scan, scan).isEmpty()).isTrue();
    }

    @Test
    void findsOpenedAndClosedListeners() {
        SocketRecord ssh = tcp("0.0.0.0", 22, 100, "sshd", "root", PLAIN);
        SocketRecord web = tcp("0.0.0.0", 8080, 300, "java", "ann", PLAIN);
        SocketRecord dns = udp("127.0.0.1", 53, 200, "dnsmasq");

        SnapshotDiff diff = SnapshotDiff.between(scan(ssh, dns), scan(ssh, web));

        assertThat(diff.opened()).containsExactly(web);
        assertThat(diff.closed()).containsExactly(dns);
        assertThat(diff.changed()).isEmpty();
    }

    @Test
    void sameEndpointOnAnotherFamilyOrAddressIsAnotherListener() {
        SocketRecord v4 = tcp("127.0.0.1", 5000, 1, "a", "ann", PLAIN);
        SocketRecord v6 = new SocketRecord(Protocol.TCP, Family.IPV6, "::1", 5000, null, null, SocketRecord.LISTEN,
                null, 2, ProcessInfo.named("b"), 1000, null, PLAIN, null);

        SnapshotDiff diff = SnapshotDiff.between(scan(v4), scan(v6));

        assertThat(diff.opened()).containsExactly(v6);
        assertThat(diff.closed()).containsExactly(v4);
    }

    @Test
    void reportsAChangedOwner() {
        SocketRecord before = tcp("0.0.0.0", 8080, 300, "java", "ann", PLAIN);
        SocketRecord after = tcp("0.0.0.0", 8080, 301, "python3", "bob", PLAIN);

        SnapshotDiff diff = SnapshotDiff.between(scan(before), scan(after));

        assertThat(diff.opened()).isEmpty();
        assertThat(diff.closed()).isEmpty();
        assertThat(diff.changed()).singleElement().satisfies(c -> {
            assertThat(c.before()).isEqualTo(before);
            assertThat(c.after()).isEqualTo(after);
            assertThat(c.fields()).containsExactly(new FieldChange("pid", "300", "301"),
                    new FieldChange("process", "java", "python3"), new FieldChange("user", "ann", "bob"));
        });
    }

    @Test
    void reportsChangedOptions() {
        SocketRecord before = tcp("0.0.0.0", 8080, 300, "java", "ann", PLAIN);
        SocketRecord after = before.withOptions(new SocketOptions(true, true, null, null));

        SnapshotDiff diff = SnapshotDiff.between(scan(before), scan(after));

        assertThat(diff.changed()).singleElement().extracting(ListenerChange::fields).asList().containsExactly(
                new FieldChange("reuseAddress", "false", "true"), new FieldChange("reusePort", "false", "true"));
    }

    @Test
    void anOwnerOrOptionTheLaterScanCouldNotSeeIsNotAChange() {
        SocketRecord privileged = tcp("0.0.0.0", 8080, 300, "java", "ann", PLAIN);
        SocketRecord unprivileged = privileged.withOwner(null, null).withOptions(SocketOptions.UNKNOWN);

        assertThat(SnapshotDiff.between(scan(privileged), scan(unprivileged)).isEmpty()).isTrue();
    }

    @Test
    void aReusePortGroupIsPairedByPidSoAJoiningProcessIsNew() {
        SocketOptions shared = new SocketOptions(false, true, null, null);
        SocketRecord worker1 = tcp("0.0.0.0", 9000, 10, "worker", "ann", shared);
        SocketRecord worker2 = tcp("0.0.0.0", 9000, 11, "worker", "ann", shared);
        SocketRecord intruder = tcp("0.0.0.0", 9000, 5, "evil", "ann", shared);

        SnapshotDiff diff = SnapshotDiff.between(scan(worker1, worker2), scan(worker2, intruder, worker1));

        assertThat(diff.opened()).containsExactly(intruder);
        assertThat(diff.closed()).isEmpty();
        assertThat(diff.changed()).isEmpty();
    }

    @Test
    void aRestartedServiceInAGroupIsAnOwnerChange() {
        SocketOptions shared = new SocketOptions(false, true, null, null);
        SocketRecord worker1 = tcp("0.0.0.0", 9000, 10, "worker", "ann", shared);
        SocketRecord worker2 = tcp("0.0.0.0", 9000, 11, "worker", "ann", shared);
        SocketRecord restarted = tcp("0.0.0.0", 9000, 12, "worker", "ann", shared);

        SnapshotDiff diff = SnapshotDiff.between(scan(worker1, worker2), scan(worker1, restarted));

        assertThat(diff.opened()).isEmpty();
        assertThat(diff.closed()).isEmpty();
        assertThat(diff.changed()).singleElement().extracting(ListenerChange::fields).asList()
                .containsExactly(new FieldChange("pid", "11", "12"));
    }

    @Test
    void connectionsAreNotListeners() {
        SocketRecord listener = tcp("0.0.0.0", 22, 100, "sshd", "root", PLAIN);
        SocketRecord connection = new SocketRecord(Protocol.TCP, Family.IPV4, "10.0.0.2", 22, "10.0.0.9", 50000,
                SocketRecord.ESTABLISHED, null, 101, ProcessInfo.named("sshd"), 0, null, PLAIN, null);

        assertThat(SnapshotDiff.between(scan(listener), scan(listener, connection)).isEmpty()).isTrue();
    }

    private static SocketRecord tcp(String address, int port, int pid, String process, String user, SocketOptions o) {
        return new SocketRecord(Protocol.TCP, Family.IPV4, address, port, null, null, SocketRecord.LISTEN, null, pid,
                new ProcessInfo(process, null, null, user, null, List.of()), null, null, o, null);
    }

    private static SocketRecord udp(String address, int port, int pid, String process) {
        return new SocketRecord(Protocol.UDP, Family.IPV4, address, port, null, null, null, null, pid,
                ProcessInfo.named(process), null, null, PLAIN, null);
    }

    private static Scan scan(SocketRecord... sockets) {
        return new Scan(Scan.SCHEMA, ToolInfo.current(), new HostInfo("lab1", "linux", "6.8", 1024, false),
                Instant.parse("2026-11-25T08:00:00Z"), true, List.of("netlink"), List.of(), List.of(sockets));
    }
}
