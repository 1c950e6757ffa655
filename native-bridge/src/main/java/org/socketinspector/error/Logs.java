package org.socketinspector.error;

import java.io.IOException;
import java.nio.file.Path;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;

/**
 * Where {@code System.Logger} records go. Without a configuration the JDK routes them through java.util.logging's
 * root logger to a console handler; each program's main chooses instead: the command line keeps quiet (its
 * standard streams are its output and its one-line errors), the GUI writes a private log file.
 */
public final class Logs {

    /** The GUI's log file is rotated at 1 MiB and keeps 3 files: at most 3 MiB, days of warnings. */
    public static final long LIMIT_BYTES = 1 << 20;
    public static final int FILES = 3;

    private Logs() {
    }

    /** No handler, no level: nothing a library or our code logs reaches stdout or stderr. */
    public static void quiet() {
        LogManager.getLogManager().reset();
        Logger.getLogger("").setLevel(Level.OFF);
    }

    /**
     * Records at INFO and above go to {@code file} only (private, size-capped, rotated; see
     * {@link PrivateLogHandler}), replacing the console handler.
     *
     * @throws IOException when the file cannot be used; the configuration is then left as it was
     */
    public static PrivateLogHandler toFile(Path file) throws IOException {
        PrivateLogHandler handler = new PrivateLogHandler(file, LIMIT_BYTES, FILES);
        handler.setLevel(Level.INFO);
        LogManager.getLogManager().reset();
        Logger root = Logger.getLogger("");
        root.setLevel(Level.INFO);
        for (Handler h : root.getHandlers()) {
            root.removeHandler(h);
        }
        root.addHandler(handler);
        return handler;
    }
}
