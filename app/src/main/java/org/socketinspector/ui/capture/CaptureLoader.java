package org.socketinspector.ui.capture;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import org.socketinspector.json.ScanJson;
import org.socketinspector.model.Scan;
import org.socketinspector.rules.Audit;
import org.socketinspector.rules.Finding;

/**
 * Reads a file the user opened: a scan or audit JSON document, or a captured listing (netstat, ss, lsof).
 * A scan without findings gets them from the rule engine, so that a capture tab shows risks like the live view.
 */
public final class CaptureLoader {

    private final Function<Scan, List<Finding>> rules;

    public CaptureLoader(Function<Scan, List<Finding>> rules) {
        this.rules = rules;
    }

    public Audit load(Path file) throws IOException, CaptureException {
        byte[] bytes = Files.readAllBytes(file);
        String text = new String(bytes, StandardCharsets.UTF_8).stripLeading();
        if (!text.startsWith("{")) {
            throw new CaptureException(file.getFileName() + ": not a scan or audit JSON document; "
                    + "importing captured netstat/ss/lsof output is not available in this build yet");
        }
        Audit audit;
        try {
            audit = ScanJson.read(text);
        } catch (ScanJson.InvalidJsonException e) {
            throw new CaptureException(file.getFileName() + ": " + e.getMessage());
        }
        if (audit.findings().isEmpty()) {
            audit = new Audit(audit.scan(), rules.apply(audit.scan()));
        }
        return audit;
    }

    /** A file that is not something Socket Inspector can open; the message names the file and the problem. */
    public static final class CaptureException extends Exception {
        public CaptureException(String message) {
            super(message);
        }
    }
}
