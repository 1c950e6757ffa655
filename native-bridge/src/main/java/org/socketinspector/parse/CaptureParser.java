package org.socketinspector.parse;

/** Turns the text of one capture into socket records. Pure: no I/O, the same text always gives the same result. */
public interface CaptureParser {

    CaptureFormat format();

    /**
     * @param text   the decoded capture
     * @param source the name used in error messages (usually the file name)
     * @throws CaptureParseException for a line that looks like a socket row but cannot be read; never anything else
     */
    ParsedCapture parse(String text, String source) throws CaptureParseException;
}
