package org.socketinspector.history;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The id of a history row as users see it: the type letter and the row number, e.g. {@code E12}, {@code S3}.
 * Experiments and snapshots share one numbering (one table), so the number alone is unique; the letter makes the
 * type visible and lets the store refuse an id of the wrong type ("S12" when 12 is an experiment).
 */
public record HistoryId(RunType type, long number) {

    private static final Pattern TEXT = Pattern.compile("([ES])(\\d{1,18})");

    public HistoryId {
        if (number < 1) {
            throw new IllegalArgumentException("history id number must be positive: " + number);
        }
    }

    public static HistoryId experiment(long number) {
        return new HistoryId(RunType.EXPERIMENT, number);
    }

    public static HistoryId snapshot(long number) {
        return new HistoryId(RunType.SNAPSHOT, number);
    }

    /** Parses "E12" or "s3"; anything else is refused with a message saying what an id looks like. */
    public static HistoryId parse(String text) {
        Matcher m = TEXT.matcher(text == null ? "" : text.trim().toUpperCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("not a history id: '" + text
                    + "' (expected E<number> for an experiment or S<number> for a snapshot, e.g. E12, S3)");
        }
        RunType type = m.group(1).equals("E") ? RunType.EXPERIMENT : RunType.SNAPSHOT;
        return new HistoryId(type, Long.parseLong(m.group(2)));
    }

    @Override
    public String toString() {
        return type.letter() + Long.toString(number);
    }
}
