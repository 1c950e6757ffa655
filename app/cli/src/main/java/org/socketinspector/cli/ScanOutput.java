package org.socketinspector.cli;

import org.socketinspector.text.TerminalText;

import java.io.IOException;
import java.io.PrintWriter;
import org.socketinspector.json.ScanJson;
import org.socketinspector.model.Scan;

/** Prints a scan the way {@code scan} does: the JSON contract, or the table with a summary and the limitations. */
final class ScanOutput {

    private ScanOutput() {
    }

    static void print(Scan scan, boolean json, boolean withRemote, PrintWriter out) throws IOException {
        if (json) {
            ScanJson.write(scan, out);
        } else {
            out.print(ScanTable.render(scan, withRemote));
            out.println();
            out.println(scan.sockets().size() + " sockets; sources: " + TerminalText.escape(String.join(", ", scan.sources()))
                    + "; " + privilege(scan));
            for (String limitation : scan.limitations()) {
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
