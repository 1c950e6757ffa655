package org.socketinspector.inspect;

import java.nio.file.Path;
import java.util.Objects;
import org.socketinspector.collect.ScanRequest;
import org.socketinspector.collect.Source;
import org.socketinspector.history.HistoryId;
import org.socketinspector.input.InputLimits;
import org.socketinspector.parse.CaptureFormat;
import org.socketinspector.store.HistoryStore;

/**
 * What the {@link Inspector} turns into an audit: this machine now, a capture file, a scan or audit JSON document, or
 * a snapshot of the history. Every front end (CLI commands, the GUI, the rescanner, bench) names one of these.
 */
public sealed interface Target {

    /**
     * This machine, scanned now through the platform's one collector of {@code source}.
     *
     * @param crossCheck also read the OS's text tool and list every socket only one source sees (scan --cross-check)
     */
    record ThisMachine(Source source, ScanRequest request, boolean crossCheck) implements Target {
        public ThisMachine {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(request, "request");
        }

        public ThisMachine(Source source, ScanRequest request) {
            this(source, request, false);
        }

        public ThisMachine withCrossCheck(boolean crossCheck) {
            return new ThisMachine(source, request, crossCheck);
        }
    }

    /**
     * A file in any format {@code import} reads (netstat, ss, lsof, several in one file), or a scan or audit JSON
     * document, told apart by its content; {@code -} is standard input.
     *
     * @param format             the format the user named, or null to detect it
     * @param includeConnections keep every connection, not only listeners and bound UDP sockets
     * @param limits             how much is read (a JSON document found inside is also held to the JSON limit)
     * @param saved              what a saved audit document's findings become
     */
    record CaptureFile(Path file, CaptureFormat format, boolean includeConnections, InputLimits limits,
                       SavedFindings saved) implements Target {
        public CaptureFile {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(limits, "limits");
            Objects.requireNonNull(saved, "saved");
        }

        /** Detected format, listeners only, the capture limits, a saved audit reported as saved (the GUI's open). */
        public static CaptureFile of(Path file) {
            return new CaptureFile(file, null, false, InputLimits.DEFAULT, SavedFindings.KEEP);
        }
    }

    /** A scan or audit JSON document (report --input, report merge): nothing else is accepted. */
    record Document(Path file, InputLimits limits, SavedFindings saved) implements Target {
        public Document {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(limits, "limits");
            Objects.requireNonNull(saved, "saved");
        }

        public static Document of(Path file) {
            return new Document(file, InputLimits.JSON, SavedFindings.KEEP);
        }
    }

    /** A scan saved in the history ({@code scan --save}), with the findings it was saved with. The caller owns the store. */
    record Snapshot(HistoryStore store, HistoryId id) implements Target {
        public Snapshot {
            Objects.requireNonNull(store, "store");
            Objects.requireNonNull(id, "id");
        }
    }

    /**
     * What a saved audit document's findings become. A scan document has none and is always audited by this build's
     * rules.
     */
    enum SavedFindings {
        /** Reported as saved, zero findings included: the same file always gives the same report (report, the GUI). */
        KEEP,
        /** Audited again by this build's rules: the question {@code audit --input} asks. */
        RECOMPUTE
    }
}
