package org.socketinspector.input;

import java.io.IOException;
import org.socketinspector.text.TerminalText;

/**
 * Input that cannot be read, as one line: where ({@code capture.txt:12}, {@code q.jsonl:3 field
 * second.address}, or just the name) and why. {@link #getMessage()} is {@code place + ": " + reason}, escaped by
 * {@link TerminalText} so that a hostile file name or line cannot forge more output lines or reorder them.
 */
public class InputException extends IOException {

    private final String place;
    private final String reason;

    public InputException(String place, String reason) {
        this(place, reason, null);
    }

    public InputException(String place, String reason, Throwable cause) {
        super(TerminalText.escape(place) + ": " + TerminalText.escape(reason), cause);
        this.place = place;
        this.reason = reason;
    }

    /** {@code name:line}, the usual place of a problem in a line-oriented input. */
    public static InputException atLine(String name, long line, String reason) {
        return new InputException(name + ":" + line, reason);
    }

    public String place() {
        return place;
    }

    public String reason() {
        return reason;
    }
}
