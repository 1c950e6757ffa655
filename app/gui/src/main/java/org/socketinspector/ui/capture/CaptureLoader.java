package org.socketinspector.ui.capture;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.socketinspector.error.InspectorException;
import org.socketinspector.json.ScanJson;
import org.socketinspector.model.Scan;
import org.socketinspector.parse.CaptureFormat;
import org.socketinspector.parse.CaptureImport;
import org.socketinspector.parse.CaptureParseException;
import org.socketinspector.parse.CaptureScans;
import org.socketinspector.rules.Audit;
import org.socketinspector.rules.Finding;

/**
 * Reads a file the user opened: a scan or audit JSON document, or a captured listing (netstat, ss, lsof) in any
 * format {@code import} knows. A scan without findings gets them from the rule engine, so that a capture tab
 * shows risks like the live view.
 */
public final class CaptureLoader {

    private final Function<Scan, List<Finding>> rules;

    public CaptureLoader(Function<Scan, List<Finding>> rules) {
        this.rules = rules;
    }

    public Audit load(Path file) throws IOException, CaptureException {
        String name = file.getFileName().toString();
        try {
            CaptureImport capture = CaptureImport.of(Files.readAllBytes(file), name, null);
            Audit audit = capture.format() == CaptureFormat.JSON
                    ? ScanJson.read(capture.text())
                    : new Audit(CaptureScans.toScan(capture.parse(name), null,
                            Files.getLastModifiedTime(file).toInstant(), false), List.of());
            return audit.findings().isEmpty() ? new Audit(audit.scan(), rules.apply(audit.scan())) : audit;
        } catch (CaptureParseException e) {
            throw new CaptureException(e.getMessage());
        } catch (ScanJson.InvalidJsonException e) {
            throw new CaptureException(name + ": " + e.getMessage());
        }
    }

    /** A file that is not something Socket Inspector can open; the message names the file and the problem. */
    public static final class CaptureException extends InspectorException {
        public CaptureException(String message) {
            super(message);
        }
    }
}
