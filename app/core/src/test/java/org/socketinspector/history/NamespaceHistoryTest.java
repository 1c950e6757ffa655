package org.socketinspector.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.socketinspector.json.ScanJson;
import org.socketinspector.model.NamespaceInfo;
import org.socketinspector.model.NetNs;
import org.socketinspector.model.Scan;
import org.socketinspector.model.SocketRecord;
import org.socketinspector.rules.Audit;
import org.socketinspector.store.HistoryStore;

/**
 * The history diff's endpoint identity knows namespaces (issue 19, item 4): a version-1 snapshot and a version-2 one
 * of unchanged sockets show no change, an old history database still opens, a named namespace re-created with a new
 * inode (a container restart) keeps its listeners, and two namespaces on one endpoint stay apart.
 */
class NamespaceHistoryTest {

    private static final NetNs HOST = new NetNs(4026531840L, null);

    @TempDir
    Path dir;

    private static String demoV1() throws Exception {
        try (var in = NamespaceHistoryTest.class.getResourceAsStream("/org/socketinspector/json/audit-1-demo.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The same audit as a version-2 collector writes it: every socket in the collector's namespace. */
    private static Audit asVersionTwo(Audit v1) {
        return new Audit(v1.scan().withSockets(v1.scan().sockets().stream().map(s -> s.withNetns(HOST)).toList()),
                v1.findings());
    }

    @Test
    void anOldHistoryDatabaseOpensAndItsVersionOneSnapshotDiffsCleanAgainstVersionTwo() throws Exception {
        Path file = dir.resolve("history.db");
        Audit v1 = ScanJson.read(demoV1());
        long oldId;
        try (HistoryStore history = HistoryStore.open(file)) {
            oldId = history.saveSnapshot(v1).number();
        }
        // What an earlier build stored: the audit/1 text itself.
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
             var update = c.prepareStatement("UPDATE runs SET json = ? WHERE id = ?")) {
            update.setString(1, demoV1());
            update.setLong(2, oldId);
            assertThat(update.executeUpdate()).isOne();
        }
        try (HistoryStore history = HistoryStore.open(file)) {
            var oldSnapshot = history.list(org.socketinspector.store.HistoryFilter.snapshots(),
                    new org.socketinspector.store.Page(10, 0));
            assertThat(oldSnapshot).hasSize(1);
            assertThat(history.json(oldSnapshot.get(0).id()).orElseThrow()).contains("socket-inspector/audit/1");
            Audit before = history.snapshot(oldSnapshot.get(0).id()).orElseThrow();
            assertThat(before.findings()).hasSize(7);

            var newId = history.saveSnapshot(asVersionTwo(before));
            assertThat(history.json(newId).orElseThrow()).contains("socket-inspector/audit/2");
            Audit after = history.snapshot(newId).orElseThrow();
            assertThat(after.scan().sockets()).allMatch(s -> s.netns().equals(HOST));

            assertThat(SnapshotDiff.between(before.scan(), after.scan()).isEmpty()).isTrue();
            assertThat(FindingsDiff.between(before, after).isEmpty()).isTrue();
        }
    }

    @Test
    void aNamedNamespaceMadeAgainKeepsItsListeners() throws Exception {
        Scan host = ScanJson.read(demoV1()).scan();
        SocketRecord listener = host.sockets().get(1);
        NetNs before = new NetNs(4026532301L, "web");
        NetNs after = new NetNs(4026532999L, "web");
        Scan first = withOneIn(host, listener, before);
        Scan second = withOneIn(host, listener, after);
        assertThat(SnapshotDiff.between(first, second).isEmpty()).isTrue();
        // without a name the inode is all there is: a new namespace, so its listener is new
        Scan third = withOneIn(host, listener, new NetNs(4026532999L, null));
        SnapshotDiff diff = SnapshotDiff.between(first, third);
        assertThat(diff.opened()).hasSize(1);
        assertThat(diff.closed()).hasSize(1);
    }

    @Test
    void twoNamespacesOnOneEndpointStayApart() throws Exception {
        Scan host = ScanJson.read(demoV1()).scan();
        SocketRecord listener = host.sockets().get(1);
        NetNs web = new NetNs(4026532301L, "web");
        Scan both = withOneIn(host, listener.withOwner(4242, listener.process()), web);
        // the web copy closes; the host's own listener on the same endpoint stays
        SnapshotDiff diff = SnapshotDiff.between(both, host);
        assertThat(diff.closed()).extracting(SocketRecord::netns).containsExactly(web);
        assertThat(diff.opened()).isEmpty();
        assertThat(diff.changed()).isEmpty();
    }

    private static Scan withOneIn(Scan host, SocketRecord listener, NetNs netns) {
        List<SocketRecord> sockets = new java.util.ArrayList<>(host.sockets());
        sockets.add(listener.withNetns(netns));
        return host.withSockets(sockets).withNamespaces(List.of(new NamespaceInfo(netns, 1024, false, null, true)));
    }
}
