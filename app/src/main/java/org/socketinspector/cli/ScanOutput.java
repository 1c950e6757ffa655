package org.socketinspector.cli;

import java.io.PrintWriter;
import org.socketinspector.json.ScanJson;
import org.socketinspector.model.Scan;

/** Prints a scan the way {@code scan} does: the JSON contract, or the table with a summary and the limitations. */
final class ScanOutput {

    private ScanOutput() {
    }

    static void print(Scan scan, boolean json, boolean withRemote, PrintWriter out) {
        if (json) {
            out.println(ScanJson.write(scan));
        } else {
            out.print(ScanTable.render(scan, withRemote));
            out.println();
            out.println(scan.sockets().size() + " sockets; sources: " + String.join(", ", scan.sources())
                    + "; " + (scan.privileged() ? "privileged" : "not privileged (run as root to see every owner "
                    + "and option)"));
            for (String limitation : scan.limitations()) {
                out.println("limitation: " + limitation);
            }
        }
        out.flush();
    }
}
