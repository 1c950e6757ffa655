package org.socketinspector.parse;

/**
 * A capture that cannot be read: the message names the file, the line (when there is one) and what was
 * expected, e.g. {@code capture.txt:12: expected an address:port as the 2nd column, found "0.0.0.0"}.
 */
public class CaptureParseException extends Exception {

    private final String source;
    private final long line;
    private final String detail;
    private final String reason;

    /** @param line 1-based line number, or 0 when the problem concerns the whole file */
    public CaptureParseException(String source, long line, String detail) {
        super(source + (line > 0 ? ":" + line : "") + ": " + detail);
        this.source = source;
        this.line = line;
        this.detail = detail;
        this.reason = detail;
    }

    /** @param reason the detail without the quoted line, for lists that show the line next to it */
    CaptureParseException(String source, long line, String detail, String reason) {
        super(source + (line > 0 ? ":" + line : "") + ": " + detail);
        this.source = source;
        this.line = line;
        this.detail = detail;
        this.reason = reason;
    }

    /** Why the line could not be read, without quoting it. */
    public String reason() {
        return reason;
    }

    public String source() {
        return source;
    }

    public long line() {
        return line;
    }

    public String detail() {
        return detail;
    }
}
