package org.socketinspector.cli;

import org.socketinspector.semantics.OsFamily;
import org.socketinspector.text.TerminalText;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import org.socketinspector.json.Json;
import org.socketinspector.model.Endpoints;
import org.socketinspector.model.SocketRecord;
import org.socketinspector.rules.Finding;
import org.socketinspector.history.HistoryId;
import org.socketinspector.history.RunSummary;
import org.socketinspector.history.RunType;

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

    /** "tcp 0.0.0.0:8080 pid 300 java user ann [reuseaddr]", its options named as {@code os} names them. */
    static String listener(SocketRecord s, OsFamily os) {
        String pid = s.pid() == null ? "?" : s.pid().toString();
        String process = s.process() == null || s.process().name() == null ? "?" : s.process().name();
        return s.protocol().wireName() + " " + TerminalText.escape(s.localEndpoint()) + " pid " + pid + " "
                + TerminalText.escape(process) + " user " + TerminalText.escape(ScanTable.user(s)) + " ["
                + ScanTable.flags(s, os) + "]";
    }

    /** "HIGH LINUX-REUSEPORT-GROUP tcp 0.0.0.0:8080: title"; host findings have no endpoint. */
    static String finding(Finding f) {
        String where = f.socket().isHost() ? "host"
                : f.socket().protocol().wireName() + " " + Endpoints.format(f.socket().localAddress(),
                        f.socket().localPort());
        return f.severity().wireName().toUpperCase(Locale.ROOT) + " " + TerminalText.escape(f.rule()) + " " + TerminalText.escape(where) + ": "
                + TerminalText.escape(f.title())
                + (f.suppressed() ? " (suppressed by baseline)" : "");
    }

    static String noSuchRun(HistoryId id, Path file) {
        return "no " + (id.type() == RunType.EXPERIMENT ? "experiment " : "snapshot ") + id
                + " in " + file;
    }

    /** A stored JSON document, indented for reading. */
    static String pretty(String json) throws IOException {
        return Json.pretty().writeValueAsString(Json.mapper().readTree(json));
    }

    static String heading(RunSummary run) {
        return run.id() + "  " + TerminalText.escape(run.kind()) + "  " + TerminalText.escape(run.title());
    }
}
