package org.socketinspector.parse;

import org.socketinspector.error.InspectorException;

/**
 * A capture that cannot be read: the message names the file, the line (when there is one) and what was
 * expected, e.g. {@code capture.txt:12: expected an address:port as the 2nd column, found "0.0.0.0"}.
 */
public class CaptureParseException extends InspectorException {

    private final String source;
    private final int line;
    private final String detail;

    /** @param line 1-based line number, or 0 when the problem concerns the whole file */
    public CaptureParseException(String source, int line, String detail) {
        super(source + (line > 0 ? ":" + line : "") + ": " + detail);
        this.source = source;
        this.line = line;
        this.detail = detail;
    }

    public String source() {
        return source;
    }

    public int line() {
        return line;
    }

    public String detail() {
        return detail;
    }
}
