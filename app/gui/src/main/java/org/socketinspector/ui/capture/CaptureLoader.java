package org.socketinspector.ui.capture;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import org.socketinspector.error.InspectorException;
import org.socketinspector.inspect.InspectException;
import org.socketinspector.inspect.Inspector;
import org.socketinspector.inspect.Target;
import org.socketinspector.model.Scan;
import org.socketinspector.rules.Audit;
import org.socketinspector.rules.Finding;

/**
 * Opens a file the user chose: a scan or audit JSON document, or a captured listing (netstat, ss, lsof) in any
 * format {@code import} knows, through the inspection service's one reader of user files, so that a bad file gets the
 * same one-line message as on the command line. A saved audit is shown as saved (zero findings included); a scan or
 * capture gets its findings from the rule engine, so that a capture tab shows risks like the live view.
 */
public final class CaptureLoader {

    private final Inspector inspector;

    /** @param rules the findings of a scan that has none saved (the GUI's rule-engine service) */
    public CaptureLoader(Function<Scan, List<Finding>> rules) {
        this.inspector = Inspector.ofFiles(rules);
    }

    public Audit load(Path file) throws CaptureException {
        try {
            return inspector.inspect(Target.CaptureFile.of(file)).audit();
        } catch (InspectException e) {
            throw new CaptureException(e.getMessage());
        }
    }

    /** A file that is not something Socket Inspector can open; the message names the file and the problem. */
    public static final class CaptureException extends InspectorException {
        public CaptureException(String message) {
            super(message);
        }
    }
}
