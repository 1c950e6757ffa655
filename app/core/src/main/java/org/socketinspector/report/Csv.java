package org.socketinspector.report;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * RFC 4180 rows (comma separated, CRLF) that no spreadsheet reads as a formula, whatever list separator its locale
 * uses (OWASP "CSV Injection"; issue 18 defect 9). The rule, documented in docs/reports.md:
 * <ul>
 *   <li>a field is quoted ({@code "…"}, quotes doubled) when it holds a separator any spreadsheet may use
 *       ({@code ,} {@code ;} tab), a quote, CR or LF;</li>
 *   <li>a {@code '} is inserted before every <em>part</em> of a cell that starts with {@code = + - @}, tab, CR,
 *       {@code '} or {@code "}; a part starts at the cell's start and after each {@code , ; } tab, CR or LF in it.
 *       A spreadsheet in a {@code ;} locale splits {@code "x;=cmd…"} at the {@code ;} despite the quotes, so the
 *       part after it must be text too; a {@code "} would start a quoted field there, and an existing {@code '}
 *       is escaped so that the rule can be undone exactly.</li>
 * </ul>
 * Undo: remove each {@code '} at the start of a cell or right after {@code , ; } tab, CR or LF in it. Numbers,
 * addresses, booleans and rule ids never start a part with those characters and are written exactly.
 */
public final class Csv {

    /** UTF-8 byte order mark: without it Excel reads a CSV file in the ANSI code page and garbles non-ASCII. */
    public static final String BOM = "\uFEFF";

    /** Characters after which a spreadsheet may start a new cell: list separators of every locale, line ends. */
    static final String SEPARATORS = ",;\t\r\n";

    /** A part starting with one of these gets a leading {@code '}: formula starts, the quote, and {@code '} itself. */
    static final String NEUTRALISED = "=+-@\t\r'\"";

    private Csv() {
    }

    private static boolean separator(char c) {
        return c == ',' || c == ';' || c == '\t' || c == '\r' || c == '\n';
    }

    private static boolean neutralised(char c) {
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' || c == '\'' || c == '"';
    }

    public static void row(Writer out, List<?> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(cell(cells.get(i)));
        }
        out.write("\r\n");
    }

    public static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String text = neutralise(value.toString());
        boolean quote = false;
        for (int i = 0; i < text.length() && !quote; i++) {
            char c = text.charAt(i);
            quote = c == '"' || separator(c);
        }
        return quote ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }

    /** Inserts {@code '} before every part that starts with a character of {@link #NEUTRALISED}. */
    public static String neutralise(String text) {
        StringBuilder out = null;
        boolean partStart = true;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (partStart && neutralised(c)) {
                if (out == null) {
                    out = new StringBuilder(text.length() + 16).append(text, 0, i);
                }
                out.append('\'');
            }
            if (out != null) {
                out.append(c);
            }
            partStart = separator(c);
        }
        return out == null ? text : out.toString();
    }

    /** The inverse of {@link #neutralise}: what a consumer does to get the exact value back. */
    static String restore(String cell) {
        StringBuilder out = new StringBuilder(cell.length());
        boolean partStart = true;
        for (int i = 0; i < cell.length(); i++) {
            char c = cell.charAt(i);
            if (!(partStart && c == '\'')) {
                out.append(c);
                partStart = separator(c);
            } else {
                partStart = false;
            }
        }
        return out.toString();
    }
}
