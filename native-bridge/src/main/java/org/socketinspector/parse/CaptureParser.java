package org.socketinspector.parse;

import java.util.ArrayList;
import java.util.List;

/** Turns the text of one capture into socket records. Pure: no I/O, the same text always gives the same result. */
public interface CaptureParser {

    CaptureFormat format();

    /** A reader for one capture (or one section of a file), fed line by line: see {@link CaptureReader}. */
    LineParser start(String source);

    /**
     * The whole text at once, strictly: the first line that looks like a socket row but cannot be read is an
     * exception (the live tool scanners, whose own output must parse). Imports use {@link CaptureReader}.
     *
     * @param text   the decoded capture
     * @param source the name used in error messages (usually the file name)
     * @throws CaptureParseException for a line that looks like a socket row but cannot be read; never anything else
     */
    default ParsedCapture parse(String text, String source) throws CaptureParseException {
        LineParser reader = start(source);
        List<org.socketinspector.model.SocketRecord> sockets = new ArrayList<>();
        long number = 0;
        for (String line : text.split("\\R", -1)) {
            reader.accept(new CaptureLine(source, ++number, line), sockets::add);
        }
        List<String> limitations = new ArrayList<>();
        reader.finish(sockets::add, limitations);
        return new ParsedCapture(format(), reader.os(), sockets, limitations, List.of(), 0);
    }

    /** Skipped lines named one by one in the limitations; beyond that they are counted. */
    int NAMED_SKIPPED = 20;

    /**
     * The whole text at once for the live tool scanners (ss, netstat): a line that looks like a socket row but cannot
     * be read is skipped and named in a limitation, never the whole source. Another user controls text in these
     * listings (a process named {@code a\ntcp LISTEN 0} cuts ss's row in two), so one unreadable line must not
     * take every socket with it.
     *
     * @param text   the decoded output
     * @param source the command, used to name lines ({@code ss -tuanpe:7: skipped: ...})
     */
    default ParsedCapture parseSkipping(String text, String source) {
        LineParser reader = start(source);
        List<org.socketinspector.model.SocketRecord> sockets = new ArrayList<>();
        List<org.socketinspector.model.SkippedLine> skipped = new ArrayList<>();
        List<String> named = new ArrayList<>();
        long number = 0;
        long count = 0;
        for (String line : text.split("\\R", -1)) {
            CaptureLine captureLine = new CaptureLine(source, ++number, line);
            try {
                reader.accept(captureLine, sockets::add);
            } catch (CaptureParseException e) {
                count++;
                if (skipped.size() < CaptureReader.KEPT_SKIPPED) {
                    skipped.add(new org.socketinspector.model.SkippedLine(number, e.reason(), line));
                }
                if (named.size() < NAMED_SKIPPED) {
                    named.add(source + ":" + number + ": skipped: " + e.detail());
                }
            }
        }
        List<String> limitations = new ArrayList<>();
        reader.finish(sockets::add, limitations);
        if (count > 0) {
            limitations.add(count + (count == 1 ? " line" : " lines") + " of " + source + " that should have been "
                    + (count == 1 ? "a socket" : "sockets") + " could not be read and " + (count == 1 ? "was" : "were")
                    + " skipped" + (count > named.size() ? " (the first " + named.size() + " named below)" : ""));
            limitations.addAll(named);
        }
        return new ParsedCapture(format(), reader.os(), sockets, limitations, skipped, count);
    }
}
