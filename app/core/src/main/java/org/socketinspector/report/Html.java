package org.socketinspector.report;

import org.socketinspector.text.TerminalText;

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

    /** HTML's five specials as entities; everything that could act or hide is escaped by {@link TerminalText}. */
    private static void escapeTo(String text, int start, int end, StringBuilder out) {
        int run = start;
        for (int i = start; i < end; i++) {
            String entity = switch (text.charAt(i)) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                case '\'' -> "&#39;";
                default -> null;
            };
            if (entity != null) {
                TerminalText.appendEscaped(text, run, i, out);
                out.append(entity);
                run = i + 1;
            }
        }
        TerminalText.appendEscaped(text, run, end, out);
    }
}
