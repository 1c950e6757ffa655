package org.socketinspector.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.socketinspector.history.HistoryId;
import org.socketinspector.output.OutputFile;
import org.socketinspector.store.HistoryStore;
import org.socketinspector.store.StoreException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code history export ID}: the stored JSON document of one run, for other tools. A snapshot exports as an audit
 * document ({@code socket-inspector/audit/2}) that {@code audit --input} and the reports read back.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Writes one stored run as JSON: an experiment's full record, or a snapshot as an audit document "
                + "(socket-inspector/audit/2)."})
public final class HistoryExportCommand implements Callable<Integer> {

    @Mixin
    DbOption db;

    @Parameters(paramLabel = "ID", converter = HistoryIdConverter.class, description = "E<n> or S<n>.")
    HistoryId id;

    @Option(names = "--json", description = "JSON output (the default and, for now, only format).")
    boolean json = true;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to FILE (replaced atomically) instead of standard output (-).")
    Path output;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        String document;
        try (HistoryStore history = db.openForReading()) {
            String stored = history.json(id).orElseThrow(() -> new StoreException(HistoryText.noSuchRun(id, history.file())));
            document = HistoryText.pretty(stored);
        }
        if (output == null || StandardOutput.isDash(output)) {
            spec.commandLine().getOut().println(document);
            spec.commandLine().getOut().flush();
        } else {
            OutputFile.writeString(output, document + System.lineSeparator());
        }
        return SocketInspectorCommand.EXIT_OK;
    }
}
