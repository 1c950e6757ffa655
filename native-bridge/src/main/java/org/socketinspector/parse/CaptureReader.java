package org.socketinspector.parse;

import java.io.IOException;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.socketinspector.input.BoundedInput;
import org.socketinspector.input.InputLine;
import org.socketinspector.input.LineReader;
import org.socketinspector.model.SkippedLine;
import org.socketinspector.model.SocketRecord;

/**
 * Reads a capture from a {@link BoundedInput} line by line, in bounded memory: the sample decides the encoding and
 * the format, then each line goes to the format's parser and each socket to the caller at once.
 *
 * <p>Nothing is lost silently: a line that should have been a socket and cannot be read becomes a
 * {@link SkippedLine} (unless {@code strict}, which refuses the whole file at that line), and a line where another
 * tool's output starts (netstat, then lsof, pasted into one file) switches to that tool's parser and says so
 * (only when the format was detected: a format the user named holds for the whole file).
 */
public final class CaptureReader {

    /** Bytes looked at to choose the encoding and the format. */
    static final int SAMPLE_BYTES = 1 << 20;
    /** Skipped lines kept in full; the count is always exact. */
    public static final int KEPT_SKIPPED = 1000;
    private static final int TEXT_LIMIT = 500;

    /** What was read: the format of the first section, the encoding, and the parsed capture. */
    public record Result(CaptureFormat format, Charset charset, ParsedCapture capture) {
    }

    private CaptureReader() {
    }

    /** Format and charset only, from the first bytes; nothing is consumed. */
    public static Result sniff(BoundedInput input, CaptureFormat requested) throws IOException, CaptureParseException {
        byte[] sample = input.peek(SAMPLE_BYTES);
        Charset charset = CaptureDecoder.sniff(sample, sample.length);
        if (requested != null) {
            return new Result(requested, charset, null);
        }
        String text = new String(sample, CaptureDecoder.bomLength(sample, charset),
                sample.length - CaptureDecoder.bomLength(sample, charset), charset);
        List<String> lines = List.of(text.split("\\R", CaptureDetector.SAMPLE_LINES + 1));
        return new Result(CaptureDetector.detect(lines, input.name()), charset, null);
    }

    /**
     * @param requested the format the user named, or null to detect it
     * @param strict    refuse the file at the first line that should have been a socket
     * @param sink      every socket read, in order
     * @throws CaptureParseException for an unknown format, or in strict mode for the first unreadable row
     */
    public static Result read(BoundedInput input, CaptureFormat requested, boolean strict, Consumer<SocketRecord> sink)
            throws IOException, CaptureParseException {
        Result sniffed = sniff(input, requested);
        if (sniffed.format() == CaptureFormat.JSON) {
            return sniffed;
        }
        String source = input.name();
        List<String> limitations = new ArrayList<>();
        List<SkippedLine> skipped = new ArrayList<>();
        long skippedCount = 0;
        List<SocketRecord> none = List.of();
        CaptureFormat format = sniffed.format();
        LineParser parser = CaptureParsers.forFormat(format).start(source);
        String os = parser.os();
        LineReader lines = input.lines(sniffed.charset());
        for (InputLine in; (in = lines.next()) != null; ) {
            CaptureLine line = new CaptureLine(source, in.number(), in.text());
            try {
                if (parser.accept(line, sink)) {
                    continue;
                }
                // a format the user named is trusted for the whole file: no switching to another tool's parser
                Optional<CaptureFormat> next = requested != null ? Optional.empty()
                        : CaptureDetector.sectionStart(in.text(), format);
                if (next.isPresent() && next.get() != CaptureFormat.JSON) {
                    parser.finish(sink, limitations);
                    format = next.get();
                    parser = CaptureParsers.forFormat(format).start(source);
                    limitations.add("line " + in.number() + ": the output of " + format.wireName()
                            + " starts here and was read as such");
                    parser.accept(line, sink);
                }
            } catch (CaptureParseException e) {
                if (strict) {
                    throw e;
                }
                skippedCount++;
                if (skipped.size() < KEPT_SKIPPED) {
                    String text = in.text().length() > TEXT_LIMIT ? in.text().substring(0, TEXT_LIMIT) + "…" : in.text();
                    skipped.add(new SkippedLine(in.number(), e.reason(), text));
                }
            }
        }
        parser.finish(sink, limitations);
        if (skippedCount > 0) {
            limitations.add(skippedCount + " line" + (skippedCount == 1 ? "" : "s") + " that should have been " + (skippedCount == 1 ? "a socket" : "sockets")
                    + " could not be read and " + (skippedCount == 1 ? "was" : "were") + " skipped (listed in skipped"
                    + (skippedCount > skipped.size() ? ", the first " + skipped.size() : "") + ")");
        }
        if (lines.replacedLineCount() > 0) {
            limitations.add(lines.replacedLineCount() + " line" + (lines.replacedLineCount() == 1 ? " has" : "s have")
                    + " bytes that are not valid " + sniffed.charset().name() + ", shown as U+FFFD (line"
                    + (lines.replacedLines().size() == 1 ? " " : "s ") + join(lines.replacedLines())
                    + (lines.replacedLineCount() > lines.replacedLines().size() ? ", ..." : "") + ")");
        }
        ParsedCapture capture = new ParsedCapture(sniffed.format(), os, none, limitations, skipped, skippedCount);
        return new Result(sniffed.format(), sniffed.charset(), capture);
    }

    private static String join(List<Long> numbers) {
        StringBuilder out = new StringBuilder();
        for (Long n : numbers) {
            out.append(out.length() == 0 ? "" : ", ").append(n);
        }
        return out.toString();
    }
}
