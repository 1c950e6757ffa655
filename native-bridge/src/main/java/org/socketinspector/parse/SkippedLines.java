package org.socketinspector.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts the lines a parser ignored because they are not sockets (blank lines, titles, headers, other tools' noise),
 * and says so in one limitation line. Lines that should have been sockets are not counted here: they are
 * {@link org.socketinspector.model.SkippedLine}s, listed one by one ({@link CaptureReader}).
 */
final class SkippedLines {

    static final String BLANK = "blank";
    static final String BANNER = "title/header";
    static final String OTHER = "other";
    static final String NOT_IP = "neither TCP nor UDP";

    private final Map<String, Integer> counts = new TreeMap<>();

    void skip(String kind) {
        counts.merge(kind, 1, Integer::sum);
    }

    /** Counts the line if it is blank; the parsers' loops start with {@code if (skipped.blank(tokens)) continue;}. */
    boolean blank(String[] tokens) {
        if (tokens.length == 0) {
            skip(BLANK);
            return true;
        }
        return false;
    }

    int total() {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Adds "ignored N lines that are not sockets (2 blank, 1 title/header)" when anything was ignored. */
    void describeInto(List<String> limitations) {
        if (counts.isEmpty()) {
            return;
        }
        List<String> parts = new ArrayList<>();
        counts.forEach((kind, count) -> parts.add(count + " " + kind));
        limitations.add("ignored " + total() + (total() == 1 ? " line that is not a socket (" : " lines that are not sockets (")
                + String.join(", ", parts) + ")");
    }
}
