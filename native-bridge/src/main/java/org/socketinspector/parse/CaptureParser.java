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
}
