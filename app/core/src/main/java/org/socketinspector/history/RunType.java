package org.socketinspector.history;

/** What a history row is. The letter prefixes its id in the CLI and the GUI: E12 is an experiment, S3 a snapshot. */
public enum RunType {
    EXPERIMENT('E'), SNAPSHOT('S');

    /** The {@code kind} column value of every snapshot, so that one kind filter covers both types. */
    public static final String SNAPSHOT_KIND = "snapshot";

    private final char letter;

    RunType(char letter) {
        this.letter = letter;
    }

    public char letter() {
        return letter;
    }

    public String column() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static RunType ofColumn(String value) {
        return valueOf(value.toUpperCase(java.util.Locale.ROOT));
    }
}
