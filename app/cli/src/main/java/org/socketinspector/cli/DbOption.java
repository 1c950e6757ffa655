package org.socketinspector.cli;

import java.nio.file.Path;
import org.socketinspector.store.DatabaseLocation;
import org.socketinspector.store.HistoryStore;
import picocli.CommandLine.Option;

/** {@code --db FILE}: which history database to use; shared by every command that reads or writes the history. */
public final class DbOption {

    @Option(names = "--db", paramLabel = "FILE",
            description = "History database file (default: the per-user data folder, on Linux "
                    + "$XDG_DATA_HOME/socket-inspector/history.db or ~/.local/share/socket-inspector/history.db).")
    Path db;

    public Path file() {
        return db != null ? db : DatabaseLocation.defaultFile();
    }

    public HistoryStore open() {
        return HistoryStore.open(file());
    }

    /** For commands that only read: a read-only file (or a full disk) still lists and shows. */
    public HistoryStore openForReading() {
        return HistoryStore.openForReading(file());
    }
}
