package org.socketinspector.cli;

import org.socketinspector.text.TerminalText;

import java.util.ArrayList;
import java.util.List;
import org.socketinspector.model.Endpoints;
import org.socketinspector.model.Scan;
import org.socketinspector.model.SocketOptions;
import org.socketinspector.model.SocketRecord;
import org.socketinspector.semantics.OsFamily;

/** The aligned text table {@code scan} prints: one row per socket, "?" where something is unknown. */
final class ScanTable {
    private static final String UNKNOWN = "?";

    private ScanTable() {
    }

    static String render(Scan scan, boolean withRemote) {
        java.io.StringWriter text = new java.io.StringWriter(scan.sockets().size() * 100 + 100);
        print(scan, scan.sockets(), withRemote, new java.io.PrintWriter(text));
        return text.toString();
    }

    /**
     * Prints the table of {@code sockets} (the head scan gives the OS) row by row, in two passes over them (the
     * widths, then the rows), so a streamed import's sockets are never all held as text.
     */
    static void print(Scan head, Iterable<SocketRecord> sockets, boolean withRemote, java.io.PrintWriter out) {
        String[] header = withRemote
                ? new String[] {"PROTO", "LOCAL", "REMOTE", "STATE", "PID", "PROCESS", "USER", "OPTIONS"}
                : new String[] {"PROTO", "LOCAL", "STATE", "PID", "PROCESS", "USER", "OPTIONS"};
        OsFamily os = OsFamily.of(head.host());
        int[] widths = new int[header.length];
        widen(widths, escaped(header));
        for (SocketRecord s : sockets) {
            widen(widths, escaped(row(s, os, withRemote)));
        }
        StringBuilder line = new StringBuilder(200);
        out.print(line(escaped(header), widths, line));
        for (SocketRecord s : sockets) {
            out.print(line(escaped(row(s, os, withRemote)), widths, line));
        }
        out.flush();
    }

    private static String[] row(SocketRecord s, OsFamily os, boolean withRemote) {
        String remote = s.remoteAddress() == null ? "*"
                : s.remotePort() == null ? s.remoteAddress() + ":" + UNKNOWN // imported without -n: "host:https"
                : Endpoints.format(s.remoteAddress(), s.remotePort());
        String state = s.state() == null ? "-" : s.state();
        String pid = s.pid() == null ? UNKNOWN : s.pid().toString();
        String process = s.process() == null || s.process().name() == null ? UNKNOWN : s.process().name();
        return withRemote
                ? new String[] {s.protocol().wireName(), s.localEndpoint(), remote, state, pid, process, user(s),
                        flags(s, os)}
                : new String[] {s.protocol().wireName(), s.localEndpoint(), state, pid, process, user(s), flags(s, os)};
    }

    static String user(SocketRecord s) {
        if (s.process() != null && s.process().user() != null) {
            return s.process().user();
        }
        return s.uid() == null ? UNKNOWN : s.uid().toString();
    }

    /** The options in their one text form (see {@link SocketOptions#text}), for the OS the scan was made on. */
    static String flags(SocketRecord s, OsFamily os) {
        return s.options().text(os.options(s.family()));
    }

    /** Aligns the rows; every cell is escaped first (a newline or ESC in a process name cannot plant a row). */
    static String align(List<String[]> raw) {
        List<String[]> rows = new ArrayList<>(raw.size());
        for (String[] row : raw) {
            rows.add(escaped(row));
        }
        int[] widths = new int[rows.get(0).length];
        for (String[] row : rows) {
            widen(widths, row);
        }
        StringBuilder out = new StringBuilder(rows.size() * 100);
        StringBuilder line = new StringBuilder(200);
        for (String[] row : rows) {
            out.append(line(row, widths, line));
        }
        return out.toString();
    }

    private static String[] escaped(String[] row) {
        String[] cells = new String[row.length];
        for (int c = 0; c < row.length; c++) {
            cells[c] = TerminalText.escape(row[c]);
        }
        return cells;
    }

    private static void widen(int[] widths, String[] cells) {
        for (int c = 0; c < widths.length; c++) {
            widths[c] = Math.max(widths[c], cells[c].length());
        }
    }

    /** One aligned row with its newline, trailing blanks removed; {@code line} is a reused buffer. */
    private static String line(String[] cells, int[] widths, StringBuilder line) {
        line.setLength(0);
        for (int c = 0; c < widths.length; c++) {
            line.append(cells[c]);
            if (c < widths.length - 1) {
                line.append(" ".repeat(widths[c] - cells[c].length() + 2));
            }
        }
        int end = line.length();
        while (end > 0 && Character.isWhitespace(line.charAt(end - 1))) {
            end--;
        }
        line.setLength(end);
        return line.append('\n').toString();
    }
}
