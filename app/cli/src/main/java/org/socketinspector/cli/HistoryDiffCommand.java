package org.socketinspector.cli;

import org.socketinspector.semantics.OsFamily;
import org.socketinspector.text.TerminalText;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.socketinspector.history.FindingsDiff;
import org.socketinspector.history.ListenerChange;
import org.socketinspector.history.SnapshotDiff;
import org.socketinspector.json.Json;
import org.socketinspector.model.EndpointId;
import org.socketinspector.model.Scan;
import org.socketinspector.model.SocketRecord;
import org.socketinspector.rules.Audit;
import org.socketinspector.rules.Finding;
import org.socketinspector.history.HistoryId;
import org.socketinspector.store.HistoryStore;
import org.socketinspector.history.RunType;
import org.socketinspector.store.StoreException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code history diff S1 S2}: what changed in the listeners between two saved snapshots. */
@Command(name = "diff", mixinStandardHelpOptions = true,
        description = {"Compares two saved scan snapshots: listeners opened (+), closed (-), and listeners whose owner "
                + "(pid, process, user) or reuse options changed (~). Values a scan could not see do not count as "
                + "changes. Then the findings raised (!) and resolved since the first snapshot."})
public final class HistoryDiffCommand implements Callable<Integer> {

    @Mixin
    DbOption db;

    @Parameters(index = "0", paramLabel = "FROM", converter = HistoryIdConverter.class, description = "The earlier snapshot, S<n>.")
    HistoryId from;

    @Parameters(index = "1", paramLabel = "TO", converter = HistoryIdConverter.class, description = "The later snapshot, S<n>.")
    HistoryId to;

    @Option(names = "--json", description = "Print the difference as JSON (sockets in the scan contract's form).")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        for (HistoryId id : new HistoryId[] {from, to}) {
            if (id.type() != RunType.SNAPSHOT) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "diff compares snapshots (S<n>); " + id + " is an experiment");
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        try (HistoryStore history = db.openForReading()) {
            Audit before = audit(history, from);
            Audit after = audit(history, to);
            SnapshotDiff diff = SnapshotDiff.between(before.scan(), after.scan());
            FindingsDiff findings = FindingsDiff.between(before, after);
            if (json) {
                ObjectNode root = Json.mapper().createObjectNode();
                root.put("from", from.toString());
                root.put("to", to.toString());
                root.setAll((ObjectNode) Json.mapper().valueToTree(diff));
                root.setAll((ObjectNode) Json.mapper().valueToTree(findings));
                out.println(Json.pretty().writeValueAsString(root));
            } else {
                print(out, before.scan(), after.scan(), diff);
                print(out, findings);
            }
        }
        out.flush();
        return SocketInspectorCommand.EXIT_OK;
    }

    private static Audit audit(HistoryStore history, HistoryId id) {
        return history.snapshot(id).orElseThrow(() -> new StoreException(HistoryText.noSuchRun(id, history.file())));
    }

    private void print(PrintWriter out, Scan before, Scan after, SnapshotDiff diff) {
        out.println(from + " (" + HistoryText.time(before.collectedAt()) + ", " + TerminalText.escape(before.host().name()) + ") -> "
                + to + " (" + HistoryText.time(after.collectedAt()) + ", " + TerminalText.escape(after.host().name()) + ")");
        OsFamily os = OsFamily.of(after.host()); // the snapshot's host, whose options these are
        for (SocketRecord s : diff.opened()) {
            out.println("+ " + HistoryText.listener(s, os) + namespace(after, s));
        }
        for (SocketRecord s : diff.closed()) {
            out.println("- " + HistoryText.listener(s, os) + namespace(before, s));
        }
        for (ListenerChange c : diff.changed()) {
            out.println("~ " + HistoryText.listener(c.after(), os) + namespace(after, c.after()) + ": " + c.fields().stream()
                    .map(f -> TerminalText.escape(f.field() + " " + f.before() + " -> " + f.after())).collect(Collectors.joining(", ")));
        }
        out.println(diff.opened().size() + " opened, " + diff.closed().size() + " closed, " + diff.changed().size()
                + " changed");
    }

    /** " in netns web" for a listener outside the collector's own namespace (the diff's endpoint identity), else "". */
    private static String namespace(Scan scan, SocketRecord s) {
        return EndpointId.namespaceKey(scan, s.netns()).equals(EndpointId.HOST) ? ""
                : " in " + TerminalText.escape(s.netns().describe());
    }

    private static void print(PrintWriter out, FindingsDiff findings) {
        for (Finding f : findings.raised()) {
            out.println("! raised   " + HistoryText.finding(f));
        }
        for (Finding f : findings.resolved()) {
            out.println("  resolved " + HistoryText.finding(f));
        }
        out.println(findings.raised().size() + " findings raised, " + findings.resolved().size() + " resolved");
    }
}
