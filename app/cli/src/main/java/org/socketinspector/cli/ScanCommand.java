package org.socketinspector.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.socketinspector.inspect.Inspector;
import org.socketinspector.model.Scan;
import org.socketinspector.history.HistoryId;
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

    @Option(names = "--json", description = "Print the scan JSON contract (socket-inspector/scan/2, docs/json-contract.md).")
    boolean json;

    @Option(names = "--save", description = "Also store this scan as a snapshot in the history (see 'history list', "
            + "'history diff').")
    boolean save;

    @Mixin
    DbOption db;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--cross-check", description = "Also read the sockets with the OS's text tool (ss on Linux, "
            + "netstat elsewhere) and list every socket only one of the two sources sees (as limitations).")
    boolean crossCheck;

    @Override
    public Integer call() throws Exception {
        Inspector inspector = scanOptions.inspector();
        Scan scan = inspector.scan(scanOptions.target().withCrossCheck(crossCheck));
        PrintWriter out = spec.commandLine().getOut();
        ScanOutput.print(scan, json, scanOptions.request().includeConnections(), out);
        if (save) {
            // A snapshot keeps the findings of its moment, so that a later rule change does not rewrite history.
            HistoryId id;
            try (HistoryStore history = db.open()) {
                id = history.saveSnapshot(inspector.audit(scan).audit());
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
