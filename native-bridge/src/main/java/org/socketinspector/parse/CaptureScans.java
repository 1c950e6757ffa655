package org.socketinspector.parse;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.socketinspector.model.HostInfo;
import org.socketinspector.model.Scan;
import org.socketinspector.model.SocketRecord;
import org.socketinspector.model.ToolInfo;

/** Wraps what a parser read into the scan contract, so that an import prints exactly like a live scan. */
public final class CaptureScans {

    private CaptureScans() {
    }

    /**
     * @param hostName           the captured machine's name if known (e.g. from the file name), else null
     * @param collectedAt        when the capture was taken, as well as it is known
     * @param includeConnections false keeps only listeners and bound UDP sockets, like {@code scan} without --all
     */
    public static Scan toScan(ParsedCapture capture, String hostName, Instant collectedAt, boolean includeConnections) {
        List<String> limitations = new ArrayList<>(capture.limitations());
        limitations.add("imported from a " + capture.format().wireName() + " capture: the capturing user's rights "
                + "are unknown, so owners it could not see are missing without a reason");
        return new Scan(Scan.SCHEMA, ToolInfo.current(), new HostInfo(hostName, capture.os(), null, null, null),
                collectedAt, false, List.of(capture.format().importSource()), limitations,
                selected(capture, includeConnections));
    }

    /**
     * A live scan made by running a tool on this machine.
     *
     * @param source           the scan's source name, e.g. "ss", "netstat"
     * @param extraLimitations what the runner knows beyond the parser (e.g. "not root: ...")
     */
    public static Scan live(ParsedCapture capture, HostInfo host, Instant collectedAt, boolean privileged,
                            String source, List<String> extraLimitations, boolean includeConnections) {
        List<String> limitations = new ArrayList<>(extraLimitations);
        limitations.addAll(capture.limitations());
        return new Scan(Scan.SCHEMA, ToolInfo.current(), host, collectedAt, privileged, List.of(source), limitations,
                selected(capture, includeConnections));
    }

    private static List<SocketRecord> selected(ParsedCapture capture, boolean includeConnections) {
        return capture.sockets().stream().filter(s -> includeConnections || s.isListening()).toList();
    }
}
