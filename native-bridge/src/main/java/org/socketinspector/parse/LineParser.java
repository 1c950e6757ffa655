package org.socketinspector.parse;

import java.util.List;
import java.util.function.Consumer;
import org.socketinspector.model.SocketRecord;

/** One parser's state while it reads a capture line by line. */
interface LineParser {

    /**
     * @return true when the line was a socket row (its socket given to {@code out}, or held until the next row, as
     *         Windows -b rows are), false for a line that is not a socket (blank, title, header, other noise)
     * @throws CaptureParseException when the line should have been a socket and cannot be read
     */
    boolean accept(CaptureLine line, Consumer<SocketRecord> out) throws CaptureParseException;

    /** The end of the capture or section: rows still held go to {@code out}; what the text could not say is added. */
    void finish(Consumer<SocketRecord> out, List<String> limitations);

    /** The OS the capture came from, as host.os names it ("linux", "windows", "macos", "freebsd"). */
    String os();
}
