package org.socketinspector.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.socketinspector.json.Json;
import org.socketinspector.store.HistoryFilter;
import org.socketinspector.store.HistoryStore;
import org.socketinspector.store.Page;
import org.socketinspector.history.RunSummary;
import org.socketinspector.history.RunType;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code history list}: one page of stored runs, newest first. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "Lists stored experiment runs and scan snapshots, newest first, one page at a time.")
public final class HistoryListCommand implements Callable<Integer> {

    @Mixin
    DbOption db;

    @Option(names = "--kind", paramLabel = "KIND", converter = Args.KindArg.class, description = "Only this kind: probe, replay, matrix or snapshot.")
    String kind;

    @Option(names = "--type", paramLabel = "experiment|snapshot", converter = Args.RunTypeArg.class,
            description = "Only experiments or only snapshots.")
    RunType type;

    @Option(names = "--host", paramLabel = "NAME", description = "Only runs made on this host.")
    String host;

    @Option(names = "--disagreeing", description = "Only experiments whose outcome disagrees with the prediction.")
    boolean disagreeing;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "50", converter = Args.LimitArg.class,
            description = "Rows per page, 1 to " + Page.MAX_LIMIT + " (default: ${DEFAULT-VALUE}).")
    int limit;

    @ArgGroup(exclusive = true)
    Position position;

    static final class Position {
        @Option(names = "--offset", paramLabel = "N", converter = Args.OffsetArg.class, description = "Skip the N newest rows.")
        Integer offset;

        @Option(names = "--page", paramLabel = "N", converter = Args.PageArg.class, description = "Page number, 1 for the newest.")
        Integer page;
    }

    @Option(names = "--json", description = "Print the page as a JSON object with the total count.")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Page page = page();
        HistoryFilter filter = new HistoryFilter(type, kind, host,
                disagreeing ? Boolean.FALSE : null);
        PrintWriter out = spec.commandLine().getOut();
        try (HistoryStore history = db.openForReading()) {
            List<RunSummary> rows = history.list(filter, page);
            long total = history.count(filter);
            if (json) {
                out.println(toJson(rows, total, page));
            } else {
                printTable(out, rows, total, page, history);
            }
        }
        out.flush();
        return SocketInspectorCommand.EXIT_OK;
    }

    private Page page() {
        try {
            if (position != null && position.page != null) {
                return Page.number(position.page, limit);
            }
            return new Page(limit, position == null || position.offset == null ? 0 : position.offset);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private static void printTable(PrintWriter out, List<RunSummary> rows, long total, Page page, HistoryStore history) {
        if (rows.isEmpty()) {
            out.println(total == 0 ? "No stored runs in " + history.file() + "."
                    : "No rows at offset " + page.offset() + "; there are " + total + ".");
            return;
        }
        List<String[]> table = new ArrayList<>();
        table.add(new String[] {"ID", "STARTED", "KIND", "AGREES", "HOST", "TITLE", "OUTCOME"});
        for (RunSummary r : rows) {
            table.add(new String[] {r.id().toString(), HistoryText.time(r.startedAt()), r.kind(),
                    HistoryText.agreement(r.agrees()), r.host() == null ? "-" : r.host(), r.title(),
                    r.outcome() == null ? "-" : r.outcome()});
        }
        out.print(ScanTable.align(table));
        long last = page.offset() + rows.size();
        out.println("rows " + (page.offset() + 1) + "-" + last + " of " + total
                + (last < total ? " (next: --offset " + last + ")" : ""));
    }

    private static String toJson(List<RunSummary> rows, long total, Page page) throws Exception {
        ObjectNode root = Json.mapper().createObjectNode();
        root.put("total", total);
        root.put("offset", page.offset());
        root.put("limit", page.limit());
        ArrayNode array = root.putArray("runs");
        for (RunSummary r : rows) {
            ObjectNode row = Json.mapper().valueToTree(r);
            row.put("id", r.id().toString());
            row.put("type", r.id().type().name().toLowerCase(Locale.ROOT));
            array.add(row);
        }
        return Json.pretty().writeValueAsString(root);
    }
}
