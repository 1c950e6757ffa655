package org.socketinspector.inspect;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.socketinspector.input.BoundedInput;
import org.socketinspector.input.InputException;
import org.socketinspector.input.InputLimits;
import org.socketinspector.json.ScanJson;
import org.socketinspector.model.Scan;
import org.socketinspector.model.SocketRecord;
import org.socketinspector.output.OutputFile;
import org.socketinspector.parse.CaptureFormat;
import org.socketinspector.parse.CaptureParseException;
import org.socketinspector.parse.CaptureScans;
import org.socketinspector.rules.Audit;

/**
 * The one reader of files a user gives (captures, scan and audit JSON, baselines), for every front end: each goes
 * through the bounded reader ({@link BoundedInput}: size cap, idle timeout, FIFOs, pipes and {@code -}), and every
 * failure is an {@link InspectException} of one line naming the file and the reason, so that {@code audit --input},
 * {@code import}, {@code report --input} and the GUI's "Open capture" say the same about the same file.
 */
public final class UserFiles {

    private UserFiles() {
    }

    /** What a file held: the scan (with its sockets unless streamed) and, for a JSON document, the document. */
    record Read(Scan scan, Audit document, boolean auditDocument) {
    }

    /**
     * Streams a capture (any format; {@code format} null = detect): its sockets go to {@code sink} in the capture's
     * order and the scan returned has none, except for a JSON document, which is read whole (bounded by the JSON
     * limit) and returned with its sockets. What {@code import} prints.
     */
    public static Scan scan(Path file, CaptureFormat format, boolean includeConnections, boolean strict,
                            InputLimits limits, Consumer<SocketRecord> sink) throws InspectException {
        return capture(file, format, includeConnections, strict, limits, sink).scan();
    }

    /** The whole capture, every socket held (for the rules). */
    static Read capture(Path file, CaptureFormat format, boolean includeConnections, InputLimits limits)
            throws InspectException {
        List<SocketRecord> sockets = new ArrayList<>();
        Read read = capture(file, format, includeConnections, false, limits, sockets::add);
        return read.document() != null ? read : new Read(read.scan().withSockets(sockets), null, false);
    }

    private static Read capture(Path file, CaptureFormat format, boolean includeConnections, boolean strict,
                                InputLimits limits, Consumer<SocketRecord> sink) throws InspectException {
        boolean stdin = isStdin(file);
        try (BoundedInput input = open(file, limits)) {
            Instant collectedAt = stdin ? Instant.now() : Files.getLastModifiedTime(file).toInstant();
            CaptureScans.Imported imported = CaptureScans.read(input, format, strict, includeConnections,
                    stdin ? null : hostName(file), collectedAt, sink);
            if (imported.format() == CaptureFormat.JSON) {
                Read document = json(input, Math.min(limits.maxBytes(), InputLimits.JSON.maxBytes()));
                // the source list says it was imported, as for any capture
                Scan scan = document.scan();
                List<String> sources = new ArrayList<>(scan.sources());
                sources.add(CaptureFormat.JSON.importSource());
                Scan imported2 = new Scan(scan.schema(), scan.tool(), scan.host(), scan.collectedAt(), scan.privileged(),
                        sources, scan.limitations(), scan.sockets(), scan.skipped());
                return new Read(imported2, new Audit(imported2, document.document().findings()),
                        document.auditDocument());
            }
            Scan scan = imported.scan();
            List<String> limitations = new ArrayList<>(scan.limitations());
            limitations.add(stdin ? "read from standard input; collectedAt is the time of the import"
                    : "collectedAt is the capture file's modification time");
            return new Read(new Scan(scan.schema(), scan.tool(), scan.host(), scan.collectedAt(), scan.privileged(),
                    scan.sources(), limitations, scan.sockets(), scan.skipped()), null, false);
        } catch (CaptureParseException e) {
            throw new InspectException(e.getMessage(), e);
        } catch (InputException e) {
            throw new InspectException(e.getMessage(), e);
        } catch (IOException e) {
            throw cannotRead(file, e);
        }
    }

    /** A scan or audit JSON document, nothing else; within {@code limits}. */
    static Read document(Path file, InputLimits limits) throws InspectException {
        try (BoundedInput input = open(file, limits)) {
            return json(input, limits.maxBytes());
        } catch (InputException e) {
            throw new InspectException(e.getMessage(), e);
        } catch (IOException e) {
            throw cannotRead(file, e);
        }
    }

    /**
     * A JSON file's text (a baseline, a what-if batch), decoded as strict UTF-8 so that a bad byte is an error naming
     * its offset instead of Java's "Input length = 1".
     */
    public static String jsonText(Path file, InputLimits limits) throws InspectException {
        try (BoundedInput input = open(file, limits)) {
            return decode(readAll(input.stream(), limits.maxBytes(), input.name()), input.name());
        } catch (InputException e) {
            throw new InspectException(e.getMessage(), e);
        } catch (IOException e) {
            throw cannotRead(file, e);
        }
    }

    /** The rest of the input as a scan or audit document, at most {@code maxBytes}. */
    private static Read json(BoundedInput input, long maxBytes) throws IOException {
        String text = decode(readAll(input.stream(), maxBytes, input.name()), input.name());
        try {
            ScanJson.Document document = ScanJson.readDocument(text);
            return new Read(document.audit().scan(), document.audit(), document.isAudit());
        } catch (ScanJson.InvalidJsonException e) {
            throw new InspectException(input.name() + ": " + e.getMessage(), e);
        }
    }

    private static BoundedInput open(Path file, InputLimits limits) throws InputException {
        return BoundedInput.open(file, limits);
    }

    private static byte[] readAll(InputStream in, long maxBytes, String name) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[64 * 1024];
        long total = 0;
        for (int n; (n = in.read(buf)) >= 0; ) {
            total += n;
            if (total > maxBytes) {
                // the same words as the bounded reader's own limit
                throw new InputException(name, "larger than the limit of " + InputLimits.bytesText(maxBytes));
            }
            out.write(buf, 0, n);
        }
        return out.toByteArray();
    }

    /** Strict UTF-8 (a leading BOM skipped); the first bad byte is named by its offset. */
    static String decode(byte[] bytes, String name) throws InputException {
        int start = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
                && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(in).toString();
        } catch (CharacterCodingException e) {
            throw new InputException(name, "not valid UTF-8 at byte " + in.position() + " (JSON input must be UTF-8)");
        }
    }

    /** "web01.netstat.txt" -> "web01.netstat": the capture's name is the best guess of the machine's. */
    static String hostName(Path file) {
        Path name = file.getFileName();
        if (name == null) {
            return null;
        }
        String text = name.toString();
        int dot = text.lastIndexOf('.');
        String base = dot > 0 ? text.substring(0, dot) : text;
        return base.isBlank() ? null : base;
    }

    static boolean isStdin(Path file) {
        return file.toString().equals("-");
    }

    private static InspectException cannotRead(Path file, IOException e) {
        return new InspectException(file + ": cannot be read (" + OutputFile.reason(e) + ")", e);
    }
}
