package org.socketinspector.model;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Everything one scan (live or imported) saw: the root of the scan JSON contract.
 *
 * @param schema      always {@link #SCHEMA} for this version of the contract
 * @param tool        the tool that made it
 * @param host        the machine it describes
 * @param collectedAt when it was collected
 * @param privileged  whether the collector ran with the rights to see every owner and option
 * @param sources     what it read, e.g. netlink, procfs-fd, pidfd-getsockopt, import:netstat-windows
 * @param limitations one human-readable line per thing it could not see
 * @param sockets     the sockets
 * @param skipped     lines of an imported capture that should have been sockets and could not be read (an addition
 *                    to scan/1: written only when not empty)
 */
public record Scan(String schema, ToolInfo tool, HostInfo host, Instant collectedAt, boolean privileged,
                   List<String> sources, List<String> limitations, List<SocketRecord> sockets,
                   List<SkippedLine> skipped) {

    public static final String SCHEMA = "socket-inspector/scan/1";

    public Scan {
        // The contract carries milliseconds: nanoseconds are noise in a report and differ between clocks.
        collectedAt = collectedAt == null ? null : collectedAt.truncatedTo(ChronoUnit.MILLIS);
        sources = List.copyOf(sources);
        limitations = List.copyOf(limitations);
        sockets = List.copyOf(sockets);
        skipped = skipped == null ? List.of() : List.copyOf(skipped);
    }

    /** A scan without skipped lines (every live scan). */
    public Scan(String schema, ToolInfo tool, HostInfo host, Instant collectedAt, boolean privileged,
                List<String> sources, List<String> limitations, List<SocketRecord> sockets) {
        this(schema, tool, host, collectedAt, privileged, sources, limitations, sockets, List.of());
    }

    public Scan withSockets(List<SocketRecord> newSockets) {
        return new Scan(schema, tool, host, collectedAt, privileged, sources, limitations, newSockets, skipped);
    }

    public Scan withSkipped(List<SkippedLine> newSkipped) {
        return new Scan(schema, tool, host, collectedAt, privileged, sources, limitations, sockets, newSkipped);
    }
}
