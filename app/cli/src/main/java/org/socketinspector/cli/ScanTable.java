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
        List<String[]> rows = new ArrayList<>(scan.sockets().size() + 1);
        rows.add(withRemote
                ? new String[] {"PROTO", "LOCAL", "REMOTE", "STATE", "PID", "PROCESS", "USER", "OPTIONS"}
                : new String[] {"PROTO", "LOCAL", "STATE", "PID", "PROCESS", "USER", "OPTIONS"});
        OsFamily os = OsFamily.of(scan.host());
        for (SocketRecord s : scan.sockets()) {
            String remote = s.remoteAddress() == null ? "*"
                    : s.remotePort() == null ? s.remoteAddress() + ":" + UNKNOWN // imported without -n: "host:https"
                    : Endpoints.format(s.remoteAddress(), s.remotePort());
            String state = s.state() == null ? "-" : s.state();
            String pid = s.pid() == null ? UNKNOWN : s.pid().toString();
            String process = s.process() == null || s.process().name() == null ? UNKNOWN : s.process().name();
            rows.add(withRemote
                    ? new String[] {s.protocol().wireName(), s.localEndpoint(), remote, state, pid, process, user(s),
                            flags(s, os)}
                    : new String[] {s.protocol().wireName(), s.localEndpoint(), state, pid, process, user(s),
                            flags(s, os)});
        }
        return align(rows);
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
            String[] cells = new String[row.length];
            for (int c = 0; c < row.length; c++) {
                cells[c] = TerminalText.escape(row[c]);
            }
            rows.add(cells);
        }
        int columns = rows.get(0).length;
        int[] widths = new int[columns];
        for (String[] row : rows) {
            for (int c = 0; c < columns; c++) {
                widths[c] = Math.max(widths[c], row[c].length());
            }
        }
        StringBuilder out = new StringBuilder(rows.size() * 100);
        for (String[] row : rows) {
            int lineStart = out.length();
            for (int c = 0; c < columns; c++) {
                out.append(row[c]);
                if (c < columns - 1) {
                    out.append(" ".repeat(widths[c] - row[c].length() + 2));
                }
            }
            out.setLength(lineStart + out.substring(lineStart).stripTrailing().length());
            out.append('\n');
        }
        return out.toString();
    }
}
