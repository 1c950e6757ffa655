package org.socketinspector.cli;

import org.socketinspector.text.TerminalText;

import java.io.IOException;
import java.io.PrintWriter;
import org.socketinspector.json.ScanJson;
import org.socketinspector.model.Scan;
import org.socketinspector.model.SocketRecord;

/** Prints a scan the way {@code scan} does: the JSON contract, or the table with a summary and the limitations. */
final class ScanOutput {

    private ScanOutput() {
    }

    static void print(Scan scan, boolean json, boolean withRemote, PrintWriter out) throws IOException {
        print(scan, scan.sockets(), scan.sockets().size(), json, withRemote, out);
    }

    /** The same output for a scan whose sockets are streamed apart ({@code head}'s own are ignored). */
    static void print(Scan head, Iterable<SocketRecord> sockets, long count, boolean json, boolean withRemote,
                      PrintWriter out) throws IOException {
        if (json) {
            ScanJson.write(head, sockets, out);
        } else {
            ScanTable.print(head, sockets, withRemote, out);
            out.println();
            out.println(count + (count == 1 ? " socket" : " sockets") + "; sources: " + TerminalText.escape(String.join(", ", head.sources()))
                    + "; " + privilege(head));
            for (String limitation : head.limitations()) {
                out.println("limitation: " + TerminalText.escape(limitation));
            }
        }
        out.flush();
    }

    private static String privilege(Scan scan) {
        if (scan.privileged()) {
            return "privileged";
        }
        boolean imported = scan.sources().stream().allMatch(source -> source.startsWith("import:"));
        return imported ? "imported capture (the capturing user's rights are unknown)"
                : "not privileged (run as root to see every owner and option)";
    }
}
