package org.socketinspector.input;

import java.io.IOException;

/**
 * Input that cannot be read, as one line: where ({@code capture.txt:12}, {@code q.jsonl:3 field
 * second.address}, or just the name) and why. {@link #getMessage()} is {@code place + ": " + reason}, with
 * control characters escaped so that a hostile file name or line cannot forge more output lines.
 */
public class InputException extends IOException {

    private final String place;
    private final String reason;

    public InputException(String place, String reason) {
        this(place, reason, null);
    }

    public InputException(String place, String reason, Throwable cause) {
        super(oneLine(place) + ": " + oneLine(reason), cause);
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

    /** Control characters (newlines included) as {@code \n}, {@code \t} or {@code \\uXXXX}. */
    public static String oneLine(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean control = Character.isISOControl(c) || c == '\u2028' || c == '\u2029';
            if (control && out == null) {
                out = new StringBuilder(text.length() + 8).append(text, 0, i);
            }
            if (out != null) {
                if (!control) {
                    out.append(c);
                } else if (c == '\n') {
                    out.append("\\n");
                } else if (c == '\r') {
                    out.append("\\r");
                } else if (c == '\t') {
                    out.append("\\t");
                } else {
                    out.append(String.format("\\u%04x", (int) c));
                }
            }
        }
        return out == null ? text : out.toString();
    }
}
