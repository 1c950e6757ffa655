package org.socketinspector.cli;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.socketinspector.model.SocketRecord;
import org.socketinspector.store.HistoryId;
import org.socketinspector.store.RunSummary;

/** Text forms shared by the history commands. */
final class HistoryText {

    private HistoryText() {
    }

    /** ISO-8601 UTC to the second: "2026-11-25T08:00:00Z"; "-" for none. */
    static String time(Instant instant) {
        return instant == null ? "-" : instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    static String agreement(Boolean agrees) {
        return agrees == null ? "-" : agrees ? "yes" : "NO";
    }

    /** "tcp 0.0.0.0:8080 pid 300 java user ann [reuseaddr]". */
    static String listener(SocketRecord s) {
        String pid = s.pid() == null ? "?" : s.pid().toString();
        String process = s.process() == null || s.process().name() == null ? "?" : s.process().name();
        return s.protocol().wireName() + " " + s.localEndpoint() + " pid " + pid + " " + process + " user "
                + ScanTable.user(s) + " [" + ScanTable.flags(s) + "]";
    }

    static String noSuchRun(HistoryId id, java.nio.file.Path file) {
        return "no " + (id.type() == org.socketinspector.store.RunType.EXPERIMENT ? "experiment " : "snapshot ") + id
                + " in " + file;
    }

    /** A stored JSON document, indented for reading. */
    static String pretty(String json) throws java.io.IOException {
        return org.socketinspector.json.Json.pretty().writeValueAsString(
                org.socketinspector.json.Json.mapper().readTree(json));
    }

    static String heading(RunSummary run) {
        return run.id() + "  " + run.kind() + "  " + run.title();
    }
}
