package org.socketinspector.model;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Everything one scan (live or imported) saw: the root of the scan JSON contract.
 *
 * @param schema      always {@link #SCHEMA} for this version of the contract
 * @param tool        the tool that made it
 * @param host        the machine it describes; its per-namespace facts (port start, bindv6only, localhost, ::1)
 *                    are those of the collector's own network namespace
 * @param collectedAt when it was collected
 * @param privileged  whether the collector ran with the rights to see every owner and option
 * @param sources     what it read, e.g. netlink, procfs-fd, pidfd-getsockopt, import:netstat-windows
 * @param limitations one human-readable line per thing it could not see
 * @param sockets     the sockets
 * @param skipped     lines of an imported capture that should have been sockets and could not be read (an addition
 *                    to scan/1: written only when not empty)
 * @param namespaces  the facts of every network namespace other than the collector's own that holds sockets of this
 *                    scan, one record per namespace (scan/2: written only when not empty); a socket's namespace not
 *                    listed here is the collector's, whose facts are the host's
 */
public record Scan(String schema, ToolInfo tool, HostInfo host, Instant collectedAt, boolean privileged,
                   List<String> sources, List<String> limitations, List<SocketRecord> sockets,
                   List<SkippedLine> skipped, List<NamespaceInfo> namespaces) {

    public static final String SCHEMA = "socket-inspector/scan/2";
    /** The first version of the contract, still read (docs/json-contract.md, "Versions"). */
    public static final String SCHEMA_V1 = "socket-inspector/scan/1";

    public Scan {
        // The contract carries milliseconds: nanoseconds are noise in a report and differ between clocks.
        collectedAt = collectedAt == null ? null : collectedAt.truncatedTo(ChronoUnit.MILLIS);
        sources = List.copyOf(sources);
        limitations = List.copyOf(limitations);
        sockets = List.copyOf(sockets);
        skipped = skipped == null ? List.of() : List.copyOf(skipped);
        namespaces = namespaces == null ? List.of() : List.copyOf(namespaces);
    }

    /** A scan of the collector's namespace only. */
    public Scan(String schema, ToolInfo tool, HostInfo host, Instant collectedAt, boolean privileged,
                List<String> sources, List<String> limitations, List<SocketRecord> sockets,
                List<SkippedLine> skipped) {
        this(schema, tool, host, collectedAt, privileged, sources, limitations, sockets, skipped, List.of());
    }

    /** A scan without skipped lines (every live scan). */
    public Scan(String schema, ToolInfo tool, HostInfo host, Instant collectedAt, boolean privileged,
                List<String> sources, List<String> limitations, List<SocketRecord> sockets) {
        this(schema, tool, host, collectedAt, privileged, sources, limitations, sockets, List.of(), List.of());
    }

    public Scan withSockets(List<SocketRecord> newSockets) {
        return new Scan(schema, tool, host, collectedAt, privileged, sources, limitations, newSockets, skipped,
                namespaces);
    }

    public Scan withSkipped(List<SkippedLine> newSkipped) {
        return new Scan(schema, tool, host, collectedAt, privileged, sources, limitations, sockets, newSkipped,
                namespaces);
    }

    public Scan withNamespaces(List<NamespaceInfo> newNamespaces) {
        return new Scan(schema, tool, host, collectedAt, privileged, sources, limitations, sockets, skipped,
                newNamespaces);
    }

    /** Whether {@code netns} is one of the other namespaces this scan lists (not the collector's own). */
    public boolean listsNamespace(NetNs netns) {
        return namespaces.stream().anyMatch(n -> n.netns().equals(netns));
    }

    /** The facts of the namespace a socket lives in: its listed record, else the host's (the collector's own). */
    public NamespaceInfo namespace(NetNs netns) {
        for (NamespaceInfo n : namespaces) {
            if (n.netns().equals(netns)) {
                return n;
            }
        }
        return NamespaceInfo.of(host, netns);
    }
}
