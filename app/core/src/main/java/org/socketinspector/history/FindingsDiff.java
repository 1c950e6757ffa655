package org.socketinspector.history;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.socketinspector.model.EndpointId;
import org.socketinspector.model.Family;
import org.socketinspector.model.NetNs;
import org.socketinspector.model.Protocol;
import org.socketinspector.model.Scan;
import org.socketinspector.rules.Audit;
import org.socketinspector.rules.Finding;

/**
 * Which findings two saved audits do not share: risks raised since the earlier one, and risks resolved.
 *
 * <p>A finding is the same when its rule and its socket's endpoint identity (namespace, protocol, family, address,
 * port; {@link EndpointId}) are; the pid is left out, so a restarted service keeps its findings instead of showing each one as resolved and raised again.
 * Suppression is not compared: a baseline accepting a risk does not make it new or gone.
 *
 * @param raised   findings only in the later audit
 * @param resolved findings only in the earlier audit
 */
public record FindingsDiff(List<Finding> raised, List<Finding> resolved) {

    public FindingsDiff {
        raised = List.copyOf(raised);
        resolved = List.copyOf(resolved);
    }

    /** The findings of two audits, each finding's namespace told as its own scan names it (see {@link EndpointId}). */
    public static FindingsDiff between(Audit before, Audit after) {
        return between(before.findings(), before.scan(), after.findings(), after.scan());
    }

    /** Findings without their scans: a namespace a finding names is known by its name, else its inode. */
    public static FindingsDiff between(List<Finding> before, List<Finding> after) {
        return between(before, null, after, null);
    }

    private static FindingsDiff between(List<Finding> before, Scan beforeScan, List<Finding> after, Scan afterScan) {
        Set<Key> earlier = before.stream().map(f -> Key.of(f, beforeScan)).collect(Collectors.toSet());
        Set<Key> later = after.stream().map(f -> Key.of(f, afterScan)).collect(Collectors.toSet());
        return new FindingsDiff(
                after.stream().filter(f -> !earlier.contains(Key.of(f, afterScan))).toList(),
                before.stream().filter(f -> !later.contains(Key.of(f, beforeScan))).toList());
    }

    public boolean isEmpty() {
        return raised.isEmpty() && resolved.isEmpty();
    }

    private record Key(String rule, String namespace, Protocol protocol, Family family, String address,
                       Integer port) {
        static Key of(Finding f, Scan scan) {
            Objects.requireNonNull(f.socket(), "finding subject");
            NetNs netns = f.socket().netns();
            String namespace = scan != null ? EndpointId.namespaceKey(scan, netns)
                    : netns == null || !netns.isKnown() ? EndpointId.HOST
                    : netns.name() != null ? "name:" + netns.name() : "inode:" + netns.inode();
            return new Key(f.rule(), namespace, f.socket().protocol(), f.socket().family(),
                    f.socket().localAddress(), f.socket().localPort());
        }
    }
}
