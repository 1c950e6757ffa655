package org.socketinspector.report;

/**
 * Escaping for text that other programs wrote (process names, command lines, users, paths). The result is safe in
 * HTML element content and in quoted attributes, is well-formed XML (the PDF renderer parses it as XHTML) and
 * cannot reorder what surrounds it: control characters, bidirectional overrides and other invisible formatting
 * characters are shown as {@code \x1B} / {@code \u202E} escapes instead of acting.
 */
public final class Html {

    /** Longer values are cut in HTML and PDF (the CSV and JSON exports keep them whole). */
    public static final int MAX_DISPLAY = 2000;

    private Html() {
    }

    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        escapeTo(text, 0, text.length(), out);
        return out.toString();
    }

    /** Summary tables (top ports, host table, rule groups) point at the full value further down. */
    public static final int MAX_SUMMARY = 160;

    /** Like {@link #escape} but cuts values longer than {@link #MAX_DISPLAY}, saying how much was left out. */
    public static String display(String text) {
        return display(text, MAX_DISPLAY);
    }

    /** Like {@link #escape} but cuts values longer than {@code max}, saying how much was left out. */
    public static String display(String text, int max) {
        if (text == null) {
            return "";
        }
        if (text.length() <= max) {
            return escape(text);
        }
        int end = max;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        StringBuilder out = new StringBuilder(max + 100);
        escapeTo(text, 0, end, out);
        out.append("… [").append(text.length() - end).append(" more characters; full value in the CSV and JSON exports]");
        return out.toString();
    }

    private static void escapeTo(String text, int start, int end, StringBuilder out) {
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    if (Character.isHighSurrogate(c) && i + 1 < end && Character.isLowSurrogate(text.charAt(i + 1))) {
                        int cp = text.codePointAt(i);
                        if (isInvisible(cp)) {
                            out.append(String.format("\\u{%X}", cp));
                        } else {
                            out.append(c).append(text.charAt(i + 1));
                        }
                        i++;
                    } else if (c < 0x20 || (c >= 0x7F && c <= 0x9F)) {
                        out.append(String.format("\\x%02X", (int) c));
                    } else if (Character.isSurrogate(c) || c == 0xFFFE || c == 0xFFFF || isInvisible(c)) {
                        out.append(String.format("\\u%04X", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
    }

    /** Formatting characters that change how neighbouring text shows: bidi controls, zero-width and tag characters. */
    private static boolean isInvisible(int cp) {
        int type = Character.getType(cp);
        return type == Character.FORMAT || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR
                || type == Character.PRIVATE_USE || type == Character.UNASSIGNED;
    }
}
