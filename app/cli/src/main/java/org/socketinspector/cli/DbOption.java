package org.socketinspector.cli;

import java.nio.file.Path;
import org.socketinspector.store.DatabaseLocation;
import org.socketinspector.store.HistoryStore;
import org.socketinspector.text.TerminalText;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code --db FILE}: which history database to use; shared by every command that reads or writes the history. */
public final class DbOption {

    @Option(names = "--db", paramLabel = "FILE",
            description = "History database file (default: the per-user data folder, on Linux "
                    + "$XDG_DATA_HOME/socket-inspector/history.db or ~/.local/share/socket-inspector/history.db).")
    Path db;

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    public Path file() {
        return db != null ? db : DatabaseLocation.defaultFile();
    }

    public HistoryStore open() {
        return told(HistoryStore.open(file()));
    }

    /** For commands that only read: a read-only file (or a full disk) still lists and shows. */
    public HistoryStore openForReading() {
        return told(HistoryStore.openForReading(file()));
    }

    /** What opening changed (a folder made private) goes to stderr, so that it is said once: when it happens. */
    private HistoryStore told(HistoryStore store) {
        if (command != null && !store.notices().isEmpty()) {
            var err = command.commandLine().getErr();
            store.notices().forEach(n -> err.println("socket-inspector: " + TerminalText.escape(n)));
            err.flush();
        }
        return store;
    }
}
