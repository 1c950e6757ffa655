package org.socketinspector.history;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.socketinspector.model.EndpointId;
import org.socketinspector.model.Scan;
import org.socketinspector.model.SocketRecord;

/**
 * What changed in the listening sockets between two scans: listeners that appeared, listeners that went away, and
 * listeners still there whose owner (pid, process, user) or reuse options changed.
 *
 * <p>Listeners are matched on their endpoint identity ({@link EndpointId}: namespace, protocol, family, local address,
 * port). The namespace is the collector's own ("host": also every version-1 snapshot, whose sockets carry no
 * namespace), else its name, else its inode, so a v1 and a v2 snapshot of unchanged sockets show no change, and a
 * named namespace re-created with a new inode keeps its listeners. Several sockets can share one
 * endpoint (an SO_REUSEPORT group, a UDP co-bind); they are paired by pid first, then in pid order, and the rest count
 * as opened or closed. A value that one of the scans could not see (null: no root, imported netstat) is unknown, not
 * different, so an unprivileged scan after a privileged one does not report every owner as changed.
 *
 * @param opened  listeners only in the later scan
 * @param closed  listeners only in the earlier scan
 * @param changed listeners in both whose owner or options differ
 */
public record SnapshotDiff(List<SocketRecord> opened, List<SocketRecord> closed, List<ListenerChange> changed) {

    private static final Comparator<SocketRecord> ORDER = Comparator
            .comparing(SocketRecord::protocol)
            .thenComparingInt(SocketRecord::localPort)
            .thenComparing(SocketRecord::family)
            .thenComparing(SocketRecord::localAddress)
            .thenComparing(SocketRecord::pid, Comparator.nullsLast(Comparator.naturalOrder()));

    public SnapshotDiff {
        opened = List.copyOf(opened);
        closed = List.copyOf(closed);
        changed = List.copyOf(changed);
    }

    public static SnapshotDiff between(Scan before, Scan after) {
        Map<EndpointId, List<SocketRecord>> earlier = listenersByEndpoint(before);
        Map<EndpointId, List<SocketRecord>> later = listenersByEndpoint(after);
        List<SocketRecord> opened = new ArrayList<>();
        List<SocketRecord> closed = new ArrayList<>();
        List<ListenerChange> changed = new ArrayList<>();
        Set<EndpointId> endpoints = new LinkedHashSet<>(earlier.keySet());
        endpoints.addAll(later.keySet());
        for (EndpointId endpoint : endpoints) {
            List<SocketRecord> was = new ArrayList<>(earlier.getOrDefault(endpoint, List.of()));
            List<SocketRecord> is = new ArrayList<>(later.getOrDefault(endpoint, List.of()));
            pairSamePid(was, is, changed);
            while (!was.isEmpty() && !is.isEmpty()) {
                addIfChanged(was.remove(0), is.remove(0), changed);
            }
            closed.addAll(was);
            opened.addAll(is);
        }
        opened.sort(ORDER);
        closed.sort(ORDER);
        changed.sort(Comparator.comparing(ListenerChange::after, ORDER));
        return new SnapshotDiff(opened, closed, changed);
    }

    public boolean isEmpty() {
        return opened.isEmpty() && closed.isEmpty() && changed.isEmpty();
    }

    private static Map<EndpointId, List<SocketRecord>> listenersByEndpoint(Scan scan) {
        Map<EndpointId, List<SocketRecord>> map = new LinkedHashMap<>();
        scan.sockets().stream().filter(SocketRecord::isListening).sorted(ORDER)
                .forEach(s -> map.computeIfAbsent(EndpointId.of(scan, s), k -> new ArrayList<>()).add(s));
        return map;
    }

    private static void pairSamePid(List<SocketRecord> was, List<SocketRecord> is, List<ListenerChange> changed) {
        for (var it = was.iterator(); it.hasNext(); ) {
            SocketRecord before = it.next();
            if (before.pid() == null) {
                continue;
            }
            for (int i = 0; i < is.size(); i++) {
                if (before.pid().equals(is.get(i).pid())) {
                    addIfChanged(before, is.remove(i), changed);
                    it.remove();
                    break;
                }
            }
        }
    }

    private static void addIfChanged(SocketRecord before, SocketRecord after, List<ListenerChange> changed) {
        ListenerChange change = ListenerChange.of(before, after);
        if (!change.fields().isEmpty()) {
            changed.add(change);
        }
    }

    /** Both values known and different. */
    static boolean differs(Object before, Object after) {
        return before != null && after != null && !Objects.equals(before, after);
    }
}
