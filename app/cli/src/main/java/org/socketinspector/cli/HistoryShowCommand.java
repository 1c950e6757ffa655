package org.socketinspector.cli;

import org.socketinspector.text.TerminalText;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.socketinspector.json.Json;
import org.socketinspector.rules.Audit;
import org.socketinspector.rules.Finding;
import org.socketinspector.history.HistoryId;
import org.socketinspector.store.HistoryStore;
import org.socketinspector.history.RunSummary;
import org.socketinspector.history.RunType;
import org.socketinspector.store.StoreException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code history show ID}: one stored run in full. */
@Command(name = "show", mixinStandardHelpOptions = true,
        description = {"Shows one stored run: an experiment's summary and full record (parameters, prediction, "
                + "counts, timeline), or a snapshot's sockets and findings."})
public final class HistoryShowCommand implements Callable<Integer> {

    @Mixin
    DbOption db;

    @Parameters(paramLabel = "ID", converter = HistoryIdConverter.class, description = "E<n> or S<n>, as 'history list' shows.")
    HistoryId id;

    @Option(names = "--json", description = "Print the stored JSON document instead (same as 'history export').")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        try (HistoryStore history = db.openForReading()) {
            RunSummary run = history.summary(id)
                    .orElseThrow(() -> new StoreException(HistoryText.noSuchRun(id, history.file())));
            String document = history.json(id).orElseThrow();
            if (json) {
                out.println(HistoryText.pretty(document));
            } else {
                printSummary(out, run);
                if (id.type() == RunType.SNAPSHOT) {
                    printSnapshot(out, history.snapshot(id).orElseThrow());
                } else {
                    printRecord(out, Json.mapper().readTree(document));
                }
            }
        }
        out.flush();
        return SocketInspectorCommand.EXIT_OK;
    }

    private static void printSummary(PrintWriter out, RunSummary run) {
        out.println(HistoryText.heading(run));
        boolean incomplete = run.id().type() == RunType.EXPERIMENT && run.endedAt() == null;
        out.println("  started: " + HistoryText.time(run.startedAt()) + "   ended: " + HistoryText.time(run.endedAt())
                + (incomplete ? " (incomplete: cancelled or stopped at its time limit)" : ""));
        out.println("  host: " + (run.host() == null ? "-" : TerminalText.escape(run.host())) + "   tool: "
                + (run.toolVersion() == null ? "-" : TerminalText.escape(run.toolVersion())));
        if (run.id().type() == RunType.EXPERIMENT) {
            out.println("  agrees with the prediction: " + HistoryText.agreement(run.agrees()));
        }
        out.println("  outcome: " + (run.outcome() == null ? "-" : TerminalText.escape(run.outcome())));
    }

    private static void printSnapshot(PrintWriter out, Audit audit) {
        out.println();
        out.print(ScanTable.render(audit.scan(), false));
        out.println();
        if (audit.findings().isEmpty()) {
            out.println("No findings stored with this snapshot.");
        }
        for (Finding f : audit.findings()) {
            out.println(HistoryText.finding(f));
        }
    }

    /** The experiment record as its engineer wrote it; the timeline one event per line so that it reads top-down. */
    private static void printRecord(PrintWriter out, JsonNode record) throws Exception {
        out.println();
        var fields = record.fields();
        while (fields.hasNext()) {
            var field = fields.next();
            if (field.getKey().equals("timeline") && field.getValue().isArray()) {
                out.println("timeline (" + field.getValue().size() + " events):");
                for (JsonNode event : field.getValue()) {
                    // JSON escapes C0 but passes C1 and bidi controls: escaped for the terminal.
                    out.println("  " + TerminalText.escape(Json.mapper().writeValueAsString(event)));
                }
            } else {
                out.println(TerminalText.escape(field.getKey()) + ": "
                        + TerminalText.escape(Json.mapper().writeValueAsString(field.getValue())));
            }
        }
    }
}
