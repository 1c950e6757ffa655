package org.socketinspector.cli;

import java.util.concurrent.Callable;
import org.socketinspector.history.HistoryId;
import org.socketinspector.store.HistoryStore;
import org.socketinspector.store.StoreException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code history delete ID}: removes one stored run, without asking (scripts call it); an unknown id fails. */
@Command(name = "delete", mixinStandardHelpOptions = true,
        description = "Deletes one stored run. It does not ask; an id that does not exist is an error (exit 1).")
public final class HistoryDeleteCommand implements Callable<Integer> {

    @Mixin
    DbOption db;

    @Parameters(paramLabel = "ID", converter = HistoryIdConverter.class, description = "E<n> or S<n>.")
    HistoryId id;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        try (HistoryStore history = db.open()) {
            if (!history.delete(id)) {
                throw new StoreException(HistoryText.noSuchRun(id, history.file()));
            }
        }
        spec.commandLine().getOut().println("deleted " + id);
        spec.commandLine().getOut().flush();
        return SocketInspectorCommand.EXIT_OK;
    }
}
