package org.socketinspector.ui.common;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.socketinspector.error.InspectorException;

/**
 * What the GUI says when something fails. An expected failure ({@link InspectorException}, an I/O error) is the
 * user's to act on: its one-line reason is shown. Anything else is a bug in Socket Inspector: it is logged with its
 * stack trace and the user is told so and where the log is, instead of seeing a Java exception text.
 */
public final class Failures {

    private static final System.Logger LOG = System.getLogger(Failures.class.getName());
    private static volatile Path logFile;

    private Failures() {
    }

    /** Where the GUI's log is written (GuiMain sets it), for the messages that point there. */
    public static void logFile(Path file) {
        logFile = file;
    }

    /** @param what what was being done, e.g. "saving the snapshot" (for the log and the message of a bug) */
    public static String describe(String what, Throwable e) {
        if (e instanceof InspectorException) {
            LOG.log(System.Logger.Level.INFO, () -> what + ": " + e.getMessage());
            return e.getMessage();
        }
        if (e instanceof IOException io) {
            LOG.log(System.Logger.Level.INFO, () -> what + ": " + e);
            return ioReason(io);
        }
        LOG.log(System.Logger.Level.ERROR, "unexpected failure " + what, e);
        Path file = logFile;
        return "Internal error " + what + " (" + e.getClass().getSimpleName() + "); the details are in the log"
                + (file == null ? "" : " " + file) + ".";
    }

    private static String ioReason(IOException e) {
        if (e instanceof NoSuchFileException n) {
            return n.getFile() + ": no such file";
        }
        if (e instanceof AccessDeniedException a) {
            return a.getFile() + ": permission denied";
        }
        return e.getMessage() == null ? "input/output error" : e.getMessage();
    }
}
