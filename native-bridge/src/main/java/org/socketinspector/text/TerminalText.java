package org.socketinspector.text;

import java.util.Locale;

/**
 * The one escaping for text other programs wrote (process names, command lines, user names, captured lines, paths)
 * on its way to a terminal or a text file. A local user chooses their process's name with {@code prctl(PR_SET_NAME)}
 * and its command line freely; printed raw to root's terminal, ESC starts control sequences (clear screen, window
 * title, OSC 8 links), BEL rings, a newline plants a fake table row and U+202E reverses what follows. Here every
 * such character is shown as an escape instead of acting: C0, DEL and C1 as "\\x1B", Unicode formatting
 * characters (bidi overrides and isolates, zero-width, line and paragraph separators), unassigned and private-use
 * code points and lone surrogates as "\\u202E" or "\\u{E0001}". Everything else, accents and CJK included,
 * passes as it is. JSON output does not use this: it stays exact.
 */
public final class TerminalText {

    private TerminalText() {
    }

    /** The text with every character that could act on a terminal shown escaped; "" for null. */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        if (isPlain(text)) {
            return text; // the common case: no copy
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        appendEscaped(text, 0, text.length(), out);
        return out.toString();
    }

    /** Like {@link #escape(String)} but keeps {@code '\n'}: for our own multi-line text around foreign values. */
    public static String escapeKeepingLines(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        int start = 0;
        for (int nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', start)) {
            appendEscaped(text, start, nl, out);
            out.append('\n');
            start = nl + 1;
        }
        appendEscaped(text, start, text.length(), out);
        return out.toString();
    }

    /** Appends {@code text[start, end)} escaped; a surrogate pair cut by {@code end} shows as a lone surrogate. */
    public static void appendEscaped(CharSequence text, int start, int end, StringBuilder out) {
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < end && Character.isLowSurrogate(text.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, text.charAt(i + 1));
                if (isInvisible(cp)) {
                    out.append(String.format(Locale.ROOT, "\\u{%X}", cp));
                } else {
                    out.append(c).append(text.charAt(i + 1));
                }
                i++;
            } else if (isControl(c)) {
                out.append(String.format(Locale.ROOT, "\\x%02X", (int) c));
            } else if (Character.isSurrogate(c) || c == 0xFFFE || c == 0xFFFF || isInvisible(c)) {
                out.append(String.format(Locale.ROOT, "\\u%04X", (int) c));
            } else {
                out.append(c);
            }
        }
    }

    /** True when {@link #escape(String)} would return the text unchanged. */
    public static boolean isPlain(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x7F) {
                if (c < 0x20) {
                    return false;
                }
            } else if (isControl(c) || Character.isSurrogate(c) || c == 0xFFFE || c == 0xFFFF || isInvisible(c)) {
                return false;
            }
        }
        return true;
    }

    /** C0 (tab and newline included: they break a table row), DEL and C1. */
    private static boolean isControl(char c) {
        return c < 0x20 || (c >= 0x7F && c <= 0x9F);
    }

    /**
     * Formatting characters that change how neighbouring text shows: bidi embeddings, overrides and isolates
     * (U+202A–U+202E, U+2066–U+2069, U+200E/U+200F, U+061C), zero-width and tag characters, line and paragraph
     * separators; and code points a terminal cannot be trusted to show (unassigned, private use).
     */
    private static boolean isInvisible(int cp) {
        int type = Character.getType(cp);
        return type == Character.FORMAT || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR
                || type == Character.PRIVATE_USE || type == Character.UNASSIGNED;
    }
}
