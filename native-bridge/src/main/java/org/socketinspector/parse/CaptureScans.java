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
        // lines the tool printed that could not be read (parseSkipping) are named in the limitations and kept here
        return new Scan(Scan.SCHEMA, ToolInfo.current(), host, collectedAt, privileged, List.of(source), limitations,
                selected(capture, includeConnections), capture.skipped());
    }

    /** A capture read by {@link #read}: its format and encoding, and the scan (null for JSON, which the app reads). */
    public record Imported(CaptureFormat format, java.nio.charset.Charset charset, Scan scan) {
    }

    /**
     * Streams a capture into a scan: only the sockets kept are held in memory (listeners and bound UDP sockets unless
     * {@code includeConnections}). A JSON document is only recognised: the input is left unread for the caller.
     *
     * @param requested the format the user named, or null to detect it
     * @param strict    refuse the file at the first line that should have been a socket (else it is skipped and listed)
     */
    public static Imported read(org.socketinspector.input.BoundedInput input, CaptureFormat requested, boolean strict,
                                boolean includeConnections, String hostName, Instant collectedAt)
            throws java.io.IOException, CaptureParseException {
        List<SocketRecord> kept = new ArrayList<>();
        Imported imported = read(input, requested, strict, includeConnections, hostName, collectedAt, kept::add);
        return imported.scan() == null ? imported
                : new Imported(imported.format(), imported.charset(), imported.scan().withSockets(kept));
    }

    /**
     * Streams a capture without holding its sockets: each socket kept goes to {@code sink} in the capture's order,
     * and the scan returned has every field but its sockets (the limitations are known only at the end).
     */
    public static Imported read(org.socketinspector.input.BoundedInput input, CaptureFormat requested, boolean strict,
                                boolean includeConnections, String hostName, Instant collectedAt,
                                java.util.function.Consumer<SocketRecord> sink)
            throws java.io.IOException, CaptureParseException {
        CaptureReader.Result result = CaptureReader.read(input, requested, strict, s -> {
            if (includeConnections || s.isListening()) {
                sink.accept(s);
            }
        });
        if (result.capture() == null) {
            return new Imported(result.format(), result.charset(), null);
        }
        ParsedCapture capture = result.capture();
        List<String> limitations = new ArrayList<>(capture.limitations());
        limitations.add("imported from a " + capture.format().wireName() + " capture: the capturing user's rights "
                + "are unknown, so owners it could not see are missing without a reason");
        limitations.add("read as " + result.charset().name());
        Scan scan = new Scan(Scan.SCHEMA, ToolInfo.current(), new HostInfo(hostName, capture.os(), null, null, null),
                collectedAt, false, List.of(capture.format().importSource()), limitations, List.of(), capture.skipped());
        return new Imported(result.format(), result.charset(), scan);
    }

    private static List<SocketRecord> selected(ParsedCapture capture, boolean includeConnections) {
        return capture.sockets().stream().filter(s -> includeConnections || s.isListening()).toList();
    }
}
