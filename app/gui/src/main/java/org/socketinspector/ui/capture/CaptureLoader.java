package org.socketinspector.ui.capture;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import org.socketinspector.input.BoundedInput;
import org.socketinspector.input.InputException;
import org.socketinspector.input.InputLimits;
import org.socketinspector.json.ScanJson;
import org.socketinspector.model.Scan;
import org.socketinspector.parse.CaptureFormat;
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
        try (BoundedInput input = BoundedInput.open(file, InputLimits.DEFAULT)) {
            CaptureScans.Imported imported = CaptureScans.read(input, null, false, false, null,
                    Files.getLastModifiedTime(file).toInstant());
            Audit audit = imported.format() == CaptureFormat.JSON
                    ? ScanJson.read(new String(input.stream().readNBytes((int) InputLimits.JSON.maxBytes()),
                            StandardCharsets.UTF_8))
                    : new Audit(imported.scan(), List.of());
            return audit.findings().isEmpty() ? new Audit(audit.scan(), rules.apply(audit.scan())) : audit;
        } catch (CaptureParseException | InputException e) {
            throw new CaptureException(e.getMessage());
        } catch (ScanJson.InvalidJsonException e) {
            throw new CaptureException(name + ": " + e.getMessage());
        }
    }

    /** A file that is not something Socket Inspector can open; the message names the file and the problem. */
    public static final class CaptureException extends Exception {
        public CaptureException(String message) {
            super(message);
        }
    }
}
