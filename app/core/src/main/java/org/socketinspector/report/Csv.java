package org.socketinspector.report;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * RFC 4180 rows (CRLF, fields quoted when they hold a comma, quote, CR or LF) with formula neutralisation: a cell
 * starting with {@code = + - @}, tab or CR gets a leading {@code '} so that spreadsheets show it as text instead of
 * running it (OWASP "CSV injection").
 */
public final class Csv {

    /** UTF-8 byte order mark: without it Excel reads a CSV file in the ANSI code page and garbles non-ASCII. */
    public static final String BOM = "\uFEFF";

    private Csv() {
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
        boolean quote = text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\r') >= 0
                || text.indexOf('\n') >= 0;
        return quote ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }

    public static String neutralise(String text) {
        if (text.isEmpty()) {
            return text;
        }
        char first = text.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + text : text;
    }
}
