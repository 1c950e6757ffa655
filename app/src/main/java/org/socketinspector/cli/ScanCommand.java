package org.socketinspector.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.socketinspector.json.ScanJson;
import org.socketinspector.model.Scan;
import org.socketinspector.rules.Audit;
import org.socketinspector.store.HistoryId;
import org.socketinspector.store.HistoryStore;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code scan}: lists this machine's sockets with owners and reuse options, as a table or as the JSON contract. */
@Command(name = "scan", mixinStandardHelpOptions = true,
        description = {"Lists the listening TCP sockets and bound UDP sockets of this machine with their owning "
                + "process, user and real reuse options (SO_REUSEADDR, SO_REUSEPORT, IPV6_V6ONLY).",
                "Unknown values show as '?' (null in JSON). Run as root to see every owner and option."},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:success", "1:the scan failed (one line on stderr)", "2:usage error"})
public final class ScanCommand implements Callable<Integer> {

    @Mixin
    ScanOptions scanOptions;

    @Option(names = "--json", description = "Print the scan JSON contract (socket-inspector/scan/1, docs/json-contract.md).")
    boolean json;

    @Option(names = "--save", description = "Also store this scan as a snapshot in the history (see 'history list', "
            + "'history diff').")
    boolean save;

    @Mixin
    DbOption db;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Scan scan = scanOptions.collect();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ScanJson.write(scan, out);
        } else {
            out.print(ScanTable.render(scan, scanOptions.request().includeConnections()));
            out.println();
            out.println(scan.sockets().size() + " sockets; sources: " + String.join(", ", scan.sources())
                    + "; " + (scan.privileged() ? "privileged" : "not privileged (run as root to see every owner "
                    + "and option)"));
            for (String limitation : scan.limitations()) {
                out.println("limitation: " + limitation);
            }
        }
        if (save) {
            // Findings arrive with the rule engine (branch semantics); until it is merged a snapshot has none.
            HistoryId id;
            try (HistoryStore history = db.open()) {
                id = history.saveSnapshot(new Audit(scan, List.of()));
            }
            // With --json, stdout is the document alone; the note goes to stderr.
            PrintWriter note = json ? spec.commandLine().getErr() : out;
            note.println("saved snapshot " + id + " to " + db.file());
            note.flush();
        }
        out.flush();
        return SocketInspectorCommand.EXIT_OK;
    }
}
